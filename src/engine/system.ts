import type { Exchange, Flow, LciDatabase, Process } from '../model/lci.ts';
import type { CscMatrix } from './sparse/csc.ts';
import {
  AVOIDED,
  buildTechIndex,
  INPUT,
  linkExchange,
  provides,
  type AllocationChoice,
  type ExchangeColumns,
  type Provider,
  type TechIndex,
} from './linking.ts';

/**
 * The matrices of one database: A (technosphere), B (interventions) and their indices.
 * Sign conventions: in A, provided amounts are positive on the diagonal and demanded products
 * or waste treatment negative; in B, emissions and resource extractions are positive, so that
 * a resource characterisation factor (e.g. −1 for CO2 taken from air) applies as written.
 */
export interface LcaSystem {
  /** technosphere: A[i][j] is the amount of provider i's flow that one run of column j gives (+) or takes (−) */
  A: CscMatrix;
  /** interventions: B[e][j] is the elementary flow e one run of column j emits or extracts */
  B: CscMatrix;
  index: TechIndex;
  /** rows of B */
  elementary: Flow[];
  /**
   * uptake[e]: row e holds a flow taken from the environment although its category files it as an
   * emission (an input of "Carbon dioxide, biogenic" to air, or a negative output of it). Such an
   * exchange is an uptake by its direction: it gets a row of its own, positive like an extraction,
   * so characterisation can count it as a removal instead of netting it against emissions.
   */
  uptake: boolean[];
  /** every matrix entry that came from an exchange, for Monte Carlo and traceability */
  entries: SystemEntries;
}

/** An exchange's contribution to one matrix cell: value = scale × exchange amount. */
export interface SystemEntries {
  a: EntryList;
  b: EntryList;
}

export interface EntryList {
  /** position in the CSC values array */
  position: Int32Array;
  /** signed allocation factor applied to the exchange amount */
  scale: Float64Array;
  exchange: Exchange[];
}

export interface BuildOptions {
  allocation?: AllocationChoice;
  /** db's exchanges in columns when the caller has them (the store loads a release so); made from db otherwise */
  columns?: ExchangeColumns;
}

export function buildSystem(db: LciDatabase, opts: BuildOptions = {}): LcaSystem {
  const index = buildTechIndex(db, opts.allocation ?? 'auto', opts.columns);
  const { start, flow, flags, amount } = index.columns;
  // row of B of each flow by its position, given as flows are first met
  const row = new Int32Array(db.flows.length).fill(-1);
  const uptakeRow = new Int32Array(db.flows.length).fill(-1);
  const elementary: Flow[] = [];
  const uptake: boolean[] = [];
  // per flow, decided once rather than by two regexes per exchange: 1 resource, 0 emission, −1 not yet known
  const resource = new Int8Array(db.flows.length).fill(-1);
  const rowOf = (f: number, taken: boolean): number => {
    const rows = taken ? uptakeRow : row;
    if (rows[f] < 0) {
      rows[f] = elementary.length;
      elementary.push(db.flows[f]);
      uptake.push(taken);
    }
    return rows[f];
  };
  // at most one entry per exchange: B's from elementary flows, A's from the others and the diagonal
  let technosphere = 0,
    interventions = 0;
  for (const pr of index.providers) {
    for (let k = start[pr.processAt]; k < start[pr.processAt + 1]; k++) {
      // the reference is the diagonal of A even when it is an elementary flow
      if (db.flows[flow[k]].kind === 'elementary' && k !== pr.exchangeAt) interventions++;
      else technosphere++;
    }
  }
  const a = new TripletList(index.columns, technosphere);
  const b = new TripletList(index.columns, interventions);
  for (const pr of index.providers) {
    const j = pr.index;
    a.push(j, j, 1, pr.exchangeAt);
    for (let k = start[pr.processAt]; k < start[pr.processAt + 1]; k++) {
      if (k === pr.exchangeAt) continue;
      const f = flow[k];
      const { kind } = db.flows[f];
      if (provides(kind, flags[k])) continue;
      const share = allocationShare(pr, index.columns.exchange[k]);
      if (share === 0) continue;
      if (kind === 'elementary') {
        if (resource[f] < 0) resource[f] = isResource(db.flows[f]) ? 1 : 0;
        const input = (flags[k] & INPUT) !== 0;
        if (resource[f]) {
          b.push(rowOf(f, false), j, input ? share : -share, k);
          continue;
        }
        // an emission flow: taken up when it is an input or a negative output, and then positive in its uptake row
        const taken = input !== amount[k] < 0;
        b.push(rowOf(f, taken), j, taken === input ? share : -share, k);
        continue;
      }
      const provider = linkExchange(index, pr.processAt, k);
      if (!provider) continue;
      // avoided products act like outputs; demanded products and wastes to treat are negative
      a.push(provider.index, j, flags[k] & AVOIDED ? share : -share, k);
    }
  }
  const n = index.providers.length;
  const A = a.assemble(n, n);
  const B = b.assemble(elementary.length, n);
  return { A: A.matrix, B: B.matrix, index, elementary, uptake, entries: { a: A.entries, b: B.entries } };
}

/** Resources (extractions) are inputs by nature; their category path says so. */
export function isResource(flow: Flow): boolean {
  const top = (/^elementary flows$/i.test(flow.category[0] ?? '') ? flow.category[1] : flow.category[0]) ?? '';
  return /^(resource|natural resource|raw)/i.test(top.trim());
}

/** The share of an exchange that goes to a provider column under the column's allocation. */
function allocationShare(pr: Provider, e: Exchange): number {
  if (!pr.allocation) return 1;
  const factors = pr.process.allocationFactors.filter((f) => f.method === pr.allocation && f.productId === pr.flow.id);
  if (pr.allocation === 'causal') {
    const own = factors.find((f) => f.exchangeId === e.id || f.exchangeId === e.flowId);
    if (own) return own.value;
  }
  const whole = factors.find((f) => f.exchangeId === undefined);
  return whole ? whole.value : 0;
}

/** Matrix entries as exchanges contribute them: scale × amount of exchange k at (row, col), repeats allowed. */
class TripletList {
  private n = 0;
  private readonly rows: Int32Array;
  private readonly cols: Int32Array;
  private readonly scales: Float64Array;
  private readonly ks: Int32Array;

  constructor(
    private readonly columns: ExchangeColumns,
    capacity: number,
  ) {
    this.rows = new Int32Array(capacity);
    this.cols = new Int32Array(capacity);
    this.scales = new Float64Array(capacity);
    this.ks = new Int32Array(capacity);
  }

  /** the diagonal is pushed with scale 1 of the reference amount */
  push(r: number, c: number, scale: number, k: number) {
    this.rows[this.n] = r;
    this.cols[this.n] = c;
    this.scales[this.n] = scale;
    this.ks[this.n] = k;
    this.n++;
  }

  /**
   * The CSC matrix, repeats summed in the order they were pushed (explicit zeros kept), and the
   * place in its values of every triplet. Two stable counting sorts, by row and then by column,
   * leave each column's rows ascending and repeats side by side: linear in the entries, where
   * sorting within columns was quadratic in the long columns of B.
   */
  assemble(nRows: number, nCols: number): { matrix: CscMatrix; entries: EntryList } {
    const n = this.n;
    const rows = this.rows.subarray(0, n),
      cols = this.cols.subarray(0, n),
      scales = this.scales.subarray(0, n),
      ks = this.ks.subarray(0, n);
    const { amount, exchange } = this.columns;
    const order = countingSort(cols, nCols, countingSort(rows, nRows));
    const colPtr = new Int32Array(nCols + 1);
    const rowIdx = new Int32Array(n);
    const values = new Float64Array(n);
    const position = new Int32Array(n);
    let nnz = 0;
    let c = 0;
    for (let q = 0; q < n; q++) {
      const t = order[q],
        r = rows[t];
      while (c < cols[t]) colPtr[++c] = nnz;
      const v = scales[t] * amount[ks[t]];
      if (nnz > colPtr[c] && rowIdx[nnz - 1] === r) {
        values[nnz - 1] += v;
      } else {
        rowIdx[nnz] = r;
        values[nnz] = v;
        nnz++;
      }
      position[t] = nnz - 1;
    }
    while (c < nCols) colPtr[++c] = nnz;
    const entryExchanges = new Array<Exchange>(n);
    for (let t = 0; t < n; t++) entryExchanges[t] = exchange[ks[t]];
    return {
      matrix: { nRows, nCols, colPtr, rowIdx: rowIdx.subarray(0, nnz), values: values.subarray(0, nnz) },
      entries: { position, scale: scales, exchange: entryExchanges },
    };
  }
}

/** Positions 0 … n − 1 (or `order`) arranged by their key, keeping their order among equal keys. */
function countingSort(key: Int32Array, nKeys: number, order?: Int32Array): Int32Array {
  const n = key.length;
  const start = new Int32Array(nKeys + 1);
  for (let t = 0; t < n; t++) start[key[t] + 1]++;
  for (let i = 0; i < nKeys; i++) start[i + 1] += start[i];
  const sorted = new Int32Array(n);
  if (order) for (let q = 0; q < n; q++) sorted[start[key[order[q]]]++] = order[q];
  else for (let t = 0; t < n; t++) sorted[start[key[t]]++] = t;
  return sorted;
}

/** Exchanges whose amount is uncertain, for reporting how much of the system Monte Carlo can vary. */
export function uncertainEntryCount(list: EntryList): number {
  let n = 0;
  for (const e of list.exchange) if (e.uncertainty || e.pedigree) n++;
  return n;
}

export function processOf(system: LcaSystem, column: number): Process {
  return system.index.providers[column].process;
}

/**
 * The unit a process's result is declared in: the unit its reference exchange is written in
 * (1 kWh, 1 t, 1 ha), which importers convert to the flow's reference unit (3.6 MJ, 1000 kg,
 * 10,000 m²). A result per column of A is per flow reference unit; times `factor` it is per
 * declared unit.
 */
export interface DeclaredUnit {
  unit: string;
  /** flow reference units in one declared unit (kWh over MJ: 3.6) */
  factor: number;
}

export function declaredUnit(db: LciDatabase, pr: Provider): DeclaredUnit {
  const { originalUnit, originalAmount, amount } = pr.exchange;
  if (originalUnit === undefined || originalUnit === pr.flow.unit) return { unit: pr.flow.unit, factor: 1 };
  const factor = unitFactor(db, pr.flow, originalUnit) ?? (originalAmount ? amount / originalAmount : undefined);
  return factor !== undefined && Number.isFinite(factor) && factor > 0
    ? { unit: originalUnit, factor }
    : { unit: pr.flow.unit, factor: 1 };
}

/** Flow reference units in one `unit` of the flow's unit group; undefined when the group has no such unit. */
export function unitFactor(db: LciDatabase, flow: Flow, unit: string): number | undefined {
  if (unit === flow.unit) return 1;
  const property = db.flowProperties.find((p) => p.id === flow.propertyId);
  const group = property && db.unitGroups.find((g) => g.id === property.unitGroupId);
  const named = group?.units.find((u) => u.name === unit);
  const reference = group?.units.find((u) => u.name === flow.unit);
  return named && reference ? named.factor / reference.factor : undefined;
}

/** The units a flow's amounts may be given in: its unit group's, or its reference unit alone. */
export function unitsOf(db: LciDatabase, flow: Flow): string[] {
  const property = db.flowProperties.find((p) => p.id === flow.propertyId);
  const group = property && db.unitGroups.find((g) => g.id === property.unitGroupId);
  return group?.units.map((u) => u.name) ?? [flow.unit];
}
