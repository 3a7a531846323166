import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSystem } from '../src/engine/system.ts';
import { buildTechIndex, linkExchange, provides } from '../src/engine/linking.ts';
import { createRng } from '../src/engine/uncertainty.ts';
import { importJsonLd } from '../src/formats/jsonld.ts';
import type { Factor } from '../src/model/factor.ts';
import { seedFactors } from '../src/factors/seed.ts';
import { REGIONS } from '../src/factors/regions.ts';
import type { Exchange, LciDatabase, Process } from '../src/model/lci.ts';
import {
  loadRelease,
  openStore,
  saveRelease,
  searchFactors,
  type Store,
  type StoreOptions,
} from '../src/store/index.ts';
import { loadReleaseWithColumns } from '../src/store/releases.ts';

/**
 * Store benchmarks: importing USLCI into the store, factor search latency, and loading a
 * 31-province regionalised database (23,746 processes) from the store into engine matrices
 * against the 3 s target. PGlite always (in a temporary data directory, as in use); a PostgreSQL
 * server too when TANJI_BENCH_DATABASE_URL is set (in a throwaway schema, dropped afterwards).
 */

const here = dirname(fileURLToPath(import.meta.url));
const uslciZip = process.env.USLCI_JSONLD ?? resolve(here, '../../shared/data/uslci/uslci-olca1.5-jsonld.zip');
const LOAD_TARGET_S = 3;
const QUERIES = 1000;

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const records = (db: LciDatabase) =>
  db.processes.length + db.flows.length + db.unitGroups.length + db.flowProperties.length;

export async function storeBenchmarks(): Promise<string[]> {
  const lines: string[] = [];
  let t0 = performance.now();
  const uslci = await importJsonLd(uslciZip);
  const parseS = seconds(t0);
  const regional = regionalise(
    uslci,
    REGIONS.filter((r) => r.level === 'province').map((r) => r.code),
  );
  const factors = seedFactors();

  const backends: { name: string; opts: () => StoreOptions; cleanup: () => Promise<void> }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'tanji-bench-store-'));
  backends.push({
    name: 'PGlite',
    opts: () => ({ dataDir: dir }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  });
  const url = process.env.TANJI_BENCH_DATABASE_URL;
  if (url) {
    const schema = `bench_${process.pid}_${Date.now()}`;
    backends.push({
      name: 'PostgreSQL',
      opts: () => ({ url, schema }),
      cleanup: async () => {
        const s = await openStore({ url, migrate: false });
        await s.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await s.close();
      },
    });
  } else {
    lines.push('PostgreSQL: skipped (set TANJI_BENCH_DATABASE_URL to a server)');
  }

  for (const backend of backends) {
    const store = await openStore(backend.opts());
    try {
      t0 = performance.now();
      await saveRelease(store, { release: 'uslci', database: uslci });
      const saveS = seconds(t0);
      lines.push(
        `store import USLCI JSON-LD into ${backend.name}: ${Math.round(records(uslci) / saveS)} records/s saving (${records(uslci)} records in ${saveS.toFixed(2)} s); ` +
          `${Math.round(records(uslci) / (saveS + parseS))} records/s from the zip (parse ${parseS.toFixed(2)} s)`,
      );
      lines.push(await factorSearch(store, backend.name, factors));
      lines.push(...(await regionalLoad(store, backend.name, regional)));
    } finally {
      await store.close();
      await backend.cleanup();
    }
  }
  return lines;
}

async function factorSearch(store: Store, backend: string, factors: Factor[]): Promise<string> {
  await saveRelease(store, { release: 'factors', factors });
  const rng = createRng(7);
  const random = () => rng.next();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const words = [
    'electricity',
    '电力',
    'grid',
    'diesel',
    '柴油',
    'natural gas',
    'coal',
    'truck',
    'rail',
    'ship',
    'gasoline',
    'CN-SC',
    'LPG',
    'fuel oil',
  ];
  const regions = [...new Set(factors.map((f) => f.region))];
  const kinds = [...new Set(factors.map((f) => f.kind))];
  const years = [...new Set(factors.map((f) => f.year))];
  const times: number[] = [];
  let hits = 0;
  for (let q = 0; q < QUERIES + 50; q++) {
    const filter = {
      region: random() < 0.5 ? pick(regions) : undefined,
      kind: random() < 0.3 ? pick(kinds) : undefined,
      year: random() < 0.3 ? pick(years) : undefined,
    };
    const t0 = performance.now();
    const found = await searchFactors(store, pick(words), filter);
    // the first 50 warm the caches and are not counted
    if (q >= 50) (times.push(performance.now() - t0), (hits += found.length));
  }
  times.sort((a, b) => a - b);
  const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))].toFixed(2);
  return `store factor search on ${backend}: p50 ${p(0.5)} ms, p99 ${p(0.99)} ms over ${QUERIES} queries (${factors.length} factors, ${(hits / QUERIES).toFixed(1)} hits per query)`;
}

async function regionalLoad(store: Store, backend: string, db: LciDatabase): Promise<string[]> {
  let t0 = performance.now();
  await saveRelease(store, { release: 'regional', database: db });
  const saveS = seconds(t0);
  t0 = performance.now();
  // what the engine needs: descriptions and provenance stay in the store until asked for
  const { db: loaded, columns } = await loadReleaseWithColumns(store, 'regional', { documentation: false });
  const loadS = seconds(t0);
  t0 = performance.now();
  const system = buildSystem(loaded, { columns });
  const buildS = seconds(t0);
  const total = loadS + buildS;
  // the path of callers that have only the database (the CLI's workspace): columns made from the objects
  t0 = performance.now();
  buildSystem(await loadRelease(store, 'regional', { documentation: false }));
  const genericS = seconds(t0);
  return [
    `store save regionalised database (${db.processes.length} processes) into ${backend}: ${saveS.toFixed(2)} s`,
    `target store → engine matrices < ${LOAD_TARGET_S} s on ${backend}: ${total.toFixed(2)} s (load ${loadS.toFixed(2)} s, buildSystem ${buildS.toFixed(2)} s, A ${system.A.nCols}×${system.A.nCols}) ${total < LOAD_TARGET_S ? 'met' : 'MISSED'}`,
    `store → engine matrices without the loaded columns (loadRelease, then buildSystem(db)) on ${backend}: ${genericS.toFixed(2)} s`,
  ];
}

/**
 * USLCI copied once per province, as a provincial background database is shaped: every copy is
 * located in its province and its technosphere inputs name the same province's providers, the
 * ones USLCI's own linking chooses.
 */
function regionalise(db: LciDatabase, codes: string[]): LciDatabase {
  const index = buildTechIndex(db, 'auto');
  const { start, flow, flags, exchange } = index.columns;
  const chosen = new Map<Exchange, string>();
  db.processes.forEach((p, i) => {
    for (let k = start[i]; k < start[i + 1]; k++) {
      const f = db.flows[flow[k]];
      if (f.kind === 'elementary' || provides(f.kind, flags[k])) continue;
      const provider = linkExchange(index, i, k);
      if (provider) chosen.set(exchange[k], provider.process.id);
    }
  });
  const processes: Process[] = codes.flatMap((code) =>
    db.processes.map((p) => ({
      ...p,
      id: `${p.id}@${code}`,
      location: code,
      exchanges: p.exchanges.map((e) => {
        const provider = chosen.get(e);
        return provider ? { ...e, providerId: `${provider}@${code}` } : e;
      }),
    })),
  );
  return { ...db, name: `${db.name}-regionalised`, processes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of await storeBenchmarks()) console.log(line);
}
