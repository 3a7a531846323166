import type { PactHost, PublishedFootprint } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import type { Loaded } from '../lib/useLoad.ts';
import { href } from '../router.ts';

/** What partners see of the company: the host they connect to and the footprints it serves. */
export function PublishedSection({
  host,
  footprints,
}: {
  host: Loaded<PactHost>;
  footprints: Loaded<PublishedFootprint[]>;
}) {
  const { t } = useI18n();
  return (
    <section className="card">
      <h2>{t('pact.hostTitle')}</h2>
      <p className="small muted">{t('pact.hostIntro')}</p>
      <ErrorMessage error={host.error} />
      {host.data && (
        <dl className="facts">
          <dt>{t('pact.hostUrl')}</dt>
          <dd>
            <code data-testid="pact-host-url">{host.data.url}</code>
          </dd>
          <dt>{t('pact.hostEvents')}</dt>
          <dd>
            <code>{host.data.events}</code>
          </dd>
        </dl>
      )}
      <h3>{t('pact.published')}</h3>
      {footprints.loading && !footprints.data && <Loading />}
      <ErrorMessage error={footprints.error} />
      {footprints.data?.length === 0 && <p className="muted">{t('pact.noPublished')}</p>}
      {footprints.data && footprints.data.length > 0 && <PublishedTable rows={footprints.data} />}
    </section>
  );
}

function PublishedTable({ rows }: { rows: PublishedFootprint[] }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-scroll">
      <table className="table compact" data-testid="published-table">
        <thead>
          <tr>
            <th>{t('pact.status')}</th>
            <th>{t('pact.product')}</th>
            <th className="num">{t('pact.pcfPerUnit')}</th>
            <th>v2.3</th>
            <th>{t('pact.study')}</th>
            <th>{t('pact.created')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr
              key={f.id}
              data-testid="published-row"
              data-id={f.id}
              data-status={f.status}
              data-study-id={f.studyId ?? ''}
            >
              <td>
                <span className={`badge ${f.status === 'Active' ? 'badge-ok' : 'badge-warn'}`}>
                  {t(`pact.status.${f.status}`)}
                </span>
              </td>
              <td>
                {f.productName}
                <ProductIds ids={f.productIds} />
              </td>
              <td className="num nowrap">
                {formatNumber(Number(f.pcf), lang)} kg CO2e / {f.declaredUnit}
              </td>
              <td>{f.v2 ? t('pact.yes') : t('pact.no')}</td>
              <td className="nowrap">
                {f.studyId ? (
                  <a href={href({ page: 'study', id: f.studyId, tab: 'results' })}>v{f.studyVersion}</a>
                ) : (
                  '—'
                )}
              </td>
              <td className="small">{formatDateTime(f.created, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProductIds({ ids }: { ids: string[] }) {
  return (
    <span className="small muted block">
      {ids.map((id) => (
        <code key={id} className="block">
          {id}
        </code>
      ))}
    </span>
  );
}
