import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { footprintsStamp, listFootprintRows, type FootprintRow, type Queryable, type Spec } from '../store/index.ts';
import { filterFacts, matches, type FilterFacts, type FootprintFilter } from './filters.ts';
import type { Doc, Predicate } from './odata.ts';

/**
 * The published footprints as the host serves them: every row once in memory with its filter
 * facts and its documents as JSON text, so a list is a scan and a string join, not a query. The
 * store is asked at most once a second whether anything changed (another process may publish
 * on a PostgreSQL server), and publishing here invalidates at once.
 *
 * Each company's footprints are also kept apart per spec version, in publication order, so that
 * a page scans only the partner's company and an unfiltered page is a slice. The response bodies
 * of ListFootprints pages are kept as UTF-8 bytes until the footprints change (bounded by
 * PAGE_CACHE_BYTES of uncompressed bodies; their gzip copies come on top and are much smaller):
 * a page asked again, as pollers and crawlers do, costs no join, no encoding of its few hundred
 * KiB and no compression.
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
  /** both of the above as text, naming the access in the page cache */
  key: string;
}

export type Lookup = { found: string } | { refused: 'not-found' | 'forbidden' };

/**
 * What a ListFootprints call asks for, parsed from its URL; `key` names it in the page cache. A
 * page starts after the footprint numbered `after` (the publication sequence), then skips
 * `offset` matches: next-page links carry `after`, so a footprint deprecated (and so leaving a
 * status=Active list) while a partner pages through shifts nothing, and a new one comes last.
 */
export interface ListQuery {
  filter: FootprintFilter;
  /** a v2 $filter: its text and the predicate parsed from it */
  odata?: { text: string; predicate: Predicate };
  after?: number;
  offset: number;
  limit: number;
  key: string;
}

export function listQuery(
  filter: FootprintFilter,
  odata: ListQuery['odata'],
  after: number | undefined,
  offset: number,
  limit: number,
): ListQuery {
  return {
    filter,
    odata,
    after,
    offset,
    limit,
    key: JSON.stringify([filter, odata?.text ?? null, after ?? null, offset, limit]),
  };
}

/** A ListFootprints answer: the body `{"data":[…]}` as bytes, and where the next page starts if there is one. */
export interface PageBody {
  body: Buffer<ArrayBuffer>;
  /** the sequence number of the page's last footprint, for the next page's `after` */
  next?: number;
  /** the body gzipped, made when a client first accepts gzip (see gzipped) */
  gzip?: Promise<Buffer<ArrayBuffer>>;
}

const gzipAsync = promisify(gzip);

const CHECK_MS = 1000;
const PAGE_CACHE_BYTES = 64 * 2 ** 20;

const noFilter = (f: FootprintFilter) => Object.values(f).every((v) => v === undefined);

/** The index of the first entry numbered above `seq` (entries in sequence order). */
function firstAfter(entries: Entry[], seq: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid].row.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class FootprintCatalog {
  private entries: Entry[] = [];
  private byId = new Map<string, Entry>();
  /** per company, the entries served in v3.0 and those also served in v2.3, in publication order */
  private byCompany = new Map<string, Record<Spec, Entry[]>>();
  /** ListFootprints bodies by request, dropped whenever the entries change */
  private pages = new Map<string, PageBody>();
  private pageBytes = 0;
  private stamp: string | undefined;
  private checkedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(private readonly db: Queryable) {}

  invalidate(): void {
    this.checkedAt = 0;
    this.stamp = undefined;
    this.dropPages();
  }

  private dropPages(): void {
    this.pages.clear();
    this.pageBytes = 0;
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
    this.byCompany = new Map();
    for (const e of this.entries) {
      let shelf = this.byCompany.get(e.row.companyId);
      if (!shelf) this.byCompany.set(e.row.companyId, (shelf = { '3.0': [], '2.3': [] }));
      shelf['3.0'].push(e);
      if (e.row.v2) shelf['2.3'].push(e);
    }
    this.dropPages();
    this.stamp = stamp;
  }

  /** the footprint's document in the version asked for (v2 only for entries served in v2.3) */
  private static doc(e: Entry, spec: Spec): string {
    return spec === '3.0' ? e.row.v3 : e.row.v2!;
  }

  /** whether the connection's product scope takes the footprint (all of them when it names none) */
  private static granted(e: Entry, access: Access): boolean {
    return access.products.length === 0 || e.facts.productIds.some((p) => access.products.includes(p));
  }

  private static visible(e: Entry, access: Access, spec: Spec): boolean {
    if (e.row.companyId !== access.companyId || (spec === '2.3' && !e.row.v2)) return false;
    return FootprintCatalog.granted(e, access);
  }

  /** One page of the footprints the partner may see that pass the filters, and where the next page starts if there is one. */
  async list(access: Access, spec: Spec, q: ListQuery): Promise<{ docs: string[]; next?: number }> {
    await this.fresh();
    return this.page(access, spec, q);
  }

  /** The same page as the ListFootprints response body, `{"data":[…]}` in UTF-8. */
  async listBody(access: Access, spec: Spec, q: ListQuery): Promise<PageBody> {
    await this.fresh();
    const key = `${access.key}${spec}${q.key}`;
    const cached = this.pages.get(key);
    if (cached) return cached;
    const { docs, next } = this.page(access, spec, q);
    const answer: PageBody = { body: Buffer.from(`{"data":[${docs.join(',')}]}`), next };
    if (answer.body.length <= PAGE_CACHE_BYTES / 8) {
      // the oldest pages go first when the cache is full
      for (const [k, v] of this.pages) {
        if (this.pageBytes + answer.body.length <= PAGE_CACHE_BYTES) break;
        this.pages.delete(k);
        this.pageBytes -= v.body.length;
      }
      this.pages.set(key, answer);
      this.pageBytes += answer.body.length;
    }
    return answer;
  }

  /** The page's body gzipped, compressed once on the libuv thread pool (not on the server's JavaScript thread). */
  gzipped(page: PageBody): Promise<Buffer<ArrayBuffer>> {
    // zlib's output is a plain (not shared) ArrayBuffer
    return (page.gzip ??= (gzipAsync(page.body) as Promise<Buffer<ArrayBuffer>>).catch((e) => {
      page.gzip = undefined;
      throw e;
    }));
  }

  private page(
    access: Access,
    spec: Spec,
    { filter, odata: o, after, offset, limit }: ListQuery,
  ): { docs: string[]; next?: number } {
    const odata = o?.predicate;
    // the company's footprints served in this version, in sequence order: only the products and the filters remain to check
    const all = this.byCompany.get(access.companyId)?.[spec] ?? [];
    const start = after === undefined ? 0 : firstAfter(all, after);
    const taken: Entry[] = [];
    let more = false;
    if (access.products.length === 0 && noFilter(filter) && !odata) {
      taken.push(...all.slice(start + offset, start + offset + limit));
      more = start + offset + limit < all.length;
    } else {
      let skipped = 0;
      for (let i = start; i < all.length; i++) {
        const e = all[i];
        if (!FootprintCatalog.granted(e, access)) continue;
        if (!matches(filter, e.facts)) continue;
        if (odata && !odata((e.v2doc ??= JSON.parse(e.row.v2!) as Doc))) continue;
        if (skipped < offset) {
          skipped++;
          continue;
        }
        if (taken.length === limit) {
          more = true;
          break;
        }
        taken.push(e);
      }
    }
    const docs = taken.map((e) => FootprintCatalog.doc(e, spec));
    return more ? { docs, next: taken.at(-1)!.row.seq } : { docs };
  }

  /** The footprints a RequestCreatedEvent asks for (every match, no paging). */
  async find(access: Access, spec: Spec, accept: (e: Entry) => boolean): Promise<string[]> {
    await this.fresh();
    return this.entries
      .filter((e) => FootprintCatalog.visible(e, access, spec) && accept(e))
      .map((e) => FootprintCatalog.doc(e, spec));
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
    return { found: FootprintCatalog.doc(e, spec) };
  }
}
