import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { validatePactDocument } from '../../src/formats/pact.ts';
import { hashPassword } from '../../src/server/passwords.ts';
import { createCompany, createConnection, createStudy, createUser, openStore } from '../../src/store/index.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../cli/run.ts';
import { startInstance, until, type Instance } from './instance.ts';
import { oracle } from './oracle.ts';
import { BACKENDS } from '../store/backends.ts';

/**
 * Two Tanji instances over HTTPS, a supplier and a buyer, each with its own self-signed
 * certificate pinned by the other: sync pull, async request answered with RequestFulfilled or
 * RequestRejected (the supplier authenticates at the buyer first), a refused invalid document,
 * and the supplier's footprint raising the primary data share of the buyer's study.
 */

for (const backend of BACKENDS) {
  describe(backend.name, () => {
    describe('PACT between two Tanji instances', () => {
      let supplier: Instance;
      let buyer: Instance;
      let toSupplier: string; // the buyer's connection id for the supplier
      let product: string; // a product URN the supplier publishes
      let productPcf: number;

      before(async () => {
        supplier = await startInstance(backend);
        buyer = await startInstance(backend);
        // each side issues credentials to the other, then records the other's host, credentials and certificate
        const forBuyer = await supplier.api('POST', '/api/pact/connections', { name: 'Buyer Co.' });
        const forSupplier = await buyer.api('POST', '/api/pact/connections', { name: 'Supplier Co.' });
        assert.equal(forBuyer.status, 201);
        const recorded = await Promise.all([
          supplier.api('PATCH', `/api/pact/connections/${forBuyer.data.connection.id}`, {
            partnerUrl: buyer.running.pactUrl,
            partnerClientId: forSupplier.data.connection.clientId,
            partnerSecret: forSupplier.data.clientSecret,
            partnerCa: buyer.running.pactCertificate,
          }),
          buyer.api('PATCH', `/api/pact/connections/${forSupplier.data.connection.id}`, {
            partnerUrl: supplier.running.pactUrl,
            partnerClientId: forBuyer.data.connection.clientId,
            partnerSecret: forBuyer.data.clientSecret,
            partnerCa: supplier.running.pactCertificate,
          }),
        ]);
        for (const r of recorded) assert.equal(r.status, 200, JSON.stringify(r.data));
        toSupplier = forSupplier.data.connection.id;
        const published = await supplier.api('GET', '/api/pact/footprints');
        product = published.data[0].productIds[0];
        productPcf = Number(published.data[0].pcf);
      });
      after(async () => {
        await buyer?.close();
        await supplier?.close();
      });

      it('pulls a footprint synchronously, checked and kept with its source', async () => {
        const r = await buyer.api('POST', '/api/pact/pull', { connectionId: toSupplier, productId: product });
        assert.equal(r.status, 200, JSON.stringify(r.data));
        assert.equal(r.data.received.length, 1);
        const [got] = r.data.received;
        assert.deepEqual(got.productIds, [product]);
        assert.equal(got.via, 'sync');
        assert.equal(
          got.sourceUrl,
          `${supplier.running.pactUrl}/3/footprints?productId=${encodeURIComponent(product)}`,
        );
        const stored = (
          await buyer.store.query<{ document: object }>('SELECT document FROM pact_received WHERE id = $1', [got.id])
        )[0].document;
        assert.equal(validatePactDocument(stored, 'footprint', '3.0').ok, true);
        assert.deepEqual(oracle([{ spec: '3.0', schema: 'ProductFootprint', instance: stored }]), [[]]);
        const v2 = await buyer.api('POST', '/api/pact/pull', {
          connectionId: toSupplier,
          productId: product,
          spec: '2.3',
        });
        assert.equal(v2.status, 200, JSON.stringify(v2.data));
        assert.equal(v2.data.received[0].spec, '2.3');
      });

      it("uses the supplier's footprint as primary data in the buyer's study", async () => {
        const received = (await buyer.api('GET', '/api/pact/received')).data.find(
          (r: { spec: string }) => r.spec === '3.0',
        );
        const summary = (await buyer.api('GET', '/api/studies')).data.find(
          (s: { name: string }) => s.name === durianStudy().name,
        );
        const calculate = async () => {
          const job = await buyer.api('POST', `/api/studies/${summary.id}/calculate`, { iterations: 0 });
          await until('the calculation', async () =>
            (await buyer.api('GET', `/api/jobs/${job.data.id}`)).data.state === 'done' ? true : undefined,
          );
          return (await buyer.api('GET', `/api/studies/${summary.id}/result`)).data;
        };
        // the fertiliser is first costed from background data with an estimated amount: secondary data
        const original = (await buyer.api('GET', `/api/studies/${summary.id}`)).data;
        const { id: _i, companyId: _c, version: _v, updatedAt: _u, updatedBy: _b, ...input } = original;
        input.entries = input.entries.map((e: { id: string }) =>
          e.id === 'fertiliser-n' ? { ...e, evidence: { type: 'estimate', reference: 'usual dose' } } : e,
        );
        const secondary = await buyer.api('PUT', `/api/studies/${summary.id}`, {
          study: input,
          baseVersion: original.version,
        });
        assert.equal(secondary.status, 200, JSON.stringify(secondary.data));
        const before = await calculate();
        const study = secondary.data;
        const applied = await buyer.api('POST', `/api/studies/${summary.id}/entries/fertiliser-n/supplier-footprint`, {
          receivedId: received.id,
          baseVersion: study.version,
        });
        assert.equal(applied.status, 200, JSON.stringify(applied.data));
        const entry = applied.data.entries.find((e: { id: string }) => e.id === 'fertiliser-n');
        assert.equal(entry.source.type, 'supplier');
        assert.equal(entry.source.kgCo2ePerUnit, productPcf, 'the footprint is per 1 kg and the entry is in kg');
        assert.equal(entry.source.evidence.type, 'supplier-statement');
        assert.equal(entry.source.pact.footprintId, received.pfId);
        const stale = await buyer.api('POST', `/api/studies/${summary.id}/entries/fertiliser-n/supplier-footprint`, {
          receivedId: received.id,
          baseVersion: study.version,
        });
        assert.equal(stale.status, 409);
        const after = await calculate();
        assert.ok(
          after.primaryDataShare > before.primaryDataShare,
          `primary share ${before.primaryDataShare} → ${after.primaryDataShare}`,
        );
      });

      it('requests asynchronously: the supplier answers with RequestFulfilled at the buyer, after authenticating there', async () => {
        const r = await buyer.api('POST', '/api/pact/pull', {
          connectionId: toSupplier,
          productId: product,
          mode: 'async',
        });
        assert.equal(r.status, 200, JSON.stringify(r.data));
        const id = r.data.requestEventId;
        const out = await until('the answer', async () =>
          (await buyer.api('GET', '/api/pact/events')).data.find(
            (e: { eventId: string; state: string }) => e.eventId === id && e.state !== 'sent',
          ),
        );
        assert.equal(out.state, 'fulfilled');
        const answered = (await supplier.api('GET', '/api/pact/events')).data.find(
          (e: { eventId: string }) => e.eventId === id,
        );
        assert.equal(answered.direction, 'in');
        assert.equal(answered.state, 'fulfilled');
        const tokens = await supplier.store.query<{ n: number }>('SELECT count(*)::int AS n FROM pact_tokens');
        assert.ok(
          (await buyer.store.query<{ n: number }>('SELECT count(*)::int AS n FROM pact_tokens'))[0].n >= 1 &&
            tokens[0].n >= 1,
          'both sides were authenticated at',
        );
      });

      it('requests asynchronously what the supplier does not have: RequestRejected', async () => {
        const r = await buyer.api('POST', '/api/pact/pull', {
          connectionId: toSupplier,
          productId: 'urn:pact:null',
          mode: 'async',
        });
        const out = await until('the answer', async () =>
          (await buyer.api('GET', '/api/pact/events')).data.find(
            (e: { eventId: string; state: string }) => e.eventId === r.data.requestEventId && e.state !== 'sent',
          ),
        );
        assert.equal(out.state, 'rejected');
        assert.match(out.error, /^NotFound: /);
      });

      it('refuses an invalid document with the schema errors and keeps nothing of it', async () => {
        const [row] = await supplier.store.query<{ id: string; v3: Record<string, any> }>(
          'SELECT id::text AS id, v3 FROM pact_footprints ORDER BY seq LIMIT 1',
        );
        const broken: Record<string, any> = {
          ...row.v3,
          id: crypto.randomUUID(),
          productIds: ['urn:tanji:product:broken'],
          pcf: { ...row.v3.pcf, declaredUnitAmount: '-1' },
        };
        delete broken.companyName;
        await supplier.store.query(
          `INSERT INTO pact_footprints (id, company_id, study_id, study_version, product_ids, status, created, v3, v2)
       SELECT $1, company_id, NULL, NULL, ARRAY['urn:tanji:product:broken'], 'Active', now(), $2, NULL FROM pact_footprints WHERE id = $3`,
          [broken.id, JSON.stringify(broken), row.id],
        );
        supplier.running.pact.catalog.invalidate();
        const before = (await buyer.api('GET', '/api/pact/received')).data.length;
        const r = await buyer.api('POST', '/api/pact/pull', {
          connectionId: toSupplier,
          productId: 'urn:tanji:product:broken',
        });
        assert.equal(r.status, 422);
        assert.ok(
          r.data.error.details.some((e: string) => /companyName: required/.test(e)),
          JSON.stringify(r.data.error.details),
        );
        assert.ok(
          r.data.error.details.some((e: string) => /pcf\.declaredUnitAmount/.test(e)),
          JSON.stringify(r.data.error.details),
        );
        assert.equal((await buyer.api('GET', '/api/pact/received')).data.length, before);
      });

      it('pulls from the command line into a study entry: tanji pact pull', async () => {
        // the supplier answers from this very process, so the CLI runs without blocking it (not spawnSync)
        const data = mkdtempSync(join(tmpdir(), 'tanji-pact-cli-'));
        const tanji = (...args: string[]) =>
          new Promise<{ code: number; out: string; err: string }>((resolve) => {
            const env: NodeJS.ProcessEnv = { ...process.env, TANJI_DATA: data };
            delete env.DATABASE_URL;
            execFile(
              process.execPath,
              ['--import', 'tsx', join(root, 'src/cli/tanji.ts'), ...args],
              { cwd: root, env, maxBuffer: 1 << 26 },
              (err, out, errOut) =>
                resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out, err: errOut }),
            );
          });
        const store = await openStore({ dataDir: data });
        const company = await createCompany(store, 'CLI Buyer Ltd.');
        const user = await createUser(store, {
          email: 'cli@buyer.example',
          name: 'CLI buyer',
          role: 'enterprise',
          companyId: company.id,
          passwordHash: await hashPassword('not-used-here'),
        });
        const study = await createStudy(store, durianStudy(), company.id, user.id);
        const forCli = await supplier.api('POST', '/api/pact/connections', { name: 'CLI Buyer' });
        await createConnection(store, {
          name: 'Durian Supplier',
          products: [],
          partnerUrl: supplier.running.pactUrl,
          partnerClientId: forCli.data.connection.clientId,
          partnerSecret: forCli.data.clientSecret,
          partnerCa: supplier.running.pactCertificate,
          companyId: company.id,
          clientId: 'cli-buyer-in',
          secretHash: 'x',
          createdBy: user.id,
        });
        await store.close();
        const list = await tanji('pact', 'connections');
        assert.equal(list.code, 0, list.err);
        assert.match(list.out, /Durian Supplier/);
        const r = await tanji(
          'pact',
          'pull',
          'durian supplier',
          '--product',
          product,
          '--study',
          study.id,
          '--entry',
          'fertiliser-n',
          '--json',
        );
        assert.equal(r.code, 0, r.err);
        const out = JSON.parse(r.out);
        assert.equal(out.version, 2);
        assert.equal(out.kgCo2ePerUnit, productPcf);
        const bad = await tanji('pact', 'pull', 'Durian Supplier', '--product', 'not-a-urn');
        assert.equal(bad.code, 2);
        assert.match(bad.err, /URN/);
      });
    });
  });
}
