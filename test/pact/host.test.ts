import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { validatePactDocument } from '../../src/formats/pact.ts';
import { nextLink } from '../../src/pact/client.ts';
import { TokenCache } from '../../src/pact/credentials.ts';
import { DEMO_PARTNER } from '../../src/server/demo-pact.ts';
import { footprintsStamp, insertFootprint, listFootprintRows, type Queryable } from '../../src/store/index.ts';
import { startInstance, type Instance } from './instance.ts';
import { oracle, PACT_REFERENCE, pcfSumsOracle, type OracleItem } from './oracle.ts';
import { BACKENDS } from '../store/backends.ts';

/**
 * The PACT host against the Tech Spec: every response is checked with the spec's own OpenAPI
 * schemas (python-jsonschema) as well as Tanji's; auth, errors, pagination, filters, events.
 */

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('PACT reference examples', () => {
  it('every example validates against its version, and the invalid one fails, with Tanji and with the OpenAPI files', () => {
    const items: (OracleItem & { file: string; valid: boolean })[] = [];
    for (const [spec, dir] of [
      ['3.0', 'v3'],
      ['2.3', 'v2'],
    ] as const) {
      for (const file of readdirSync(`${PACT_REFERENCE}/${dir}/examples`)) {
        const json = JSON.parse(readFileSync(`${PACT_REFERENCE}/${dir}/examples/${file}`, 'utf8'));
        const valid = !file.startsWith('invalid');
        if (file.startsWith('error')) items.push({ spec, schema: 'Error', instance: json, file, valid });
        else if (file.startsWith('list') || file.startsWith('invalid'))
          for (const pf of json.data) items.push({ spec, schema: 'ProductFootprint', instance: pf, file, valid });
        else if (file.startsWith('get'))
          items.push({ spec, schema: 'ProductFootprint', instance: json.data, file, valid });
        else if (file.startsWith('example'))
          items.push({ spec, schema: 'ProductFootprint', instance: json, file, valid });
        else if (file.startsWith('pf-response-event'))
          for (const pf of json.data.pfs) items.push({ spec, schema: 'ProductFootprint', instance: pf, file, valid });
      }
    }
    assert.ok(items.length >= 12, `${items.length} documents`);
    const spec = oracle(items);
    items.forEach((item, i) => {
      const ours = validatePactDocument(item.instance, item.schema === 'Error' ? 'error' : 'footprint', item.spec);
      assert.equal(
        ours.ok,
        item.valid,
        `${item.spec} ${item.file}: Tanji says ${ours.ok ? 'valid' : (ours as { errors: string[] }).errors.slice(0, 3).join('; ')}`,
      );
      // the invalid v3 example breaks only rules the OpenAPI file cannot state (a v2 property it leaves out, prose MUSTs), so the oracle judges the valid ones
      if (item.valid)
        assert.deepEqual(
          spec[i],
          [],
          `${item.spec} ${item.file}: the OpenAPI schema says ${spec[i].slice(0, 3).join('; ')}`,
        );
    });
  });
});

for (const backend of BACKENDS) {
  describe(backend.name, () => {
    describe('PACT host', () => {
      let tanji: Instance;
      let token: string;
      const auth = () => ({ authorization: `Bearer ${token}` });

      before(async () => {
        tanji = await startInstance(backend);
        token = await tanji.token();
      });
      after(() => tanji.close());

      it('discovers the token endpoint and issues tokens to the right credentials only (RFC 6749 errors otherwise)', async () => {
        const discovery = await tanji.pact('/.well-known/openid-configuration');
        assert.equal(discovery.status, 200);
        assert.equal(
          (discovery.json as { token_endpoint: string }).token_endpoint,
          `${tanji.running.pactUrl}/auth/token`,
        );
        const good = await tanji.pact('/auth/token', {
          method: 'POST',
          headers: { authorization: basic(DEMO_PARTNER.clientId, DEMO_PARTNER.clientSecret), ...form },
          body: 'grant_type=client_credentials',
        });
        assert.equal(good.status, 200);
        assert.deepEqual(Object.keys(good.json as object).sort(), [
          'access_token',
          'expires_in',
          'scope',
          'token_type',
        ]);
        assert.equal(good.headers['cache-control'], 'no-store');
        const wrong = await tanji.pact('/auth/token', {
          method: 'POST',
          headers: { authorization: basic(DEMO_PARTNER.clientId, 'not-the-secret'), ...form },
          body: 'grant_type=client_credentials',
        });
        assert.equal(wrong.status, 401);
        assert.equal((wrong.json as { error: string }).error, 'invalid_client');
        const unknownGrant = await tanji.pact('/auth/token', {
          method: 'POST',
          headers: { authorization: basic(DEMO_PARTNER.clientId, DEMO_PARTNER.clientSecret), ...form },
          body: 'grant_type=password',
        });
        assert.equal(unknownGrant.status, 400);
        assert.equal((unknownGrant.json as { error: string }).error, 'unsupported_grant_type');
        const noBasic = await tanji.pact('/auth/token', {
          method: 'POST',
          headers: form,
          body: 'grant_type=client_credentials',
        });
        assert.equal(noBasic.status, 401);
      });

      it('refuses plain HTTP on the PACT port', async () => {
        await assert.rejects(
          fetch(`${tanji.running.pactUrl.replace('https:', 'http:')}/3/footprints`, { headers: auth() }),
        );
      });

      it('lists the demo footprints in both versions, each response valid by the spec', async () => {
        const items: OracleItem[] = [];
        for (const [prefix, spec] of [
          ['/3', '3.0'],
          ['/2', '2.3'],
        ] as const) {
          const r = await tanji.pact(`${prefix}/footprints`, { headers: auth() });
          assert.equal(r.status, 200);
          const data = (r.json as { data: unknown[] }).data;
          assert.ok(data.length >= 3, `${spec}: ${data.length} footprints`);
          assert.equal(validatePactDocument(r.json, 'list', spec).ok, true);
          for (const pf of data) items.push({ spec, schema: 'ProductFootprint', instance: pf });
          const one = await tanji.pact(`${prefix}/footprints/${(data[0] as { id: string }).id}`, { headers: auth() });
          assert.equal(one.status, 200);
          assert.equal(validatePactDocument(one.json, 'get', spec).ok, true);
          items.push({ spec, schema: 'ProductFootprint', instance: (one.json as { data: unknown }).data });
        }
        assert.deepEqual(
          oracle(items),
          items.map(() => []),
        );
        // every published v3 footprint's two PCFs are the spec's own sums of their parts
        const v3 = items.filter((i) => i.spec === '3.0').map((i) => i.instance);
        assert.deepEqual(
          pcfSumsOracle(v3),
          v3.map(() => []),
        );
      });

      it("answers each version's errors with its own codes and statuses", async () => {
        const missing = '00000000-0000-4000-8000-000000000000';
        const cases = [
          { path: `/3/footprints/${missing}`, headers: auth(), status: 404, code: 'NotFound', spec: '3.0' as const },
          {
            path: `/2/footprints/${missing}`,
            headers: auth(),
            status: 404,
            code: 'NoSuchFootprint',
            spec: '2.3' as const,
          },
          {
            path: '/3/footprints',
            headers: { authorization: 'Bearer very-invalid-access-token' },
            status: 400,
            code: 'BadRequest',
            spec: '3.0' as const,
          },
          { path: '/2/footprints', headers: {}, status: 400, code: 'BadRequest', spec: '2.3' as const },
          {
            path: '/3/footprints?validOn=yesterday',
            headers: auth(),
            status: 400,
            code: 'BadRequest',
            spec: '3.0' as const,
          },
          {
            path: `/2/footprints?$filter=${encodeURIComponent("created ge '2020-01-01T00:00:00Z' or status eq 'Active'")}`,
            headers: auth(),
            status: 400,
            code: 'NotImplemented',
            spec: '2.3' as const,
          },
          {
            path: `/2/footprints?$filter=${encodeURIComponent('created ge')}`,
            headers: auth(),
            status: 400,
            code: 'BadRequest',
            spec: '2.3' as const,
          },
        ];
        const items: OracleItem[] = [];
        for (const c of cases) {
          const r = await tanji.pact(c.path, { headers: c.headers });
          assert.equal(r.status, c.status, `${c.path}: ${r.text}`);
          assert.equal((r.json as { code: string }).code, c.code, c.path);
          if (c.code !== 'NoSuchFootprint') items.push({ spec: c.spec, schema: 'Error', instance: r.json });
        }
        // v2.3's tech spec names the 404 NoSuchFootprint while its OpenAPI enum says NotFound; the shape is still {code, message}
        assert.deepEqual(
          oracle(items),
          items.map(() => []),
        );
      });

      it('expires tokens: 401 TokenExpired', async () => {
        process.env.TANJI_PACT_TOKEN_SECONDS = '1';
        try {
          const short = await tanji.token();
          await new Promise((r) => setTimeout(r, 1200));
          const r = await tanji.pact('/3/footprints', { headers: { authorization: `Bearer ${short}` } });
          assert.equal(r.status, 401);
          assert.equal((r.json as { code: string }).code, 'TokenExpired');
        } finally {
          delete process.env.TANJI_PACT_TOKEN_SECONDS;
        }
      });

      it('looks a token up once for a burst of requests, and not again after a revocation began during the look-up', async () => {
        let lookUps = 0;
        const counting: Queryable = {
          query: (sql, params, rowMode) => {
            if (sql.includes('pact_tokens')) lookUps++;
            return tanji.store.query(sql, params, rowMode);
          },
          exec: (sql) => tanji.store.exec(sql),
        };
        const cache = new TokenCache(counting);
        const burst = await Promise.all(Array.from({ length: 100 }, () => cache.connection(`Bearer ${token}`)));
        assert.equal(lookUps, 1);
        assert.equal(new Set(burst.map((c) => c.id)).size, 1);
        assert.equal(burst[0].clientId, DEMO_PARTNER.clientId);
        const fresh = new TokenCache(counting);
        const asked = fresh.connection(`Bearer ${token}`);
        fresh.forget(burst[0].id);
        await asked;
        await fresh.connection(`Bearer ${token}`);
        assert.equal(lookUps, 3, 'a look-up begun before forget() is not remembered');
      });

      it('paginates with an absolute Link rel="next" on the requested host, repeatable, until every footprint was seen once', async () => {
        const all = (
          (await tanji.pact('/3/footprints', { headers: auth() })).json as { data: { id: string }[] }
        ).data.map((f) => f.id);
        const seen: string[] = [];
        let url: string | undefined = `${tanji.running.pactUrl}/3/footprints?limit=1&geography=CN-HI`;
        const links: string[] = [];
        while (url) {
          const r = await tanji.pact(url.slice(tanji.running.pactUrl.length), { headers: auth() });
          assert.equal(r.status, 200);
          const page = (r.json as { data: { id: string }[] }).data;
          assert.ok(page.length <= 1);
          seen.push(...page.map((f) => f.id));
          url = nextLink(r.headers.link);
          if (url) {
            assert.match(url, /^https:\/\/localhost:\d+\/3\/footprints\?/);
            assert.match(url, /geography=CN-HI/, 'the filters carry over');
            links.push(url);
          }
        }
        assert.deepEqual(seen, all);
        const again = await tanji.pact(links[0].slice(tanji.running.pactUrl.length), { headers: auth() });
        assert.equal(
          (again.json as { data: { id: string }[] }).data[0].id,
          all[1],
          'a pagination link can be called more than once',
        );
      });

      it('filters v3 lists: OR within a criterion, AND across, case-insensitive, validity and status', async () => {
        const list = async (q: string) =>
          ((await tanji.pact(`/3/footprints?${q}`, { headers: auth() })).json as { data: Record<string, any>[] }).data;
        const all = await list('');
        const [a, b] = all;
        assert.deepEqual(
          (await list(`productId=${a.productIds[0].toUpperCase()}`)).map((f) => f.id),
          [a.id],
        );
        assert.deepEqual(
          (await list(`productId=${a.productIds[0]}&productId=${b.productIds[0]}`)).map((f) => f.id),
          [a.id, b.id],
        );
        assert.deepEqual((await list(`productId=${a.productIds[0]}&geography=DE`)).length, 0, 'AND across criteria');
        assert.equal((await list('geography=CN-HI')).length, all.length);
        assert.equal((await list('geography=cn')).length, all.length, 'a province lies within its country');
        assert.equal(
          (await list(`companyId=${a.companyIds[0]}&classification=urn:pact:productclassification:un-cpc:01319`))
            .length,
          all.length,
        );
        assert.equal((await list('status=Deprecated')).length, 0);
        // a value no footprint can have is a filter that matches nothing, not a bad request
        for (const probe of ['status=Unknown', 'geography=XX', 'productId=urn:nothing:here']) {
          const r = await tanji.pact(`/3/footprints?${probe}`, { headers: auth() });
          assert.equal(r.status, 200, `${probe}: ${r.text}`);
          assert.deepEqual(r.json, { data: [] }, probe);
        }
        for (const malformed of ['validOn=2025-13', 'validAfter=soon', 'limit=-1', 'limit=ten']) {
          const r = await tanji.pact(`/3/footprints?${malformed}`, { headers: auth() });
          assert.equal(r.status, 400, malformed);
          assert.equal((r.json as { code: string }).code, 'BadRequest', malformed);
        }
        const on = a.validityPeriodStart as string;
        assert.ok((await list(`validOn=${on}`)).some((f) => f.id === a.id));
        assert.equal((await list('validOn=2000-01-01T00:00:00Z')).length, 0);
        assert.equal((await list('validAfter=2000-01-01T00:00:00Z')).length, all.length);
        assert.equal((await list('validBefore=2000-01-01T00:00:00Z')).length, 0);
      });

      it('filters v2 lists with $filter', async () => {
        const list = async (f: string) =>
          (
            (await tanji.pact(`/2/footprints?$filter=${encodeURIComponent(f)}`, { headers: auth() })).json as {
              data: Record<string, any>[];
            }
          ).data;
        const all = await list('');
        const [a] = all;
        assert.deepEqual(
          (await list(`productIds/any(p:p eq '${a.productIds[0]}')`)).map((f) => f.id),
          [a.id],
        );
        assert.equal(
          (await list(`created ge '${a.created}' and pcf/geographyCountrySubdivision eq 'CN-HI'`)).every(
            (f) => f.created >= a.created,
          ),
          true,
        );
        assert.equal((await list("productCategoryCpc eq '01319'")).length, all.length);
        assert.equal((await list('pcf/referencePeriodEnd lt 2000-01-01T00:00:00Z')).length, 0);
      });

      it('limits a connection to its products: others are 403, another company sees none', async () => {
        const rows = await listFootprintRows(tanji.store);
        const granted = rows[0].productIds[0];
        const created = await tanji.api('POST', '/api/pact/connections', {
          name: 'One-product buyer',
          products: [granted],
        });
        assert.equal(created.status, 201);
        const r = await tanji.pact('/auth/token', {
          method: 'POST',
          headers: { authorization: basic(created.data.connection.clientId, created.data.clientSecret), ...form },
          body: 'grant_type=client_credentials',
        });
        const limited = { authorization: `Bearer ${(r.json as { access_token: string }).access_token}` };
        const seen = (
          (await tanji.pact('/3/footprints', { headers: limited })).json as { data: { productIds: string[] }[] }
        ).data;
        assert.deepEqual([...new Set(seen.flatMap((f) => f.productIds))], [granted]);
        const other = rows.find((f) => !f.productIds.includes(granted))!;
        const forbidden = await tanji.pact(`/3/footprints/${other.id}`, { headers: limited });
        assert.equal(forbidden.status, 403);
        assert.equal((forbidden.json as { code: string }).code, 'AccessDenied');

        const revoked = await tanji.api('DELETE', `/api/pact/connections/${created.data.connection.id}`);
        assert.ok(revoked.data.revokedAt);
        assert.equal(
          (await tanji.pact('/3/footprints', { headers: limited })).status,
          400,
          "a revoked connection's token stops working",
        );
      });

      it('takes Published events with valid pfIds and refuses bad ones', async () => {
        const event = (pfIds: string[]) =>
          JSON.stringify({
            type: 'org.wbcsd.pact.ProductFootprint.PublishedEvent.3',
            specversion: '1.0',
            id: crypto.randomUUID(),
            source: '//buyer.example/3/events',
            time: new Date().toISOString(),
            data: { pfIds },
          });
        const headers = { ...auth(), 'content-type': 'application/cloudevents+json; charset=UTF-8' };
        const ok = await tanji.pact('/3/events', { method: 'POST', headers, body: event([crypto.randomUUID()]) });
        assert.equal(ok.status, 200);
        assert.equal(ok.text, '');
        const bad = await tanji.pact('/3/events', { method: 'POST', headers, body: event(['urn:gtin:4712345060507']) });
        assert.equal(bad.status, 400);
        assert.match((bad.json as { message: string }).message, /pfIds\[0\]/);
        const v2 = await tanji.pact('/2/events', {
          method: 'POST',
          headers,
          body: JSON.stringify({
            type: 'org.wbcsd.pathfinder.ProductFootprint.Published.v1',
            specversion: '1.0',
            id: 'x',
            source: '//b',
            time: new Date().toISOString(),
            data: { pfIds: ['nope'] },
          }),
        });
        assert.equal(v2.status, 400);
        const badToken = await tanji.pact('/3/events', {
          method: 'POST',
          headers: { ...headers, authorization: 'Bearer nope' },
          body: event([crypto.randomUUID()]),
        });
        assert.equal(badToken.status, 400);
      });

      it('publishing a new version deprecates the earlier footprint of the study', async () => {
        const [first] = await listFootprintRows(tanji.store);
        const v3 = JSON.parse(first.v3);
        const id = crypto.randomUUID();
        const stamp = await footprintsStamp(tanji.store);
        const deprecated = await insertFootprint(tanji.store, {
          id,
          companyId: first.companyId,
          studyId: first.studyId!,
          studyVersion: first.studyVersion!,
          resultHash: first.resultHash!,
          productIds: first.productIds,
          created: new Date().toISOString(),
          v3: { ...v3, id, precedingPfIds: [first.id] },
          v2: null,
          publishedBy: (
            await tanji.store.query<{ id: string }>("SELECT id FROM users WHERE email = 'practitioner@demo.tanji'")
          )[0].id,
        });
        assert.deepEqual(deprecated, [first.id]);
        assert.notEqual(await footprintsStamp(tanji.store), stamp);
        // written beside the host, as another process on the same PostgreSQL would: the catalog notices within its once-a-second check
        await new Promise((r) => setTimeout(r, 1100));
        const old = await tanji.pact(`/3/footprints/${first.id}`, { headers: auth() });
        assert.equal((old.json as { data: { status: string } }).data.status, 'Deprecated');
        assert.equal(validatePactDocument(old.json, 'get', '3.0').ok, true);
        const old2 = await tanji.pact(`/2/footprints/${first.id}`, { headers: auth() });
        assert.equal((old2.json as { data: { status: string; updated: string } }).data.status, 'Deprecated');
        assert.ok((old2.json as { data: { updated: string } }).data.updated);
        const active = (
          (await tanji.pact(`/3/footprints?status=active&productId=${first.productIds[0]}`, { headers: auth() }))
            .json as {
            data: { id: string }[];
          }
        ).data;
        assert.deepEqual(
          active.map((f) => f.id),
          [id],
        );
        assert.equal(
          (await tanji.pact(`/2/footprints/${id}`, { headers: auth() })).status,
          404,
          'a footprint without a v2.3 document is not served over /2',
        );
      });

      it('pages on by publication number: a footprint deprecated while a partner pages through an Active list moves no other off its page', async () => {
        const ids = async (path: string) =>
          ((await tanji.pact(path, { headers: auth() })).json as { data: { id: string }[] }).data.map((f) => f.id);
        const activeBefore = await ids('/3/footprints?status=Active');
        assert.ok(activeBefore.length >= 3, `${activeBefore.length} active footprints`);
        const first = await tanji.pact('/3/footprints?status=Active&limit=1', { headers: auth() });
        const [seen] = (first.json as { data: { id: string }[] }).data.map((f) => f.id);
        assert.equal(seen, activeBefore[0]);
        let url = nextLink(first.headers.link);
        assert.match(url ?? '', /after=\d+/);
        // the partner's first footprint gets a new version now: it leaves the Active list, its successor comes last
        const row = (await listFootprintRows(tanji.store)).find((r) => r.id === seen)!;
        const id = crypto.randomUUID();
        const publisher = (
          await tanji.store.query<{ id: string }>("SELECT id FROM users WHERE email = 'practitioner@demo.tanji'")
        )[0].id;
        await insertFootprint(tanji.store, {
          id,
          companyId: row.companyId,
          studyId: row.studyId!,
          studyVersion: row.studyVersion!,
          resultHash: row.resultHash!,
          productIds: row.productIds,
          created: new Date().toISOString(),
          v3: { ...JSON.parse(row.v3), id, precedingPfIds: [seen] },
          v2: null,
          publishedBy: publisher,
        });
        tanji.running.pact.catalog.invalidate();
        const rest: string[] = [];
        while (url) {
          const r = await tanji.pact(url.slice(tanji.running.pactUrl.length), { headers: auth() });
          rest.push(...(r.json as { data: { id: string }[] }).data.map((f) => f.id));
          url = nextLink(r.headers.link);
        }
        assert.deepEqual(
          rest,
          [...activeBefore.slice(1), id],
          'every other active footprint once, then the new version',
        );
      });
    });
  });
}
