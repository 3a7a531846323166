import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listAggregateViews } from '../../src/cobuild/aggregation.ts';
import { loadFactors, listCompanies, listStudies, listUsers, type Store } from '../../src/store/index.ts';
import {
  DEMO_ORGANISATIONS,
  DEMO_ORGANISATION_USERS,
  DEMO_RELEASE,
  ensureOrganisationsDemo,
} from '../../src/server/demo-organisations.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { client, platform, signIn } from './platform.ts';
import { BACKENDS } from '../store/backends.ts';

/**
 * The organisations demo: a verification body, an association and three contributing plants,
 * and their production-weighted average published in a release. The weighted mean is worked by
 * hand: (0.92·42000 + 1.08·18000 + 0.97·30000) / 90000 = 0.9693… kg CO2e/kg.
 */

for (const backend of BACKENDS) {
  describe(backend.name, () => {
    let store: Store;
    let app: Awaited<ReturnType<typeof platform>>['app'];
    before(async () => {
      ({ store, app } = await platform({ backend }));
    });
    after(async () => {
      await jobsIdle();
      await store.close();
    });

    test('the demo creates each organisation with its kind and its people in it, and publishes the three-plant average once', async () => {
      assert.equal(await ensureOrganisationsDemo(store), true);
      assert.equal(await ensureOrganisationsDemo(store), false, 'a second start changes nothing');
      const companies = await listCompanies(store);
      for (const o of DEMO_ORGANISATIONS) assert.equal(companies.find((c) => c.name === o.name)?.kind, o.kind, o.name);
      const users = await listUsers(store);
      for (const u of DEMO_ORGANISATION_USERS) {
        const found = users.find((x) => x.email === u.email)!;
        assert.equal(found.role, u.role);
        assert.equal(found.companyName, DEMO_ORGANISATIONS.find((o) => o.key === u.organisation)!.name);
      }
      const factor = (await loadFactors(store, DEMO_RELEASE)).find(
        (f) => f.id === 'demo-corrugated-carton/CN-HI/2025',
      )!;
      assert.ok(
        Math.abs(factor.value - (0.92 * 42000 + 1.08 * 18000 + 0.97 * 30000) / 90000) < 1e-9,
        String(factor.value),
      );
      const steward = users.find((u) => u.email === 'steward@association.demo.tanji')!;
      const [aggregate] = await listAggregateViews(store, steward);
      assert.equal(aggregate.contributors, 3);
      assert.deepEqual(aggregate.releases, [DEMO_RELEASE]);
    });

    test('the verification body’s auditor sees the demo company’s studies because they were shared with her, and signs in', async () => {
      const auditor = (await listUsers(store)).find((u) => u.email === 'auditor@verify.demo.tanji')!;
      assert.notEqual(auditor.companyName, null);
      const shared = await listStudies(store, { companyId: auditor.companyId, verifierId: auditor.id });
      assert.ok(shared.length >= 1);
      const session = await signIn(app, 'auditor@verify.demo.tanji', 'durian-auditor');
      assert.equal((await session.get('/api/studies')).data.length, shared.length);
      assert.equal((await client(app).get('/api/studies')).status, 401);
    });
  });
}
