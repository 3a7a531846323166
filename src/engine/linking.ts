import type { AllocationMethod, Exchange, Flow, LciDatabase, Process } from '../model/lci.ts';

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

export interface TechIndex {
  providers: Provider[];
  /** provider columns of one flow */
  byFlow: Map<string, Provider[]>;
  /** the column of each process's quantitative reference */
  byProcess: Map<string, Provider[]>;
  cutoffs: Cutoff[];
  ambiguous: AmbiguousLink[];
  unallocated: UnallocatedCoProduct[];
  /** flows provided only as unallocated co-products, for explaining cut-offs */
  unallocatedFlows: Set<string>;
  flows: Map<string, Flow>;
}

/** A technosphere exchange that provides something: a product output or a waste input. */
export function isProvision(e: Exchange, flow: Flow): boolean {
  if (e.avoided) return false;
  if (flow.kind === 'product') return !e.input;
  if (flow.kind === 'waste') return e.input;
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

export function buildTechIndex(db: LciDatabase, choice: AllocationChoice): TechIndex {
  const flows = new Map(db.flows.map((f) => [f.id, f]));
  const providers: Provider[] = [];
  const byFlow = new Map<string, Provider[]>();
  const byProcess = new Map<string, Provider[]>();
  const unallocated: UnallocatedCoProduct[] = [];
  const add = (process: Process, flow: Flow, exchange: Exchange, allocation: AllocationMethod | null) => {
    const pr: Provider = { index: providers.length, process, flow, exchange, allocation };
    providers.push(pr);
    push(byFlow, flow.id, pr);
    push(byProcess, process.id, pr);
  };
  for (const p of db.processes) {
    const provisions = p.exchanges.filter((e) => isProvision(e, flowOf(flows, e, p)));
    const ref = p.exchanges.find((e) => e.reference);
    if (!ref) throw new Error(`process ${p.id} "${p.name}" has no quantitative reference`);
    const refFlow = flowOf(flows, ref, p);
    if (!isProvision(ref, refFlow)) {
      throw new Error(`process ${p.id} "${p.name}": its quantitative reference "${refFlow.name}" is not a product output or waste input`);
    }
    const method = provisions.length > 1 ? allocationFor(p, choice) : null;
    if (method) {
      for (const e of provisions) add(p, flowOf(flows, e, p), e, method);
    } else {
      add(p, refFlow, ref, null);
      for (const e of provisions) {
        if (e === ref) continue;
        const f = flowOf(flows, e, p);
        unallocated.push({ processId: p.id, processName: p.name, flowId: f.id, flowName: f.name, amount: e.amount, unit: f.unit });
      }
    }
  }
  return { providers, byFlow, byProcess, cutoffs: [], ambiguous: [], unallocated, unallocatedFlows: new Set(unallocated.map((u) => u.flowId)), flows };
}

/** The provider column an exchange links to, or null (then it is recorded as a cut-off). */
export function linkExchange(index: TechIndex, consumer: Process, e: Exchange): Provider | null {
  const flow = flowOf(index.flows, e, consumer);
  const candidates = index.byFlow.get(flow.id) ?? [];
  if (candidates.length === 0) {
    index.cutoffs.push({
      processId: consumer.id,
      processName: consumer.name,
      flowId: flow.id,
      flowName: flow.name,
      amount: e.amount,
      unit: flow.unit,
      reason: index.unallocatedFlows.has(flow.id)
        ? 'only provided as an unallocated co-product of a multi-output process'
        : 'no process in the database provides this flow',
    });
    return null;
  }
  if (e.providerId) {
    // through the named process's few columns, not the flow's many providers (31 in a provincial database)
    const named = index.byProcess.get(e.providerId)?.find((c) => c.flow.id === flow.id);
    if (named) return named;
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

function flowOf(flows: Map<string, Flow>, e: Exchange, p: Process): Flow {
  const f = flows.get(e.flowId);
  if (!f) throw new Error(`process ${p.id} "${p.name}": exchange ${e.id} refers to unknown flow ${e.flowId}`);
  return f;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
