import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exchangeColumns } from '../../src/engine/linking.ts';
import { buildSystem } from '../../src/engine/system.ts';
import type { Exchange, LciDatabase } from '../../src/model/lci.ts';
import { MIGRATIONS, diffReleases, openStore, saveRelease, type Queryable } from '../../src/store/index.ts';
import { packExchanges, unpackExchanges } from '../../src/store/packed-exchanges.ts';
import { loadRelease, loadReleaseWithColumns } from '../../src/store/releases.ts';
import { BACKENDS } from './backends.ts';
import { fixture, plain } from './fixture.ts';

/** The storage form of exchanges (binary numbers, JSON details), and migration 4 that introduced it. */

const x = (id: string, flowId: string, amount: number, more: Partial<Exchange> = {}): Exchange => ({
  id,
  flowId,
  amount,
  input: false,
  avoided: false,
  reference: false,
  ...more,
});

/** Amounts whose float64 bits must survive, and every optional field. */
function edgeCases(): Exchange[] {
  return [
    x('1', 'f-a', 1, { reference: true }),
    x('2', 'f-b', 0.1 + 0.2, {
      input: true,
      providerId: 'p-b',
      originalAmount: 0.30000000000000004,
      originalUnit: 'g',
    }),
    x('3', 'f-b', -2.5, { input: true, avoided: true }),
    x('4', 'f-c', 0),
    x('5', 'f-c', -0),
    x('6', 'f-c', Number.MIN_VALUE, { uncertainty: { type: 'lognormal', gm: Number.MIN_VALUE, gsd: 1.5 } }),
    x('7', 'f-c', Number.MAX_VALUE, { uncertainty: { type: 'normal', mean: Number.MAX_VALUE, sd: 1e300 } }),
    x('8', 'f-c', -Number.MAX_VALUE, {
      uncertainty: { type: 'triangular', min: -1.7976931348623157e308, mode: -1, max: 0 },
    }),
    x('9', 'f-c', 1 / 3, {
      uncertainty: { type: 'uniform', min: 0.3333, max: 0.33334 },
      pedigree: { reliability: 1, completeness: 2, temporal: 3, geographical: 4, technological: 5 },
    }),
    x('10', 'f-c', 2 ** -1074 * 3, { originalAmount: 7 }),
    x('11', 'f-c', 123456789.12345679, { originalUnit: 'lb' }),
    x('12', 'f-missing', 4, { input: true, providerId: 'p-elsewhere' }),
  ];
}

describe('packed exchanges', () => {
  const flowIds = ['f-a', 'f-b', 'f-c'];
  const processIds = ['p-a', 'p-b'];
  const at = (ids: string[]) => new Map(ids.map((id, i) => [id, i]));

  it('unpack what was packed, bit for bit, with the engine columns of the same exchanges', () => {
    const exchanges = edgeCases();
    const renamed = exchanges.map((e, j) => ({ ...e, id: `ex-${j}` }));
    const packed = [
      packExchanges(exchanges, at(flowIds), at(processIds)),
      packExchanges(renamed, at(flowIds), at(processIds)),
      packExchanges([], at(flowIds), at(processIds)),
    ];
    const stored = packed.map((p) => ({ ...p, ids: p.ids === null ? null : (JSON.parse(p.ids) as string[]) }));
    const { exchanges: back, columns } = unpackExchanges(stored, flowIds, processIds);
    assert.deepStrictEqual(back, [exchanges, renamed, []]);
    assert.ok(Object.is(back[0][4].amount, -0));
    assert.equal(back[0][9].amount, 2 ** -1074 * 3);
    // numbered ids are left out, other ids kept
    assert.equal(packed[0].ids, null);
    assert.equal(packed[1].ids, JSON.stringify(renamed.map((e) => e.id)));
    assert.deepEqual(packed[2], { numbers: '', details: '{}', ids: null });

    const db: LciDatabase = {
      name: 'edge',
      origin: 'test',
      flows: flowIds.map((id) => ({ id, name: id, kind: 'product', category: [], propertyId: 'mass', unit: 'kg' })),
      processes: [
        { id: 'p-a', name: 'a', category: [], exchanges, allocationFactors: [], source: 't' },
        { id: 'p-b', name: 'b', category: [], exchanges: renamed, allocationFactors: [], source: 't' },
      ],
      unitGroups: [],
      flowProperties: [],
    };
    const both = unpackExchanges(stored.slice(0, 2), flowIds, processIds).columns;
    assert.deepStrictEqual(both, exchangeColumns(db));
    assert.deepEqual([...both.provider.slice(0, 12)], [-1, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1]);
    assert.equal(columns.start.length, 4);
  });

  it('gives equal text for equal exchanges, wherever they come from', () => {
    const a = packExchanges(edgeCases(), at(flowIds), at(processIds));
    const b = packExchanges(
      plain(edgeCases()).map((e, j) => (j === 4 ? { ...e, amount: -0 } : e)),
      at(flowIds),
      at(processIds),
    );
    assert.deepEqual(a, b);
  });
});

/** The packing of exchanges before migration 4: column arrays in JSON, providers by id. */
function oldPack(exchanges: Exchange[], flowPosition: Map<string, number>): string {
  const p: Record<string, unknown[]> = { flow: [], amount: [], flags: [] };
  if (!exchanges.every((e, i) => e.id === String(i + 1))) p.id = exchanges.map((e) => e.id);
  exchanges.forEach((e, j) => {
    p.flow.push(flowPosition.get(e.flowId) ?? e.flowId);
    p.amount.push(e.amount);
    p.flags.push((e.input ? 1 : 0) | (e.avoided ? 2 : 0) | (e.reference ? 4 : 0));
    if (e.providerId !== undefined) (p.provider ??= []).push([j, e.providerId]);
    if (e.originalAmount !== undefined || e.originalUnit !== undefined)
      (p.original ??= []).push([j, e.originalAmount ?? null, e.originalUnit ?? null]);
    const u = e.uncertainty;
    if (u)
      (p.uncertainty ??= []).push([
        j,
        ...(u.type === 'lognormal'
          ? [u.type, u.gm, u.gsd]
          : u.type === 'normal'
            ? [u.type, u.mean, u.sd]
            : u.type === 'triangular'
              ? [u.type, u.min, u.mode, u.max]
              : [u.type, u.min, u.max]),
      ]);
    const q = e.pedigree;
    if (q) (p.pedigree ??= []).push([j, q.reliability, q.completeness, q.temporal, q.geographical, q.technological]);
  });
  return JSON.stringify(p);
}

/** A release written as the store wrote it at migration 3. */
async function saveOld(store: Queryable, number: string, db: LciDatabase) {
  const [{ id }] = await store.query<{ id: number }>(
    'INSERT INTO databases (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = $1 RETURNING id',
    [db.name],
  );
  const [{ id: release }] = await store.query<{ id: number }>(
    'INSERT INTO releases (number, database_id, origin) VALUES ($1, $2, $3) RETURNING id',
    [number, id, db.origin],
  );
  for (const [i, g] of db.unitGroups.entries())
    await store.query('INSERT INTO unit_groups VALUES ($1, $2, $3, $4, $5::text::jsonb)', [
      release,
      i,
      g.id,
      g.name,
      JSON.stringify(g),
    ]);
  for (const [i, p] of db.flowProperties.entries())
    await store.query('INSERT INTO flow_properties VALUES ($1, $2, $3, $4, $5::text::jsonb)', [
      release,
      i,
      p.id,
      p.name,
      JSON.stringify(p),
    ]);
  for (const [i, f] of db.flows.entries())
    await store.query('INSERT INTO flows VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)', [
      release,
      i,
      f.id,
      f.name,
      f.kind,
      JSON.stringify(f),
    ]);
  const flowPosition = new Map(db.flows.map((f, i) => [f.id, i]));
  for (const [i, p] of db.processes.entries()) {
    const { exchanges, description, provenance, ...body } = p;
    await store.query(
      `INSERT INTO datasets (release_id, position, process_id, name, category, source, body, exchanges, documentation)
       VALUES ($1, $2, $3, $4, '', $5, $6::text::jsonb, $7, $8::text::jsonb)`,
      [
        release,
        i,
        p.id,
        p.name,
        p.source,
        JSON.stringify(body),
        oldPack(exchanges, flowPosition),
        JSON.stringify({ description, provenance }),
      ],
    );
  }
}

/** The fixture, with a provider and a flow its release lacks, unnumbered ids with JSON escapes, and a regional copy. */
function awkward(): LciDatabase {
  const db = fixture();
  db.processes[2].exchanges.push(
    x('4', 'f-not-in-release', 0.25, { input: true, providerId: 'p-\u00e9lsewhere "quoted"' }),
    x('5', 'f-steel', 1e-300, { input: true, providerId: 'p-steel' }),
  );
  db.processes[1].exchanges[0].id = 'a1b2\u2028"\\';
  const steel = db.processes[1];
  db.processes.push({
    ...steel,
    id: 'p-steel@CN-SC',
    location: 'CN-SC',
    exchanges: steel.exchanges.map((e) => ({ ...e, amount: e.amount * 1.1 })),
  });
  return db;
}

for (const backend of BACKENDS) {
  describe(`packed exchanges on ${backend.name}`, () => {
    it('load with the columns the engine would make, and build the same matrices from them', async () => {
      const fresh = backend.fresh();
      const store = await openStore(fresh.opts);
      try {
        const db = awkward();
        await saveRelease(store, { release: 'r', database: db });
        const { db: loaded, columns } = await loadReleaseWithColumns(store, 'r');
        assert.deepStrictEqual(loaded, plain(db));
        assert.deepStrictEqual(columns, exchangeColumns(loaded));
        // the copy shares its original's ids: stored once, loaded as one array
        assert.deepEqual(await store.query('SELECT list FROM exchange_id_lists'), [{ list: 0 }]);
        assert.equal(loaded.processes[3].exchanges[1].id, 'c3d4');
        assert.equal(loaded.processes[3].exchanges[0].id, loaded.processes[1].exchanges[0].id);
        const usable = {
          ...loaded,
          processes: loaded.processes.map((p) => ({
            ...p,
            exchanges: p.exchanges.filter((e) => e.flowId !== 'f-not-in-release'),
          })),
        };
        assert.deepStrictEqual(
          buildSystem(usable, { allocation: 'causal', columns: exchangeColumns(usable) }),
          buildSystem(usable, { allocation: 'causal' }),
        );
      } finally {
        await store.close();
        await fresh.dispose();
      }
    });

    it('migration 4 converts releases saved before it to the text a save writes now', async () => {
      const fresh = backend.fresh(true);
      let store = await openStore({ ...fresh.opts, migrate: false });
      try {
        if (fresh.opts.schema) await store.exec(`CREATE SCHEMA IF NOT EXISTS ${fresh.opts.schema}`);
        await store.exec(
          'CREATE TABLE schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
        );
        for (const m of MIGRATIONS.filter((m) => m.id <= 3)) {
          await store.exec(m.sql);
          await store.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
        }
        const db = awkward();
        await saveOld(store, 'old', db);
        await store.close();
        store = await openStore(fresh.opts);
        assert.deepStrictEqual(await loadRelease(store, 'old'), plain(db));
        await saveRelease(store, { release: 'new', database: db });
        const text = (release: string) =>
          store.query<[string, string, string | null]>(
            `SELECT exchange_numbers, exchange_details, l.ids FROM datasets d LEFT JOIN exchange_id_lists l ON l.release_id = d.release_id AND l.list = d.exchange_ids
             WHERE d.release_id = (SELECT id FROM releases WHERE number = $1) ORDER BY position`,
            [release],
            'array',
          );
        assert.deepEqual(await text('old'), await text('new'));
        const lists = (release: string) =>
          store.query<[number, string]>(
            'SELECT list, ids FROM exchange_id_lists WHERE release_id = (SELECT id FROM releases WHERE number = $1) ORDER BY list',
            [release],
            'array',
          );
        assert.deepEqual(await lists('old'), await lists('new'));
        await assert.rejects(store.query("UPDATE datasets SET exchange_details = '{}'"), /immutable/);
        await assert.rejects(store.query('DELETE FROM exchange_id_lists'), /immutable/);
      } finally {
        await store.close();
        await fresh.dispose();
      }
    });

    it('diffs exchanges whose stored text is equal but whose positions name other flows or providers', async () => {
      const fresh = backend.fresh();
      const store = await openStore(fresh.opts);
      try {
        const db = fixture();
        db.processes[2].exchanges[2].providerId = 'p-elec';
        await saveRelease(store, { release: 'r1', database: db });
        // steel and slag change places, and so do the first two processes; scrap's avoided product
        // and its electricity provider change to what now holds the old positions
        const next = fixture();
        [next.flows[0], next.flows[1]] = [next.flows[1], next.flows[0]];
        [next.processes[0], next.processes[1]] = [next.processes[1], next.processes[0]];
        next.processes[2].exchanges[1].flowId = 'f-slag';
        next.processes[2].exchanges[2].providerId = 'p-steel';
        await saveRelease(store, { release: 'r2', database: next });
        const texts = await store.query<[string]>(
          "SELECT exchange_numbers || exchange_details FROM datasets WHERE process_id = 'p-scrap' ORDER BY release_id",
          [],
          'array',
        );
        assert.equal(texts[0][0], texts[1][0]);
        const diff = await diffReleases(store, 'r1', 'r2');
        assert.deepEqual(diff.datasets, {
          added: [],
          removed: [],
          changed: [{ id: 'p-scrap', name: 'scrap treatment, recycling', fields: ['exchanges'] }],
        });
        assert.deepEqual(diff.flows, { added: [], removed: [], changed: [] });

        // the same flows and processes in the same order: a changed id list is a change of every dataset that has it
        const copied = awkward();
        await saveRelease(store, { release: 'r3', database: copied });
        copied.processes[1].exchanges[1].id = 'renamed';
        await saveRelease(store, { release: 'r4', database: copied });
        assert.deepEqual(
          (await diffReleases(store, 'r3', 'r4')).datasets.changed.map((c) => [c.id, c.fields]),
          [['p-steel', ['exchanges']]],
        );
      } finally {
        await store.close();
        await fresh.dispose();
      }
    });
  });
}
