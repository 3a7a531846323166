import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importJsonLd } from '../src/formats/jsonld.ts';
import { buildSystem } from '../src/engine/system.ts';
import { allProcessScores, characterizationVector, totalVector } from '../src/engine/lca.ts';
import { multiply, multiplyTranspose, type CscMatrix } from '../src/engine/sparse/csc.ts';
import { factorize } from '../src/engine/sparse/lu.ts';
import { monteCarlo } from '../src/engine/montecarlo.ts';
import { getMethod } from '../src/factors/gwp.ts';
import { lcaMatrixFiles } from '../src/formats/matrix-market.ts';
import { time } from './timing.ts';
import { replicateAcrossProvinces } from './scaled.ts';
import { storeBenchmarks } from './store.ts';
import { apiBenchmarks } from './api.ts';
import { pactBenchmarks } from './pact.ts';
import { tiangongBenchmarks } from './tiangong.ts';
import { scaleBenchmarks } from './scale.ts';

/**
 * `npm run bench`: Tanji against scipy's splu on the same matrices, in the same run.
 * Every case is timed as the median of several repetitions after warm-up, on both sides.
 */
const here = dirname(fileURLToPath(import.meta.url));
const uslciZip = process.env.USLCI_JSONLD ?? resolve(here, '../../shared/data/uslci/uslci-olca1.5-jsonld.zip');
const REPEATS = Number(process.env.BENCH_REPEATS ?? 21);
const ITERATIONS = 1000;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function writeMatrices(dir: string, A: CscMatrix, B: CscMatrix, c: Float64Array) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(lcaMatrixFiles(A, B, c))) writeFileSync(join(dir, name), text);
}

// `npm run bench -- api store`: only the named parts (engine: the scipy comparison; store; api; pact: the PACT host); all by default
const PARTS = ['engine', 'store', 'api', 'pact', 'scale'];
const only = process.argv.slice(2);
for (const p of only)
  if (!PARTS.includes(p)) throw new Error(`unknown benchmark part "${p}": choose from ${PARTS.join(', ')}`);
const want = (part: string) => only.length === 0 || only.includes(part);
if (!want('engine')) {
  if (want('store')) await printStore();
  if (want('api')) await printApi();
  if (want('pact')) await printPact();
  if (want('scale')) await printScale();
  process.exit(0);
}

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

const t0 = performance.now();
const db = await importJsonLd(uslciZip);
const importSeconds = (performance.now() - t0) / 1000;
const records = db.processes.length + db.flows.length + db.unitGroups.length + db.flowProperties.length;
console.log(`import USLCI JSON-LD: ${importSeconds.toFixed(2)} s, ${Math.round(records / importSeconds)} records/s`);

const system = buildSystem(db);
const cv = characterizationVector(system, getMethod('ipcc-ar6-gwp100'));
const c = totalVector(cv);
const { A, B } = system;
const n = A.nCols;
const column = system.index.providers.find((p) => p.process.name === 'Electricity, at Grid, US, 2008')?.index ?? 0;
const f = new Float64Array(n);
f[column] = 1;
const bc = multiplyTranspose(B, c);
console.log(`USLCI: ${n} processes, A ${A.colPtr[n]} entries, B ${B.nRows}×${B.nCols} with ${B.colPtr[n]} entries`);

const tanji: Record<string, number> = {};
tanji['uslci-one-lca'] = time(() => dot(c, multiply(B, factorize(A).solve(f))), REPEATS, 20);
tanji['uslci-all-scores'] = time(() => factorize(A).solveTranspose(bc), REPEATS, 20);
sampleRss();
const mcStart = performance.now();
// USLCI states little uncertainty: the steel plate chain has triangular, uniform and pedigree-scored exchanges
const mcColumn =
  system.index.providers.find(
    (p) => p.process.name === 'Steel plate; Blast furnace route; Production mix; 85% recovery rate',
  )?.index ?? column;
const mc = monteCarlo(system, c, mcColumn, 1, { iterations: ITERATIONS, seed: 1 });
tanji['uslci-montecarlo-1000'] = (performance.now() - mcStart) / 1000;
sampleRss();

const scaled = replicateAcrossProvinces(A, B);
const big = scaled.A.nCols;
const f2 = new Float64Array(big);
f2[column] = 1;
tanji['scaled-31-provinces-one-lca'] = time(() => dot(c, multiply(scaled.B, factorize(scaled.A).solve(f2))), 5, 1);
const bigLu = factorize(scaled.A);
const scaledAllScores = time(() => bigLu.solveTranspose(multiplyTranspose(scaled.B, c)), 5, 1);
sampleRss();

const dir = mkdtempSync(join(tmpdir(), 'tanji-bench-'));
writeMatrices(join(dir, 'uslci'), A, B, c);
writeMatrices(join(dir, 'scaled'), scaled.A, scaled.B, c);
const cfg = {
  uslci: join(dir, 'uslci'),
  scaled: join(dir, 'scaled'),
  column,
  scaledColumn: column,
  repeats: REPEATS,
  iterations: ITERATIONS,
};
const scipy = JSON.parse(
  execFileSync('python3', [join(here, 'scipy_peer.py'), JSON.stringify(cfg)], { encoding: 'utf8', maxBuffer: 1 << 26 }),
);

// the same answer on both sides, or the timings mean nothing
const lambda = allProcessScores(system, factorize(A), c);
console.log(
  `check: Tanji one LCA = ${dot(c, multiply(B, factorize(A).solve(f))).toPrecision(10)} kg CO2e; λ[${column}] = ${lambda[column].toPrecision(10)}`,
);
console.log(
  `Monte Carlo: ${mc.values.length} iterations, mean ${mc.summary.mean.toPrecision(5)}, ${mc.uncertainExchanges} uncertain exchanges`,
);
console.log(
  `scaled database: ${big} processes, ${scaled.A.colPtr[big]} entries; Tanji all-process scores on it ${(scaledAllScores * 1000).toFixed(1)} ms after one factorization`,
);
console.log('');
console.log('case                          tanji_s      scipy_s');
for (const k of Object.keys(tanji))
  console.log(
    `${k.padEnd(30)}${tanji[k].toExponential(3).padStart(10)}  ${Number(scipy[k]).toExponential(3).padStart(10)}`,
  );
console.log(
  `${'uslci-all-scores-per-process'.padEnd(30)}${''.padStart(10)}  ${Number(scipy['uslci-all-scores-per-process']).toExponential(3).padStart(10)}  (scipy: one forward solve per process, as LCA tools do)`,
);
console.log('');
for (const k of Object.keys(tanji)) console.log(`ratio ${k} ${(tanji[k] / scipy[k]).toFixed(3)}`);
console.log(
  `ratio uslci-all-scores-vs-per-process ${(tanji['uslci-all-scores'] / scipy['uslci-all-scores-per-process']).toFixed(4)}`,
);
console.log('');
const allVsOne = tanji['uslci-all-scores'] / tanji['uslci-one-lca'];
console.log(`target all-process scores ≤ 2× one LCA: ${allVsOne.toFixed(2)}× ${allVsOne <= 2 ? 'met' : 'MISSED'}`);
console.log(
  `target scaled factor+solve < 2 s: ${tanji['scaled-31-provinces-one-lca'].toFixed(3)} s ${tanji['scaled-31-provinces-one-lca'] < 2 ? 'met' : 'MISSED'}`,
);
const missed = Object.keys(tanji).filter((k) => tanji[k] / scipy[k] > 1);
console.log(`target every ratio ≤ 1.0: ${missed.length ? `MISSED for ${missed.join(', ')}` : 'met'}`);
console.log(
  `peak memory: Tanji ${(peakRss / 2 ** 20).toFixed(0)} MiB RSS, scipy peer ${Number(scipy.peakRssMiB).toFixed(0)} MiB RSS`,
);
console.log('\nTianGong (the China background, ILCD; bench/tiangong.ts):');
for (const line of await tiangongBenchmarks(REPEATS, ITERATIONS)) console.log(line);

if (want('store')) await printStore();
if (want('api')) await printApi();
if (want('pact')) await printPact();
if (want('scale')) await printScale();

async function printStore() {
  console.log('\nstore (PGlite; PostgreSQL too with TANJI_BENCH_DATABASE_URL):');
  for (const line of await storeBenchmarks()) console.log(line);
}

async function printApi() {
  console.log('\napi (a running server on PGlite, as npm start; bench/api.ts):');
  for (const line of (await apiBenchmarks()).lines) console.log(line);
}

async function printScale() {
  console.log('\nscale (calculations by 1, 2 and 4 workers on PostgreSQL; bench/scale.ts):');
  for (const line of await scaleBenchmarks()) console.log(line);
}

async function printPact() {
  console.log('\npact (the PACT host over HTTPS with 10,000 footprints, on a running server; bench/pact.ts):');
  for (const line of await pactBenchmarks()) console.log(line);
}
