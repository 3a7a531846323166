import { useState } from 'react';
import { cobuildApi, type ReleasePreview, type ReleaseRequest, type Settings } from '../api/cobuild.ts';
import { followJob } from '../api/jobs.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useLoad } from '../lib/useLoad.ts';
import { ProblemList } from './labels.tsx';
import { ReleaseNotes } from './ReleaseNotes.tsx';
import { cobuildHref, openDataHref } from './routes.ts';

/** A base release to build on; the empty choice (`none`) leaves it to the server. */
function BaseReleaseSelect(p: {
  label: string;
  none: string;
  releases: { release: string }[];
  value: string | undefined;
  onChange(v: string | undefined): void;
  testId: string;
}) {
  return (
    <label className="field">
      <span>{p.label}</span>
      <select value={p.value ?? ''} onChange={(e) => p.onChange(e.target.value || undefined)} data-testid={p.testId}>
        <option value="">{p.none}</option>
        {p.releases.map((r) => (
          <option key={r.release} value={r.release}>
            {r.release}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Stewards choose what goes into the next release, read the generated notes, and publish. */
export function ReleasesPage() {
  const { t } = useI18n();
  const releases = useLoad(() => cobuildApi.openReleases(), []);
  const approved = useLoad(() => cobuildApi.submissions('approved'), []);
  const aggregates = useLoad(() => cobuildApi.aggregates(), []);
  const [req, setReq] = useState<ReleaseRequest>({
    release: '',
    submissionIds: [],
    aggregateIds: [],
    licence: 'CC BY 4.0',
  });
  const [preview, setPreview] = useState<ReleasePreview | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof ReleaseRequest>(k: K, v: ReleaseRequest[K]) => {
    setReq((r) => ({ ...r, [k]: v }));
    setPreview(null);
  };
  const toggle = (k: 'submissionIds' | 'aggregateIds', id: string, on: boolean) =>
    set(k, on ? [...req[k], id] : req[k].filter((x) => x !== id));

  async function run(publish: boolean) {
    setError(null);
    try {
      if (publish) {
        setPublishing(true);
        const done = await followJob(await cobuildApi.publishRelease(req)).finally(() => setPublishing(false));
        // the job's output is {release, notes, markdown} (JobSchema)
        setPreview(done.output as unknown as ReleasePreview);
        setPublished(req.release);
        releases.reload();
        aggregates.reload();
      } else setPreview(await cobuildApi.previewRelease(req));
    } catch (e) {
      setError(e);
    }
  }
  const factorReleases = releases.data?.filter((r) => r.factors > 0) ?? [];
  const lciReleases = releases.data?.filter((r) => r.processes > 0) ?? [];

  return (
    <section>
      <div className="page-head">
        <h1>{t('cobuild.releases.title')}</h1>
        <a className="button" href={cobuildHref({ kind: 'benchmarks' })} data-testid="releases-benchmarks">
          {t('cobuild.benchmarks')}
        </a>
      </div>
      <p className="muted small">{t('cobuild.releases.intro')}</p>
      <SettingsCard />
      {(releases.loading || approved.loading || aggregates.loading) && <Loading />}
      <div className="card">
        <div className="form-grid">
          <label className="field">
            <span>{t('cobuild.releaseNumber')}</span>
            <input
              value={req.release}
              onChange={(e) => set('release', e.target.value)}
              placeholder="2026.2"
              data-testid="release-number"
            />
          </label>
          <BaseReleaseSelect
            label={t('cobuild.baseFactors')}
            none={t('cobuild.current')}
            releases={factorReleases}
            value={req.baseFactors}
            onChange={(v) => set('baseFactors', v)}
            testId="release-base-factors"
          />
          <BaseReleaseSelect
            label={t('cobuild.baseLci')}
            none={t('cobuild.noLci')}
            releases={lciReleases}
            value={req.baseLci}
            onChange={(v) => set('baseLci', v)}
            testId="release-base-lci"
          />
          <label className="field">
            <span>{t('cobuild.f.licence')}</span>
            <input value={req.licence} onChange={(e) => set('licence', e.target.value)} data-testid="release-licence" />
          </label>
        </div>
        <h3>{t('cobuild.aggregates.title')}</h3>
        {aggregates.data?.map((a) => (
          <label key={a.id} className="check block">
            <input
              type="checkbox"
              disabled={!a.publishable}
              checked={req.aggregateIds.includes(a.id)}
              onChange={(e) => toggle('aggregateIds', a.id, e.target.checked)}
              data-testid="release-aggregate"
            />
            {a.name} · {a.contributors} {t('cobuild.contributors')}
            {!a.publishable && <span className="badge badge-warn">{t('cobuild.belowThreshold')}</span>}
            {a.releases.length > 0 && <span className="muted small"> ({a.releases.join(', ')})</span>}
          </label>
        ))}
        <h3>{t('cobuild.publicDatasets')}</h3>
        {approved.data
          ?.filter((s) => s.sharing === 'public')
          .map((s) => (
            <label key={s.id} className="check block">
              <input
                type="checkbox"
                checked={req.submissionIds.includes(s.id)}
                onChange={(e) => toggle('submissionIds', s.id, e.target.checked)}
                data-testid="release-submission"
              />
              {s.name} · {s.companyName}
            </label>
          ))}
        <div className="inline-fields">
          <button type="button" disabled={!req.release} onClick={() => void run(false)} data-testid="release-preview">
            {t('cobuild.preview')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!preview || publishing || published === req.release}
            onClick={() => void run(true)}
            data-testid="release-publish"
          >
            {publishing ? t('cobuild.publishing') : t('cobuild.publish')}
          </button>
        </div>
        <ErrorMessage error={error} />
        <ProblemList error={error} />
        {published && (
          <div className="alert alert-ok" data-testid="release-published">
            {t('cobuild.published', { release: published })} <a href={openDataHref(published)}>{t('open.title')}</a>
          </div>
        )}
        {preview && (
          <div className="card">
            <ReleaseNotes notes={preview.notes} testId="release-notes" />
          </div>
        )}
      </div>
    </section>
  );
}

function SettingsCard() {
  const { t } = useI18n();
  const settings = useLoad(() => cobuildApi.settings(), []);
  const [draft, setDraft] = useState<Partial<Settings>>({});
  const [error, setError] = useState<unknown>(null);
  if (!settings.data) return <ErrorMessage error={settings.error} />;
  const value = { ...settings.data, ...draft };
  async function save() {
    setError(null);
    try {
      await cobuildApi.saveSettings(draft);
      setDraft({});
      settings.reload();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div className="card">
      <h2>{t('cobuild.settings')}</h2>
      <div className="inline-fields">
        <label className="field">
          <span>{t('cobuild.minContributors')}</span>
          <input
            type="number"
            min={1}
            value={value.minContributors}
            onChange={(e) => setDraft((d) => ({ ...d, minContributors: Number(e.target.value) }))}
            data-testid="settings-min"
          />
        </label>
        <label className="field">
          <span>{t('cobuild.plausibilityRatio')}</span>
          <input
            type="number"
            min={1.5}
            step="any"
            value={value.plausibilityRatio}
            onChange={(e) => setDraft((d) => ({ ...d, plausibilityRatio: Number(e.target.value) }))}
            data-testid="settings-ratio"
          />
        </label>
        <button
          type="button"
          disabled={Object.keys(draft).length === 0}
          onClick={() => void save()}
          data-testid="settings-save"
        >
          {t('cobuild.saveSettings')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
