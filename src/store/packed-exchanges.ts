import type { Exchange, Pedigree, Uncertainty } from '../model/lci.ts';

/**
 * A process's exchanges as column arrays in JSON, for the datasets.exchanges column. Exchanges
 * are most of a database (a million in a 20k-process one) and loading them is most of the time
 * to build an engine from the store: as objects in JSONB they are three times larger and parse
 * five times slower than as columns with flows given by their position in the release. Numbers
 * keep their exact JSON form, so a release loads back exactly; uncertainty and pedigree are written
 * in a fixed order, so equal exchanges always give equal text (diffs compare the text).
 */

interface Packed {
  /** exchange ids; absent when they are "1", "2", … in order */
  id?: string[];
  /** the flow's position in the release's flows, or its id when the release lacks it */
  flow: (number | string)[];
  amount: number[];
  /** 1 input, 2 avoided, 4 quantitative reference */
  flags: number[];
  provider?: [number, string][];
  original?: [number, number | null, string | null][];
  uncertainty?: [number, ...(string | number)[]][];
  pedigree?: [number, number, number, number, number, number][];
}

export function packExchanges(exchanges: Exchange[], flowPosition: Map<string, number>): string {
  const p: Packed = { flow: [], amount: [], flags: [] };
  const ids = exchanges.map((e) => e.id);
  if (!ids.every((id, i) => id === String(i + 1))) p.id = ids;
  exchanges.forEach((e, j) => {
    p.flow.push(flowPosition.get(e.flowId) ?? e.flowId);
    p.amount.push(e.amount);
    p.flags.push((e.input ? 1 : 0) | (e.avoided ? 2 : 0) | (e.reference ? 4 : 0));
    if (e.providerId !== undefined) (p.provider ??= []).push([j, e.providerId]);
    if (e.originalAmount !== undefined || e.originalUnit !== undefined) (p.original ??= []).push([j, e.originalAmount ?? null, e.originalUnit ?? null]);
    if (e.uncertainty) (p.uncertainty ??= []).push([j, ...uncertaintyTuple(e.uncertainty)]);
    if (e.pedigree) {
      const q = e.pedigree;
      (p.pedigree ??= []).push([j, q.reliability, q.completeness, q.temporal, q.geographical, q.technological]);
    }
  });
  return JSON.stringify(p);
}

export function unpackExchanges(text: string, flowIds: string[]): Exchange[] {
  const p = JSON.parse(text) as Packed;
  const exchanges: Exchange[] = p.amount.map((amount, j) => {
    const flow = p.flow[j];
    const flags = p.flags[j];
    return {
      id: p.id ? p.id[j] : String(j + 1),
      flowId: typeof flow === 'number' ? flowIds[flow] : flow,
      amount,
      input: (flags & 1) !== 0,
      avoided: (flags & 2) !== 0,
      reference: (flags & 4) !== 0,
    };
  });
  for (const [j, id] of p.provider ?? []) exchanges[j].providerId = id;
  for (const [j, amount, unit] of p.original ?? []) {
    if (amount !== null) exchanges[j].originalAmount = amount;
    if (unit !== null) exchanges[j].originalUnit = unit;
  }
  for (const [j, ...u] of p.uncertainty ?? []) exchanges[j].uncertainty = uncertaintyOf(u);
  for (const [j, reliability, completeness, temporal, geographical, technological] of p.pedigree ?? []) {
    exchanges[j].pedigree = { reliability, completeness, temporal, geographical, technological } satisfies Pedigree;
  }
  return exchanges;
}

function uncertaintyTuple(u: Uncertainty): (string | number)[] {
  switch (u.type) {
    case 'lognormal':
      return [u.type, u.gm, u.gsd];
    case 'normal':
      return [u.type, u.mean, u.sd];
    case 'triangular':
      return [u.type, u.min, u.mode, u.max];
    case 'uniform':
      return [u.type, u.min, u.max];
  }
}

function uncertaintyOf(t: (string | number)[]): Uncertainty {
  const [type, a, b, c] = t as [string, number, number, number];
  switch (type) {
    case 'lognormal':
      return { type, gm: a, gsd: b };
    case 'normal':
      return { type, mean: a, sd: b };
    case 'triangular':
      return { type, min: a, mode: b, max: c };
    case 'uniform':
      return { type, min: a, max: b };
    default:
      throw new Error(`stored exchange has an unknown distribution "${type}"`);
  }
}
