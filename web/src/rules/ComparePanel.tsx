import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { pcrApi } from '../api/pcr.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber, formatPercent } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';

/**
 * Design variants: this study against a baseline, another calculated study or an earlier version of
 * itself, stage by stage in the rule's declared unit (GET /api/studies/{id}/compare). The server refuses
 * studies under different rules or not calculated, and the reason is shown as it says it.
 */
export function ComparePanel({ studyId, version }: { studyId: string; version: number }) {
  const { t, lang } = useI18n();
  const studies = useLoad(() => api.studies(), []);
  const [other, setOther] = useState('');
  const comparison = useLoad(() => {
    if (!other) return Promise.resolve(null);
    // the other study or version is the baseline, so the change reads as what this study saves
    const [id, v] = other.split('@');
    return pcrApi.compare({ id: id!, version: v ? Number(v) : undefined }, { id: studyId, version });
  }, [studyId, version, other]);
  const candidates = (studies.data ?? []).filter((s) => s.id !== studyId && s.total !== null);
  const earlier = Array.from({ length: version - 1 }, (_, i) => version - 1 - i);
  const c = comparison.data;

  return (
    <section className="card" data-testid="compare">
      <h2>{t('pcr.compareTitle')}</h2>
      <p className="muted small">{t('pcr.compareHelp')}</p>
      <label className="field">
        <span>{t('pcr.compareWith')}</span>
        <select value={other} onChange={(e) => setOther(e.target.value)} data-testid="compare-with">
          <option value="">—</option>
          {earlier.map((v) => (
            <option key={`v${v}`} value={`${studyId}@${v}`}>
              {t('pcr.compareVersion', { version: v })}
            </option>
          ))}
          {candidates.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {comparison.loading && other && <Loading />}
      <ErrorMessage error={comparison.error} />
      {c && (
        <table className="table" data-testid="compare-table">
          <thead>
            <tr>
              <th>{t('pcr.compareStage', { unit: c.unit })}</th>
              <th className="num">
                {c.a.name} v{c.a.version}
              </th>
              <th className="num">
                {c.b.name} v{c.b.version}
              </th>
              <th className="num">{t('pcr.compareChange')}</th>
            </tr>
          </thead>
          <tbody>
            {[...c.rows, c.total].map((r, i) => (
              <tr key={r.stage} className={i === c.rows.length ? 'total' : undefined}>
                <td>{i === c.rows.length ? t('pcr.compareTotal') : r.name[lang]}</td>
                <td className="num">{formatNumber(r.a, lang)}</td>
                <td className="num">{formatNumber(r.b, lang)}</td>
                <td className={`num ${r.change < 0 ? 'saving' : ''}`}>
                  {r.change > 0 ? '+' : ''}
                  {formatNumber(r.change, lang)}
                  {r.relative !== null && ` (${r.relative > 0 ? '+' : ''}${formatPercent(r.relative, lang)})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
