import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, StoreInUseError } from '../../src/store/index.ts';
import { cliInTempStore } from './run.ts';

/**
 * The command line while the server runs on the same PGlite directory: it does not wait a minute
 * for a lock that is held for the server's whole life, it says at once, in one line, where the
 * data can be reached and what to do.
 */

const { data, tanji } = cliInTempStore('tanji-server-running-');
const HOLDER = 'the Tanji server at http://127.0.0.1:3150 (API: http://127.0.0.1:3150/docs)';

test('a second opening of a directory the server holds fails at once, quoting the server', async () => {
  const server = await openStore({ dataDir: data, holder: HOLDER });
  try {
    await assert.rejects(
      () => openStore({ dataDir: data, lockTimeoutMs: 600_000 }),
      (e: unknown) =>
        e instanceof StoreInUseError &&
        e.pid === process.pid &&
        e.message.includes(HOLDER) &&
        /DATABASE_URL/.test(e.message),
    );
    const r = tanji('list', '--search', 'electricity');
    assert.equal(r.code, 1, r.out);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 1, r.err);
    assert.match(
      lines[0],
      /^tanji list: .* is in use by the Tanji server at http:\/\/127\.0\.0\.1:3150 \(API: http:\/\/127\.0\.0\.1:3150\/docs\), pid \d+, .*stop it first, or run both on PostgreSQL \(DATABASE_URL\)\.$/,
    );
  } finally {
    await server.close();
  }
  const after = tanji('factor', 'search', '电力', '--json');
  assert.equal(after.code, 0, `once the server stops the command works: ${after.err}`);
});
