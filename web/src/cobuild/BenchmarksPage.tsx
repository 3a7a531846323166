import { useState } from 'react';
import { cobuildApi, type BenchmarkAdded } from '../api/cobuild.ts';
import { FileButton } from '../components/FileButton.tsx';
import { NameCell } from '../components/NameCell.tsx';
import { Empty, ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { ProblemList } from './labels.tsx';
import { cobuildHref } from './routes.ts';

/** Stewards keep the benchmark products whose footprints every release's notes recalculate: the list, and adding one from a study file. */
export function BenchmarksPage() {
  const { t, lang } = useI18n();
  const list = useLoad(() => cobuildApi.benchmarks(), []);
  return (
    <section>
      <div className="page-head">
        <h1>{t('cobuild.benchmarks')}</h1>
        <a className="button" href={cobuildHref({ kind: 'releases' })}>
          {t('cobuild.releases.title')}
        </a>
      </div>
      <p className="muted small">{t('cobuild.benchmarks.intro')}</p>
      {list.loading && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.length === 0 && <Empty>{t('cobuild.benchmarks.none')}</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="table" data-testid="benchmarks-table">
          <thead>
            <tr>
              <th>{t('cobuild.benchmarks.name')}</th>
              <th>{t('cobuild.benchmarks.releases')}</th>
              <th className="num">{t('cobuild.benchmarks.entries')}</th>
              <th>{t('cobuild.benchmarks.addedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((b) => (
              <tr key={b.id} data-testid="benchmark-row">
                <NameCell detail={b.id}>{b.name}</NameCell>
                <td>
                  {b.releases.lci} + {b.releases.factors}
                </td>
                <td className="num">{b.entries}</td>
                <td className="nowrap">
                  {b.createdBy} · {formatDateTime(b.createdAt, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddBenchmark onAdded={list.reload} />
    </section>
  );
}

interface ChosenStudy {
  fileName: string;
  body: unknown;
}

/** What the file says it is, when it looks like a study; the server checks it in full. */
export function studyOutline(body: unknown): { name?: string; entries?: number; releases?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const s = body as { name?: unknown; entries?: unknown; releases?: { lci?: unknown; factors?: unknown } };
  return {
    name: typeof s.name === 'string' ? s.name : undefined,
    entries: Array.isArray(s.entries) ? s.entries.length : undefined,
    releases:
      s.releases && typeof s.releases.lci === 'string' && typeof s.releases.factors === 'string'
        ? `${s.releases.lci} + ${s.releases.factors}`
        : undefined,
  };
}

function AddBenchmark({ onAdded }: { onAdded: () => void }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [study, setStudy] = useState<ChosenStudy | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<(BenchmarkAdded & { name: string }) | null>(null);
  const outline = study ? studyOutline(study.body) : {};

  async function read(file: File) {
    setError(null);
    setAdded(null);
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setStudy(null);
      setError(new Error(t('cobuild.benchmarks.notJson', { file: file.name })));
      return;
    }
    setStudy({ fileName: file.name, body });
    const named = studyOutline(body).name;
    if (named) setName((n) => n || named);
  }

  async function add() {
    if (!study) return;
    setBusy(true);
    setError(null);
    try {
      const result = await cobuildApi.addBenchmark(name.trim(), study.body);
      setAdded({ ...result, name: name.trim() });
      setStudy(null);
      setName('');
      onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" data-testid="benchmark-add">
      <h2>{t('cobuild.benchmarks.add')}</h2>
      <p className="small muted">{t('cobuild.benchmarks.addIntro')}</p>
      <div className="form-grid">
        <label className="field span-2">
          <span>{t('cobuild.benchmarks.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="benchmark-name" />
        </label>
      </div>
      <div className="inline-fields">
        <FileButton
          label={t('cobuild.benchmarks.file')}
          busyLabel={t('cobuild.submitting')}
          busy={busy}
          accept=".json,application/json"
          onFile={(file) => void read(file)}
          testId="benchmark-file"
        />
        {study && (
          <span className="small" data-testid="benchmark-chosen">
            {study.fileName}
            {outline.name ? ` · ${outline.name}` : ''}
            {outline.releases ? ` · ${outline.releases}` : ''}
            {outline.entries !== undefined ? ` · ${outline.entries} ${t('cobuild.entries')}` : ''}
          </span>
        )}
        <button
          type="button"
          className="primary"
          disabled={busy || !study || !name.trim()}
          onClick={() => void add()}
          data-testid="benchmark-save"
        >
          {t('cobuild.benchmarks.save')}
        </button>
      </div>
      <ErrorMessage error={error} />
      <ProblemList error={error} />
      {added && (
        <div className="alert alert-ok" data-testid="benchmark-added">
          {t('cobuild.benchmarks.added', { name: added.name, footprint: formatNumber(added.footprint, lang) })}
        </div>
      )}
    </div>
  );
}
