import type { AllocationMethod, Exchange, Flow, FlowKind, LciDatabase, Process } from '../model/lci.ts';

/**
 * The technosphere index: which (process, product) pairs are providers, i.e. columns of A,
 * and which provider each product input, waste output and avoided product links to.
 *
 * Provider rule (documented in src/engine/README.md):
 * 1. the provider named on the exchange, if it is a provider of that flow;
 * 2. otherwise the single provider of that flow;
 * 3. several providers: one in the consumer's location first, then one whose quantitative
 *    reference is the flow (rather than an allocated co-product), then the lowest process id;
 *    each such choice is listed in `ambiguous`;
 * 4. no provider: the exchange is cut off and listed in `cutoffs`.
 *
 * A process whose quantitative reference is neither a product output nor a waste input (ILCD
 * allows an elementary flow or a product input: TianGong's sewage plants per 0.1 kg of
 * wastewater taken in) is still a column, per its reference amount, as openLCA keeps such a
 * reference; nothing links to it, so it is calculated only when chosen.
 */

export interface Provider {
  /** column index in A */
  index: number;
  process: Process;
  flow: Flow;
  /** the exchange producing the product (or taking the waste) */
  exchange: Exchange;
  /** allocation applied to this column, or null when the column carries the whole process */
  allocation: AllocationMethod | null;
  /** where the process is in the database's processes, and its exchange in the exchange columns */
  processAt: number;
  exchangeAt: number;
}

export interface Cutoff {
  processId: string;
  processName: string;
  flowId: string;
  flowName: string;
  amount: number;
  unit: string;
  reason: string;
}

export interface AmbiguousLink {
  processId: string;
  flowId: string;
  flowName: string;
  chosenProcessId: string;
  candidates: string[];
  rule: 'provider-in-data' | 'same-location' | 'reference-product' | 'lowest-id';
}

export interface UnallocatedCoProduct {
  processId: string;
  processName: string;
  flowId: string;
  flowName: string;
  amount: number;
  unit: string;
}

/** 'auto': per process, physical factors when the data has them, else economic, else causal. */
export type AllocationChoice = AllocationMethod | 'auto' | 'none';

/**
 * A database's exchanges in columns, process after process: what the matrices are made of.
 * Flows and named providers are positions in the database, so linking and building look nothing
 * up by id. The store loads releases with their columns; `exchangeColumns` makes them for any database.
 */
export interface ExchangeColumns {
  /** process i's exchanges are start[i] … start[i + 1] − 1, in its order */
  start: Int32Array;
  exchange: Exchange[];
  /** position in the database's flows; −1: the database lacks the flow */
  flow: Int32Array;
  /** position in the database's processes of the provider the data names; −1: none named, or not in the database */
  provider: Int32Array;
  amount: Float64Array;
  /** INPUT | AVOIDED | REFERENCE */
  flags: Uint8Array;
}

export const INPUT = 1;
export const AVOIDED = 2;
export const REFERENCE = 4;

export function exchangeColumns(db: LciDatabase): ExchangeColumns {
  const flowAt = new Map(db.flows.map((f, i) => [f.id, i]));
  const processAt = new Map(db.processes.map((p, i) => [p.id, i]));
  const start = new Int32Array(db.processes.length + 1);
  db.processes.forEach((p, i) => (start[i + 1] = start[i] + p.exchanges.length));
  const n = start[db.processes.length];
  const exchange = new Array<Exchange>(n);
  const flow = new Int32Array(n),
    provider = new Int32Array(n),
    amount = new Float64Array(n),
    flags = new Uint8Array(n);
  let k = 0;
  for (const p of db.processes) {
    for (const e of p.exchanges) {
      exchange[k] = e;
      flow[k] = flowAt.get(e.flowId) ?? -1;
      provider[k] = e.providerId === undefined ? -1 : (processAt.get(e.providerId) ?? -1);
      amount[k] = e.amount;
      flags[k] = flagsOf(e);
      k++;
    }
  }
  return { start, exchange, flow, provider, amount, flags };
}

function flagsOf(e: Exchange): number {
  return (e.input ? INPUT : 0) | (e.avoided ? AVOIDED : 0) | (e.reference ? REFERENCE : 0);
}

export interface TechIndex {
  providers: Provider[];
  /** provider columns of each flow, by its position in the database's flows */
  byFlow: Provider[][];
  /** provider columns of each process, by its position in the database's processes */
  byProcess: Provider[][];
  cutoffs: Cutoff[];
  ambiguous: AmbiguousLink[];
  unallocated: UnallocatedCoProduct[];
  /** flows provided only as unallocated co-products, for explaining cut-offs */
  unallocatedFlows: Set<string>;
  db: LciDatabase;
  columns: ExchangeColumns;
}

/** A technosphere exchange that provides something: a product output or a waste input. */
export function provides(kind: FlowKind, flags: number): boolean {
  if (flags & AVOIDED) return false;
  if (kind === 'product') return !(flags & INPUT);
  if (kind === 'waste') return (flags & INPUT) !== 0;
  return false;
}

export function allocationFor(p: Process, choice: AllocationChoice): AllocationMethod | null {
  if (choice === 'none') return null;
  const has = (m: AllocationMethod) => p.allocationFactors.some((f) => f.method === m);
  if (choice !== 'auto') return has(choice) ? choice : null;
  if (p.defaultAllocation && has(p.defaultAllocation)) return p.defaultAllocation;
  for (const m of ['physical', 'economic', 'causal'] as const) if (has(m)) return m;
  return null;
}

export function buildTechIndex(db: LciDatabase, choice: AllocationChoice, columns = exchangeColumns(db)): TechIndex {
  const { start, flow, flags, amount, exchange } = columns;
  const providers: Provider[] = [];
  const byFlow: Provider[][] = db.flows.map(() => []);
  const byProcess: Provider[][] = db.processes.map(() => []);
  const unallocated: UnallocatedCoProduct[] = [];
  const add = (i: number, k: number, allocation: AllocationMethod | null, linkable = true) => {
    const pr: Provider = {
      index: providers.length,
      process: db.processes[i],
      flow: db.flows[flow[k]],
      exchange: exchange[k],
      allocation,
      processAt: i,
      exchangeAt: k,
    };
    providers.push(pr);
    if (linkable) byFlow[flow[k]].push(pr);
    byProcess[i].push(pr);
  };
  db.processes.forEach((p, i) => {
    const provisions: number[] = [];
    let ref = -1;
    for (let k = start[i]; k < start[i + 1]; k++) {
      if (provides(flowAt(columns, db, i, k).kind, flags[k])) provisions.push(k);
      if (ref < 0 && flags[k] & REFERENCE) ref = k;
    }
    if (ref < 0) throw new Error(`process ${p.id} "${p.name}" has no quantitative reference`);
    // a reference that provides nothing (ILCD allows an elementary flow or a product input) is a
    // column counted per its declared amount that no exchange links to; its products are co-products
    const linkable = provides(db.flows[flow[ref]].kind, flags[ref]);
    const method = linkable && provisions.length > 1 ? allocationFor(p, choice) : null;
    if (method) {
      for (const k of provisions) add(i, k, method);
    } else {
      add(i, ref, null, linkable);
      for (const k of provisions) {
        if (k === ref) continue;
        const f = db.flows[flow[k]];
        unallocated.push({
          processId: p.id,
          processName: p.name,
          flowId: f.id,
          flowName: f.name,
          amount: amount[k],
          unit: f.unit,
        });
      }
    }
  });
  return {
    providers,
    byFlow,
    byProcess,
    cutoffs: [],
    ambiguous: [],
    unallocated,
    unallocatedFlows: new Set(unallocated.map((u) => u.flowId)),
    db,
    columns,
  };
}

/** The provider column that exchange k of process i links to, or null (then it is recorded as a cut-off). */
export function linkExchange(index: TechIndex, i: number, k: number): Provider | null {
  const { db, columns } = index;
  const consumer = db.processes[i];
  const flow = flowAt(columns, db, i, k);
  const candidates = index.byFlow[columns.flow[k]];
  if (candidates.length === 0) {
    index.cutoffs.push({
      processId: consumer.id,
      processName: consumer.name,
      flowId: flow.id,
      flowName: flow.name,
      amount: columns.amount[k],
      unit: flow.unit,
      reason: index.unallocatedFlows.has(flow.id)
        ? 'only provided as an unallocated co-product of a multi-output process'
        : 'no process in the database provides this flow',
    });
    return null;
  }
  const named = columns.provider[k];
  if (named >= 0) {
    // through the named process's few columns, not the flow's many providers (31 in a provincial database)
    const provider = index.byProcess[named].find((c) => c.flow === flow);
    if (provider) return provider;
  }
  if (candidates.length === 1) return candidates[0];
  const choose = (c: Provider, rule: AmbiguousLink['rule']) => {
    index.ambiguous.push({
      processId: consumer.id,
      flowId: flow.id,
      flowName: flow.name,
      chosenProcessId: c.process.id,
      candidates: candidates.map((x) => x.process.id),
      rule,
    });
    return c;
  };
  const sameLocation = candidates.filter((c) => c.process.location && c.process.location === consumer.location);
  if (sameLocation.length === 1) return choose(sameLocation[0], 'same-location');
  const pool = sameLocation.length > 1 ? sameLocation : candidates;
  const asReference = pool.filter((c) => c.exchange.reference);
  if (asReference.length === 1) return choose(asReference[0], 'reference-product');
  const rest = asReference.length > 1 ? asReference : pool;
  return choose([...rest].sort((a, b) => (a.process.id < b.process.id ? -1 : 1))[0], 'lowest-id');
}

/** The flow of exchange k of process i; a flow the database lacks is an error in the data. */
function flowAt(columns: ExchangeColumns, db: LciDatabase, i: number, k: number): Flow {
  const f = columns.flow[k];
  if (f < 0) {
    const p = db.processes[i],
      e = columns.exchange[k];
    throw new Error(`process ${p.id} "${p.name}": exchange ${e.id} refers to unknown flow ${e.flowId}`);
  }
  return db.flows[f];
}
