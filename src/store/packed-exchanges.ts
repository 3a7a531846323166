import type { ExchangeColumns } from '../engine/linking.ts';
import type { Exchange, Pedigree, Uncertainty } from '../model/lci.ts';

/**
 * The storage form of a process's exchanges. Exchanges are most of a database (a million in a
 * 20k-process one), and reading them is most of loading it: PGlite's time goes mostly in reading
 * the stored text, so it is kept small, and none of it is parsed twice.
 *
 * - `datasets.exchange_numbers`, what the matrices are made of, as binary: every amount (float64),
 *   then every flow's position in the release's flows (int32; −1: a flow the release lacks), then
 *   every exchange's flags (a byte: 1 input, 2 avoided, 4 quantitative reference), big-endian as
 *   PostgreSQL's own float8send and int4send write them, so a migration can write it in SQL.
 *   Decoded straight into the engine's exchange columns, with no number parsed from text. It is
 *   base64 text rather than bytea because PGlite moves bytea as hex and converts it one byte at
 *   a time in JavaScript, while Node decodes base64 natively.
 * - `datasets.exchange_details`, the rest, sparse, in JSON: the ids of flows the release lacks,
 *   providers (by position in the release's processes, or by id when the release lacks them),
 *   original amounts and units, uncertainty and pedigree.
 * - the exchange ids, as a JSON array in `exchange_id_lists`, once per release for every process
 *   that has the same ones, and none at all when they are "1", "2", … in order. A regionalised copy
 *   keeps its original's ids (factors/regionalize.ts), so a provincial release holds each list
 *   once, not 31 times; UUID ids were most of the stored text.
 *
 * Equal exchanges give equal text, which is what diffs compare first. Flows and providers are
 * positions, so a release that adds one renumbers the rest: a diff compares differing rows unpacked.
 */

export interface PackedExchanges {
  numbers: string;
  details: string;
  /** the ids as JSON; null when they are "1", "2", … in order */
  ids: string | null;
}

interface Details {
  /** [exchange, flow id] of flows the release lacks */
  flow?: [number, string][];
  /** [exchange, provider's position in the release or its id] */
  provider?: [number, number | string][];
  original?: [number, number | null, string | null][];
  uncertainty?: [number, ...(string | number)[]][];
  pedigree?: [number, number, number, number, number, number][];
}

// the engine's flag bits (linking.ts), so stored flags go into its columns as they are; the
// store keeps its own names because a stored format never changes with the code
const INPUT = 1;
const AVOIDED = 2;
const REFERENCE = 4;
/** bytes per exchange: amount, flow, flags */
const WIDTH = 8 + 4 + 1;

export function packExchanges(
  exchanges: Exchange[],
  flowPosition: Map<string, number>,
  processPosition: Map<string, number>,
): PackedExchanges {
  const n = exchanges.length;
  const bytes = Buffer.alloc(n * WIDTH);
  const flows: [number, string][] = [];
  const providers: [number, number | string][] = [];
  const originals: [number, number | null, string | null][] = [];
  const uncertainties: [number, ...(string | number)[]][] = [];
  const pedigrees: [number, number, number, number, number, number][] = [];
  exchanges.forEach((e, j) => {
    const flow = flowPosition.get(e.flowId);
    if (flow === undefined) flows.push([j, e.flowId]);
    bytes.writeDoubleBE(e.amount, 8 * j);
    bytes.writeInt32BE(flow ?? -1, 8 * n + 4 * j);
    bytes[12 * n + j] = (e.input ? INPUT : 0) | (e.avoided ? AVOIDED : 0) | (e.reference ? REFERENCE : 0);
    if (e.providerId !== undefined) providers.push([j, processPosition.get(e.providerId) ?? e.providerId]);
    if (e.originalAmount !== undefined || e.originalUnit !== undefined)
      originals.push([j, e.originalAmount ?? null, e.originalUnit ?? null]);
    if (e.uncertainty) uncertainties.push([j, ...uncertaintyTuple(e.uncertainty)]);
    if (e.pedigree) {
      const q = e.pedigree;
      pedigrees.push([j, q.reliability, q.completeness, q.temporal, q.geographical, q.technological]);
    }
  });
  // keys in a fixed order, so that equal exchanges give equal text
  const d: Details = {};
  if (flows.length) d.flow = flows;
  if (providers.length) d.provider = providers;
  if (originals.length) d.original = originals;
  if (uncertainties.length) d.uncertainty = uncertainties;
  if (pedigrees.length) d.pedigree = pedigrees;
  const numbered = exchanges.every((e, j) => e.id === String(j + 1));
  return {
    numbers: bytes.toString('base64'),
    details: JSON.stringify(d),
    ids: numbered ? null : JSON.stringify(exchanges.map((e) => e.id)),
  };
}

/** One process's stored exchanges, its ids parsed (processes that share a list share the array). */
export interface StoredExchanges {
  numbers: string;
  details: string;
  ids: string[] | null;
}

/**
 * A release's processes' exchanges, rows in process order: as the model's objects and as the
 * engine's columns (which need no second pass over the objects). flowIds and processIds are the
 * release's, by position.
 */
export function unpackExchanges(
  rows: StoredExchanges[],
  flowIds: string[],
  processIds: string[],
): { exchanges: Exchange[][]; columns: ExchangeColumns } {
  const bytes = rows.map((r) => Buffer.from(r.numbers, 'base64'));
  const start = new Int32Array(rows.length + 1);
  bytes.forEach((b, i) => (start[i + 1] = start[i] + b.length / WIDTH));
  const total = start[rows.length];
  const columns: ExchangeColumns = {
    start,
    exchange: new Array<Exchange>(total),
    flow: new Int32Array(total),
    provider: new Int32Array(total).fill(-1),
    amount: new Float64Array(total),
    flags: new Uint8Array(total),
  };
  const exchanges = rows.map((row, i) =>
    unpackOne(bytes[i], JSON.parse(row.details) as Details, row.ids, start[i], columns, flowIds, processIds),
  );
  return { exchanges, columns };
}

/** One process's exchanges, written to the columns from position `at` on. */
function unpackOne(
  b: Buffer,
  d: Details,
  ids: string[] | null,
  at: number,
  columns: ExchangeColumns,
  flowIds: string[],
  processIds: string[],
): Exchange[] {
  const n = b.length / WIDTH;
  const view = new DataView(b.buffer, b.byteOffset, b.length);
  const { flow, amount, flags, provider } = columns;
  const exchanges = new Array<Exchange>(n);
  for (let j = 0; j < n; j++) {
    const k = at + j;
    amount[k] = view.getFloat64(8 * j);
    flow[k] = view.getInt32(8 * n + 4 * j);
    flags[k] = b[12 * n + j];
    exchanges[j] = columns.exchange[k] = {
      id: ids ? ids[j] : String(j + 1),
      flowId: flow[k] >= 0 ? flowIds[flow[k]] : '',
      amount: amount[k],
      input: (flags[k] & INPUT) !== 0,
      avoided: (flags[k] & AVOIDED) !== 0,
      reference: (flags[k] & REFERENCE) !== 0,
    };
  }
  for (const [j, id] of d.flow ?? []) exchanges[j].flowId = id;
  for (const [j, p] of d.provider ?? []) {
    if (typeof p === 'number') {
      exchanges[j].providerId = processIds[p];
      provider[at + j] = p;
    } else {
      exchanges[j].providerId = p;
    }
  }
  for (const [j, originalAmount, unit] of d.original ?? []) {
    if (originalAmount !== null) exchanges[j].originalAmount = originalAmount;
    if (unit !== null) exchanges[j].originalUnit = unit;
  }
  for (const [j, ...u] of d.uncertainty ?? []) exchanges[j].uncertainty = uncertaintyOf(u);
  for (const [j, reliability, completeness, temporal, geographical, technological] of d.pedigree ?? []) {
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
