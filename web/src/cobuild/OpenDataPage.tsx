import { useState } from 'react';
import { notesSummary } from '../../../src/cobuild/notes.ts';
import { cobuildApi, downloadUrl, type MoveStudy, type OpenReleaseDetail } from '../api/cobuild.ts';
import { api } from '../api/endpoints.ts';
import type { Me } from '../api/types.ts';
import { NameCell } from '../components/NameCell.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime, formatNumber, formatPercent } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { href } from '../router.ts';
import { ReleaseNotes } from './ReleaseNotes.tsx';
import { openDataHref } from './routes.ts';

const PAGE = 50;

/** Open sharing: every published release, its notes, its datasets with licence and citation, and the downloads. Anyone may read it. */
export function OpenDataPage({ me, release, q }: { me: Me | null; release?: string; q?: string }) {
  const { t, lang } = useI18n();
  const releases = useLoad(() => cobuildApi.openReleases(), []);
  return (
    <section>
      <div className="page-head">
        <h1>{t('open.title')}</h1>
      </div>
      <p className="muted small">{t('open.intro')}</p>
      {releases.loading && <Loading />}
      <ErrorMessage error={releases.error} />
      {releases.data && (
        <table className="table" data-testid="open-releases">
          <thead>
            <tr>
              <th>{t('open.release')}</th>
              <th>{t('open.contents')}</th>
              <th>{t('cobuild.f.licence')}</th>
              <th>{t('open.published')}</th>
            </tr>
          </thead>
          <tbody>
            {releases.data.map((r) => (
              <tr
                key={r.release}
                data-testid="open-release-row"
                data-release={r.release}
                aria-current={r.release === release ? 'true' : undefined}
              >
                <NameCell detail={r.name}>
                  <a href={openDataHref(r.release)}>{r.release}</a>{' '}
                  {r.cobuilt && <span className="badge badge-ok">{t('open.cobuilt')}</span>}
                </NameCell>
                <td>
                  {r.factors > 0 && `${r.factors} ${t('open.factors')}`}{' '}
                  {r.processes > 0 && `${r.processes} ${t('open.processes')}`}
                </td>
                <td className="small">{r.licence ?? t('open.licenceNotStated')}</td>
                <td className="nowrap">{formatDateTime(r.createdAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {release && <ReleaseDetail key={`${release}/${q ?? ''}`} release={release} me={me} search={q} />}
    </section>
  );
}

function ReleaseDetail({ release, me, search }: { release: string; me: Me | null; search?: string }) {
  const { t, lang } = useI18n();
  const detail = useLoad(() => cobuildApi.openRelease(release), [release]);
  const [q, setQ] = useState(search ?? '');
  const [type, setType] = useState('');
  const [offset, setOffset] = useState(0);
  const datasets = useLoad(
    () => cobuildApi.openDatasets(release, { q, type, offset, limit: PAGE }),
    [release, q, type, offset],
  );
  if (!detail.data) return detail.loading ? <Loading /> : <ErrorMessage error={detail.error} />;
  const r: OpenReleaseDetail = detail.data;
  return (
    <>
      <div className="card" data-testid="open-release">
        <h2>
          {t('open.release')} {r.release}
        </h2>
        {r.notes ? <p>{notesSummary(r.notes, lang)}</p> : r.summary && <p>{r.summary}</p>}
        <dl className="facts small">
          <dt>{t('cobuild.f.licence')}</dt>
          <dd data-testid="release-licence">{r.licence ?? t('open.licenceNotStated')}</dd>
          <dt>{t('open.citation')}</dt>
          <dd data-testid="release-citation">{r.citation}</dd>
        </dl>
        <div className="inline-fields">
          {r.processes > 0 && (
            <a className="button" href={downloadUrl(r.release, 'jsonld.zip')} download data-testid="download-jsonld">
              {t('open.downloadJsonld')}
            </a>
          )}
          {r.factors > 0 && (
            <a className="button" href={downloadUrl(r.release, 'factors.csv')} download data-testid="download-factors">
              {t('open.downloadFactors')}
            </a>
          )}
          {r.processes > 0 && (
            <a
              className="button"
              href={downloadUrl(r.release, 'exchanges.csv')}
              download
              data-testid="download-exchanges"
            >
              {t('open.downloadExchanges')}
            </a>
          )}
        </div>
        {r.notes && (
          <details open>
            <summary>{t('open.notes')}</summary>
            <ReleaseNotes notes={r.notes} testId="open-notes" />
          </details>
        )}
      </div>
      {me?.role === 'enterprise' && <MoveStudy release={r.release} />}
      <div className="card">
        <div className="inline-fields">
          <input
            placeholder={t('open.search')}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setOffset(0);
            }}
            data-testid="open-search"
          />
          <select
            value={type}
            onChange={(e) => {
              setType(e.target.value);
              setOffset(0);
            }}
            className="narrow"
            data-testid="open-type"
          >
            <option value="">{t('open.allTypes')}</option>
            <option value="factor">{t('cobuild.kind.factor')}</option>
            <option value="process">{t('cobuild.kind.process')}</option>
          </select>
        </div>
        <ErrorMessage error={datasets.error} />
        {datasets.data && (
          <>
            <p className="small muted" data-testid="open-total">
              {t('open.showing', {
                from: datasets.data.total ? offset + 1 : 0,
                to: Math.min(offset + PAGE, datasets.data.total),
                total: datasets.data.total,
              })}
            </p>
            <div className="table-scroll">
              <table className="table" data-testid="open-datasets">
                <thead>
                  <tr>
                    <th>{t('cobuild.dataset')}</th>
                    <th>{t('cobuild.regionYear')}</th>
                    <th className="num">{t('cobuild.value')}</th>
                    <th>{t('cobuild.f.licence')}</th>
                    <th>{t('open.citation')}</th>
                  </tr>
                </thead>
                <tbody>
                  {datasets.data.items.map((d) => (
                    <tr key={`${d.type}:${d.id}`} data-testid="open-dataset" data-id={d.id}>
                      <NameCell detail={d.id}>{d.name}</NameCell>
                      <td>
                        {d.region ?? '—'} {d.year ?? ''}
                      </td>
                      <td className="num nowrap">
                        {d.value === null ? d.unit : `${formatNumber(d.value, lang)} ${d.unit}`}
                      </td>
                      <td className="small">{d.licence}</td>
                      <td className="small" data-testid="open-citation">
                        {d.citation}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="inline-fields">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                ←
              </button>
              <button
                type="button"
                disabled={offset + PAGE >= datasets.data.total}
                onClick={() => setOffset(offset + PAGE)}
                data-testid="open-next"
              >
                →
              </button>
            </div>
          </>
        )}
      </div>
    </>
  );
}

/** A practitioner's study on this release: the difference entry by entry, then a new version pinned to it. */
function MoveStudy({ release }: { release: string }) {
  const { t, lang } = useI18n();
  const studies = useLoad(() => api.studies(), []);
  const [studyId, setStudyId] = useState('');
  const [result, setResult] = useState<MoveStudy | null>(null);
  const [error, setError] = useState<unknown>(null);
  const study = studies.data?.find((s) => s.id === studyId);

  async function run(apply: boolean) {
    setError(null);
    try {
      setResult(await cobuildApi.moveStudy(studyId, release, apply, apply ? study?.version : undefined));
      if (apply) studies.reload();
    } catch (e) {
      setError(e);
    }
  }
  const c = result?.comparison;
  return (
    <div className="card" data-testid="move-study">
      <h2>{t('open.move.title', { release })}</h2>
      <div className="inline-fields">
        <select
          value={studyId}
          onChange={(e) => {
            setStudyId(e.target.value);
            setResult(null);
          }}
          data-testid="move-study-select"
        >
          <option value="">{t('open.move.choose')}</option>
          {studies.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} (v{s.version})
            </option>
          ))}
        </select>
        <button type="button" disabled={!studyId} onClick={() => void run(false)} data-testid="move-preview">
          {t('open.move.preview')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!c || result?.applied}
          onClick={() => void run(true)}
          data-testid="move-apply"
        >
          {t('open.move.apply')}
        </button>
      </div>
      <ErrorMessage error={error} />
      {c && (
        <div data-testid="move-result">
          <p>
            {t('open.move.total', {
              before: formatNumber(c.before, lang),
              after: formatNumber(c.after, lang),
              change: formatPercent(c.relative, lang),
            })}
          </p>
          <table className="table">
            <tbody>
              {c.entries.map((e) => (
                <tr key={e.entryId} data-testid="move-entry">
                  <td>{e.name}</td>
                  <td className="num">{formatNumber(e.before, lang)}</td>
                  <td className="num">→ {formatNumber(e.after, lang)} kg CO2e</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result?.applied && (
            <div className="alert alert-ok" data-testid="move-applied">
              {t('open.move.applied', { version: result.version ?? '' })}{' '}
              <a href={href({ page: 'study', id: studyId, tab: 'results' })}>{t('open.move.open')}</a>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
