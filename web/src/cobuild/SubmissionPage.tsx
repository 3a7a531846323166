import { render } from '../../../src/i18n/catalogue.ts';
import { useState } from 'react';
import { issueText } from '../../../src/i18n/cobuild.ts';
import { ApiError } from '../api/client.ts';
import {
  cobuildApi,
  type Dataset,
  type ReviewAction,
  type SubmissionMeta,
  type SubmissionView,
} from '../api/cobuild.ts';
import type { Me } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import type { Translate } from '../i18n/translate.ts';
import type { MessageKey } from '../i18n/zh.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { applyExchangeDrafts, exchangeDrafts } from './exchangeDraft.ts';
import { ExchangesEditor } from './ExchangesEditor.tsx';
import { ProblemList, StateBadge } from './labels.tsx';

/** A row of the dataset as reviewers discuss it: the field path comments name, and its value. */
interface FieldRow {
  field: string;
  label: string;
  value: string;
}

function fieldRows(dataset: Dataset, meta: SubmissionMeta, t: Translate): FieldRow[] {
  const volume = meta.productionVolume ? `${meta.productionVolume.amount} ${meta.productionVolume.unit}` : '—';
  const common = [
    { field: 'meta.productionVolume', label: t('cobuild.f.volume'), value: volume },
    { field: 'meta.sharing', label: t('cobuild.f.sharing'), value: t(`cobuild.sharing.${meta.sharing}`) },
  ];
  if (dataset.type === 'factor') {
    const f = dataset.factor;
    const p = f.dataQuality.pedigree;
    return [
      { field: 'factor.value', label: t('cobuild.f.value'), value: `${f.value} ${f.unit}` },
      { field: 'factor.region', label: t('cobuild.f.region'), value: f.region },
      { field: 'factor.year', label: t('cobuild.f.year'), value: String(f.year) },
      { field: 'factor.technology', label: t('cobuild.f.technology'), value: f.technology ?? '' },
      {
        field: 'factor.source',
        label: t('cobuild.f.sourceTitle'),
        value: [f.source.publisher, f.source.title, f.source.documentNumber].filter(Boolean).join(', '),
      },
      { field: 'factor.gwpSet', label: t('cobuild.f.gwpSet'), value: `${f.gases} ${f.gwpSet ?? ''}` },
      {
        field: 'factor.dataQuality',
        label: t('cobuild.pedigree'),
        value: `(${p.reliability}, ${p.completeness}, ${p.temporal}, ${p.geographical}, ${p.technological}) DQR ${f.dataQuality.dqr}`,
      },
      { field: 'factor.licence', label: t('cobuild.f.licence'), value: f.licence || '—' },
      ...common,
    ];
  }
  const p = dataset.process;
  const flows = new Map(dataset.flows.map((f) => [f.id, f]));
  return [
    { field: 'process.location', label: t('cobuild.f.region'), value: p.location ?? '' },
    {
      field: 'process.provenance.referenceYear',
      label: t('cobuild.f.year'),
      value: String(p.provenance?.referenceYear ?? ''),
    },
    { field: 'process.provenance.technology', label: t('cobuild.f.technology'), value: p.provenance?.technology ?? '' },
    {
      field: 'process.provenance.publication',
      label: t('cobuild.f.sourceTitle'),
      value: p.provenance?.publication ?? p.provenance?.generator ?? '',
    },
    ...p.exchanges.map((e, i) => {
      const f = flows.get(e.flowId);
      return {
        field: `process.exchanges[${i}].amount`,
        label: `${e.reference ? '★ ' : ''}${e.input ? '←' : '→'} ${f?.name ?? e.flowId}`,
        value: `${e.amount} ${f?.unit ?? ''}`,
      };
    }),
    ...common,
  ];
}

export function SubmissionPage({ me, id }: { me: Me; id: string }) {
  const { t, lang } = useI18n();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const view = useLoad(() => cobuildApi.submission(id, version), [id, version]);
  const audit = useLoad(() => cobuildApi.audit(id), [id, view.data?.head.updatedAt, view.data?.comments.length]);
  const [commentField, setCommentField] = useState('');

  if (view.loading && !view.data) return <Loading />;
  if (!view.data) return <ErrorMessage error={view.error} />;
  const v = view.data;
  const latest = v.version === v.head.latestVersion;
  const rows = fieldRows(v.dataset, v.meta, t);
  const flagged = new Set(v.validation.flags.map((f) => f.field));
  const reload = () => {
    setVersion(undefined);
    view.reload();
  };

  return (
    <section>
      <div className="page-head">
        <h1 data-testid="submission-name">{v.head.name}</h1>
        <StateBadge state={v.head.state} t={t} />
      </div>
      <p className="muted small">
        {t(`cobuild.kind.${v.head.kind}`)} · {v.head.datasetId} · {v.head.companyName} ·{' '}
        {t(`cobuild.sharing.${v.head.sharing}`)}
        {v.head.reviewerName ? ` · ${t('cobuild.reviewer')}: ${v.head.reviewerName}` : ''}
        {v.releases.length ? ` · ${t('cobuild.publishedIn', { releases: v.releases.join(', ') })}` : ''}
      </p>
      <div className="inline-fields">
        <label className="field">
          <span>{t('cobuild.version')}</span>
          <select
            value={v.version}
            onChange={(e) => setVersion(Number(e.target.value))}
            data-testid="submission-version"
          >
            {v.versions.map((x) => (
              <option key={x.version} value={x.version}>
                v{x.version} · {x.createdByName} · {formatDateTime(x.createdAt, lang)}
                {x.comment ? ` · ${x.comment}` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!latest && <div className="alert alert-warn">{t('cobuild.superseded', { latest: v.head.latestVersion })}</div>}

      {v.validation.flags.length > 0 && (
        <div className="alert alert-warn" data-testid="validation-flags">
          <strong>{t('cobuild.flags', { n: v.validation.flags.length })}</strong>
          <ul>
            {v.validation.flags.map((f, i) => (
              <li key={i} data-testid="validation-flag">
                <code>{f.field}</code> {issueText(f, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="small">
        <summary>{t('cobuild.checks', { release: v.validation.release ?? '—' })}</summary>
        <ul>
          {v.validation.notes.map((n, i) => (
            <li key={i}>{render(n, lang)}</li>
          ))}
        </ul>
      </details>

      <div className="card">
        <table className="table" data-testid="dataset-fields">
          <thead>
            <tr>
              <th>{t('cobuild.field')}</th>
              <th>{t('cobuild.value')}</th>
              <th>{t('cobuild.comments')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const comments = v.comments.filter(
                (c) => c.field !== null && (c.field === r.field || c.field.startsWith(`${r.field}.`)),
              );
              return (
                <tr
                  key={r.field}
                  className={flagged.has(r.field) ? 'status-check' : undefined}
                  data-testid="dataset-field"
                  data-field={r.field}
                >
                  <td>
                    {r.label}
                    <div className="small muted">
                      <code>{r.field}</code>
                    </div>
                  </td>
                  <td>
                    {r.value}
                    {flagged.has(r.field) && <span className="badge badge-warn"> {t('cobuild.flagged')}</span>}
                  </td>
                  <td>
                    {comments.map((c) => (
                      <div key={c.id} className="small">
                        <strong>{c.author}</strong> (v{c.version}): {c.body}
                      </div>
                    ))}
                    <button
                      type="button"
                      className="link-button small"
                      onClick={() => setCommentField(r.field)}
                      data-testid="comment-on-field"
                    >
                      {t('cobuild.commentHere')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <Comments
        view={v}
        field={commentField}
        setField={setCommentField}
        fields={rows.map((r) => r.field)}
        onAdded={view.reload}
      />
      {latest && <Steps key={`${v.version}-${v.head.state}`} me={me} view={v} onDone={reload} />}
      {latest && (v.steps.includes('revise') || v.steps.includes('edit')) && (
        <Reviser key={v.version} view={v} onSaved={reload} />
      )}

      <div className="card" data-testid="submission-audit">
        <h2>{t('cobuild.audit')}</h2>
        <ul className="timeline">
          {audit.data?.map((a, i) => (
            <li key={i}>
              {formatDateTime(a.at, lang)} · {a.user ?? '—'} · <code>{a.action}</code>
              {typeof a.detail.comment === 'string' && a.detail.comment ? ` — ${a.detail.comment}` : ''}
              {Array.isArray(a.detail.changes) && a.detail.changes.length
                ? ` (${(a.detail.changes as string[]).join(', ')})`
                : ''}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function Comments({
  view,
  field,
  setField,
  fields,
  onAdded,
}: {
  view: SubmissionView;
  field: string;
  setField: (f: string) => void;
  fields: string[];
  onAdded: () => void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function add() {
    setError(null);
    try {
      await cobuildApi.comment(view.head.id, text, field || undefined, view.version);
      setText('');
      setField('');
      onAdded();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div className="card">
      <h2>{t('cobuild.comments')}</h2>
      {view.comments.map((c) => (
        <p key={c.id} className="small" data-testid="comment">
          <strong>{c.author}</strong> · {formatDateTime(c.at, lang)} · v{c.version}
          {c.field ? (
            <>
              {' '}
              · <code>{c.field}</code>
            </>
          ) : null}
          <br />
          {c.body}
        </p>
      ))}
      <div className="form-grid">
        <label className="field">
          <span>{t('cobuild.field')}</span>
          <select value={field} onChange={(e) => setField(e.target.value)} data-testid="comment-field">
            <option value="">{t('cobuild.wholeDataset')}</option>
            {fields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label className="field span-3">
          <span>{t('cobuild.comment')}</span>
          <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} data-testid="comment-text" />
        </label>
      </div>
      <ErrorMessage error={error} />
      <button type="button" disabled={!text.trim()} onClick={() => void add()} data-testid="comment-add">
        {t('cobuild.addComment')}
      </button>
    </div>
  );
}

const REVIEW_STEPS: ReviewAction[] = ['start-review', 'request-changes', 'approve', 'reject'];

function Steps({ me, view, onDone }: { me: Me; view: SubmissionView; onDone: () => void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [reviewer, setReviewer] = useState('');
  const [error, setError] = useState<unknown>(null);
  const reviewers = useLoad(() => (me.role === 'steward' ? cobuildApi.reviewers() : Promise.resolve([])), [me.role]);
  const steps = REVIEW_STEPS.filter((s) => view.steps.includes(s));
  if (steps.length === 0 && !view.steps.includes('assign')) return null;

  async function run(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
      setComment('');
      onDone();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div className="card" data-testid="review-steps">
      <h2>{t('cobuild.review')}</h2>
      {view.steps.includes('assign') && (
        <div className="inline-fields">
          <select value={reviewer} onChange={(e) => setReviewer(e.target.value)} data-testid="assign-select">
            <option value="">{t('cobuild.chooseReviewer')}</option>
            {reviewers.data?.map((r) => (
              <option key={r.id} value={r.email}>
                {r.name} ({t(`role.${r.role}` as MessageKey)})
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!reviewer}
            onClick={() => void run(() => cobuildApi.assign(view.head.id, reviewer))}
            data-testid="assign-reviewer"
          >
            {t('cobuild.assign')}
          </button>
        </div>
      )}
      {steps.length > 0 && (
        <>
          <label className="field">
            <span>{t('cobuild.reviewComment')}</span>
            <textarea
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="review-comment"
            />
          </label>
          <div className="inline-fields">
            {steps.map((s) => (
              <button
                key={s}
                type="button"
                className={s === 'approve' ? 'primary' : undefined}
                onClick={() => void run(() => cobuildApi.review(view.head.id, s, view.version, comment))}
                data-testid={`step-${s}`}
              >
                {t(`cobuild.step.${s}` as MessageKey)}
              </button>
            ))}
          </div>
        </>
      )}
      <Conflict error={error} onReload={onDone} />
    </div>
  );
}

function Conflict({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError && error.status === 409)) return <ErrorMessage error={error} />;
  return (
    <div className="alert alert-warn" data-testid="conflict">
      {error.message}{' '}
      <button type="button" onClick={onReload} data-testid="conflict-reload">
        {t('cobuild.reload')}
      </button>
    </div>
  );
}

/** The contributor's revision, or a reviewer's correction: the fields people most often fix, and a process's exchanges. */
function Reviser({ view, onSaved }: { view: SubmissionView; onSaved: () => void }) {
  const { t } = useI18n();
  const factor = view.dataset.type === 'factor' ? view.dataset.factor : undefined;
  const process = view.dataset.type === 'process' ? view.dataset : undefined;
  const [exchanges, setExchanges] = useState(() => (process ? exchangeDrafts(process) : []));
  const [value, setValue] = useState(factor ? String(factor.value) : '');
  const [technology, setTechnology] = useState(factor?.technology ?? '');
  const [volume, setVolume] = useState(view.meta.productionVolume ? String(view.meta.productionVolume.amount) : '');
  const [volumeUnit, setVolumeUnit] = useState(view.meta.productionVolume?.unit ?? '');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function save() {
    setError(null);
    const dataset: Dataset = factor
      ? { type: 'factor', factor: { ...factor, value: Number(value), technology } }
      : process
        ? applyExchangeDrafts(process, exchanges)
        : view.dataset;
    const meta: SubmissionMeta = {
      ...view.meta,
      productionVolume: volume ? { amount: Number(volume), unit: volumeUnit } : undefined,
    };
    try {
      await cobuildApi.revise(view.head.id, dataset, meta, view.version, comment);
      onSaved();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div className="card" data-testid="reviser">
      <h2>{view.steps.includes('revise') ? t('cobuild.revise') : t('cobuild.edit')}</h2>
      <div className="form-grid">
        {factor && (
          <>
            <label className="field">
              <span>{t('cobuild.f.value')}</span>
              <input
                type="number"
                step="any"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                data-testid="revise-value"
              />
            </label>
            <label className="field span-3">
              <span>{t('cobuild.f.technology')}</span>
              <input
                value={technology}
                onChange={(e) => setTechnology(e.target.value)}
                data-testid="revise-technology"
              />
            </label>
          </>
        )}
        <label className="field">
          <span>{t('cobuild.f.volume')}</span>
          <input
            type="number"
            step="any"
            value={volume}
            onChange={(e) => setVolume(e.target.value)}
            data-testid="revise-volume"
          />
        </label>
        <label className="field">
          <span>{t('cobuild.f.volumeUnit')}</span>
          <input value={volumeUnit} onChange={(e) => setVolumeUnit(e.target.value)} data-testid="revise-volume-unit" />
        </label>
        <label className="field span-2">
          <span>{t('cobuild.versionComment')}</span>
          <input value={comment} onChange={(e) => setComment(e.target.value)} data-testid="revise-comment" />
        </label>
      </div>
      {process && <ExchangesEditor dataset={process} drafts={exchanges} onChange={setExchanges} error={error} />}
      <Conflict error={error} onReload={onSaved} />
      <ProblemList error={error} />
      <button type="button" className="primary" onClick={() => void save()} data-testid="revise-save">
        {t('cobuild.saveVersion')}
      </button>
    </div>
  );
}
