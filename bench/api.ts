import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import type { z } from 'zod';
import { importDatabase } from '../src/formats/index.ts';
import { seedFactors, SEED_RELEASE } from '../src/factors/seed.ts';
import { createRng } from '../src/engine/uncertainty.ts';
import { getMethod } from '../src/factors/gwp.ts';
import type { LifeCycleStage } from '../src/model/lci.ts';
import {
  StudyResultSchema,
  StudySchema,
  type DirectGas,
  type Entry,
  type StudyInputSchema,
} from '../src/model/study.ts';
import { serve, type Running } from '../src/server/main.ts';
import { DEMO_USERS, ensureDemo } from '../src/server/demo.ts';
import { authenticate } from '../src/server/sessions.ts';
import {
  getStudy,
  latestResult,
  loadFactors,
  loadRelease,
  openStore,
  saveRelease,
  saveResult,
  studyHead,
  type Store,
} from '../src/store/index.ts';
import { backgroundOf, loadBackground } from '../src/studies/background.ts';
import { calculateStudy } from '../src/studies/calculate.ts';
import { DEMO_STUDY_NAME } from '../src/studies/demo-durian.ts';
import { PROVINCES as CHINA_PROVINCES } from '../src/model/provinces.ts';

/**
 * API benchmarks against a really running server, set up as `npm start` sets it up: serve() on a
 * free port, on a fresh PGlite store in a temporary directory (not in memory), with the China seed
 * factors (release 2026.1), the US LCI database as release "uslci" and the demo company.
 *
 * 1. Study reads under load: autocannon, 100 connections for 10 s, on GET /api/studies/{id} and
 *    GET /api/studies/{id}/result of the demo study with the practitioner's Bearer token. Any
 *    non-2xx response or connection error fails the benchmark; requests unanswered after
 *    autocannon's 10 s timeout are counted apart (they are not in its latency histogram) and miss
 *    the target. Target p99 < 100 ms. The table also gives the server's side of each run: how many
 *    of the connections it accepted within the first second, and when it accepted the last one (a
 *    saturated Node event loop accepts new connections slowly, which is where the worst latencies
 *    of a closed-loop run come from).
 * 2. Recalculating a 200-line study (factors of 2026.1: provincial electricity, fuels, transport
 *    legs; USLCI processes; direct emissions), built from GET /api/datasets hits and created with
 *    POST /api/studies: calculateStudy on the loaded background (median, no Monte Carlo), and end
 *    to end through POST /api/studies/{id}/calculate {"iterations": 0} then GET /api/jobs/{id}
 *    every 10 ms until done (median of 5). Target < 1 s. The same with the default 1000 Monte
 *    Carlo iterations is reported for information.
 *
 * The load generator runs in a child process by default (TANJI_BENCH_API_LOADGEN=in-process runs
 * it in this process instead, =wrk runs wrk): in this process it would compete with the server for the one
 * JavaScript thread, and every millisecond it spends parsing responses would count as server
 * latency (measured: p99 two to three times worse, and timeouts). In a child it needs about 15 %
 * of a core of the 2-core CI machine; the server (JavaScript and PGlite on one thread) has the
 * other core to itself. The output says which, and how busy the machine was during the reads.
 */

const here = dirname(fileURLToPath(import.meta.url));
const uslciZip = process.env.USLCI_JSONLD ?? resolve(here, '../../shared/data/uslci/uslci-olca1.5-jsonld.zip');
const AUTOCANNON_CLI = resolve(here, '../node_modules/autocannon/autocannon.js');
const WRK_REPORT = resolve(here, 'wrk-report.lua');
/** one per core: the server gets its share of the machine from the scheduler, as it would from real clients */
const WRK_THREADS = availableParallelism();
/** as autocannon's: an answer slower than this counts as a timeout, not as a latency */
const TIMEOUT_S = 10;

const READ_P99_TARGET_MS = 100;
const RECALC_TARGET_MS = 1000;
const STUDY_LINES = 200;
const POLL_MS = 10;

/**
 * autocannon in a child process or in the server's, or wrk (Debian's `wrk`, in C). autocannon
 * appends every response body to a JavaScript string, so on large answers it needs more CPU
 * than the server it measures; wrk only counts the bytes.
 */
export type LoadGenerator = 'child' | 'in-process' | 'wrk';

export const LOAD_GENERATORS: LoadGenerator[] = ['child', 'in-process', 'wrk'];

export function describeLoadGenerator(g: LoadGenerator): string {
  return g === 'wrk'
    ? `wrk (${WRK_THREADS} threads)`
    : `autocannon ${g === 'child' ? 'in a child process' : 'in the server process'}`;
}

export interface ApiBenchOptions {
  /** seconds per load run (default BENCH_API_SECONDS or 10) */
  durationS?: number;
  connections?: number;
  /** the load generator (default TANJI_BENCH_API_LOADGEN or autocannon in a child process) */
  loadGenerator?: LoadGenerator;
  /** repetitions of the direct calculation (default BENCH_REPEATS or 21) */
  repeats?: number;
}

export interface LoadRun {
  case: string;
  path: string;
  requestsPerS: number;
  requests: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  non2xx: number;
  /** connection errors other than timeouts */
  errors: number;
  /** requests without an answer within the load generator's 10 s (not in the latency histogram) */
  timeouts: number;
  /** the server's view of the run: connections it accepted within 1 s, and when it accepted the last one */
  acceptedIn1s: number;
  lastAcceptS: number;
}

export interface ApiBenchResult {
  lines: string[];
  reads: LoadRun[];
  /** milliseconds */
  recalc: {
    directMs: number;
    e2eMs: number;
    e2eServerMs: number;
    e2eMonteCarloMs: number;
    monteCarloIterations: number;
  };
  targetsMet: boolean;
}

type StudyBody = z.input<typeof StudyInputSchema>;

interface Hit {
  type: 'factor' | 'process';
  release: string;
  id: string;
  name: string;
  perUnit: string;
  kgCo2ePerUnit: number;
}

interface JobView {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (t0: number) => performance.now() - t0;

export async function apiBenchmarks(opts: ApiBenchOptions = {}): Promise<ApiBenchResult> {
  const durationS = opts.durationS ?? Number(process.env.BENCH_API_SECONDS ?? 10);
  const connections = opts.connections ?? 100;
  const loadGenerator =
    opts.loadGenerator ?? ((process.env.TANJI_BENCH_API_LOADGEN as LoadGenerator | undefined) || 'child');
  const repeats = opts.repeats ?? Number(process.env.BENCH_REPEATS ?? 21);
  if (!LOAD_GENERATORS.includes(loadGenerator))
    throw new Error(`TANJI_BENCH_API_LOADGEN=${loadGenerator}: use ${LOAD_GENERATORS.join(', ')}`);

  const lines: string[] = [];
  let t0 = performance.now();
  const p = await platform();
  const { store, running, token, demoId, api } = p;
  try {
    lines.push(
      `api server: ${running.url} on PGlite in ${p.dir} (seed factors ${SEED_RELEASE}, USLCI, demo; set up in ${(ms(t0) / 1000).toFixed(1)} s); ` +
        `load generator: ${describeLoadGenerator(loadGenerator)}, ${connections} connections, ${durationS} s per run after 500 warm-up requests`,
    );
    // 1. reads under load
    const reads: LoadRun[] = [];
    const cpu: string[] = [];
    for (const [name, path] of [
      ['api-study-read', `/api/studies/${demoId}`],
      ['api-study-result-read', `/api/studies/${demoId}/result`],
    ] as const) {
      const sample = await api.get<{ id?: string; studyId?: string }>(path);
      if ((sample.id ?? sample.studyId) !== demoId) throw new Error(`GET ${path} did not return the demo study`);
      await warmUp(() => api.get(path));
      const accepted: number[] = [];
      const onConnection = () => accepted.push(performance.now());
      running.server.on('connection', onConnection);
      const host = hostCpu();
      const own = process.cpuUsage();
      t0 = performance.now();
      const r = await load(loadGenerator, {
        url: running.url + path,
        headers: { authorization: `Bearer ${token}` },
        connections,
        durationS,
      });
      const wall = ms(t0);
      running.server.off('connection', onConnection);
      const { user, system } = process.cpuUsage(own);
      const busy = hostCpu(host);
      cpu.push(
        `${name}: server process ${(((user + system) / 1000 / wall) * 100).toFixed(0)} %${busy === undefined ? '' : `, whole machine ${(busy * 100).toFixed(0)} % of ${availableParallelism()} cores`}`,
      );
      if (r.non2xx > 0 || r.errors > 0) {
        throw new Error(
          `${name}: ${r.non2xx} non-2xx responses and ${r.errors} connection errors out of ${r.requests} requests on GET ${path}; every read must succeed`,
        );
      }
      reads.push({
        ...r,
        case: name,
        path,
        acceptedIn1s: accepted.filter((t) => t - t0 < 1000).length,
        lastAcceptS: accepted.length ? (Math.max(...accepted) - t0) / 1000 : NaN,
      });
    }
    lines.push(
      `api CPU during the reads (100 % = one core): ${cpu.join('; ')}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    lines.push(...(await readCosts(store, token, demoId)));

    // 2. recalculation of a 200-line study
    const body = await bigStudy(api);
    const created = await api.post<{ id: string; entries: unknown[] }>('/api/studies', body);
    if (created.entries.length !== STUDY_LINES)
      throw new Error(`the study has ${created.entries.length} lines, not ${STUDY_LINES}`);
    const study = (await getStudy(store, created.id))!;
    const bg = await loadBackground(store, 'uslci', SEED_RELEASE, 'ipcc-ar6-gwp100');
    const counts = countSources(study.entries);

    const direct: number[] = [];
    for (let i = 0; i < repeats + 3; i++) {
      t0 = performance.now();
      calculateStudy(study, bg, { iterations: 0 });
      if (i >= 3) direct.push(ms(t0));
    }
    const directResult = calculateStudy(study, bg, { iterations: 0 });

    const e2e = async (iterations: number | undefined) => {
      const start = performance.now();
      const job = await api.post<JobView>(
        `/api/studies/${study.id}/calculate`,
        iterations === undefined ? {} : { iterations },
      );
      let seen = job;
      while (seen.state === 'queued' || seen.state === 'running') {
        await sleep(POLL_MS);
        seen = await api.get<JobView>(`/api/jobs/${job.id}`);
      }
      const elapsed = ms(start);
      if (seen.state !== 'done') throw new Error(`calculation job ${job.id} ${seen.state}: ${seen.error}`);
      return { elapsed, server: Date.parse(seen.finishedAt!) - Date.parse(seen.createdAt) };
    };
    await e2e(0); // warm-up: the route, the job path and the result upsert
    const runs: { elapsed: number; server: number }[] = [];
    for (let i = 0; i < 5; i++) runs.push(await e2e(0));
    const stored = await api.get<z.infer<typeof StudyResultSchema>>(`/api/studies/${study.id}/result`);
    if (
      stored.entries.length !== STUDY_LINES ||
      stored.uncertainty !== null ||
      Math.abs(stored.total - directResult.total) > 1e-9 * Math.abs(directResult.total)
    ) {
      throw new Error(
        `the API result (${stored.total}, ${stored.entries.length} lines) differs from calculateStudy (${directResult.total})`,
      );
    }
    const resultBytes = JSON.stringify(stored).length;
    const mcRuns: number[] = [];
    for (let i = 0; i < 3; i++) mcRuns.push((await e2e(undefined)).elapsed);
    const mc = await api.get<z.infer<typeof StudyResultSchema>>(`/api/studies/${study.id}/result`);
    if (!mc.uncertainty) throw new Error('the default calculation ran no Monte Carlo');
    const recalc = {
      directMs: median(direct),
      e2eMs: median(runs.map((r) => r.elapsed)),
      e2eServerMs: median(runs.map((r) => r.server)),
      e2eMonteCarloMs: median(mcRuns),
      monteCarloIterations: mc.uncertainty.iterations,
    };
    lines.push(
      `api 200-line study: ${counts}; total ${directResult.total.toPrecision(6)} kg CO2e; stored result ${(resultBytes / 1024).toFixed(0)} KiB of JSON (tree ${(JSON.stringify(stored.tree).length / 1024).toFixed(0)} KiB); ` +
        `Monte Carlo kept ${mc.uncertainty.iterations} iterations, mean ${mc.uncertainty.mean.toPrecision(5)}`,
    );
    lines.push(...(await recalcCosts(store, study.id, directResult)));

    // the background a restarted server builds on its first calculation (cached afterwards)
    t0 = performance.now();
    const [db, factors] = await Promise.all([loadRelease(store, 'uslci'), loadFactors(store, SEED_RELEASE)]);
    const loadMs = ms(t0);
    t0 = performance.now();
    backgroundOf(db, factors, 'uslci', SEED_RELEASE, getMethod('ipcc-ar6-gwp100'));
    lines.push(
      `info api-background-cold ${(loadMs + ms(t0)).toFixed(0)} ms (store load ${loadMs.toFixed(0)} ms + matrices, factorization, per-line scores ${ms(t0).toFixed(0)} ms): paid once per process, by its first calculation or dataset search`,
    );

    const table = [
      '',
      'case                           req/s   p50_ms p97.5_ms   p99_ms   max_ms  non2xx timeouts  accepted<1s  last_accept_s',
      ...reads.map(
        (r) =>
          `${r.case.padEnd(28)}${r.requestsPerS.toFixed(0).padStart(8)}${r.p50.toFixed(1).padStart(9)}${r.p97_5.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${r.max.toFixed(0).padStart(9)}` +
          `${String(r.non2xx).padStart(8)}${String(r.timeouts).padStart(9)}${`${r.acceptedIn1s}/${connections}`.padStart(13)}${r.lastAcceptS.toFixed(1).padStart(15)}`,
      ),
      '',
      'case                           median_ms  runs',
      `${'api-recalc-200-direct'.padEnd(28)}${recalc.directMs.toFixed(1).padStart(12)}${String(direct.length).padStart(6)}  calculateStudy, loaded background, no Monte Carlo`,
      `${'api-recalc-200-e2e'.padEnd(28)}${recalc.e2eMs.toFixed(1).padStart(12)}${String(runs.length).padStart(6)}  POST calculate {"iterations":0} → GET job every ${POLL_MS} ms; job row created→finished ${recalc.e2eServerMs.toFixed(0)} ms`,
      `${'api-recalc-200-e2e-mc1000'.padEnd(28)}${recalc.e2eMonteCarloMs.toFixed(1).padStart(12)}${String(mcRuns.length).padStart(6)}  the same with the default ${recalc.monteCarloIterations} Monte Carlo iterations`,
      '',
    ];
    const targets = [
      ...reads.map((r) => ({
        line: `target ${r.case}-p99 ${r.p99.toFixed(1)} ms (< ${READ_P99_TARGET_MS})${r.timeouts ? `, and ${r.timeouts} requests unanswered after 10 s,` : ''}`,
        met: r.p99 < READ_P99_TARGET_MS && r.timeouts === 0,
      })),
      {
        line: `target api-recalc-200-direct ${recalc.directMs.toFixed(1)} ms (< ${RECALC_TARGET_MS})`,
        met: recalc.directMs < RECALC_TARGET_MS,
      },
      {
        line: `target api-recalc-200-e2e ${recalc.e2eMs.toFixed(1)} ms (< ${RECALC_TARGET_MS})`,
        met: recalc.e2eMs < RECALC_TARGET_MS,
      },
    ];
    lines.push(...table, ...targets.map((t) => `${t.line} ${t.met ? 'met' : 'MISSED'}`));
    lines.push(`info api-recalc-200-e2e-mc1000 ${recalc.e2eMonteCarloMs.toFixed(0)} ms (no target)`);
    return { lines, reads, recalc, targetsMet: targets.every((t) => t.met) };
  } finally {
    await p.close();
  }
}

export interface Platform {
  dir: string;
  store: Store;
  running: Running;
  /** the demo practitioner's session */
  token: string;
  demoId: string;
  api: ReturnType<typeof client>;
  close(): Promise<void>;
}

/**
 * A platform as `npm start` sets it up, on a fresh PGlite store in a temporary directory: the
 * seed factors, USLCI as release "uslci", the demo company; served on a free port, the demo
 * practitioner signed in.
 */
export async function platform(): Promise<Platform> {
  const dir = mkdtempSync(join(tmpdir(), 'tanji-bench-api-'));
  const store = await openStore({ dataDir: dir });
  let running: Running | undefined;
  const close = async () => {
    await running?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await saveRelease(store, { release: SEED_RELEASE, factors: seedFactors() });
    await saveRelease(store, { release: 'uslci', database: await importDatabase(uslciZip) });
    await ensureDemo(store);
    running = await serve(store, { port: 0 });
    const { token } = await client(running.url).post<{ token: string }>('/api/auth/login', {
      email: DEMO_USERS[0].email,
      password: DEMO_USERS[0].password,
    });
    const api = client(running.url, token);
    const demo = (await api.get<{ id: string; name: string }[]>('/api/studies')).find(
      (s) => s.name === DEMO_STUDY_NAME,
    );
    if (!demo) throw new Error('the demo study is missing');
    return { dir, store, running, token, demoId: demo.id, api, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** JSON over fetch; anything but 2xx throws with the server's error. */
export function client(base: string, token?: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body),
  };
}

export async function load(
  where: LoadGenerator,
  o: { url: string; headers: Record<string, string>; connections: number; durationS: number },
): Promise<Omit<LoadRun, 'case' | 'path' | 'acceptedIn1s' | 'lastAcceptS'> & { bytesPerS: number }> {
  if (where === 'wrk') return wrk(o);
  let r: autocannon.Result;
  if (where === 'in-process') {
    r = await autocannon({ url: o.url, connections: o.connections, duration: o.durationS, headers: o.headers });
  } else {
    const args = [
      AUTOCANNON_CLI,
      '-c',
      String(o.connections),
      '-d',
      String(o.durationS),
      '-j',
      ...Object.entries(o.headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]),
      o.url,
    ];
    // asynchronous: the server answering the requests lives in this process
    const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 24 });
    r = JSON.parse(stdout.trim().split('\n').pop()!) as autocannon.Result;
  }
  return {
    requestsPerS: r.requests.average,
    requests: r.requests.total,
    bytesPerS: r.throughput.average,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors - r.timeouts,
    timeouts: r.timeouts,
  };
}

interface WrkReport {
  requests: number;
  durationUs: number;
  bytes: number;
  /** microseconds */
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  /** answers with a status of 400 or more */
  status: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
}

/** A wrk run, reported as autocannon's are (wrk counts answers of 3xx as successes; autocannon does not, and the benchmarks expect none). */
async function wrk(o: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationS: number;
}): ReturnType<typeof load> {
  const args = [
    '-t',
    String(Math.min(WRK_THREADS, o.connections)),
    '-c',
    String(o.connections),
    '-d',
    `${o.durationS}s`,
    '--timeout',
    `${TIMEOUT_S}s`,
    '-s',
    WRK_REPORT,
  ];
  for (const [k, v] of Object.entries(o.headers)) args.push('-H', `${k}: ${v}`);
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)('wrk', [...args, o.url], { maxBuffer: 1 << 24 }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('wrk is not installed: apt-get install wrk (or TANJI_BENCH_API_LOADGEN=child for autocannon)');
    throw e;
  }
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as WrkReport;
  const seconds = r.durationUs / 1e6;
  return {
    requestsPerS: r.requests / seconds,
    requests: r.requests,
    bytesPerS: r.bytes / seconds,
    p50: r.p50 / 1000,
    p97_5: r.p97_5 / 1000,
    p99: r.p99 / 1000,
    max: r.max / 1000,
    non2xx: r.status,
    errors: r.connect + r.read + r.write,
    timeouts: r.timeout,
  };
}

/**
 * Busy share of all cores since `since` (Linux /proc/stat; undefined elsewhere): with the server's
 * own share it tells whether other processes took CPU from the run.
 */
export function hostCpu(): number[];
export function hostCpu(since: number[]): number | undefined;
export function hostCpu(since?: number[]): number[] | number | undefined {
  let now: number[];
  try {
    now = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  } catch {
    now = [];
  }
  if (!since) return now;
  if (now.length < 5 || since.length < 5) return undefined;
  const d = now.map((v, i) => v - since[i]);
  const total = d.reduce((a, b) => a + b, 0);
  return total > 0 ? ((total - d[3] - d[4]) / total) * availableParallelism() : undefined;
}

/**
 * 500 requests from this process, 10 at a time, before a load run; `call` throws on a failed
 * answer. Not a warm-up autocannon run: the connections it leaves unaccepted when it stops would
 * be served to the next run.
 */
export async function warmUp(call: () => Promise<unknown>): Promise<void> {
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let i = 0; i < 50; i++) await call();
    }),
  );
}

/** Medians of n sequential calls, after a warm-up. */
export async function medianMs(fn: () => unknown, n = 300): Promise<number> {
  for (let i = 0; i < 30; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    t.push(ms(t0));
  }
  return median(t);
}

/**
 * What one study read costs, step by step, sequentially in this process with the server idle: the
 * session lookup every /api request makes, the access check, the study (or result) query with
 * its zod parse, the response schema check and the JSON serialisation. With N connections kept
 * busy, a closed-loop latency is about N × the server time per request (Little's law).
 */
async function readCosts(store: Store, token: string, id: string): Promise<string[]> {
  const study = (await getStudy(store, id))!;
  const result = (await latestResult(store, id))!;
  const steps = {
    'SELECT 1': await medianMs(() => store.query('SELECT 1')),
    session: await medianMs(() => authenticate(store, token)),
    studyHead: await medianMs(() => studyHead(store, id)),
    getStudy: await medianMs(() => getStudy(store, id)),
    'StudySchema.parse': await medianMs(() => StudySchema.parse(study)),
    'stringify study': await medianMs(() => JSON.stringify(study)),
    latestResult: await medianMs(() => latestResult(store, id)),
    'StudyResultSchema.parse': await medianMs(() => StudyResultSchema.parse(result)),
    'stringify result': await medianMs(() => JSON.stringify(result)),
  };
  const f = (k: keyof typeof steps) => `${k} ${steps[k].toFixed(3)}`;
  const studySum =
    steps.session + steps.studyHead + steps.getStudy + steps['StudySchema.parse'] + steps['stringify study'];
  const resultSum =
    steps.session + steps.studyHead + steps.latestResult + steps['StudyResultSchema.parse'] + steps['stringify result'];
  return [
    `api read costs (ms, median of 300 sequential calls, server idle): ${Object.keys(steps)
      .map((k) => f(k as keyof typeof steps))
      .join(', ')}`,
    `api read costs summed: GET study ${studySum.toFixed(2)} ms, GET result ${resultSum.toFixed(2)} ms before HTTP and routing ` +
      `(study ${(JSON.stringify(study).length / 1024).toFixed(1)} KiB, result ${(JSON.stringify(result).length / 1024).toFixed(1)} KiB of JSON)`,
  ];
}

/** Where an end-to-end recalculation spends its time besides calculateStudy. */
async function recalcCosts(store: Store, id: string, result: ReturnType<typeof calculateStudy>): Promise<string[]> {
  const get = await medianMs(() => getStudy(store, id), 21);
  const save = await medianMs(() => saveResult(store, result), 11);
  const read = await medianMs(() => latestResult(store, id), 11);
  return [
    `api 200-line study costs (ms, medians): getStudy ${get.toFixed(1)}, saveResult ${save.toFixed(1)}, latestResult ${read.toFixed(1)}`,
  ];
}

function countSources(entries: Entry[]): string {
  const n = (p: (e: Entry) => boolean) => entries.filter(p).length;
  const bg = (type: string) => (e: Entry) => e.source.type === 'background' && e.source.dataset.type === type;
  return `${entries.length} lines: ${n(bg('factor'))} factors of ${SEED_RELEASE} (${n((e) => bg('factor')(e) && e.unit === 'kWh')} electricity, ${n((e) => bg('factor')(e) && e.kind === 'transport')} transport legs), ${n(bg('process'))} USLCI processes, ${n((e) => e.source.type === 'direct')} direct emissions and removals`;
}

const STAGES: LifeCycleStage[] = ['raw-materials', 'manufacturing', 'distribution', 'use', 'end-of-life'];
const PROVINCES = CHINA_PROVINCES.map(([code]) => code.slice('CN-'.length));
const FUELS = ['diesel', 'gasoline', 'natural gas', 'LPG', 'coal', 'fuel oil', 'coke'];
const TRANSPORT = ['truck', 'rail', 'ship', 'air'];
const PROCESS_WORDS = [
  'steel',
  'aluminum',
  'polyethylene',
  'paper',
  'corrugated',
  'glass',
  'cement',
  'fertilizer',
  'lumber',
  'electricity',
  'natural gas',
  'transport',
  'resin',
  'ammonia',
  'soybean',
  'corn',
  'wheat',
  'polypropylene',
  'polystyrene',
  'chlorine',
  'sodium',
  'diesel',
  'gasoline',
  'coal',
];
const PROCESS_UNITS = new Set(['kg', 'MJ', 'm3', 't*km']);
const EVIDENCE = [
  'meter-reading',
  'invoice',
  'supplier-statement',
  'measurement',
  'calculation',
  'literature',
  'estimate',
] as const;
const GASES: DirectGas[] = ['N2O', 'CH4-biogenic', 'CH4-fossil', 'CO2-fossil', 'HFC-134a', 'SF6', 'CO2-luc', 'NF3'];

/**
 * A 200-line study of real datasets, found as a practitioner finds them (GET /api/datasets):
 * 80 factor lines (grid electricity of the 31 provinces and by source, fuels per kg and per TJ
 * with amounts in MJ, transport legs of every mode), 90 USLCI process lines, 30 direct lines.
 * Amounts come from a fixed seed, so every run calculates the same study.
 */
export async function bigStudy(api: ReturnType<typeof client>): Promise<StudyBody> {
  const rng = createRng(2026);
  const random = () => rng.next();
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const pins = `lci=uslci&factors=${encodeURIComponent(SEED_RELEASE)}`;
  const search = (q: string, type: Hit['type'], extra = '') =>
    api.get<Hit[]>(`/api/datasets?q=${encodeURIComponent(q)}&type=${type}&limit=20&${pins}${extra}`);
  const entries: Entry[] = [];
  const evidence = () => {
    const type = EVIDENCE[entries.length % EVIDENCE.length];
    return { type, reference: `BENCH-${type}-${entries.length + 1}` };
  };
  const add = (e: Omit<Entry, 'id' | 'stage' | 'evidence'> & { stage?: LifeCycleStage }) =>
    entries.push({
      stage: STAGES[entries.length % STAGES.length],
      ...e,
      id: `line-${String(entries.length + 1).padStart(3, '0')}`,
      evidence: evidence(),
    });
  const background = (h: Hit) => ({
    type: 'background' as const,
    dataset: { type: h.type, release: h.release, id: h.id },
  });

  // factors: the province's grid first (its own factor or the fallback), then the CN mix by source
  const factorLines: (() => void)[] = [];
  const bySource = new Map<string, Hit>();
  for (const p of PROVINCES) {
    const hits = await search('电力', 'factor', `&region=CN-${p}`);
    const grid = hits.find((h) => h.perUnit === 'kWh');
    if (!grid) throw new Error(`no electricity factor for CN-${p}`);
    for (const h of hits.slice(1)) if (h.perUnit === 'kWh') bySource.set(h.id, h);
    factorLines.push(() =>
      add({
        kind: 'energy',
        name: `Grid electricity CN-${p}`,
        amount: between(0.1, 5),
        unit: 'kWh',
        source: background(grid),
      }),
    );
  }
  for (const h of bySource.values())
    factorLines.push(() =>
      add({ kind: 'energy', name: h.name, amount: between(0.05, 1), unit: 'kWh', source: background(h) }),
    );
  for (const q of FUELS) {
    for (const h of (await search(q, 'factor')).slice(0, 4)) {
      if (h.perUnit === 'TJ')
        factorLines.push(() =>
          add({ kind: 'energy', name: `${h.name} (MJ)`, amount: between(1, 20), unit: 'MJ', source: background(h) }),
        );
      else
        factorLines.push(() =>
          add({ kind: 'energy', name: h.name, amount: between(0.01, 0.5), unit: h.perUnit, source: background(h) }),
        );
    }
  }
  const legs: Hit[] = [];
  for (const q of TRANSPORT) legs.push(...(await search(q, 'factor')).filter((h) => h.perUnit === 't·km'));
  for (let k = 0; factorLines.length < 80; k++) {
    const h = legs[k % legs.length];
    const mode = modeOf(h.id);
    factorLines.push(() => {
      const transport = { massKg: between(1, 50), distanceKm: between(20, 2000), mode, refrigerated: false };
      add({
        kind: 'transport',
        stage: 'distribution',
        name: `${h.name}, leg ${k + 1}`,
        amount: (transport.massKg / 1000) * transport.distanceKm,
        unit: 't*km',
        transport,
        source: background(h),
      });
    });
  }

  // USLCI processes with a plain unit and a footprint, as a bill of materials would pick them
  const processes = new Map<string, Hit>();
  for (const q of PROCESS_WORDS)
    for (const h of await search(q, 'process'))
      if (PROCESS_UNITS.has(h.perUnit) && h.kgCo2ePerUnit > 0) processes.set(h.id, h);
  const picked = [...processes.values()];
  if (picked.length < 30) throw new Error(`only ${picked.length} USLCI processes found`);
  const processLines = Array.from({ length: 90 }, (_, k) => () => {
    const h = picked[k % picked.length];
    if (h.perUnit === 't*km') {
      const transport = {
        massKg: between(1, 50),
        distanceKm: between(20, 1000),
        mode: modeOf(h.name),
        refrigerated: false,
      };
      add({
        kind: 'transport',
        name: h.name,
        amount: (transport.massKg / 1000) * transport.distanceKm,
        unit: 't*km',
        transport,
        source: background(h),
      });
    } else if (h.perUnit === 'MJ')
      add({ kind: 'energy', name: h.name, amount: between(0.1, 3), unit: 'kWh', source: background(h) });
    else
      add({
        kind: 'material',
        name: h.name,
        amount: h.perUnit === 'm3' ? between(0.001, 0.05) : between(0.01, 2),
        unit: h.perUnit,
        source: background(h),
      });
  });

  const directLines = Array.from({ length: 30 }, (_, k) => () => {
    if (k % 6 === 5)
      add({
        kind: 'removal',
        stage: 'raw-materials',
        name: `Biogenic CO2 uptake ${k + 1}`,
        amount: between(0.01, 0.2),
        unit: 'kg',
        source: { type: 'direct', gas: 'CO2-biogenic' },
      });
    else {
      const gas = GASES[k % GASES.length];
      add({
        kind: 'emission',
        name: `Direct ${gas} ${k + 1}`,
        amount: gas === 'SF6' || gas === 'NF3' || gas === 'HFC-134a' ? between(1e-7, 1e-5) : between(1e-4, 0.05),
        unit: 'kg',
        source: { type: 'direct', gas },
      });
    }
  });

  // interleaved, as a real inventory mixes them stage by stage
  const all = [...factorLines.slice(0, 80), ...processLines, ...directLines];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  for (const fn of all) fn();
  if (entries.length !== STUDY_LINES) throw new Error(`built ${entries.length} lines, not ${STUDY_LINES}`);

  return {
    name: `Benchmark: ${STUDY_LINES}-line study`,
    product: {
      name: 'Benchmark product 基准产品',
      description: 'A synthetic inventory of real datasets for the API benchmark.',
    },
    unit: { kind: 'declared', amount: 1, unit: 'piece', description: 'one product' },
    referenceFlow: '1 piece of the benchmark product at the factory gate',
    boundary: 'cradle-to-grave',
    region: 'CN',
    year: 2025,
    method: 'ipcc-ar6-gwp100',
    releases: { lci: 'uslci', factors: SEED_RELEASE },
    entries,
  };
}

function modeOf(text: string): 'road' | 'rail' | 'sea' | 'inland-water' | 'air' {
  const t = text.toLowerCase();
  if (t.includes('rail') || t.includes('train')) return 'rail';
  if (t.includes('inland') || t.includes('barge')) return 'inland-water';
  if (t.includes('sea') || t.includes('ship') || t.includes('ocean')) return 'sea';
  if (t.includes('air')) return 'air';
  return 'road';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of (await apiBenchmarks()).lines) console.log(line);
}
