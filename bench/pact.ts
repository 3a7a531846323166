import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { validatePactFootprint } from '../src/formats/pact.ts';
import { SEED_RELEASE } from '../src/factors/seed.ts';
import { createRng } from '../src/engine/uncertainty.ts';
import { call, nextLink } from '../src/pact/client.ts';
import { listQuery } from '../src/pact/catalog.ts';
import { accessOf } from '../src/pact/events.ts';
import { filterFromQuery } from '../src/pact/filters.ts';
import type { Running } from '../src/server/main.ts';
import { DEMO_COMPANY, DEMO_USERS } from '../src/server/demo.ts';
import { DEMO_PARTNER } from '../src/server/demo-pact.ts';
import {
  connectionForLogin,
  findCompany,
  findUserByEmail,
  footprintsStamp,
  listFootprintRows,
  type FootprintRow,
  type Store,
} from '../src/store/index.ts';
import { DEFAULT_LIMIT } from '../src/server/pact/host.ts';
import { tlsCredentials } from '../src/server/pact/tls.ts';
import {
  describeLoadGenerator,
  hostCpu,
  load,
  LOAD_GENERATORS,
  medianMs,
  platform,
  warmUp,
  type LoadGenerator,
  type LoadRun,
} from './api.ts';
import { PROVINCES as CHINA_PROVINCES } from '../src/model/provinces.ts';

/**
 * The PACT host under load (issue 5: "list footprints with 10,000 stored, p99 under 50 ms at 100
 * concurrent clients"), against a really running server set up as `npm start` sets it up:
 * serve() on free ports, a fresh PGlite store in a temporary directory (seed factors, USLCI, the
 * demo company with its partner and published footprints) and the PACT host over HTTPS with a
 * self-signed certificate made in a temporary directory.
 *
 * 1. 10,000 more footprints of the demo company, written from the demo's real published v3 and
 *    v2.3 documents: new UUIDs, one product URN each, the 31 provinces as
 *    geographyCountrySubdivision (CN-xx), one in five Deprecated, reference periods 2019–2025,
 *    created dates and validity periods varied within what the spec allows. They go straight
 *    into pact_footprints, 500 rows per INSERT; a sample is checked against the spec schemas.
 * 2. A token from /auth/token with the demo partner's client credentials (HTTP Basic).
 * 3. 100 connections for 10 s each, over HTTPS with the Bearer token, on GET /3/footprints (the
 *    host's default page), GET /3/footprints?geography=CN-SC and the `Link: rel="next"` URL of a
 *    deep page (the footprints from the 9,001st on); these carry the target. GET /3/footprints?limit=100 is reported
 *    beside them: a client choosing pages five times larger. Each page once as a client that
 *    asks for no compression gets it (`pact-list…`) and once with `Accept-Encoding: gzip`, as
 *    fetch, Python's requests and curl --compressed ask (`…-gzip`). Before each run one answer
 *    is checked (the expected footprints in the expected order, a Link exactly when more pages
 *    exist, gzip exactly when asked) and 500 warm-up requests are made. Any error status or
 *    connection error fails the benchmark.
 * 4. The peer: after each run, a bare Node HTTPS server (node:https, the same certificate, in
 *    this process) answers every request with the very bytes and headers the host answered,
 *    under the same load. It does no routing, token check, filtering or paging: what remains is
 *    TLS and moving the bytes on this machine, the floor for any Node server sending that page.
 *
 * The load generator is wrk (Debian's `wrk`, in C, one thread per core; TANJI_BENCH_PACT_LOADGEN
 * =child runs autocannon instead). autocannon appends every response body to a JavaScript
 * string: on pages of a few hundred KiB it needed more CPU than the host and measured itself
 * (the host sat idle 60 % of a run while autocannon reported p99 near 600 ms). The load
 * generator shares the machine with the server; the output says how busy both were.
 *
 * A default page is 20 footprints of about 3.6 KiB, 73 KiB of JSON (the bench's footprints are
 * variants of three documents, so they compress better than real ones would). The output also
 * gives the server's CPU time per request and its event loop delay for each run, and the costs
 * of a page on the server's thread.
 *
 * TLS: every connection makes one handshake and is kept alive; wrk and autocannon do not verify
 * the server's certificate, so nothing is relaxed in this process.
 */

const LIST_P99_TARGET_MS = 50;
const FOOTPRINTS = 10_000;
const ROWS_PER_INSERT = 500;
/** a client's own choice, reported beside the target */
const BIG_PAGE = 100;
const DEEP_OFFSET = 9000;
const PROVINCES = CHINA_PROVINCES.map(([code]) => code.slice('CN-'.length));
const DAY_MS = 24 * 3600 * 1000;
const GEOGRAPHY_KEYS = ['geographyRegionOrSubregion', 'geographyCountry', 'geographyCountrySubdivision'];
/** what the bare server repeats of the host's answer (the rest, date and length, Node writes itself) */
const ANSWER_HEADERS = ['content-type', 'content-encoding', 'link', 'vary'];

export interface PactBenchOptions {
  /** seconds per load run (default BENCH_API_SECONDS or 10) */
  durationS?: number;
  connections?: number;
  /** default TANJI_BENCH_PACT_LOADGEN or wrk */
  loadGenerator?: LoadGenerator;
}

type Doc = Record<string, any>;

/** What the bench stored, in publication order, to check the host's answers against. */
export interface Stored {
  id: string;
  subdivision: string | undefined;
}

interface Case {
  name: string;
  url: string;
  headers: Record<string, string>;
  expected: Stored[];
  offset: number;
  limit: number;
  /** whether the 50 ms target applies (the host's own page size) */
  target: boolean;
}

type Run = LoadRun & { bytesPerS: number; target: boolean; bare: Awaited<ReturnType<typeof load>> };

const ms = (t0: number) => performance.now() - t0;
const gzipAsync = promisify(gzip);
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

export async function pactBenchmarks(opts: PactBenchOptions = {}): Promise<string[]> {
  const durationS = opts.durationS ?? Number(process.env.BENCH_API_SECONDS ?? 10);
  const connections = opts.connections ?? 100;
  const loadGenerator =
    opts.loadGenerator ?? ((process.env.TANJI_BENCH_PACT_LOADGEN as LoadGenerator | undefined) || 'wrk');
  if (!LOAD_GENERATORS.includes(loadGenerator))
    throw new Error(`TANJI_BENCH_PACT_LOADGEN=${loadGenerator}: use ${LOAD_GENERATORS.join(', ')}`);

  const lines: string[] = [];
  let t0 = performance.now();
  const p = await platform();
  const { dir, store, running } = p;
  try {
    const setupS = ms(t0) / 1000;
    const { pactUrl, pactCertificate: ca } = running;

    // 1. 10,000 footprints
    const company = await findCompany(store, DEMO_COMPANY);
    if (!company) throw new Error('the demo company is missing');
    const demoRows = await listFootprintRows(store, company.id);
    if (demoRows.length === 0) throw new Error('the demo company has published no footprint');
    t0 = performance.now();
    const { generated, checked } = await storeFootprints(store, demoRows, FOOTPRINTS);
    const insertS = ms(t0) / 1000;
    running.pact.catalog.invalidate();
    const stored: Stored[] = [
      ...demoRows.map((r) => ({
        id: r.id,
        subdivision: JSON.parse(r.v3).pcf?.geographyCountrySubdivision as string | undefined,
      })),
      ...generated,
    ];
    lines.push(
      `pact host: ${pactUrl} (HTTPS, self-signed certificate) on PGlite in ${dir} (seed factors ${SEED_RELEASE}, USLCI, demo; set up in ${setupS.toFixed(1)} s); ` +
        `${FOOTPRINTS} footprints stored in ${insertS.toFixed(1)} s beside the demo's ${demoRows.length} (${checked} of them checked against the v3.0 and v2.3 schemas); ` +
        `load generator: ${describeLoadGenerator(loadGenerator)}, ${connections} connections, ${durationS} s per run after 500 warm-up requests`,
    );

    // 2. a token, as a partner gets one
    const basic = Buffer.from(
      `${encodeURIComponent(DEMO_PARTNER.clientId)}:${encodeURIComponent(DEMO_PARTNER.clientSecret)}`,
    ).toString('base64');
    const issued = await call(`${pactUrl}/auth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      ca,
    });
    const token = (issued.json as { access_token?: string } | undefined)?.access_token;
    if (issued.status !== 200 || !token) throw new Error(`POST /auth/token: ${issued.status} ${issued.text}`);
    const auth = { authorization: `Bearer ${token}` };
    const get = (url: string, headers: Record<string, string> = {}) =>
      fetchRaw(url.startsWith('https:') ? url : pactUrl + url, { ...auth, ...headers }, ca);

    // 3. the cases, each checked once before it is loaded
    const inSichuan = stored.filter((s) => s.subdivision?.toUpperCase() === 'CN-SC');
    const deepFrom = await get(`/3/footprints?offset=${DEEP_OFFSET - DEFAULT_LIMIT}`);
    expectPage(
      deepFrom,
      stored,
      DEEP_OFFSET - DEFAULT_LIMIT,
      DEFAULT_LIMIT,
      `GET /3/footprints?offset=${DEEP_OFFSET - DEFAULT_LIMIT}`,
    );
    const deepUrl = nextLink(deepFrom.headers.link);
    if (!deepUrl) throw new Error(`the page at offset ${DEEP_OFFSET - DEFAULT_LIMIT} has no Link to the next`);
    const pages = [
      {
        name: 'pact-list',
        url: `${pactUrl}/3/footprints`,
        expected: stored,
        offset: 0,
        limit: DEFAULT_LIMIT,
        target: true,
      },
      {
        name: 'pact-list-filtered',
        url: `${pactUrl}/3/footprints?geography=CN-SC`,
        expected: inSichuan,
        offset: 0,
        limit: DEFAULT_LIMIT,
        target: true,
      },
      {
        name: 'pact-list-deep',
        url: deepUrl,
        expected: stored,
        offset: DEEP_OFFSET,
        limit: DEFAULT_LIMIT,
        target: true,
      },
      {
        name: `pact-list-${BIG_PAGE}`,
        url: `${pactUrl}/3/footprints?limit=${BIG_PAGE}`,
        expected: stored,
        offset: 0,
        limit: BIG_PAGE,
        target: false,
      },
    ];
    // each page as a client without compression asks for it, and as HTTP clients ask by default (fetch, Python requests, curl --compressed)
    const cases = pages.flatMap((p): Case[] => [
      { ...p, headers: {} },
      { ...p, name: `${p.name}-gzip`, headers: { 'accept-encoding': 'gzip' } },
    ]);
    const answers: Answer[] = [];
    const sizes: string[] = [];
    for (const c of cases) {
      const page = await get(c.url, c.headers);
      const n = expectPage(
        page,
        c.expected,
        c.offset,
        c.limit,
        `GET ${c.url}${c.headers['accept-encoding'] ? ' (gzip)' : ''}`,
      );
      const gzipped = page.headers['content-encoding'] === 'gzip';
      if (gzipped !== Boolean(c.headers['accept-encoding']))
        throw new Error(`${c.name}: content-encoding ${page.headers['content-encoding'] ?? 'none'}`);
      answers.push(page);
      sizes.push(
        `${c.name} ${n} footprints, ${(page.bytes.length / 1024).toFixed(0)} KiB${gzipped ? ` gzipped (${(Buffer.byteLength(page.text) / 1024).toFixed(0)} KiB of JSON)` : ''}${page.headers.link ? ', Link' : ''}`,
      );
    }
    lines.push(
      `pact pages checked: ${sizes.join('; ')} (${stored.length} footprints in all, ${inSichuan.length} in CN-SC)`,
    );

    const tls = await tlsCredentials(store, store.location);
    const runs: Run[] = [];
    const cpu: string[] = [];
    for (const [i, c] of cases.entries()) {
      await warmUp(async () => {
        const r = await get(c.url, c.headers);
        if (r.status !== 200) throw new Error(`warm-up: ${r.status} ${r.text.slice(0, 300)}`);
      });
      const host = hostCpu();
      const own = process.cpuUsage();
      const stalls = monitorEventLoopDelay({ resolution: 5 });
      stalls.enable();
      t0 = performance.now();
      const r = await load(loadGenerator, { url: c.url, headers: { ...auth, ...c.headers }, connections, durationS });
      const wall = ms(t0);
      stalls.disable();
      const { user, system } = process.cpuUsage(own);
      const busy = hostCpu(host);
      cpu.push(
        `${c.name}: server process ${(((user + system) / 1000 / wall) * 100).toFixed(0)} %, ${((user + system) / 1000 / Math.max(1, r.requests)).toFixed(2)} ms CPU per request, ` +
          `event loop delay p99 ${(stalls.percentile(99) / 1e6).toFixed(0)} ms max ${(stalls.max / 1e6).toFixed(0)} ms` +
          `${busy === undefined ? '' : `, whole machine ${(busy * 100).toFixed(0)} % of ${availableParallelism()} cores`}`,
      );
      if (r.non2xx > 0 || r.errors > 0) {
        throw new Error(
          `${c.name}: ${r.non2xx} error responses and ${r.errors} connection errors out of ${r.requests} requests on GET ${c.url}; every list call must succeed`,
        );
      }
      const bare = await bareServer(tls, answers[i], (url) =>
        load(loadGenerator, {
          url: url + new URL(c.url).pathname + new URL(c.url).search,
          headers: { ...auth, ...c.headers },
          connections,
          durationS,
        }),
      );
      runs.push({ ...r, case: c.name, path: c.url, acceptedIn1s: NaN, lastAcceptS: NaN, target: c.target, bare });
    }
    lines.push(
      `pact CPU during the runs (100 % = one core): ${cpu.join('; ')}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    lines.push(...(await listCosts(running, store, pages)));

    lines.push(
      '',
      `case                           req/s   p50_ms p97.5_ms   p99_ms   max_ms  errors timeouts   MiB/s   bare: req/s   p99_ms  host/bare p99`,
      ...runs.map(
        (r) =>
          `${r.case.padEnd(28)}${r.requestsPerS.toFixed(0).padStart(8)}${r.p50.toFixed(1).padStart(9)}${r.p97_5.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${r.max.toFixed(0).padStart(9)}` +
          `${String(r.non2xx).padStart(8)}${String(r.timeouts).padStart(9)}${(r.bytesPerS / 2 ** 20).toFixed(0).padStart(8)}` +
          `${r.bare.requestsPerS.toFixed(0).padStart(14)}${r.bare.p99.toFixed(1).padStart(9)}${(r.p99 / r.bare.p99).toFixed(2).padStart(15)}`,
      ),
      '',
      ...runs.map((r) => {
        const verdict = r.p99 < LIST_P99_TARGET_MS && r.timeouts === 0 ? 'met' : 'MISSED';
        const line = `${r.case}-p99 ${r.p99.toFixed(1)} ms (< ${LIST_P99_TARGET_MS})${r.timeouts ? `, and ${r.timeouts} requests unanswered after 10 s,` : ''}`;
        return r.target
          ? `target ${line} ${verdict}`
          : `for information (a client's page of ${BIG_PAGE}) ${line} ${verdict}; a bare Node HTTPS server sending the same bytes: p99 ${r.bare.p99.toFixed(1)} ms`;
      }),
    );
    return lines;
  } finally {
    await p.close();
  }
}

/**
 * A bare node:https server on a free port, with the host's certificate, answering every request
 * with one recorded answer of the host; `measure` loads it at the URL given, then it closes.
 */
async function bareServer<T>(
  tls: { cert: string; key: string },
  answer: Answer,
  measure: (url: string) => Promise<T>,
): Promise<T> {
  const headers: Record<string, string> = {};
  for (const k of ANSWER_HEADERS) {
    const v = answer.headers[k];
    if (typeof v === 'string') headers[k] = v;
  }
  const server = createServer({ cert: tls.cert, key: tls.key }, (_req, res) => {
    res.writeHead(200, { ...headers, 'content-length': answer.bytes.length });
    res.end(answer.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await measure(`https://localhost:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * Variants of the demo's published documents, stored as the publisher stores them (both spec
 * versions as JSONB, product ids, status, created, updated for the deprecated ones). The choices
 * come from a fixed seed, so every run stores the same footprints in the same order.
 */
export async function storeFootprints(
  store: Store,
  templates: FootprintRow[],
  n: number,
): Promise<{ generated: Stored[]; checked: number }> {
  const rng = createRng(5004);
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = (8 + Math.floor(rng.next() * 4)).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  const generated: Stored[] = [];
  let checked = 0;
  const parsed = templates.map((t) => ({
    row: t,
    v3: JSON.parse(t.v3) as Doc,
    v2: t.v2 ? (JSON.parse(t.v2) as Doc) : null,
  }));
  // published by the demo practitioner, as the demo's own footprints are
  const publisher = (await findUserByEmail(store, DEMO_USERS[0].email))?.id ?? null;
  for (let from = 0; from < n; from += ROWS_PER_INSERT) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let i = from; i < Math.min(n, from + ROWS_PER_INSERT); i++) {
      const t = parsed[i % parsed.length];
      const id = uuid();
      const product = `urn:tanji:product:bench-${String(i + 1).padStart(5, '0')}`;
      const subdivision = `CN-${PROVINCES[Math.floor(rng.next() * PROVINCES.length)]}`;
      const deprecated = rng.next() < 0.2;
      const year = 2019 + Math.floor(rng.next() * 7);
      const refStart = Date.UTC(year, 0, 1);
      const refEnd = Date.UTC(year + 1, 0, 1);
      const created = refEnd + Math.floor(rng.next() * 300 * DAY_MS);
      const validFrom = refEnd + Math.floor(rng.next() * 180) * DAY_MS;
      const validUntil = validFrom + (1 + Math.floor(rng.next() * 2)) * 365 * DAY_MS;
      const updated = deprecated ? created + (1 + Math.floor(rng.next() * 60)) * DAY_MS : undefined;
      const vary = (doc: Doc): Doc => {
        const d = structuredClone(doc);
        d.id = id;
        d.productIds = [product];
        d.productNameCompany = `${doc.productNameCompany} #${i + 1}`;
        d.status = deprecated ? 'Deprecated' : 'Active';
        d.created = iso(created);
        if (updated === undefined) delete d.updated;
        else d.updated = iso(updated);
        d.validityPeriodStart = iso(validFrom);
        d.validityPeriodEnd = iso(validUntil);
        delete d.precedingPfIds;
        for (const k of GEOGRAPHY_KEYS) delete d.pcf[k];
        d.pcf.geographyCountrySubdivision = subdivision;
        d.pcf.referencePeriodStart = iso(refStart);
        d.pcf.referencePeriodEnd = iso(refEnd);
        return d;
      };
      const v3 = vary(t.v3);
      const v2 = t.v2 && vary(t.v2);
      // a sample of both versions against the spec schemas, every 97th
      if (i % 97 === 0) {
        for (const [doc, version] of [
          [v3, '3.0'],
          [v2, '2.3'],
        ] as const) {
          if (!doc) continue;
          const r = validatePactFootprint(doc, version);
          if (!r.ok) throw new Error(`footprint ${i + 1} (v${version}) does not validate: ${r.errors.join('; ')}`);
        }
        checked++;
      }
      const k = params.length;
      values.push(
        `($${k + 1}::uuid, $${k + 2}, $${k + 3}, $${k + 4}::int, $${k + 5}::text[], $${k + 6}, $${k + 7}::timestamptz, $${k + 8}::timestamptz, $${k + 9}::jsonb, $${k + 10}::jsonb, $${k + 11})`,
      );
      params.push(
        id,
        t.row.companyId,
        t.row.studyId,
        t.row.studyVersion,
        [product],
        v3.status,
        v3.created,
        v3.updated ?? null,
        JSON.stringify(v3),
        v2 ? JSON.stringify(v2) : null,
        publisher,
      );
      generated.push({ id, subdivision });
    }
    await store.query(
      `INSERT INTO pact_footprints (id, company_id, study_id, study_version, product_ids, status, created, updated, v3, v2, published_by) VALUES ${values.join(', ')}`,
      params,
    );
  }
  return { generated, checked };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** as received */
  bytes: Buffer;
  /** decoded (gunzipped when the answer is) */
  text: string;
}

/** A GET over HTTPS trusting the host's certificate, with the body as received and decoded. */
function fetchRaw(url: string, headers: Record<string, string>, ca: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url), { headers: { accept: 'application/json', ...headers }, ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        try {
          const bytes = Buffer.concat(chunks);
          const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, text });
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Checks one ListFootprints answer: 200, the expected footprints in publication order, a Link exactly when more follow. */
export function expectPage(page: Answer, expected: Stored[], offset: number, limit: number, what: string): number {
  if (page.status !== 200) throw new Error(`${what}: ${page.status} ${page.text.slice(0, 300)}`);
  const data = (JSON.parse(page.text) as { data?: { id: string }[] }).data;
  if (!Array.isArray(data)) throw new Error(`${what}: the body has no data array`);
  const want = expected.slice(offset, offset + limit).map((s) => s.id);
  const got = data.map((d) => d.id);
  if (got.length !== want.length || got.some((id, i) => id !== want[i])) {
    throw new Error(`${what}: ${got.length} footprints (first ${got[0]}), expected ${want.length} (first ${want[0]})`);
  }
  const more = offset + limit < expected.length;
  const next = nextLink(page.headers.link);
  if (more && !next) throw new Error(`${what}: ${expected.length - offset - limit} more footprints but no Link header`);
  if (!more && next) throw new Error(`${what}: a Link header (${next}) on the last page`);
  if (next) {
    const u = new URL(next);
    // the next page itself is checked where the bench follows a link (the deep page)
    if (!u.searchParams.get('after') || u.searchParams.has('offset') || u.searchParams.get('limit') !== String(limit))
      throw new Error(`${what}: Link ${next} is not a next page of ${limit}`);
  }
  return got.length;
}

/**
 * What a list call costs the server's thread besides HTTP and TLS, sequentially with the server
 * idle: the catalog's page (filters, paging), the body built and encoded as a page asked for the
 * first time, the same page from the catalog's cache, and its gzip (once, on the thread pool).
 * Also the store check the catalog makes at most once a second (footprintsStamp), which on
 * PGlite runs on the same thread. With N connections kept busy a closed-loop latency is about
 * N × the server time per request.
 */
async function listCosts(running: Running, store: Store, pages: { name: string; url: string }[]): Promise<string[]> {
  const connection = await connectionForLogin(store, DEMO_PARTNER.clientId);
  if (!connection) throw new Error('the demo partner connection is missing');
  const access = accessOf(connection);
  const catalog = running.pact.catalog;
  const out: string[] = [];
  for (const c of pages) {
    const params = new URL(c.url).searchParams;
    const limit = Number(params.get('limit') ?? DEFAULT_LIMIT);
    const after = params.has('after') ? Number(params.get('after')) : undefined;
    const query = listQuery(filterFromQuery(params), undefined, after, Number(params.get('offset') ?? 0), limit);
    const page = async () => catalog.list(access, '3.0', query);
    const body = async () => Buffer.from(`{"data":[${(await page()).docs.join(',')}]}`);
    const cached = await catalog.listBody(access, '3.0', query);
    const t0 = performance.now();
    await gzipAsync(cached.body);
    const gzipMs = ms(t0);
    out.push(
      `${c.name} page ${(await medianMs(page)).toFixed(3)}, body built ${(await medianMs(body)).toFixed(3)}, ` +
        `cached ${(await medianMs(() => catalog.listBody(access, '3.0', query))).toFixed(3)}, gzip ${gzipMs.toFixed(1)}`,
    );
  }
  return [
    `pact list costs (ms, median of 300 sequential calls, server idle): ${out.join('; ')}`,
    `pact store check (footprintsStamp, at most once a second, on the server's thread with PGlite): ${(await medianMs(() => footprintsStamp(store), 21)).toFixed(1)} ms`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of await pactBenchmarks()) console.log(line);
}
