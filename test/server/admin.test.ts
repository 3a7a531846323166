import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { client, platform, signIn } from './platform.ts';
import { BACKENDS } from '../store/backends.ts';
import { render } from '../../src/i18n/catalogue.ts';

/** Administration through the API: organisations of each kind, users in them by the membership rules, roles changed. */

const [practitioner, , admin] = DEMO_USERS;
for (const backend of BACKENDS) {
  describe(backend.name, () => {
    let store: Store;
    let app: Awaited<ReturnType<typeof platform>>['app'];
    let root: Awaited<ReturnType<typeof signIn>>;
    const PASSWORD = 'correct horse battery';

    before(async () => {
      ({ store, app } = await platform({ backend }));
      root = await signIn(app, admin.email, admin.password);
    });
    after(async () => {
      await jobsIdle();
      await store.close();
    });

    describe('organisations and users', () => {
      test('only administrators reach /api/admin, whatever the body', async () => {
        const alice = await signIn(app, practitioner.email, practitioner.password);
        assert.equal((await alice.get('/api/admin/users')).status, 403);
        assert.equal((await alice.post('/api/admin/companies', { nonsense: true })).status, 403);
        assert.equal((await client(app).get('/api/admin/companies')).status, 401);
      });

      test('an organisation of each kind is created and listed with its kind; a duplicate name is a 400 naming the field', async () => {
        for (const [name, kind] of [
          ['中检认证 Test Verification Body', 'verification-body'],
          ['测试协会 Test Association', 'association'],
          ['测试研究院 Test Institute', 'institute'],
        ]) {
          const made = await root.post('/api/admin/companies', { name, kind });
          assert.equal(made.status, 201, JSON.stringify(made.data));
          assert.equal(made.data.kind, kind);
        }
        const list = await root.get('/api/admin/companies');
        assert.equal(
          list.data.find((c: { name: string }) => c.name === '测试协会 Test Association').kind,
          'association',
        );
        const dup = await root.post('/api/admin/companies', { name: '测试协会 Test Association', kind: 'association' });
        assert.equal(dup.status, 400);
        assert.match(dup.data.error.message, /^name: /);
      });

      test('a verifier belongs to a verification body, not an enterprise; the refusal names companyId', async () => {
        const companies = (await root.get('/api/admin/companies')).data as { id: string; name: string; kind: string }[];
        const enterprise = companies.find((c) => c.kind === 'enterprise')!;
        const body = companies.find((c) => c.kind === 'verification-body')!;
        const refused = await root.post('/api/admin/users', {
          email: 'v@test.example',
          name: 'V',
          password: PASSWORD,
          role: 'verifier',
          companyId: enterprise.id,
        });
        assert.equal(refused.status, 400);
        assert.match(
          refused.data.error.message,
          /^companyId: a verifier belongs to a verification body; ".*" is an enterprise$/,
        );
        assert.equal(refused.data.error.messageCode, 'admin.refused');
        assert.deepEqual(refused.data.error.details, { field: 'companyId' });
        const { messageCode: code, params, message } = refused.data.error;
        assert.match(
          render({ code, params, message }, 'zh'),
          /^companyId：核查员的所属组织只能是核查机构；「.*」是企业$/,
        );
        const made = await root.post('/api/admin/users', {
          email: 'v@test.example',
          name: 'V',
          password: PASSWORD,
          role: 'verifier',
          companyId: body.id,
        });
        assert.equal(made.status, 201, JSON.stringify(made.data));
        assert.equal(made.data.companyName, body.name);
      });

      test('changing a role ends the user’s sessions; the organisation’s kind cannot change under its people', async () => {
        const companies = (await root.get('/api/admin/companies')).data as { id: string; name: string; kind: string }[];
        const association = companies.find((c) => c.kind === 'association')!;
        const made = await root.post('/api/admin/users', {
          email: 's@test.example',
          name: 'S',
          password: PASSWORD,
          role: 'steward',
          companyId: association.id,
        });
        assert.equal(made.status, 201);
        const s = await signIn(app, 's@test.example', PASSWORD);
        assert.equal((await s.get('/api/me')).data.role, 'steward');
        const kind = await root.patch(`/api/admin/companies/${association.id}`, { kind: 'enterprise' });
        assert.equal(kind.status, 400);
        assert.match(kind.data.error.message, /^kind: S \(s@test\.example\) is a steward/);
        const changed = await root.patch(`/api/admin/users/${made.data.id}`, { role: 'public', companyId: null });
        assert.equal(changed.status, 200, JSON.stringify(changed.data));
        assert.equal(changed.data.role, 'public');
        assert.equal((await s.get('/api/me')).status, 401, 'the old session ended');
        assert.equal((await (await signIn(app, 's@test.example', PASSWORD)).get('/api/me')).data.role, 'public');
        const renamed = await root.patch(`/api/admin/companies/${association.id}`, {
          kind: 'enterprise',
          name: '测试企业 Test Enterprise',
        });
        assert.equal(renamed.status, 200, 'with nobody left in it the kind may change');
        assert.equal(renamed.data.kind, 'enterprise');
      });

      test('a new password works at once and the old one no longer; an administrator cannot demote themselves', async () => {
        const me = (await root.get('/api/me')).data;
        const self = await root.patch(`/api/admin/users/${me.id}`, { role: 'public' });
        assert.equal(self.status, 400);
        assert.match(self.data.error.message, /^role: /);
        const users = (await root.get('/api/admin/users')).data as { id: string; email: string }[];
        const v = users.find((u) => u.email === 'v@test.example')!;
        assert.equal(
          (await root.post(`/api/admin/users/${v.id}/password`, { password: 'a new long password' })).status,
          200,
        );
        assert.equal(
          (await client(app).post('/api/auth/login', { email: 'v@test.example', password: PASSWORD })).status,
          401,
        );
        assert.equal(
          (await client(app).post('/api/auth/login', { email: 'v@test.example', password: 'a new long password' }))
            .status,
          200,
        );
        assert.equal(
          (await root.post('/api/admin/users/nobody/password', { password: 'a new long password' })).status,
          404,
        );
      });
    });

    describe('portfolio', () => {
      test('a practitioner reads their company’s products with every calculated version; others are refused', async () => {
        const alice = await signIn(app, practitioner.email, practitioner.password);
        const res = await alice.get('/api/portfolio');
        assert.equal(res.status, 200, JSON.stringify(res.data));
        const studies = (await alice.get('/api/studies')).data as { id: string }[];
        const points = (res.data as { points: { studyId: string }[] }[]).flatMap((p) => p.points);
        assert.ok(points.length >= 1);
        for (const p of res.data as { declaredUnit: unknown }[])
          assert.deepEqual(
            Object.keys(p.declaredUnit as object).sort(),
            ['amount', 'unit'],
            'amount and unit, for the reader’s words',
          );
        assert.ok(
          points.every((p) => studies.some((s) => s.id === p.studyId)),
          'only the company’s own studies',
        );
        const xlsx = await alice.get('/api/portfolio.xlsx?lang=en');
        assert.equal(xlsx.status, 200);
        assert.match(xlsx.headers.get('content-type')!, /spreadsheetml/);
        assert.equal((await root.get('/api/portfolio')).status, 403);
        assert.equal((await client(app).get('/api/portfolio')).status, 401);
      });
    });
  });
}
