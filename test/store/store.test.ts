import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import {
  MIGRATIONS,
  ReleaseExistsError,
  diffReleases,
  exportReleaseCsv,
  exportReleaseJsonLd,
  getRelease,
  listReleases,
  loadFactors,
  loadRelease,
  migrate,
  openStore,
  saveRelease,
  schemaVersion,
  searchFactors,
  type Store,
} from '../../src/store/index.ts';
import { USLCI_JSONLD } from '../uslci.ts';
import { BACKENDS, type Backend } from './backends.ts';
import { ZIP_NAME, factor, fixture, plain } from './fixture.ts';

/** Runs on PGlite, and on PostgreSQL as well when TANJI_TEST_DATABASE_URL is set (see backends.ts). */

const TABLES = [
  'databases',
  'releases',
  'unit_groups',
  'flow_properties',
  'flows',
  'datasets',
  'factors',
  'import_log',
];

async function withStore(backend: Backend, fn: (store: Store) => Promise<void>, onDisk = false) {
  const fresh = backend.fresh(onDisk);
  const store = await openStore(fresh.opts);
  try {
    await fn(store);
  } finally {
    await store.close();
    await fresh.dispose();
  }
}

async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
  return out;
}

for (const backend of BACKENDS) {
  describe(`store on ${backend.name}`, () => {
    it('migrates an empty store, and migrating again changes nothing', () =>
      withStore(backend, async (store) => {
        assert.equal(await schemaVersion(store), MIGRATIONS.at(-1)!.id);
        const tables = (
          await store.query<{ table_name: string }>(
            'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()',
          )
        ).map((r) => r.table_name);
        for (const t of [...TABLES, 'schema_migrations']) assert.ok(tables.includes(t), `table ${t} exists`);
        assert.deepEqual(await migrate(store), []);
        const rows = await store.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
        assert.deepEqual(
          rows.map((r) => r.id),
          MIGRATIONS.map((m) => m.id),
        );
      }));

    it('loads a release back equal to what was saved, factors too', () =>
      withStore(backend, async (store) => {
        const db = fixture();
        const factors = [factor('cn/2023'), factor('cn-sc/2023', { region: 'CN-SC', value: 0.1, nameZh: undefined })];
        const info = await saveRelease(store, {
          release: '2026.1',
          database: db,
          factors,
          notes: 'first',
          licence: 'CC-BY-4.0',
          source: { title: 'test publication', publisher: 'test publisher' },
        });
        assert.equal(info.processes, 3);
        assert.equal(info.flows, 7);
        assert.equal(info.factors, 2);
        assert.equal(info.database, 'fixture');
        assert.deepEqual(info.source, { title: 'test publication', publisher: 'test publisher' });
        assert.deepEqual(await loadRelease(store, '2026.1'), plain(db));
        assert.deepEqual(await loadFactors(store, '2026.1'), plain(factors));
        await assert.rejects(loadRelease(store, '1999.9'), /no release "1999.9".*known: 2026.1/);
      }));

    it('leaves the store exactly as it was when an import fails half way', () =>
      withStore(backend, async (store) => {
        await saveRelease(store, { release: 'r1', database: fixture(), factors: [factor('a')] });
        const before = await counts(store);
        const releases = await listReleases(store);
        const broken = fixture();
        broken.name = 'another database';
        // the duplicate id fails on the datasets' unique index, after unit groups and flows are in
        broken.processes.push({ ...broken.processes[0] });
        await assert.rejects(
          saveRelease(store, { release: 'r2', database: broken, factors: [factor('b')] }),
          /duplicate key|unique/i,
        );
        assert.deepEqual(await counts(store), before);
        assert.deepEqual(await listReleases(store), releases);
        assert.deepEqual(await loadRelease(store, 'r1'), plain(fixture()));
        // and an invalid factor is refused before anything is written
        await assert.rejects(saveRelease(store, { release: 'r3', factors: [{ ...factor('c'), year: 2023.5 }] }));
        assert.deepEqual(await counts(store), before);
      }));

    it('keeps releases immutable', () =>
      withStore(backend, async (store) => {
        await saveRelease(store, { release: 'r1', database: fixture() });
        const before = await counts(store);
        const changed = fixture();
        changed.processes[0].name = 'changed';
        await assert.rejects(saveRelease(store, { release: 'r1', database: changed }), ReleaseExistsError);
        await assert.rejects(store.query("UPDATE datasets SET name = 'x'"), /immutable/);
        await assert.rejects(store.query('DELETE FROM releases'), /immutable/);
        assert.deepEqual(await counts(store), before);
        assert.deepEqual(await loadRelease(store, 'r1'), plain(fixture()));
      }));

    it('diffs two releases: added, removed and changed records with their fields', () =>
      withStore(backend, async (store) => {
        await saveRelease(store, { release: 'r1', database: fixture(), factors: [factor('a'), factor('b')] });
        const next = fixture();
        // a new flow first renumbers every flow: unchanged exchanges must still compare equal
        next.flows.unshift({
          id: 'f-h2',
          name: 'hydrogen',
          kind: 'product',
          category: ['Chemicals'],
          propertyId: 'fp-mass',
          unit: 'kg',
        });
        next.processes = next.processes.filter((p) => p.id !== 'p-scrap');
        next.processes[0].exchanges[2].amount = 0.95;
        next.processes[1].location = 'CN-HE';
        next.processes[0].provenance = { ...next.processes[0].provenance, referenceYear: 2023, sources: undefined };
        next.processes[1].provenance!.reviewer = 'Reviewer Three';
        next.processes.push({
          id: 'p-h2',
          name: 'hydrogen production',
          category: [],
          exchanges: [{ id: '1', flowId: 'f-h2', amount: 1, input: false, avoided: false, reference: true }],
          allocationFactors: [],
          source: 'x',
        });
        await saveRelease(store, {
          release: 'r2',
          database: next,
          factors: [factor('a', { value: 0.6 }), factor('c')],
        });
        const diff = await diffReleases(store, 'r1', 'r2');
        assert.deepEqual(diff.datasets, {
          added: [{ id: 'p-h2', name: 'hydrogen production' }],
          removed: [{ id: 'p-scrap', name: 'scrap treatment, recycling' }],
          changed: [
            {
              id: 'p-elec',
              name: 'electricity production, hard coal',
              fields: ['exchanges', 'provenance.referenceYear', 'provenance.sources'],
            },
            { id: 'p-steel', name: 'steel production, converter', fields: ['location', 'provenance.reviewer'] },
          ],
        });
        assert.deepEqual(diff.flows, { added: [{ id: 'f-h2', name: 'hydrogen' }], removed: [], changed: [] });
        assert.deepEqual(diff.factors.changed, [
          { id: 'a', name: 'grid electricity carbon footprint', fields: ['value'] },
        ]);
        assert.deepEqual(
          diff.factors.added.map((r) => r.id),
          ['c'],
        );
        assert.deepEqual(
          diff.factors.removed.map((r) => r.id),
          ['b'],
        );
        const same = await diffReleases(store, 'r1', 'r1');
        assert.deepEqual(
          [same.datasets, same.flows, same.factors].flatMap((d) => [...d.added, ...d.removed, ...d.changed]),
          [],
        );
      }));

    it('searches factors by words in either language, with filters, in the newest release by default', () =>
      withStore(backend, async (store) => {
        await saveRelease(store, {
          release: 'f1',
          factors: [
            factor('cn/2022', { year: 2022 }),
            factor('sc/2023', { region: 'CN-SC', name: 'Sichuan grid electricity 100%_renewable' }),
          ],
        });
        await saveRelease(store, {
          release: 'f2',
          factors: [
            factor('cn/2023'),
            factor('sc/2023', { region: 'CN-SC' }),
            factor('diesel', { kind: 'fuel-combustion', name: 'diesel combustion', nameZh: '柴油燃烧' }),
          ],
        });
        const ids = (found: { factor: { id: string } }[]) => found.map((f) => f.factor.id);
        assert.deepEqual(ids(await searchFactors(store, 'electricity')), ['cn/2023', 'sc/2023']);
        assert.deepEqual(ids(await searchFactors(store, '柴油')), ['diesel']);
        assert.deepEqual(ids(await searchFactors(store, 'ELECTRICITY cn-sc')), ['sc/2023']);
        assert.deepEqual(ids(await searchFactors(store, '', { kind: 'fuel-combustion' })), ['diesel']);
        assert.deepEqual(ids(await searchFactors(store, 'electricity', { year: 2022 }, 'f1')), ['cn/2022']);
        // LIKE wildcards in the text are literal
        assert.deepEqual(ids(await searchFactors(store, '100%_', {}, 'f1')), ['sc/2023']);
        assert.deepEqual(ids(await searchFactors(store, '%', {}, 'f2')), []);
        assert.equal((await searchFactors(store, 'diesel'))[0].release, 'f2');
      }));

    it('exports JSON-LD that imports back equal, and CSV', () =>
      withStore(backend, async (store) => {
        await saveRelease(store, {
          release: 'r1',
          database: fixture(),
          factors: [factor('a', { name: 'a, "quoted" name' })],
        });
        const dir = mkdtempSync(join(tmpdir(), 'tanji-export-'));
        try {
          const zip = join(dir, ZIP_NAME);
          writeFileSync(zip, await exportReleaseJsonLd(store, 'r1'));
          assert.deepEqual(plain(await importJsonLd(zip)), plain(fixture()));
          const names = Object.keys(unzipSync(await exportReleaseJsonLd(store, 'r1')));
          assert.ok(names.some((n) => n.startsWith('categories/')) && names.some((n) => n.startsWith('locations/')));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        const csv = await exportReleaseCsv(store, 'r1');
        const lines = csv.exchanges.trimEnd().split('\r\n');
        assert.equal(lines.length, 1 + fixture().processes.reduce((n, p) => n + p.exchanges.length, 0));
        assert.match(lines[0], /^release,process_id,process_name,location/);
        assert.match(csv.exchanges, /"Energy\/Electricity\/grid"|Energy\/Electricity\/grid/);
        assert.match(csv.factors, /\r\nr1,a,electricity-footprint,"a, ""quoted"" name",电力碳足迹因子,0.5366,/);
      }));

    it('loses nothing when two processes write at once', { timeout: 120_000 }, async () => {
      const fresh = backend.fresh(true);
      // the schema and tables exist before the writers start, as after any first start
      await (await openStore(fresh.opts)).close();
      try {
        const run = promisify(execFile);
        const child = (releases: string[]) =>
          run(process.execPath, [
            '--import',
            'tsx',
            join(import.meta.dirname, 'save-child.ts'),
            JSON.stringify(fresh.opts),
            ...releases,
          ]);
        await Promise.all([child(['a1', 'a2', 'a3']), child(['b1', 'b2', 'b3'])]);
        const store = await openStore(fresh.opts);
        try {
          assert.deepEqual((await listReleases(store)).map((r) => r.number).sort(), [
            'a1',
            'a2',
            'a3',
            'b1',
            'b2',
            'b3',
          ]);
          for (const r of ['a1', 'b3']) assert.equal((await getRelease(store, r))!.processes, 3);
          assert.equal((await loadRelease(store, 'b2')).processes[0].name, 'electricity production, hard coal (b2)');
          assert.equal((await counts(store)).databases, 1);
        } finally {
          await store.close();
        }
      } finally {
        await fresh.dispose();
      }
    });

    it('round-trips USLCI: import → store → JSON-LD export → import equal', { timeout: 120_000 }, () =>
      withStore(backend, async (store) => {
        const uslci = await importJsonLd(USLCI_JSONLD);
        await saveRelease(store, { release: 'uslci', database: uslci });
        const loaded = await loadRelease(store, 'uslci');
        assert.deepEqual(loaded, plain(uslci));
        // provenance is part of what is compared, not absent on both sides
        assert.equal(loaded.processes.filter((p) => p.provenance?.technology && p.provenance.publication).length, 742);
        const dir = mkdtempSync(join(tmpdir(), 'tanji-export-'));
        try {
          // the same file name, because sources and origin name the zip
          const zip = join(dir, USLCI_JSONLD.split('/').at(-1)!);
          writeFileSync(zip, await exportReleaseJsonLd(store, 'uslci'));
          assert.deepEqual(plain(await importJsonLd(zip)), plain(uslci));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
    );
  });
}

describe('PGlite data directory lock', () => {
  it('makes a second opener wait, and says who holds the directory when it gives up', async () => {
    const fresh = BACKENDS[0].fresh(true);
    const first = await openStore(fresh.opts);
    try {
      await assert.rejects(
        openStore({ ...fresh.opts, lockTimeoutMs: 300 }),
        new RegExp(`in use: .*held by process ${process.pid}`),
      );
      const waiting = openStore({ ...fresh.opts, lockTimeoutMs: 10_000 });
      setTimeout(() => void first.close(), 200);
      const second = await waiting;
      assert.equal(second.kind, 'pglite');
      await second.close();
    } finally {
      await first.close();
      await fresh.dispose();
    }
  });

  it('breaks a lock left by a process that died', async () => {
    const fresh = BACKENDS[0].fresh(true);
    try {
      const dir = fresh.opts.dataDir!;
      const { hostname } = await import('node:os');
      const dead = await promisify(execFile)(process.execPath, ['-e', 'console.log(process.pid)']);
      writeFileSync(join(dir, 'pglite.lock'), `${hostname()} ${dead.stdout.trim()} x`);
      const store = await openStore({ ...fresh.opts, lockTimeoutMs: 2_000 });
      await store.close();
    } finally {
      await fresh.dispose();
    }
  });
});
