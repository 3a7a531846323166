import type { LifeCycleStage } from '../model/lci.ts';
import type { GhgLine } from '../model/method.ts';
import { PRIMARY_EVIDENCE, type Entry, type EntryResult, type Study, type StudyResult, type TreeNode, type UncertaintyResult } from '../model/study.ts';
import { emptyLines, GHG_LINES, totalOf, totalVector } from '../engine/lca.ts';
import { directFactors, upstreamTree, type UpstreamNode } from '../engine/contributions.ts';
import { monteCarloDemand } from '../engine/montecarlo.ts';
import { createRng, dqr as dqrOf, dqrLevel, sample, summarize, type Rng } from '../engine/uncertainty.ts';
import { providerChoiceWarning, systemNotes } from '../engine/scope.ts';
import type { Background } from './background.ts';
import { activityGsd, activityPedigree, conversion, EntryError, perUnitOf, type ComponentFootprint, type PerUnit } from './per-unit.ts';

/**
 * A study's footprint on its background: every entry is amount × conversion × per-unit lines,
 * summed per line and per stage. Removals stay on their own line and out of the total (ISO 14067
 * 6.4.9.4 / GB/T 24067). Monte Carlo draws activity amounts and factor values from lognormals
 * (pedigree-widened) and the LCI processes through the engine's own Monte Carlo on one demand
 * vector holding every process entry, so shared upstream processes stay correlated.
 */

export const STAGES: readonly LifeCycleStage[] = ['raw-materials', 'manufacturing', 'distribution', 'use', 'end-of-life'];

export interface CalculateOptions {
  /** Monte Carlo iterations; 0 skips the uncertainty analysis */
  iterations?: number;
  seed?: number;
  onProgress?(fraction: number, message: string): void;
  /** the footprints of the component studies the entries use, by study id (src/studies/components.ts) */
  components?: ReadonlyMap<string, ComponentFootprint>;
}

interface Line {
  entry: Entry;
  amount: number;
  per: PerUnit;
  conv: number;
  lines: Record<GhgLine, number>;
}

export function calculateStudy(study: Study, bg: Background, opts: CalculateOptions = {}): StudyResult {
  const warnings: string[] = [];
  const rows = study.entries.map((entry) => lineOf(entry, bg, opts.components));
  const lines = emptyLines();
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<LifeCycleStage, number>;
  for (const r of rows) {
    for (const l of GHG_LINES) lines[l] += r.lines[l];
    byStage[r.entry.stage] += totalOf(r.lines);
  }
  const total = totalOf(lines);
  const absSum = rows.reduce((s, r) => s + Math.abs(totalOf(r.lines)), 0) || 1;
  const entries: EntryResult[] = rows.map((r) => {
    const t = totalOf(r.lines);
    const activityDqr = dqrOf(activityPedigree(r.entry));
    return {
      entryId: r.entry.id,
      name: r.entry.name,
      stage: r.entry.stage,
      kind: r.entry.kind,
      amount: r.amount,
      unit: r.entry.unit,
      total: t,
      lines: r.lines,
      share: Math.abs(t) / absSum,
      primary: r.entry.source.type === 'supplier' || PRIMARY_EVIDENCE.includes(r.entry.evidence?.type ?? 'estimate'),
      dqr: (activityDqr + r.per.dqr) / 2,
      provenance: { ...r.per.provenance, kgCo2ePerUnit: totalOf(r.per.lines) + r.per.lines.biogenicRemovals, perUnit: r.per.perUnit, conversion: r.conv },
    };
  });
  for (const e of entries) for (const n of e.provenance.notes) if (n.startsWith('factor')) warnings.push(`${e.name}: ${n}`);
  for (const e of entries) for (const f of e.provenance.screenFlags ?? []) warnings.push(`${e.name}: quarantined by the quality screen of release ${bg.lciRelease}: ${f}`);
  warnings.push(...backgroundWarnings(rows, bg));
  if (study.boundary === 'cradle-to-grave' && byStage.use === 0 && byStage['end-of-life'] === 0) {
    warnings.push('the boundary is cradle-to-grave but the use and end-of-life stages hold no emissions');
  }
  const weight = entries.reduce((s, e) => s + Math.abs(e.total), 0);
  const dqr = weight > 0 ? entries.reduce((s, e) => s + e.dqr * Math.abs(e.total), 0) / weight : entries.length ? entries.reduce((s, e) => s + e.dqr, 0) / entries.length : 5;
  const primaryDataShare = weight > 0 ? entries.filter((e) => e.primary).reduce((s, e) => s + Math.abs(e.total), 0) / weight : 0;
  opts.onProgress?.(0.1, 'footprint calculated');
  const iterations = opts.iterations ?? 0;
  return {
    studyId: study.id,
    version: study.version,
    computedAt: new Date().toISOString(),
    method: study.method,
    gwpSet: bg.method.gwpSet,
    releases: { lci: bg.lciRelease, factors: bg.factorRelease },
    unit: 'kg CO2e',
    total,
    lines,
    byStage,
    entries,
    hotspots: [...entries].sort((a, b) => Math.abs(b.total) - Math.abs(a.total)).map((e) => e.entryId),
    sankey: sankeyOf(study, entries),
    tree: treeOf(study, rows, bg, total),
    uncertainty: iterations > 0 ? uncertainty(rows, bg, iterations, opts.seed ?? 1, opts.onProgress) : null,
    primaryDataShare,
    parts: partsOf(rows),
    carbonContent: carbonContentOf(study),
    dqr,
    dqrLevel: dqrLevel(dqr),
    warnings,
  };
}

/** Biogenic emissions by gas and removals by carbon pool, summed over the entries. */
function partsOf(rows: Line[]): NonNullable<StudyResult['parts']> {
  const parts = { biogenicCO2: 0, biogenicNonCO2: 0, landRemovals: 0, productUptake: 0 };
  for (const r of rows) {
    const scale = r.amount * r.conv;
    const nonCO2 = scale * r.per.biogenicNonCO2;
    parts.biogenicNonCO2 += nonCO2;
    parts.biogenicCO2 += r.lines.biogenic - nonCO2;
    if (r.per.removalPool === 'land') parts.landRemovals += r.lines.biogenicRemovals;
    else parts.productUptake += r.lines.biogenicRemovals;
  }
  return parts;
}

/** The product's own carbon plus what its entries bring, per declared unit. */
function carbonContentOf(study: Study): StudyResult['carbonContent'] {
  const own = study.product.carbonContent;
  const bringing = study.entries.filter((e) => e.carbonContent);
  if (!own && bringing.length === 0) return undefined;
  const content = { fossilKgC: own?.fossilKgC ?? 0, biogenicKgC: own?.biogenicKgC ?? 0 };
  for (const e of bringing) {
    content.fossilKgC += e.amount * e.carbonContent!.fossilKgC;
    content.biogenicKgC += e.amount * e.carbonContent!.biogenicKgC;
  }
  return content;
}

function lineOf(entry: Entry, bg: Background, components: CalculateOptions['components']): Line {
  const per = perUnitOf(entry, bg, components);
  const amount = entry.transport ? (entry.transport.massKg / 1000) * entry.transport.distanceKm : entry.amount;
  const unit = entry.transport ? 't*km' : entry.unit;
  const conv = conversion(unit, per.perUnit);
  if (conv === undefined) throw new EntryError(entry, `its unit ${unit} cannot be converted to ${per.perUnit}, the unit of ${per.provenance.name}`);
  const lines = emptyLines();
  for (const l of GHG_LINES) lines[l] = amount * conv * per.lines[l];
  return { entry, amount, per, conv, lines };
}

/** At most this many provider choices are listed one by one in a study's warnings; the rest are counted. */
const LISTED_CHOICES = 30;

/** Provider choices and cut-offs of the background processes the study's entries run, as warnings. */
function backgroundWarnings(rows: Line[], bg: Background): string[] {
  const used = rows.filter((r) => r.per.column !== undefined);
  if (!used.length) return [];
  const f = new Float64Array(bg.system.A.nRows);
  for (const r of used) f[r.per.column!] += r.amount * r.conv;
  const notes = systemNotes(bg.system, bg.lu.solve(f), bg.cv);
  const out = notes.providerChoices.slice(0, LISTED_CHOICES).map(providerChoiceWarning);
  if (notes.providerChoices.length > LISTED_CHOICES) out.push(`… and ${notes.providerChoices.length - LISTED_CHOICES} more providers chosen among several`);
  if (notes.cutoffs.length) {
    const named = [...new Set(notes.cutoffs.map((c) => c.flowName))];
    out.push(`${notes.cutoffs.length} inputs of the background processes have no provider in release ${bg.lciRelease} and are cut off: ${named.slice(0, 5).join(', ')}${named.length > 5 ? ', …' : ''}`);
  }
  return out;
}

/** Entries → stages → product. ECharts' Sankey takes no negative flows: credits are left out of it (they stay in the tables). */
function sankeyOf(study: Study, entries: EntryResult[]): StudyResult['sankey'] {
  const product = study.product.name;
  const used = new Set<string>([product]);
  const unique = (name: string) => {
    let n = name;
    for (let k = 2; used.has(n); k++) n = `${name} (${k})`;
    used.add(n);
    return n;
  };
  const stageName = new Map(STAGES.map((s) => [s, unique(`[${s}]`)]));
  const links: StudyResult['sankey']['links'] = [];
  const stageTotals = new Map<string, number>();
  for (const e of entries) {
    if (e.total <= 0) continue;
    const stage = stageName.get(e.stage)!;
    links.push({ source: unique(e.name), target: stage, value: e.total });
    stageTotals.set(stage, (stageTotals.get(stage) ?? 0) + e.total);
  }
  for (const [stage, value] of stageTotals) links.push({ source: stage, target: product, value });
  const names = new Set(links.flatMap((l) => [l.source, l.target]));
  return { nodes: [...names].map((name) => ({ name })), links };
}

/** Product → stage → entry → (for LCI processes) the upstream processes that make up the entry. */
function treeOf(study: Study, rows: Line[], bg: Background, total: number): TreeNode {
  let lambda: Float64Array | undefined;
  let d: Float64Array | undefined;
  const upstream = (r: Line): TreeNode[] => {
    if (r.per.column === undefined) return [];
    // once per calculation, and only when an entry goes into the LCI
    lambda ??= bg.scores.fossil.map((_, j) => GHG_LINES.filter((l) => l !== 'biogenicRemovals').reduce((s, l) => s + bg.scores[l][j], 0));
    d ??= directFactors(bg.system, totalVector(bg.cv));
    const node = upstreamTree(bg.system, lambda, d, r.per.column, r.amount * r.conv, { cutoff: 0.02, maxDepth: 4, maxNodes: 60 });
    return node.children.map(toTree);
  };
  const children = STAGES.map((stage) => {
    const inStage = rows.filter((r) => r.entry.stage === stage);
    return {
      name: stage,
      value: inStage.reduce((s, r) => s + totalOf(r.lines), 0),
      children: inStage.map((r) => ({ name: r.entry.name, value: totalOf(r.lines), unit: 'kg CO2e', children: upstream(r) })),
    };
  }).filter((s) => s.children.length > 0);
  return { name: study.product.name, value: total, unit: 'kg CO2e', children };
}

function toTree(n: UpstreamNode): TreeNode {
  const children = n.children.map(toTree);
  if (n.cutoffTotal !== 0) children.push({ name: 'other (below cut-off)', value: n.cutoffTotal, children: [] });
  return { name: n.processName, value: n.total, unit: 'kg CO2e', children };
}

function uncertainty(rows: Line[], bg: Background, iterations: number, seed: number, onProgress?: CalculateOptions['onProgress']): UncertaintyResult {
  const rng = createRng(seed);
  const lognormal = (gsd: number, r: Rng) => (gsd > 1 ? sample({ type: 'lognormal', gm: 1, gsd }, r) : 1);
  const own = rows.filter((r) => r.per.column === undefined).map((r) => ({ total: totalOf(r.lines), activity: activityGsd(r.entry), factor: r.per.gsd }));
  const values = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    let v = 0;
    for (const r of own) v += r.total * lognormal(r.activity, rng) * lognormal(r.factor, rng);
    values[i] = v;
  }
  const processes = rows.filter((r) => r.per.column !== undefined).map((r) => ({ column: r.per.column!, amount: r.amount * r.conv, activity: activityGsd(r.entry) }));
  let kept = iterations;
  if (processes.length) {
    const f = new Float64Array(bg.system.A.nRows);
    for (const p of processes) f[p.column] += p.amount;
    const mc = monteCarloDemand(bg.system, totalVector(bg.cv), f, {
      iterations,
      seed: seed + 1,
      pedigree: true,
      onProgress: (done, all) => {
        if (done % 50 === 0 || done === all) onProgress?.(0.1 + (0.9 * done) / all, `Monte Carlo ${done}/${all}`);
      },
      drawDemand: (demand, r) => {
        for (const p of processes) demand[p.column] += p.amount * (lognormal(p.activity, r) - 1);
      },
    });
    kept = mc.values.length;
    for (let i = 0; i < kept; i++) values[i] += mc.values[i];
  }
  const draws = values.slice(0, kept);
  const s = summarize(draws);
  return {
    iterations: kept,
    seed,
    mean: s.mean,
    sd: s.sd,
    p2_5: s.p2_5,
    p50: s.median,
    p97_5: s.p97_5,
    histogram: histogram(draws, 30),
    method:
      'Monte Carlo: activity amounts and factor values lognormal (basic GSD 1.05 widened by the pedigree of the evidence or the factor); ' +
      'LCI processes by their exchange uncertainty and pedigree through one demand vector, refactorised per draw',
  };
}

function histogram(values: Float64Array, bins: number): UncertaintyResult['histogram'] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) return { edges: [lo, hi], counts: [values.length] };
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  return { edges: Array.from({ length: bins + 1 }, (_, k) => lo + k * width), counts };
}
