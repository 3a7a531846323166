import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MIGRATIONS, openStore, saveRelease } from '../../src/store/index.ts';
import { loadRelease } from '../../src/store/releases.ts';
import { BACKENDS } from './backends.ts';
import { fixture, plain } from './fixture.ts';

/** Process documentation lives apart from what the engine loads; migration 3 moved it there. */

for (const backend of BACKENDS) {
  describe(`dataset documentation on ${backend.name}`, () => {
    it('is loaded by default, left out on request, and moved out of the body of releases saved before', async () => {
      const fresh = backend.fresh(true);
      let store = await openStore({ ...fresh.opts, migrate: false });
      try {
        if (fresh.opts.schema) await store.exec(`CREATE SCHEMA IF NOT EXISTS ${fresh.opts.schema}`);
        // a store at migration 2, with a release saved the old way (documentation inside the body)
        await store.exec(
          'CREATE TABLE schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
        );
        for (const m of MIGRATIONS.filter((m) => m.id <= 2)) {
          await store.exec(m.sql);
          await store.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
        }
        const db = fixture();
        const documented = db.processes.find((p) => p.provenance && p.description)!;
        const [{ id: releaseId }] = await store.query<{ id: number }>(
          "INSERT INTO releases (number) VALUES ('old') RETURNING id",
        );
        await store.query(
          `INSERT INTO datasets (release_id, position, process_id, name, category, source, body, exchanges) VALUES ($1, 0, $2, $3, '', $4, $5::text::jsonb, '{"flow":[],"amount":[],"flags":[]}')`,
          [
            releaseId,
            documented.id,
            documented.name,
            documented.source,
            JSON.stringify({ ...documented, exchanges: undefined }),
          ],
        );
        await store.close();
        store = await openStore(fresh.opts);
        const [row] = await store.query<{ body: Record<string, unknown>; documentation: Record<string, unknown> }>(
          'SELECT body, documentation FROM datasets',
        );
        assert.equal(row.body.provenance, undefined);
        assert.equal(row.body.description, undefined);
        assert.deepEqual(
          row.documentation,
          plain({ description: documented.description, provenance: documented.provenance }),
        );

        await saveRelease(store, { release: 'new', database: db });
        const full = await loadRelease(store, 'new');
        assert.deepEqual(plain(full), plain(db), 'a release loads back whole');
        const lean = await loadRelease(store, 'new', { documentation: false });
        assert.ok(lean.processes.every((p) => p.provenance === undefined && p.description === undefined));
        assert.deepEqual(
          lean.processes.map((p) => p.exchanges),
          full.processes.map((p) => p.exchanges),
        );
      } finally {
        await store.close();
        await fresh.dispose();
      }
    });
  });
}
