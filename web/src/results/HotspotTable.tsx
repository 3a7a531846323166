import type { EntryResult, StudyResult } from '../../../src/model/study.ts';
import { render } from '../../../src/i18n/catalogue.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber, formatPercent, formatQuantity } from '../lib/format.ts';
import { regionLabel } from '../lib/regions.ts';
import { factorStatus } from '../lib/factorStatus.ts';

/** Entries in the server's hotspot order (largest |total| first), with everything behind each number. */
function orderedEntries(result: StudyResult): EntryResult[] {
  const byId = new Map(result.entries.map((e) => [e.entryId, e]));
  const ordered = result.hotspots.map((id) => byId.get(id)).filter((e): e is EntryResult => e !== undefined);
  const listed = new Set(result.hotspots);
  return [...ordered, ...result.entries.filter((e) => !listed.has(e.entryId))];
}

export function HotspotTable({ result }: { result: StudyResult }) {
  const { t, lang } = useI18n();
  const rows = orderedEntries(result);
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section className="card">
      <h2>{t('results.hotspots')}</h2>
      <div className="table-scroll">
        <table className="table compact hotspots" data-testid="hotspot-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>{t('entry.name')}</th>
              <th className="num">{t('entry.amount')}</th>
              <th className="num">kg CO2e</th>
              <th className="num">{t('results.share')}</th>
              <th>{t('results.data')}</th>
              <th>{t('results.provenance')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e, i) => {
              const p = e.provenance;
              return (
                <tr key={e.entryId} data-testid="hotspot-row">
                  <td className="num">{i + 1}</td>
                  <td>
                    {e.name}
                    <span className="small muted block">
                      {t(`stage.${e.stage}`)} · {t(`kind.${e.kind}`)}
                      {e.region && <span data-testid="hotspot-region"> · {regionLabel(e.region, lang)}</span>}
                    </span>
                  </td>
                  <td className="num nowrap">{formatQuantity(e.amount, e.unit, lang)}</td>
                  <td className="num">
                    {n(e.total)}
                    {e.lines.biogenicRemovals !== 0 && (
                      <span className="small muted block">
                        {t('line.biogenicRemovals')}: {n(e.lines.biogenicRemovals)}
                      </span>
                    )}
                  </td>
                  <td className="num">
                    <span className="share-bar" style={{ width: `${Math.round(e.share * 100)}%` }} aria-hidden="true" />
                    {formatPercent(e.share, lang)}
                  </td>
                  <td className="nowrap">
                    <span className={`badge ${e.primary ? 'badge-ok' : ''}`}>
                      {e.primary ? t('results.primary') : t('results.secondary')}
                    </span>
                    <span className="small muted block">DQR {n(e.dqr)}</span>
                  </td>
                  <td className="provenance small">
                    <strong>{render(p.name, lang)}</strong>{' '}
                    <span className="muted">({t(`provenanceType.${p.type}`)})</span>
                    <span className="block">{render(p.source, lang)}</span>
                    <span className="block muted">
                      {[
                        p.release && `${t('results.release')} ${p.release}`,
                        p.year,
                        p.region,
                        p.gwpSet,
                        p.status && factorStatus(p.status, t),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    {e.kind !== 'removal' && (
                      <span className="block formula">
                        {n(e.amount)} {e.unit} × {n(p.conversion)} × {n(p.kgCo2ePerUnit)} kg CO2e/{p.perUnit} ={' '}
                        {n(e.total)} kg CO2e
                      </span>
                    )}
                    {p.notes.map((note, k) => (
                      <span key={k} className="block note">
                        {render(note, lang)}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
