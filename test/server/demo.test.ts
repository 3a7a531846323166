import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_COMPANY, DEMO_USERS, ensureDemo } from '../../src/server/demo.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { hashPassword, verifyPassword } from '../../src/server/passwords.ts';
import { headlineOf } from '../../src/model/headline.ts';
import { findCompany, findUserForLogin, latestResult, listStudies, type Store } from '../../src/store/index.ts';
import { platform } from './platform.ts';

/**
 * A store created before a demo user existed (the steward came with co-construction) gets that
 * user when the server starts again; the users it has keep their passwords and names, and the
 * demo company keeps its studies as they are.
 */

const steward = DEMO_USERS.find((u) => u.role === 'steward')!;
const practitioner = DEMO_USERS[0];
let store: Store;

before(async () => {
  ({ store } = await platform());
});

after(async () => {
  await jobsIdle();
  await store.close();
});

test('an existing demo store gets the missing demo steward; existing users and studies are left alone', async () => {
  // the store as it was before the steward was added, with a practitioner who changed password and name
  await store.query('DELETE FROM users WHERE email = $1', [steward.email]);
  const changedHash = await hashPassword('my own password');
  await store.query('UPDATE users SET password_hash = $1, name = $2 WHERE email = $3', [
    changedHash,
    'Li Ming',
    practitioner.email,
  ]);
  const company = (await findCompany(store, DEMO_COMPANY))!;
  const studies = (await listStudies(store, { companyId: company.id })).map((s) => s.id).sort();

  assert.equal(await ensureDemo(store), false, 'the demo company existed');
  const added = (await findUserForLogin(store, steward.email))!;
  assert.equal(added.role, 'steward');
  assert.equal(added.companyId, company.id);
  assert.ok(await verifyPassword(steward.password, added.passwordHash));
  const kept = (await findUserForLogin(store, practitioner.email))!;
  assert.equal(kept.passwordHash, changedHash);
  assert.equal(kept.name, 'Li Ming');
  assert.deepEqual((await listStudies(store, { companyId: company.id })).map((s) => s.id).sort(), studies);

  assert.equal(await ensureDemo(store), false);
  assert.equal(
    (await store.query('SELECT 1 FROM users WHERE email = $1', [steward.email])).length,
    1,
    'run again, nothing is added twice',
  );
});

test('the study list shows each calculated study’s CFP as ISO 14067 defines it, beside its emissions', async () => {
  const company = (await findCompany(store, DEMO_COMPANY))!;
  const rows = (await listStudies(store, { companyId: company.id })).filter((s) => s.total != null);
  assert.ok(rows.length > 0, 'the demo has calculated studies');
  for (const row of rows) {
    const result = (await latestResult(store, row.id))!;
    assert.equal(row.total, result.total, row.name);
    assert.equal(row.cfp, (result.headline ?? headlineOf(result)).cfp, row.name);
  }
  assert.ok(
    rows.some((s) => s.cfp! < s.total!),
    'the durian orchard’s removals make its CFP lower than its emissions',
  );
});
