import { api } from '../api/endpoints.ts';
import type { Me } from '../api/types.ts';
import { Empty, ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { href, navigate } from '../router.ts';

export function StudiesPage({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const studies = useLoad(() => api.studies(), []);
  const canCreate = me.role === 'enterprise';

  return (
    <section>
      <div className="page-head">
        <h1>{t('studies.title')}</h1>
        {canCreate && (
          <a className="button primary" href={href({ page: 'new-study' })} data-testid="new-study">
            {t('studies.new')}
          </a>
        )}
      </div>
      {studies.loading && <Loading />}
      <ErrorMessage error={studies.error} />
      {studies.data && studies.data.length === 0 && (
        <Empty>
          <p>{t('studies.empty')}</p>
          <p className="muted">{canCreate ? t('studies.emptyCreate') : t('studies.emptyReader')}</p>
        </Empty>
      )}
      {studies.data && studies.data.length > 0 && (
        <table className="table" data-testid="studies-table">
          <thead>
            <tr>
              <th>{t('studies.name')}</th>
              <th>{t('studies.product')}</th>
              <th className="num" title={t('headline.cfp')}>
                {t('studies.cfp')}
              </th>
              <th className="num">{t('studies.version')}</th>
              <th>{t('studies.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {studies.data.map((s) => (
              <tr
                key={s.id}
                className="clickable"
                onClick={() => navigate({ page: 'study', id: s.id, tab: 'inventory' })}
                data-testid="study-row"
              >
                <td>
                  <a href={href({ page: 'study', id: s.id, tab: 'inventory' })} onClick={(e) => e.stopPropagation()}>
                    {s.name}
                  </a>
                </td>
                <td>{s.product}</td>
                <td className="num">{s.cfp == null ? '—' : `${formatNumber(s.cfp, lang)} kg CO2e`}</td>
                <td className="num">v{s.version}</td>
                <td>
                  {formatDateTime(s.updatedAt, lang)} · {s.updatedBy}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
