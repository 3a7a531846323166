import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReadCache } from '../../src/server/cache.ts';
import type { User } from '../../src/store/index.ts';

const user: User = { id: 'u', email: 'a@b.c', name: 'A', role: 'enterprise', companyId: 'c', companyName: 'C' };
const head = (latestVersion: number) => ({ id: 's', companyId: 'c', latestVersion, createdBy: 'u' });

test('a session is kept until it expires, and dropped on logout', async () => {
  const cache = new ReadCache({ kind: 'pglite' });
  cache.putSession('h', user, Date.now() + 30);
  assert.equal(cache.session('h'), user);
  await new Promise((r) => setTimeout(r, 40));
  assert.equal(cache.session('h'), undefined, 'expired');
  cache.putSession('h', user, Date.now() + 60_000);
  cache.dropSession('h');
  assert.equal(cache.session('h'), undefined);
});

test('a read that raced a write never puts back an older head or result', () => {
  const cache = new ReadCache({ kind: 'pglite' });
  cache.putHead(head(3));
  cache.putHead(head(2));
  assert.equal(cache.head('s')?.latestVersion, 3);
  cache.putHead(head(4));
  assert.equal(cache.head('s')?.latestVersion, 4);
  cache.putResult('s', '{"v":2}', '2026-11-23T10:00:00.000Z');
  cache.putResult('s', '{"v":1}', '2026-11-23T09:00:00.000Z');
  assert.equal(cache.result('s'), '{"v":2}');
});

test('on a PostgreSQL server, where other servers write, heads and sessions expire within a second', async () => {
  const cache = new ReadCache({ kind: 'postgres' });
  cache.putHead(head(1));
  cache.putSession('h', user, Date.now() + 3600_000);
  cache.putStudy('s', 1, '{}');
  await new Promise((r) => setTimeout(r, 1050));
  assert.equal(cache.head('s'), undefined);
  assert.equal(cache.session('h'), undefined);
  assert.equal(cache.study('s', 1), '{}', 'versions never change, so they stay');
});
