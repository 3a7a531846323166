import { useState } from 'react';
import { cobuildApi, type AggregatePreview, type AggregateRequest } from '../api/cobuild.ts';
import { NameCell } from '../components/NameCell.tsx';
import { Empty, ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { ProblemList } from './labels.tsx';
import { cobuildHref } from './routes.ts';

/** Stewards average approved datasets of one product, weighted by production volume, and see the spread before keeping it. */
export function AggregatesPage() {
  const { t, lang } = useI18n();
  const products = useLoad(() => cobuildApi.products(), []);
  const aggregates = useLoad(() => cobuildApi.aggregates(), []);
  const [product, setProduct] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [form, setForm] = useState({
    region: '',
    year: '',
    name: '',
    nameZh: '',
    licence: 'CC BY 4.0',
    market: '',
    marketUnit: '',
  });
  const [preview, setPreview] = useState<AggregatePreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const group = products.data?.find((p) => p.productKey === product);
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }));

  const request = (): AggregateRequest => ({
    submissionIds: chosen,
    region: form.region,
    year: form.year ? Number(form.year) : undefined,
    name: form.name || undefined,
    nameZh: form.nameZh || undefined,
    licence: form.licence,
    marketVolume: form.market ? { amount: Number(form.market), unit: form.marketUnit } : undefined,
  });
  async function run(save: boolean) {
    setError(null);
    try {
      if (save) {
        await cobuildApi.buildAggregate(request());
        setPreview(null);
        setChosen([]);
        aggregates.reload();
      } else setPreview(await cobuildApi.previewAggregate(request()));
    } catch (e) {
      setError(e);
    }
  }
  const chooseProduct = (key: string) => {
    setProduct(key);
    const g = products.data?.find((p) => p.productKey === key);
    setChosen(g?.submissions.map((s) => s.id) ?? []);
    setForm((f) => ({ ...f, region: g?.submissions[0]?.region ?? '', year: String(g?.submissions[0]?.year ?? '') }));
    setPreview(null);
  };

  const s = preview?.stats;
  return (
    <section>
      <div className="page-head">
        <h1>{t('cobuild.aggregates.title')}</h1>
        <a className="button" href={cobuildHref({ kind: 'releases' })}>
          {t('cobuild.releases.title')}
        </a>
      </div>
      <p className="muted small">{t('cobuild.aggregates.intro')}</p>
      {products.loading && <Loading />}
      <ErrorMessage error={products.error} />
      <div className="card">
        <label className="field">
          <span>{t('cobuild.product')}</span>
          <select value={product} onChange={(e) => chooseProduct(e.target.value)} data-testid="aggregate-product">
            <option value="">{t('cobuild.chooseProduct')}</option>
            {products.data?.map((p) => (
              <option key={p.productKey} value={p.productKey}>
                {p.productKey} ({p.submissions.length})
              </option>
            ))}
          </select>
        </label>
        {group && (
          <>
            <table className="table">
              <tbody>
                {group.submissions.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={chosen.includes(m.id)}
                          onChange={(e) =>
                            setChosen((c) => (e.target.checked ? [...c, m.id] : c.filter((x) => x !== m.id)))
                          }
                          data-testid="aggregate-member"
                        />
                        {m.name}
                      </label>
                    </td>
                    <td>{m.company}</td>
                    <td>
                      {m.region} {m.year}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="form-grid">
              <label className="field">
                <span>{t('cobuild.f.region')}</span>
                <input
                  value={form.region}
                  onChange={(e) => set('region', e.target.value)}
                  data-testid="aggregate-region"
                />
              </label>
              <label className="field">
                <span>{t('cobuild.f.year')}</span>
                <input
                  type="number"
                  value={form.year}
                  onChange={(e) => set('year', e.target.value)}
                  data-testid="aggregate-year"
                />
              </label>
              <label className="field span-2">
                <span>{t('cobuild.f.name')}</span>
                <input value={form.name} onChange={(e) => set('name', e.target.value)} data-testid="aggregate-name" />
              </label>
              <label className="field span-2">
                <span>{t('cobuild.f.nameZh')}</span>
                <input value={form.nameZh} onChange={(e) => set('nameZh', e.target.value)} />
              </label>
              <label className="field">
                <span>{t('cobuild.f.licence')}</span>
                <input
                  value={form.licence}
                  onChange={(e) => set('licence', e.target.value)}
                  data-testid="aggregate-licence"
                />
              </label>
              <label className="field">
                <span>{t('cobuild.market')}</span>
                <span className="inline-fields">
                  <input
                    type="number"
                    step="any"
                    value={form.market}
                    onChange={(e) => set('market', e.target.value)}
                    data-testid="aggregate-market"
                  />
                  <input
                    className="narrow"
                    value={form.marketUnit}
                    onChange={(e) => set('marketUnit', e.target.value)}
                    placeholder="MWh"
                  />
                </span>
              </label>
            </div>
            <div className="inline-fields">
              <button
                type="button"
                disabled={chosen.length === 0}
                onClick={() => void run(false)}
                data-testid="aggregate-preview"
              >
                {t('cobuild.preview')}
              </button>
              <button
                type="button"
                className="primary"
                disabled={!preview}
                onClick={() => void run(true)}
                data-testid="aggregate-save"
              >
                {t('cobuild.aggregates.save')}
              </button>
            </div>
          </>
        )}
        <ErrorMessage error={error} />
        <ProblemList error={error} />
        {preview && s && (
          <div data-testid="aggregate-stats">
            <dl className="facts">
              <dt>{t('cobuild.contributors')}</dt>
              <dd data-testid="aggregate-contributors">
                {s.contributors} / {preview.minContributors}{' '}
                {preview.publishable ? '✓' : `— ${t('cobuild.belowThreshold')}`}
              </dd>
              {s.value && (
                <>
                  <dt>{t('cobuild.mean')}</dt>
                  <dd data-testid="aggregate-mean">{formatNumber(s.value.mean, lang)}</dd>
                  <dt>{t('cobuild.spread')}</dt>
                  <dd>
                    min {formatNumber(s.value.min, lang)} · max {formatNumber(s.value.max, lang)} · sd{' '}
                    {formatNumber(s.value.sd, lang)}
                    {s.value.gsd !== undefined ? ` · GSD ${formatNumber(s.value.gsd, lang)}` : ''}
                  </dd>
                </>
              )}
              <dt>{t('cobuild.volume')}</dt>
              <dd>
                {formatNumber(s.totalVolume, lang)} {s.volumeUnit}
                {s.coverage !== undefined ? ` (${formatNumber(s.coverage * 100, lang)} %)` : ''}
              </dd>
              <dt>DQR</dt>
              <dd>
                {formatNumber(s.dqr, lang)} ({s.pedigree.reliability}, {s.pedigree.completeness}, {s.pedigree.temporal},{' '}
                {s.pedigree.geographical}, {s.pedigree.technological})
              </dd>
            </dl>
          </div>
        )}
      </div>

      <h2>{t('cobuild.aggregates.kept')}</h2>
      {aggregates.data && aggregates.data.length === 0 && <Empty>{t('cobuild.none')}</Empty>}
      {aggregates.data && aggregates.data.length > 0 && (
        <table className="table" data-testid="aggregates-table">
          <thead>
            <tr>
              <th>{t('cobuild.dataset')}</th>
              <th>{t('cobuild.contributors')}</th>
              <th className="num">{t('cobuild.mean')}</th>
              <th>{t('cobuild.publishable')}</th>
              <th>{t('cobuild.releasesOf')}</th>
            </tr>
          </thead>
          <tbody>
            {aggregates.data.map((a) => (
              <tr key={a.id} data-testid="aggregate-row">
                <NameCell detail={a.datasetId}>{a.name}</NameCell>
                <td>
                  {a.contributors} ({a.members.map((m) => m.company).join(', ')})
                </td>
                <td className="num">{a.stats.value ? formatNumber(a.stats.value.mean, lang) : '—'}</td>
                <td>
                  {a.publishable ? (
                    <span className="badge badge-ok">✓</span>
                  ) : (
                    <span className="badge badge-warn">{t('cobuild.belowThreshold')}</span>
                  )}
                </td>
                <td>{a.releases.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
