import type { GhgLine } from '../model/method.ts';
import type { LifeCycleStage } from '../model/lci.ts';
import { columnRef, type CharacterizationVector, type ColumnRef, type Inventory } from './lca.ts';
import type { LcaSystem } from './system.ts';

/**
 * Where a footprint comes from: direct contributions of each process (s[j] · cᵀB[:,j]),
 * of each elementary flow (c[e] · g[e]), by life cycle stage, and the upstream tree and Sankey
 * graph built from the adjoint scores λ (the footprint per unit of each product).
 * All of them use the total's lines (removals left out) unless the caller passes another c.
 */

export interface ProcessContribution extends ColumnRef {
  /** runs of the column in the system */
  scaling: number;
  /** emissions of the process itself, kg CO2e */
  direct: number;
  share: number;
}

/** Per-column direct impact factors d[j] = cᵀ B[:, j]. */
export function directFactors(system: LcaSystem, c: Float64Array): Float64Array {
  const { B } = system;
  const d = new Float64Array(B.nCols);
  for (let j = 0; j < B.nCols; j++) {
    let sum = 0;
    for (let p = B.colPtr[j]; p < B.colPtr[j + 1]; p++) sum += c[B.rowIdx[p]] * B.values[p];
    d[j] = sum;
  }
  return d;
}

export function processContributions(system: LcaSystem, inv: Inventory, c: Float64Array): ProcessContribution[] {
  const d = directFactors(system, c);
  let total = 0;
  for (let j = 0; j < d.length; j++) total += d[j] * inv.s[j];
  const out: ProcessContribution[] = [];
  for (let j = 0; j < d.length; j++) {
    const direct = d[j] * inv.s[j];
    if (direct === 0) continue;
    out.push({ ...columnRef(system, j), scaling: inv.s[j], direct, share: total === 0 ? 0 : direct / total });
  }
  return out.sort((a, b) => Math.abs(b.direct) - Math.abs(a.direct));
}

export interface FlowContribution {
  flowId: string;
  name: string;
  compartment: string;
  line: GhgLine;
  substance: string;
  /** amount in the system inventory, flow reference unit */
  amount: number;
  unit: string;
  factor: number;
  result: number;
}

export function flowContributions(system: LcaSystem, inv: Inventory, cv: CharacterizationVector): FlowContribution[] {
  const out: FlowContribution[] = [];
  for (let e = 0; e < inv.g.length; e++) {
    const line = cv.line[e];
    if (!line || inv.g[e] === 0) continue;
    const f = system.elementary[e];
    out.push({
      flowId: f.id,
      name: f.name,
      compartment: f.category.join('/'),
      line,
      substance: cv.substance[e] ?? '',
      amount: inv.g[e],
      unit: f.unit,
      factor: cv.c[e],
      result: cv.c[e] * inv.g[e],
    });
  }
  return out.sort((a, b) => Math.abs(b.result) - Math.abs(a.result));
}

export type StageKey = LifeCycleStage | 'unassigned';

/** Direct contributions summed by the stage each process is tagged with. */
export function stageContributions(system: LcaSystem, inv: Inventory, c: Float64Array): Record<StageKey, number> {
  const d = directFactors(system, c);
  const out: Record<StageKey, number> = {
    'raw-materials': 0,
    manufacturing: 0,
    distribution: 0,
    use: 0,
    'end-of-life': 0,
    unassigned: 0,
  };
  for (let j = 0; j < d.length; j++) {
    if (inv.s[j] === 0) continue;
    out[system.index.providers[j].process.stage ?? 'unassigned'] += d[j] * inv.s[j];
  }
  return out;
}

export interface UpstreamNode extends ColumnRef {
  /** product amount this node delivers to its parent */
  amount: number;
  unit: string;
  /** footprint of that amount including everything upstream */
  total: number;
  /** emissions of this node's own process for that amount */
  direct: number;
  children: UpstreamNode[];
  /** children below the cut-off, summed */
  cutoffTotal: number;
}

export interface TreeOptions {
  /** nodes whose |total| is below this share of the root's are summed into cutoffTotal */
  cutoff?: number;
  maxDepth?: number;
  maxNodes?: number;
}

/**
 * The upstream tree of a demand, expanded on λ so that every node's total is exact even in loops;
 * a loop simply reappears deeper until the cut-off or the depth limit stops it.
 */
export function upstreamTree(
  system: LcaSystem,
  lambda: Float64Array,
  d: Float64Array,
  column: number,
  amount: number,
  opts: TreeOptions = {},
): UpstreamNode {
  const cutoff = opts.cutoff ?? 0.01;
  const maxDepth = opts.maxDepth ?? 8;
  let budget = opts.maxNodes ?? 500;
  const { A } = system;
  const node = (j: number, amt: number, depth: number): UpstreamNode => {
    budget--;
    const runs = amt / diagonal(system, j);
    const n: UpstreamNode = {
      ...columnRef(system, j),
      amount: amt,
      unit: system.index.providers[j].flow.unit,
      total: lambda[j] * amt,
      direct: d[j] * runs,
      children: [],
      cutoffTotal: 0,
    };
    if (depth >= maxDepth) {
      n.cutoffTotal = n.total - n.direct;
      return n;
    }
    const kids: { k: number; amt: number; total: number }[] = [];
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
      const k = A.rowIdx[p];
      if (k === j) continue;
      const childAmt = -A.values[p] * runs;
      kids.push({ k, amt: childAmt, total: lambda[k] * childAmt });
    }
    kids.sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
    for (const kid of kids) {
      if (budget > 0 && Math.abs(kid.total) >= cutoff * Math.abs(rootTotal) && kid.total !== 0)
        n.children.push(node(kid.k, kid.amt, depth + 1));
      else n.cutoffTotal += kid.total;
    }
    // a provider's own consumption of its product (diagonal below the reference amount) is part of total, not a child
    return n;
  };
  const rootTotal = lambda[column] * amount;
  return node(column, amount, 0);
}

function diagonal(system: LcaSystem, j: number): number {
  const { A } = system;
  for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) if (A.rowIdx[p] === j) return A.values[p];
  return 1;
}

export interface SankeyGraph {
  nodes: (ColumnRef & { total: number; direct: number })[];
  /** value: kg CO2e carried from provider (source) into consumer (target) */
  links: { source: number; target: number; value: number }[];
}

/**
 * Sankey data for the whole system: the nodes are the columns whose upstream total in this demand
 * reaches the cut-off share, links carry λ[k] · (−A[k][j]) · s[j] from provider k to consumer j.
 */
export function sankey(
  system: LcaSystem,
  inv: Inventory,
  lambda: Float64Array,
  d: Float64Array,
  opts: { cutoff?: number; maxNodes?: number } = {},
): SankeyGraph {
  const cutoff = opts.cutoff ?? 0.01;
  const maxNodes = opts.maxNodes ?? 40;
  const { A } = system;
  const rootTotal = lambda[inv.column] * inv.amount;
  // total of column j in this system: what the rest of the system (and the demand) takes of it
  const upstream = new Float64Array(A.nCols);
  for (let j = 0; j < A.nCols; j++) {
    if (inv.s[j] === 0) continue;
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
      const k = A.rowIdx[p];
      if (k !== j && A.values[p] < 0) upstream[k] += lambda[k] * -A.values[p] * inv.s[j];
    }
  }
  upstream[inv.column] += rootTotal;
  const chosen = [...upstream.keys()]
    .filter((j) => Math.abs(upstream[j]) >= cutoff * Math.abs(rootTotal) && upstream[j] !== 0)
    .sort((a, b) => Math.abs(upstream[b]) - Math.abs(upstream[a]))
    .slice(0, maxNodes);
  const at = new Map(chosen.map((j, i) => [j, i]));
  const nodes = chosen.map((j) => ({ ...columnRef(system, j), total: upstream[j], direct: d[j] * inv.s[j] }));
  const links: SankeyGraph['links'] = [];
  for (const j of chosen) {
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
      const k = A.rowIdx[p];
      const src = at.get(k);
      if (k === j || src === undefined || A.values[p] >= 0) continue;
      const value = lambda[k] * -A.values[p] * inv.s[j];
      if (value !== 0) links.push({ source: src, target: at.get(j)!, value });
    }
  }
  return { nodes, links };
}
