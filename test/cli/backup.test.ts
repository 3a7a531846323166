import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import { backupPostgres, loadFactors, openStore, restorePostgres, saveRelease } from '../../src/store/index.ts';
import { cliInTempStore } from './run.ts';

/** `tanji db backup` and `tanji db restore` round trips: what comes back is what went in. */

test('PGlite: backup, restore into an empty directory, the same releases and factors; never over an existing store', () => {
  const from = cliInTempStore('tanji-backup-');
  assert.equal(from.tanji('db', 'init').code, 0);
  const file = join(from.data, 'store.tar.gz');
  const backup = from.tanji('db', 'backup', file);
  assert.equal(backup.code, 0, backup.err);
  const to = cliInTempStore('tanji-restore-');
  const restored = to.tanji('db', 'restore', file);
  assert.equal(restored.code, 0, restored.err);
  assert.equal(to.tanji('db', 'releases', '--json').out, from.tanji('db', 'releases', '--json').out);
  const again = to.tanji('db', 'restore', file);
  assert.notEqual(again.code, 0);
  assert.match(again.err, /already holds a store/);
});

const url = process.env.TANJI_TEST_DATABASE_URL;

test(
  'PostgreSQL: pg_dump of the schema, dropped, pg_restore: the same factors',
  { skip: !url && 'set TANJI_TEST_DATABASE_URL' },
  async () => {
    const schema = `t_backup_${process.pid}`;
    const file = join(mkdtempSync(join(tmpdir(), 'tanji-pgdump-')), 'store.dump');
    let store = await openStore({ url, schema });
    try {
      await saveRelease(store, { release: SEED_RELEASE, factors: seedFactors() });
      const before = await loadFactors(store, SEED_RELEASE);
      backupPostgres(url!, schema, file);
      await store.exec(`DROP SCHEMA ${schema} CASCADE`);
      await store.close();
      restorePostgres(url!, file);
      store = await openStore({ url, schema });
      assert.deepEqual(await loadFactors(store, SEED_RELEASE), before);
    } finally {
      await store.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await store.close();
    }
  },
);
