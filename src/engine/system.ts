import type { Exchange, Flow, LciDatabase, Process } from '../model/lci.ts';
import { fromTriplets, type CscMatrix } from './sparse/csc.ts';
import { buildTechIndex, isProvision, linkExchange, type AllocationChoice, type Provider, type TechIndex } from './linking.ts';

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
}

export function buildSystem(db: LciDatabase, opts: BuildOptions = {}): LcaSystem {
  const index = buildTechIndex(db, opts.allocation ?? 'auto');
  const elementaryIndex = new Map<string, number>();
  const elementary: Flow[] = [];
  // per row of B, decided once per flow rather than by two regexes per exchange
  const resource: boolean[] = [];
  const a = new TripletList();
  const b = new TripletList();
  for (const pr of index.providers) {
    const j = pr.index;
    a.push(j, j, 1, pr.exchange);
    for (const e of pr.process.exchanges) {
      if (e === pr.exchange) continue;
      const flow = index.flows.get(e.flowId)!;
      if (isProvision(e, flow)) continue;
      const share = allocationShare(pr, e);
      if (share === 0) continue;
      if (flow.kind === 'elementary') {
        let row = elementaryIndex.get(flow.id);
        if (row === undefined) {
          row = elementary.length;
          elementaryIndex.set(flow.id, row);
          elementary.push(flow);
          resource.push(isResource(flow));
        }
        b.push(row, j, share * (e.input !== resource[row] ? -1 : 1), e);
        continue;
      }
      const provider = linkExchange(index, pr.process, e);
      if (!provider) continue;
      // avoided products act like outputs; demanded products and wastes to treat are negative
      a.push(provider.index, j, e.avoided ? share : -share, e);
    }
  }
  const n = index.providers.length;
  const A = a.toCsc(n, n);
  const B = b.toCsc(elementary.length, n);
  return { A, B, index, elementary, entries: { a: a.entries(A), b: b.entries(B) } };
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

class TripletList {
  private rows: number[] = [];
  private cols: number[] = [];
  private vals: number[] = [];
  private exch: Exchange[] = [];
  private scales: number[] = [];

  /** scale × exchange amount goes to (r, c); the diagonal is pushed with scale 1 of the reference amount */
  push(r: number, c: number, scale: number, e: Exchange) {
    this.rows.push(r);
    this.cols.push(c);
    this.vals.push(scale * e.amount);
    this.exch.push(e);
    this.scales.push(scale);
  }

  toCsc(nRows: number, nCols: number): CscMatrix {
    return fromTriplets(nRows, nCols, this.rows, this.cols, this.vals);
  }

  entries(m: CscMatrix): EntryList {
    const position = new Int32Array(this.rows.length);
    for (let k = 0; k < this.rows.length; k++) position[k] = positionOf(m, this.rows[k], this.cols[k]);
    return { position, scale: Float64Array.from(this.scales), exchange: this.exch };
  }
}

/** Index into m.values of entry (r, c); rows are sorted within a column. */
export function positionOf(m: CscMatrix, r: number, c: number): number {
  let lo = m.colPtr[c], hi = m.colPtr[c + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = m.rowIdx[mid];
    if (v === r) return mid;
    if (v < r) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`entry (${r}, ${c}) is not in the matrix pattern`);
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

