import { headlineOf } from '../model/headline.ts';
import type { LifeCycleStage } from '../model/lci.ts';
import {
  CUTOFF_NODE,
  REMOVALS_NODE,
  type EntryResult,
  type Study,
  type StudyResult,
  type TreeNode,
} from '../model/study.ts';
import { emptyLines, GHG_LINES, totalOf, totalVector } from '../engine/lca.ts';
import { directFactors, upstreamTree, type UpstreamNode } from '../engine/contributions.ts';
import { dqr as dqrOf, dqrLevel } from '../engine/uncertainty.ts';
import { systemNotes } from '../engine/scope.ts';
import { CALCULATION_TEXTS } from '../i18n/calculation.ts';
import { coder } from '../i18n/define.ts';
import type { StoredMessage } from '../model/message.ts';
import type { Background } from './background.ts';
import { regionWarnings } from './entry-region.ts';
import { providerChoiceWarning } from './provider-choice.ts';
import { studyMonteCarlo } from './monte-carlo.ts';
import { parameterValues, planAmounts } from './parameters.ts';
import { activityPedigree, type ComponentFootprint } from './per-unit.ts';
import { isPrimary, primaryBasisOf } from './primary.ts';
import { rowOf, STAGES, type Row } from './rows.ts';
import { scenarioResults } from './scenarios.ts';
import { sensitivityOf } from './sensitivity.ts';
import type { CodedMessageData } from '../model/message.ts';
import { progressMessage } from './progress.ts';

/**
 * A study's footprint on its background: every entry is amount × conversion × per-unit lines,
 * summed per line and per stage, where an amount is its formula of the study's parameters when it
 * has one. Removals stay on their own line and out of the total (ISO 14067 / GB/T 24067 report
 * them apart; `headlineOf` in src/model/headline.ts sums them into the CFP). Scenarios and the
 * one-at-a-time sensitivity recompute from the same rows; Monte Carlo is in monte-carlo.ts.
 */

export { STAGES };

const coded = coder(CALCULATION_TEXTS);

export interface CalculateOptions {
  /** Monte Carlo iterations; 0 skips the uncertainty analysis */
  iterations?: number;
  seed?: number;
  onProgress?(fraction: number, message: CodedMessageData): void;
  /** the footprints of the component studies the entries use, by study id (src/studies/components.ts) */
  components?: ReadonlyMap<string, ComponentFootprint>;
}

export function calculateStudy(study: Study, bg: Background, opts: CalculateOptions = {}): StudyResult {
  const warnings: StoredMessage[] = [];
  const plan = planAmounts(study);
  const values = parameterValues(study);
  const amounts = plan.amounts(values);
  const rows = study.entries.map((entry, i) => rowOf(entry, amounts[i]!, bg, opts.components));
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
    const pedigree = activityPedigree(r.entry);
    const activityDqr = dqrOf(pedigree);
    const basis = primaryBasisOf(r.entry);
    return {
      entryId: r.entry.id,
      name: r.entry.name,
      stage: r.entry.stage,
      kind: r.entry.kind,
      amount: r.amount,
      unit: r.entry.unit,
      region: r.entry.region ?? study.region,
      total: t,
      lines: r.lines,
      share: Math.abs(t) / absSum,
      primary: isPrimary(basis),
      primaryBasis: basis,
      dqr: (activityDqr + r.per.dqr) / 2,
      pedigree,
      provenance: {
        ...r.per.provenance,
        kgCo2ePerUnit: totalOf(r.per.lines) + r.per.lines.biogenicRemovals,
        perUnit: r.per.perUnit,
        conversion: r.conv,
      },
    };
  });
  // a factor's own caveats (CO2 only, unverified, an estimate over the official value) are the study's warnings too
  for (const e of entries)
    for (const n of e.provenance.notes)
      if (typeof n !== 'string' && n.code.startsWith('factor.'))
        warnings.push(coded('calc.entry-note', { entry: e.name, note: n }));
  for (const e of entries)
    for (const f of e.provenance.screenFlags ?? [])
      warnings.push(coded('calc.entry-quarantined', { entry: e.name, release: bg.lciRelease, finding: f }));
  warnings.push(...backgroundWarnings(rows, bg));
  warnings.push(...regionWarnings(entries));
  if (study.boundary === 'cradle-to-grave' && byStage.use === 0 && byStage['end-of-life'] === 0) {
    warnings.push(coded('calc.grave-without-use', {}));
  }
  const weight = entries.reduce((s, e) => s + Math.abs(e.total), 0);
  const dqr =
    weight > 0
      ? entries.reduce((s, e) => s + e.dqr * Math.abs(e.total), 0) / weight
      : entries.length
        ? entries.reduce((s, e) => s + e.dqr, 0) / entries.length
        : 5;
  const primaryDataShare =
    weight > 0 ? entries.filter((e) => e.primary).reduce((s, e) => s + Math.abs(e.total), 0) / weight : 0;
  opts.onProgress?.(0.1, progressMessage('job.footprint-calculated', {}));
  const iterations = opts.iterations ?? 0;
  const parts = partsOf(rows);
  const mc =
    iterations > 0 ? studyMonteCarlo(study, plan, rows, bg, iterations, opts.seed ?? 1, opts.onProgress) : undefined;
  if (mc?.clamped) warnings.push(coded('calc.mc-clamped', { count: mc.clamped }));
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
    uncertainty: mc?.result ?? null,
    primaryDataShare,
    parts,
    carbonContent: carbonContentOf(study, rows),
    dqr,
    dqrLevel: dqrLevel(dqr),
    warnings,
    headline: headlineOf({ total, lines, parts }),
    ...(study.parameters?.length ? { parameters: values } : {}),
    ...(study.scenarios?.length ? { scenarios: scenarioResults(study, plan, rows) } : {}),
    sensitivity: sensitivityOf(study, plan, rows),
  };
}

/** Biogenic emissions by gas and removals by carbon pool, summed over the entries. */
function partsOf(rows: readonly Row[]): NonNullable<StudyResult['parts']> {
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

/** The product's own carbon plus what its entries bring, per declared unit (at the amounts their formulas give). */
function carbonContentOf(study: Study, rows: readonly Row[]): StudyResult['carbonContent'] {
  const own = study.product.carbonContent;
  const bringing = rows.filter((r) => r.entry.carbonContent);
  if (!own && bringing.length === 0) return undefined;
  const content = { fossilKgC: own?.fossilKgC ?? 0, biogenicKgC: own?.biogenicKgC ?? 0 };
  for (const r of bringing) {
    content.fossilKgC += r.amount * r.entry.carbonContent!.fossilKgC;
    content.biogenicKgC += r.amount * r.entry.carbonContent!.biogenicKgC;
  }
  return content;
}

/** At most this many provider choices are listed one by one in a study's warnings; the rest are counted. */
const LISTED_CHOICES = 30;

/** Provider choices and cut-offs of the background processes the study's entries run, as warnings. */
function backgroundWarnings(rows: readonly Row[], bg: Background): StoredMessage[] {
  const used = rows.filter((r) => r.per.column !== undefined);
  if (!used.length) return [];
  const f = new Float64Array(bg.system.A.nRows);
  for (const r of used) f[r.per.column!] += r.amount * r.conv;
  const notes = systemNotes(bg.system, bg.lu.solve(f), bg.cv);
  const out: StoredMessage[] = notes.providerChoices.slice(0, LISTED_CHOICES).map(providerChoiceWarning);
  if (notes.providerChoices.length > LISTED_CHOICES)
    out.push(coded('calc.more-provider-choices', { count: notes.providerChoices.length - LISTED_CHOICES }));
  if (notes.cutoffs.length) {
    const named = [...new Set(notes.cutoffs.map((c) => c.flowName))];
    out.push(
      coded('calc.cutoffs', {
        count: notes.cutoffs.length,
        release: bg.lciRelease,
        flows: `${named.slice(0, 5).join(', ')}${named.length > 5 ? ', …' : ''}`,
      }),
    );
  }
  return out;
}

/**
 * Entries → stages → product, and the removals apart: product → "[removals]" → each removal entry,
 * by how much CO2 it takes up (positive, as a Sankey needs), so the picture shows what the total
 * leaves out. Other credits are left out of it (they stay in the tables).
 */
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
  const removals = entries.filter((e) => e.lines.biogenicRemovals < 0);
  if (removals.length) {
    const node = unique(REMOVALS_NODE);
    links.push({ source: product, target: node, value: -removals.reduce((s, e) => s + e.lines.biogenicRemovals, 0) });
    for (const e of removals) links.push({ source: node, target: unique(e.name), value: -e.lines.biogenicRemovals });
  }
  const names = new Set(links.flatMap((l) => [l.source, l.target]));
  return { nodes: [...names].map((name) => ({ name })), links };
}

/** Product → stage → entry → (for LCI processes) the upstream processes that make up the entry. */
function treeOf(study: Study, rows: Row[], bg: Background, total: number): TreeNode {
  let lambda: Float64Array | undefined;
  let d: Float64Array | undefined;
  const upstream = (r: Row): TreeNode[] => {
    if (r.per.column === undefined) return [];
    // once per calculation, and only when an entry goes into the LCI
    lambda ??= bg.scores.fossil.map((_, j) =>
      GHG_LINES.filter((l) => l !== 'biogenicRemovals').reduce((s, l) => s + bg.scores[l][j], 0),
    );
    d ??= directFactors(bg.system, totalVector(bg.cv));
    const node = upstreamTree(bg.system, lambda, d, r.per.column, r.amount * r.conv, {
      cutoff: 0.02,
      maxDepth: 4,
      maxNodes: 60,
    });
    return node.children.map(toTree);
  };
  const children = STAGES.map((stage) => {
    const inStage = rows.filter((r) => r.entry.stage === stage);
    return {
      name: stage,
      value: inStage.reduce((s, r) => s + totalOf(r.lines), 0),
      children: inStage.map((r) => ({
        name: r.entry.name,
        value: totalOf(r.lines),
        unit: 'kg CO2e',
        children: upstream(r),
      })),
    };
  }).filter((s) => s.children.length > 0);
  return { name: study.product.name, value: total, unit: 'kg CO2e', children };
}

function toTree(n: UpstreamNode): TreeNode {
  const children = n.children.map(toTree);
  if (n.cutoffTotal !== 0) children.push({ name: CUTOFF_NODE, value: n.cutoffTotal, children: [] });
  return { name: n.processName, value: n.total, unit: 'kg CO2e', children };
}
