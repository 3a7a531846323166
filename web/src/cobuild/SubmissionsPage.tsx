import { useState } from 'react';
import { cobuildApi } from '../api/cobuild.ts';
import type { Me } from '../api/types.ts';
import { NameCell } from '../components/NameCell.tsx';
import { Empty, ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { StateBadge, stateLabel, STATES } from './labels.tsx';
import { cobuildHref } from './routes.ts';

/** Organisations see their own submissions, stewards the review queue, verifiers what they were assigned. */
export function SubmissionsPage({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState('');
  const list = useLoad(() => cobuildApi.submissions(state || undefined), [state]);
  const steward = me.role === 'steward';

  return (
    <section>
      <div className="page-head">
        <h1>{me.role === 'enterprise' ? t('cobuild.mine.title') : t('cobuild.queue.title')}</h1>
        <div className="inline-fields">
          {me.role === 'enterprise' && (
            <a className="button primary" href={cobuildHref({ kind: 'submit' })} data-testid="cobuild-new">
              {t('cobuild.submit.title')}
            </a>
          )}
          {steward && (
            <>
              <a className="button" href={cobuildHref({ kind: 'aggregates' })} data-testid="cobuild-aggregates">
                {t('cobuild.aggregates.title')}
              </a>
              <a className="button" href={cobuildHref({ kind: 'releases' })} data-testid="cobuild-releases">
                {t('cobuild.releases.title')}
              </a>
              <a className="button" href={cobuildHref({ kind: 'benchmarks' })} data-testid="cobuild-benchmarks">
                {t('cobuild.benchmarks')}
              </a>
            </>
          )}
        </div>
      </div>
      <p className="muted small">{me.role === 'enterprise' ? t('cobuild.mine.intro') : t('cobuild.queue.intro')}</p>
      <label className="field narrow">
        <span>{t('cobuild.state')}</span>
        <select value={state} onChange={(e) => setState(e.target.value)} data-testid="cobuild-state-filter">
          <option value="">{t('cobuild.allStates')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {stateLabel(s, t)}
            </option>
          ))}
        </select>
      </label>
      {list.loading && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.length === 0 && <Empty>{t('cobuild.none')}</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="table" data-testid="submissions-table">
          <thead>
            <tr>
              <th>{t('cobuild.dataset')}</th>
              <th>{t('cobuild.kind')}</th>
              {me.role !== 'enterprise' && <th>{t('cobuild.organisation')}</th>}
              <th>{t('cobuild.regionYear')}</th>
              <th>{t('cobuild.state')}</th>
              <th>{t('cobuild.reviewer')}</th>
              <th>{t('cobuild.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.id} data-testid="submission-row" data-id={s.id}>
                <NameCell detail={`${s.datasetId} · v${s.latestVersion} · ${t(`cobuild.sharing.${s.sharing}`)}`}>
                  <a href={cobuildHref({ kind: 'submission', id: s.id })}>{s.name}</a>
                </NameCell>
                <td>{t(`cobuild.kind.${s.kind}`)}</td>
                {me.role !== 'enterprise' && <td>{s.companyName}</td>}
                <td>
                  {s.region ?? '—'} {s.year ?? ''}
                </td>
                <td>
                  <StateBadge state={s.state} t={t} />
                </td>
                <td>{s.reviewerName ?? '—'}</td>
                <td className="nowrap">{formatDateTime(s.updatedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
