import { footprintsStamp, listFootprintRows, type FootprintRow, type Queryable, type Spec } from '../store/index.ts';
import { filterFacts, matches, type FilterFacts, type FootprintFilter } from './filters.ts';
import type { Doc, Predicate } from './odata.ts';

/**
 * The published footprints as the host serves them: every row once in memory with its filter
 * facts and its documents as JSON text, so a list is a scan and a string join, not a query. The
 * store is asked at most once a second whether anything changed (another process may publish
 * on a PostgreSQL server), and publishing here invalidates at once.
 */

export interface Entry {
  row: FootprintRow;
  facts: FilterFacts;
  /** the v2 document, parsed only when a $filter needs it */
  v2doc?: Doc;
}

/** Whose footprints a partner may see: one company's, limited to some products when the connection says so. */
export interface Access {
  companyId: string;
  /** lower-case product URNs; empty: all of the company's */
  products: string[];
}

export type Lookup = { found: string } | { refused: 'not-found' | 'forbidden' };

const CHECK_MS = 1000;

export class FootprintCatalog {
  private entries: Entry[] = [];
  private byId = new Map<string, Entry>();
  private stamp: string | undefined;
  private checkedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(private readonly db: Queryable) {}

  invalidate(): void {
    this.checkedAt = 0;
    this.stamp = undefined;
  }

  private async fresh(): Promise<void> {
    if (performance.now() - this.checkedAt < CHECK_MS && this.stamp !== undefined) return;
    this.loading ??= this.reload().finally(() => (this.loading = undefined));
    await this.loading;
  }

  private async reload(): Promise<void> {
    const stamp = await footprintsStamp(this.db);
    this.checkedAt = performance.now();
    if (stamp === this.stamp) return;
    const rows = await listFootprintRows(this.db);
    this.entries = rows.map((row) => ({ row, facts: filterFacts(JSON.parse(row.v3)) }));
    this.byId = new Map(this.entries.map((e) => [e.row.id.toLowerCase(), e]));
    this.stamp = stamp;
  }

  private static visible(e: Entry, access: Access, spec: Spec): boolean {
    if (e.row.companyId !== access.companyId || (spec === '2.3' && !e.row.v2)) return false;
    return access.products.length === 0 || e.facts.productIds.some((p) => access.products.includes(p));
  }

  /** One page of the footprints the partner may see that pass the filters, and the offset of the next page if any. */
  async list(access: Access, spec: Spec, filter: FootprintFilter, odata: Predicate | undefined, offset: number, limit: number): Promise<{ docs: string[]; next?: number }> {
    await this.fresh();
    const docs: string[] = [];
    let skipped = 0;
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (!FootprintCatalog.visible(e, access, spec) || !matches(filter, e.facts)) continue;
      if (odata && !odata((e.v2doc ??= JSON.parse(e.row.v2!) as Doc))) continue;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (docs.length === limit) return { docs, next: offset + limit };
      docs.push(spec === '3.0' ? e.row.v3 : e.row.v2!);
    }
    return { docs };
  }

  /** The footprints a RequestCreatedEvent asks for (every match, no paging). */
  async find(access: Access, spec: Spec, accept: (e: Entry) => boolean): Promise<string[]> {
    await this.fresh();
    return this.entries.filter((e) => FootprintCatalog.visible(e, access, spec) && accept(e)).map((e) => (spec === '3.0' ? e.row.v3 : e.row.v2!));
  }

  /**
   * One footprint. Another company's is "not found", as if it did not exist; one of the partner's
   * own supplier outside what the connection grants is "forbidden", as the spec asks.
   */
  async get(access: Access, spec: Spec, id: string): Promise<Lookup> {
    await this.fresh();
    const e = this.byId.get(id.toLowerCase());
    if (!e || e.row.companyId !== access.companyId || (spec === '2.3' && !e.row.v2)) return { refused: 'not-found' };
    if (!FootprintCatalog.visible(e, access, spec)) return { refused: 'forbidden' };
    return { found: spec === '3.0' ? e.row.v3 : e.row.v2! };
  }
}
