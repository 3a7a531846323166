import { useState, type ReactNode } from 'react';
import { cobuildApi, DATASET_TEMPLATE_URL, type UploadOptions } from '../api/cobuild.ts';
import { FileButton } from '../components/FileButton.tsx';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/zh.ts';
import { STUDY_REGIONS } from '../lib/regions.ts';
import { navigate } from '../router.ts';
import { draftToInput, emptyDraft, PEDIGREE, type FactorDraft } from './factorDraft.ts';
import { ProblemList } from './labels.tsx';

const KINDS = ['material', 'electricity-footprint', 'fuel-combustion', 'transport', 'electricity-co2'] as const;

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`field${wide ? ' span-2' : ''}`}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** One factor through the form, or many datasets in a file (the Excel template, factor CSV, JSON-LD or EcoSpold2). */
export function SubmitPage() {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<FactorDraft>(emptyDraft);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof FactorDraft>(key: K, value: FactorDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof FactorDraft, testId: string) => (
    <input value={draft[key] as string} onChange={(e) => set(key, e.target.value as never)} data-testid={testId} />
  );

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const [head] = await cobuildApi.submit([draftToInput(draft)]);
      navigate({ page: 'cobuild', view: { kind: 'submission', id: head.id } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const regions = STUDY_REGIONS.map((r) => (
    <option key={r.code} value={r.code}>
      {r.code} {lang === 'zh' ? r.zh : r.en}
    </option>
  ));

  return (
    <section>
      <div className="page-head">
        <h1>{t('cobuild.submit.title')}</h1>
      </div>
      <p className="muted small">{t('cobuild.submit.intro')}</p>
      <div className="card">
        <h2>{t('cobuild.submit.factor')}</h2>
        <div className="form-grid">
          <Field label={t('cobuild.f.series')}>{text('series', 'cobuild-series')}</Field>
          <Field label={t('cobuild.f.name')} wide>
            {text('name', 'cobuild-name')}
          </Field>
          <Field label={t('cobuild.f.nameZh')}>{text('nameZh', 'cobuild-name-zh')}</Field>
          <Field label={t('cobuild.f.kind')}>
            <select
              value={draft.kind}
              onChange={(e) => set('kind', e.target.value as FactorDraft['kind'])}
              data-testid="cobuild-kind"
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('cobuild.f.value')}>
            <input
              type="number"
              step="any"
              value={draft.value}
              onChange={(e) => set('value', e.target.value)}
              data-testid="cobuild-value"
            />
          </Field>
          <Field label={t('cobuild.f.perUnit')}>{text('perUnit', 'cobuild-per-unit')}</Field>
          <Field label={t('cobuild.f.gases')}>
            <select
              value={draft.gases}
              onChange={(e) => set('gases', e.target.value as FactorDraft['gases'])}
              data-testid="cobuild-gases"
            >
              <option value="CO2e">kg CO2e/{draft.perUnit}</option>
              <option value="CO2">kg CO2/{draft.perUnit}</option>
            </select>
          </Field>
          <Field label={t('cobuild.f.gwpSet')}>
            <select
              value={draft.gwpSet}
              onChange={(e) => set('gwpSet', e.target.value as FactorDraft['gwpSet'])}
              data-testid="cobuild-gwp"
            >
              <option value="">—</option>
              <option value="AR6">AR6</option>
              <option value="AR5">AR5</option>
              <option value="AR4">AR4</option>
            </select>
          </Field>
          <Field label={t('cobuild.f.region')}>
            <select value={draft.region} onChange={(e) => set('region', e.target.value)} data-testid="cobuild-region">
              {regions}
            </select>
          </Field>
          <Field label={t('cobuild.f.year')}>
            <input
              type="number"
              value={draft.year}
              onChange={(e) => set('year', e.target.value)}
              data-testid="cobuild-year"
            />
          </Field>
          <Field label={t('cobuild.f.technology')} wide>
            {text('technology', 'cobuild-technology')}
          </Field>
          <Field label={t('cobuild.f.sourceTitle')} wide>
            {text('sourceTitle', 'cobuild-source')}
          </Field>
          <Field label={t('cobuild.f.publisher')}>{text('publisher', 'cobuild-publisher')}</Field>
          <Field label={t('cobuild.f.documentNumber')}>{text('documentNumber', 'cobuild-document')}</Field>
          {PEDIGREE.map((k) => (
            <Field key={k} label={t(`cobuild.pedigree.${k}` as MessageKey)}>
              <select
                value={draft.pedigree[k]}
                onChange={(e) => set('pedigree', { ...draft.pedigree, [k]: Number(e.target.value) })}
                data-testid={`cobuild-pedigree-${k}`}
              >
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </Field>
          ))}
          <Field label={t('cobuild.f.volume')}>
            <input
              type="number"
              step="any"
              value={draft.volume}
              onChange={(e) => set('volume', e.target.value)}
              data-testid="cobuild-volume"
            />
          </Field>
          <Field label={t('cobuild.f.volumeUnit')}>{text('volumeUnit', 'cobuild-volume-unit')}</Field>
          <Field label={t('cobuild.f.sharing')}>
            <select
              value={draft.sharing}
              onChange={(e) => set('sharing', e.target.value as FactorDraft['sharing'])}
              data-testid="cobuild-sharing"
            >
              <option value="confidential">{t('cobuild.sharing.confidential')}</option>
              <option value="public">{t('cobuild.sharing.public')}</option>
            </select>
          </Field>
          <Field label={t('cobuild.f.licence')}>{text('licence', 'cobuild-licence')}</Field>
          <Field label={t('cobuild.f.note')} wide>
            {text('note', 'cobuild-note')}
          </Field>
        </div>
        <p className="small muted">{t('cobuild.submit.sharingHelp')}</p>
        <ErrorMessage error={error} />
        <ProblemList error={error} />
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void submit()}
          data-testid="cobuild-submit"
        >
          {busy ? t('cobuild.submitting') : t('cobuild.submit.send')}
        </button>
      </div>
      <FileUpload />
    </section>
  );
}

function FileUpload() {
  const { t } = useI18n();
  const [opts, setOpts] = useState<UploadOptions>({ sharing: 'confidential' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (key: keyof UploadOptions, value: string) =>
    setOpts((o) => ({
      ...o,
      [key]: value === '' ? undefined : key === 'year' || key === 'volume' ? Number(value) : value,
    }));

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    try {
      await cobuildApi.uploadFile(file, file.name, opts);
      navigate({ page: 'cobuild', view: { kind: 'submissions' } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <h2>{t('cobuild.upload.title')}</h2>
      <p className="small muted">{t('cobuild.upload.intro')}</p>
      <div className="form-grid">
        <Field label={t('cobuild.f.sharing')}>
          <select value={opts.sharing} onChange={(e) => set('sharing', e.target.value)} data-testid="upload-sharing">
            <option value="confidential">{t('cobuild.sharing.confidential')}</option>
            <option value="public">{t('cobuild.sharing.public')}</option>
          </select>
        </Field>
        <Field label={t('cobuild.f.region')}>
          <input
            value={opts.region ?? ''}
            onChange={(e) => set('region', e.target.value)}
            placeholder="CN-GX"
            data-testid="upload-region"
          />
        </Field>
        <Field label={t('cobuild.f.year')}>
          <input
            type="number"
            value={opts.year ?? ''}
            onChange={(e) => set('year', e.target.value)}
            data-testid="upload-year"
          />
        </Field>
        <Field label={t('cobuild.f.technology')}>
          <input
            value={opts.technology ?? ''}
            onChange={(e) => set('technology', e.target.value)}
            data-testid="upload-technology"
          />
        </Field>
        <Field label={t('cobuild.f.sourceTitle')}>
          <input
            value={opts.source ?? ''}
            onChange={(e) => set('source', e.target.value)}
            data-testid="upload-source"
          />
        </Field>
        <Field label={t('cobuild.f.licence')}>
          <input
            value={opts.licence ?? ''}
            onChange={(e) => set('licence', e.target.value)}
            data-testid="upload-licence"
          />
        </Field>
        <Field label={t('cobuild.f.volume')}>
          <input
            type="number"
            step="any"
            value={opts.volume ?? ''}
            onChange={(e) => set('volume', e.target.value)}
            data-testid="upload-volume"
          />
        </Field>
        <Field label={t('cobuild.f.volumeUnit')}>
          <input
            value={opts.volumeUnit ?? ''}
            onChange={(e) => set('volumeUnit', e.target.value)}
            data-testid="upload-volume-unit"
          />
        </Field>
      </div>
      <p className="small muted">{t('cobuild.upload.defaults')}</p>
      <div className="inline-fields">
        <a
          className="button"
          href={DATASET_TEMPLATE_URL}
          download="tanji-dataset-template.xlsx"
          data-testid="cobuild-template"
        >
          {t('cobuild.upload.template')}
        </a>
        <FileButton
          label={t('cobuild.upload.choose')}
          busyLabel={t('cobuild.submitting')}
          busy={busy}
          accept=".xlsx,.zip,.csv"
          onFile={(file) => void upload(file)}
          testId="cobuild-file"
        />
      </div>
      <ErrorMessage error={error} />
      <ProblemList error={error} />
    </div>
  );
}
