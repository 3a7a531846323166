import { headlineOf } from '../model/headline.ts';
import type { EntryResult } from '../model/study.ts';
import { headlineTable } from './analysis.ts';
import { boundaryStages } from '../rules/inventory.ts';
import { LINES, STAGES } from '../rules/terms.ts';
import { render } from '../i18n/catalogue.ts';
import { quantityText } from '../i18n/units.ts';
import { barChart, type Bar } from './chart.ts';
import type { Ctx } from './context.ts';
import { html, type Html } from './escape.ts';
import { amount, factor, kg, pct } from './format.ts';
import { section, small, sub, table } from './layout.ts';

/** Section 3: the footprint, its separate lines, stages, and every entry traced to the factor it used. */

export function resultsSection(c: Ctx): Html {
  return section('results', '3', c.t.sections.results, [total(c), lines(c), stages(c), hotspots(c)]);
}

const share = (v: number, of: number) => (of === 0 ? '—' : pct(v / of));

function total(c: Ctx): Html {
  const { t, result: r, study } = c;
  return html`${sub('3.1', t.sections.total)}
<p class="headline">${t.headline.cfp}${t.colon}<strong>${kg((r.headline ?? headlineOf(r)).cfp)}</strong> ${t.kgCo2e} ${t.per} ${quantityText(amount(study.unit.amount), study.unit.unit, t.lang)}</p>
${headlineTable(c)}
<p class="note">${t.removalsApart}${t.colon}${kg(r.lines.biogenicRemovals)} ${t.kgCo2e}</p>`;
}

function lines(c: Ctx): Html {
  const { t, result: r } = c;
  const emissions = LINES.filter((l) => l !== 'biogenicRemovals');
  const rows = emissions.map((l) => [t.lines[l], kg(r.lines[l]), share(r.lines[l], r.total)]);
  return html`${sub('3.2', t.sections.lines)}
${table(
  [t.line, t.kgCo2e, t.share],
  [
    ...rows,
    [html`<strong>${t.totalEmissions}</strong>`, html`<strong>${kg(r.total)}</strong>`, share(r.total, r.total)],
    [
      html`<span class="removal">${t.lines.biogenicRemovals}</span>`,
      html`<span class="removal">${kg(r.lines.biogenicRemovals)}</span>`,
      t.notNetted,
    ],
  ],
  { cls: 'lines', numeric: [1, 2] },
)}`;
}

function stages(c: Ctx): Html {
  const { t, result: r, study } = c;
  const { included } = boundaryStages(study);
  const shown = STAGES.filter((s) => included.includes(s) || (r.byStage[s] ?? 0) !== 0);
  const removals = (s: string) =>
    r.entries.filter((e) => e.stage === s).reduce((sum, e) => sum + e.lines.biogenicRemovals, 0);
  const bars: Bar[] = shown.map((s) => ({ label: t.stages[s], value: r.byStage[s] ?? 0 }));
  if (r.lines.biogenicRemovals !== 0)
    bars.push({ label: t.lines.biogenicRemovals, value: r.lines.biogenicRemovals, removal: true });
  return html`${sub('3.3', t.sections.byStage)}
${table(
  [t.stage, t.kgCo2e, t.share, t.lines.biogenicRemovals],
  shown.map((s) => [t.stages[s], kg(r.byStage[s] ?? 0), share(r.byStage[s] ?? 0, r.total), kg(removals(s))]),
  { numeric: [1, 2, 3] },
)}
${barChart(bars, t.chartTitle)}`;
}

function hotspots(c: Ctx): Html {
  const { t, result: r } = c;
  const ordered = r.hotspots.map((id) => c.resultOf(id)).filter((e): e is EntryResult => e !== undefined);
  const rows = ordered.map((e, i) => {
    const p = e.provenance;
    const removal =
      e.lines.biogenicRemovals !== 0 && html`<div class="removal">${kg(e.lines.biogenicRemovals)} (${t.removal})</div>`;
    return [
      String(i + 1),
      html`${e.name}${small(t.stages[e.stage])}`,
      quantityText(amount(e.amount), e.unit, t.lang),
      html`${factor(p.kgCo2ePerUnit)}${small(`${t.kgCo2e}/${p.perUnit}`)}`,
      factor(p.conversion),
      html`${kg(e.total)}${removal}`,
      pct(e.share),
      html`<span class="tag">${t.provenanceType[p.type]}</span> ${render(p.name, c.lang)}${small([p.release, p.id].filter(Boolean).join(' · '))}`,
      html`${render(p.source, c.lang)}${small([p.year === undefined ? '' : String(p.year), p.region ?? '', p.gwpSet ?? '', p.status ?? ''].filter(Boolean).join(' · '))}${p.notes.map((n) => small(render(n, c.lang)))}`,
    ];
  });
  return html`${sub('3.4', t.sections.hotspots)}
<p class="note">${t.hotspotsNote}</p>
${table([t.rank, t.entry, t.amount, t.factor, t.conversion, t.kgCo2e, t.share, t.dataset, t.source], rows, { cls: 'dense', numeric: [0, 2, 3, 4, 5, 6] })}`;
}
