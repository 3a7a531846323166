import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry, Study } from '../../src/model/study.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import type { Store } from '../../src/store/index.ts';
import { client, platform, signIn } from './platform.ts';
import { BACKENDS } from '../store/backends.ts';
import { render } from '../../src/i18n/catalogue.ts';

/** An API error's words in Chinese, as the web app renders its messageCode and params. */
const zhOf = (error: { messageCode: string; params: Record<string, unknown>; message: string }) =>
  render({ code: error.messageCode, params: error.params, message: error.message }, 'zh');

/**
 * Product category rules over HTTP: the public library, a 75 kWh battery pack study created from
 * the EU rule, its placeholders named by the check and refused by verification, completed with a
 * component cell study, calculated, declared per kWh of lifetime energy (by hand below), shared
 * with the verifier, and a design variant compared with it stage by stage.
 */

const [practitioner, verifier] = DEMO_USERS;
for (const backend of BACKENDS) {
  describe(backend.name, () => {
    let store: Store;
    let app: Awaited<ReturnType<typeof platform>>['app'];
    type Client = ReturnType<typeof client>;
    let alice: Client;
    let vera: Client;
    let bob: Client;

    const releases = { lci: 'uslci', factors: '2026.1' };
    const FJ = {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'cn-electricity-footprint/CN-FJ/2024' },
    } as const;
    const meter = { type: 'meter-reading', reference: 'M-1' } as const;
    const supplier = (name: string, kg: number) =>
      ({
        type: 'supplier',
        supplier: name,
        kgCo2ePerUnit: kg,
        line: 'fossil',
        evidence: { type: 'supplier-statement', reference: `${name}-2025` },
      }) as const;
    const battery = {
      capacity_kWh: 75,
      cycles_per_year: 60,
      warranty_years: 8,
      warranty_km: 160_000,
      km_per_year: 15_000,
    };

    before(async () => {
      ({ store, app } = await platform({ demo: true, backend }));
      alice = await signIn(app, practitioner.email, practitioner.password);
      vera = await signIn(app, verifier.email, verifier.password);
      const root = await signIn(app, DEMO_USERS[2].email, DEMO_USERS[2].password);
      const other = await root.post('/api/admin/companies', { name: 'Other Cells Ltd.' });
      await root.post('/api/admin/users', {
        email: 'bob@cells.example',
        name: 'Bob',
        password: 'correct horse battery',
        role: 'enterprise',
        companyId: other.data.id,
      });
      bob = await signIn(app, 'bob@cells.example', 'correct horse battery');
    });

    after(async () => {
      await jobsIdle();
      await store.close();
    });

    async function calculated(id: string) {
      const job = await alice.post(`/api/studies/${id}/calculate`, { iterations: 1000, seed: 7 });
      assert.equal(job.status, 202, JSON.stringify(job.data));
      for (;;) {
        const j = await alice.get(`/api/jobs/${job.data.id}`);
        if (j.data.state === 'done') return (await alice.get(`/api/studies/${id}/result`)).data;
        assert.notEqual(j.data.state, 'failed', JSON.stringify(j.data));
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    const input = (s: Study) => {
      const { id: _, companyId: __, version: ___, updatedAt: ____, updatedBy: _____, ...rest } = s;
      return rest;
    };

    describe('the rule library', () => {
      test('is public: list and one rule with the rules it extends', async () => {
        const list = await client(app).get('/api/pcrs');
        assert.equal(list.status, 200);
        assert.ok(
          list.data.some(
            (r: { id: string; declaredUnits: { formula: string }[] }) =>
              r.id === 'eu-battery-ev' && r.declaredUnits[0]!.formula.startsWith('capacity_kWh'),
          ),
        );
        const one = await client(app).get('/api/pcrs/eu-battery-ev');
        assert.deepEqual(one.data.chain, ['eu-battery-ev', 'gbt-24067-general']);
        assert.equal(one.data.rule.stages.length, 4);
        assert.equal((await client(app).get('/api/pcrs/no-such-rule')).status, 404);
      });
    });

    describe('a battery pack by the EU rule', () => {
      let packId: string;
      let cellId: string;

      test('created from the rule; bad parameters are refused naming them', async () => {
        const missing = await alice.post('/api/studies/from-pcr', {
          pcr: 'eu-battery-ev',
          name: 'p',
          product: { name: 'p' },
          releases,
          year: 2025,
          parameters: { capacity_kWh: 75 },
        });
        assert.equal(missing.status, 422);
        assert.match(missing.data.error.message, /km_per_year/);
        assert.equal(missing.data.error.code, 'missing-parameters');
        assert.equal(missing.data.error.messageCode, 'pcr.missing-parameters');
        assert.match(zhOf(missing.data.error), /^该规则需要以下产品参数：.*km_per_year/);
        assert.ok(missing.data.error.details.names.includes('km_per_year'));
        const range = await alice.post('/api/studies/from-pcr', {
          pcr: 'eu-battery-ev',
          name: 'p',
          product: { name: 'p' },
          releases,
          year: 2025,
          parameters: { ...battery, capacity_kWh: 1 },
        });
        assert.equal(range.status, 422);
        assert.match(range.data.error.message, /parameters\.0\.value/);
        const unknown = await alice.post('/api/studies/from-pcr', {
          pcr: 'nope',
          name: 'p',
          product: { name: 'p' },
          releases,
          year: 2025,
        });
        assert.deepEqual([unknown.status, unknown.data.error.code], [422, 'unknown-pcr']);
        assert.match(unknown.data.error.message, /no product category rule "nope"/);
        assert.match(zhOf(unknown.data.error), /^没有产品种类规则「nope」/);
        assert.equal(
          (
            await vera.post('/api/studies/from-pcr', {
              pcr: 'eu-battery-ev',
              name: 'p',
              product: { name: 'p' },
              releases,
              year: 2025,
              parameters: battery,
            })
          ).status,
          403,
        );

        const made = await alice.post('/api/studies/from-pcr', {
          pcr: 'eu-battery-ev',
          name: 'LFP pack 75 kWh',
          product: { name: 'LFP pack' },
          releases,
          region: 'CN-FJ',
          year: 2025,
          parameters: battery,
          lang: 'en',
        });
        assert.equal(made.status, 201, JSON.stringify(made.data));
        packId = made.data.id;
        assert.equal(made.data.unit.amount, 36_000);
        assert.equal(made.data.entries.filter((e: Entry) => e.source.type === 'placeholder').length, 7);
      });

      test('the check names every placeholder; verification is refused', async () => {
        const check = await alice.post(`/api/studies/${packId}/pcr-check`);
        assert.equal(check.status, 200);
        assert.equal(check.data.conforms, false);
        assert.equal(check.data.findings.filter((f: { code: string }) => f.code === 'data.placeholder').length, 7);
        assert.equal((await bob.post(`/api/studies/${packId}/pcr-check`)).status, 404, 'another company sees nothing');
        const shared = await alice.post(`/api/studies/${packId}/verifiers`, { email: verifier.email });
        assert.equal(shared.status, 422);
        assert.equal(shared.data.error.code, 'pcr-nonconformant');
        assert.ok(shared.data.error.details.blocking.length >= 7);
        assert.equal(shared.data.error.messageCode, 'study.nonconformant');
        assert.match(shared.data.error.message, /^the study does not conform to eu-battery-ev/);
        const zh = zhOf(shared.data.error);
        assert.match(zh, /^该研究不符合 eu-battery-ev .*项强制性要求未满足）：/);
        assert.ok(zh.includes(shared.data.error.details.blocking[0].text.zh), 'the failing requirements in Chinese');
      });

      test('completed with a component cell study, calculated and declared per kWh of lifetime energy', async () => {
        const cell = await alice.post('/api/studies', {
          name: 'LFP cell',
          product: { name: 'LFP cell 280 Ah' },
          unit: { kind: 'declared', amount: 1, unit: 'piece' },
          referenceFlow: 'one cell',
          boundary: 'cradle-to-gate',
          year: 2025,
          releases,
          entries: [
            {
              id: 'el',
              stage: 'manufacturing',
              kind: 'energy',
              name: 'Cell formation electricity',
              amount: 20,
              unit: 'kWh',
              source: FJ,
              evidence: meter,
            },
          ],
        });
        assert.equal(cell.status, 201);
        cellId = cell.data.id;
        const pack = (await alice.get(`/api/studies/${packId}`)).data as Study;
        const entries = [
          {
            id: 'cells',
            stage: 'raw-materials',
            kind: 'material',
            name: 'Cells',
            amount: 84,
            unit: 'piece',
            source: { type: 'study', studyId: cellId },
            pcr: { stage: 'raw-material' },
          },
          {
            id: 'casing',
            stage: 'raw-materials',
            kind: 'material',
            name: 'Casing',
            amount: 40,
            unit: 'kg',
            source: supplier('Casing Co', 10),
            pcr: { requirement: 'bill-of-materials' },
          },
          {
            id: 'cam',
            stage: 'raw-materials',
            kind: 'material',
            name: 'LFP cathode',
            amount: 120,
            unit: 'kg',
            source: supplier('CAM Co', 8),
            pcr: { requirement: 'cathode-active-material' },
          },
          {
            id: 'aam',
            stage: 'raw-materials',
            kind: 'material',
            name: 'Graphite',
            amount: 60,
            unit: 'kg',
            source: supplier('AAM Co', 5),
            pcr: { requirement: 'anode-active-material' },
          },
          {
            id: 'cell-el',
            stage: 'manufacturing',
            kind: 'energy',
            name: 'Cell electricity',
            amount: 3000,
            unit: 'kWh',
            source: FJ,
            evidence: meter,
            pcr: { requirement: 'cell-production-electricity' },
          },
          {
            id: 'pack-el',
            stage: 'manufacturing',
            kind: 'energy',
            name: 'Pack electricity',
            amount: 500,
            unit: 'kWh',
            source: FJ,
            evidence: meter,
            pcr: { requirement: 'pack-assembly-electricity' },
          },
          {
            id: 'truck',
            stage: 'distribution',
            kind: 'transport',
            name: 'Truck',
            amount: 500,
            unit: 't*km',
            transport: { massKg: 500, distanceKm: 1000, mode: 'road', refrigerated: false },
            source: {
              type: 'background',
              dataset: { type: 'factor', release: '2026.1', id: 'cn-transport-road-heavy-diesel-truck/CN/2022' },
            },
            evidence: { type: 'invoice', reference: 'FR-1' },
            pcr: { requirement: 'distribution-transport' },
          },
          {
            id: 'eol',
            stage: 'end-of-life',
            kind: 'waste',
            name: 'Recycling',
            amount: 450,
            unit: 'kg',
            source: supplier('Recycler', 0.5),
            pcr: { requirement: 'end-of-life-recycling' },
          },
        ];
        const saved = await alice.put(`/api/studies/${packId}`, {
          study: { ...input(pack), entries, limitations: 'Test study.' },
          baseVersion: pack.version,
        });
        assert.equal(saved.status, 200, JSON.stringify(saved.data));
        const result = await calculated(packId);
        // per pack: cells 84 × 20 × 0.4585 = 770.28; casing 400; cathode 960; anode 300; electricity 3500 × 0.4585 = 1604.75;
        // truck 500 t·km × 0.0978 = 48.9; recycling 225: 4308.93 kg CO2e over E_total = 75 × 60 × 8 = 36 000 kWh
        assert.ok(Math.abs(result.total - 4308.93) < 1e-6, String(result.total));
        const check = (await alice.post(`/api/studies/${packId}/pcr-check`)).data;
        const failing = check.findings.filter(
          (f: { status: string; mandatory: boolean }) => f.mandatory && f.status === 'missing',
        );
        assert.deepEqual(failing, []);
        assert.equal(check.conforms, true);
        const d = check.declared.units[0];
        assert.ok(Math.abs(d.value - 4308.93 / 36_000) < 1e-12, String(d.value));
        const by = Object.fromEntries(
          d.byStage.map((s: { stage: string; value: number }) => [s.stage, s.value * 36_000]),
        );
        assert.ok(Math.abs(by['raw-material'] - (770.28 + 400 + 960 + 300)) < 1e-6);
        assert.ok(Math.abs(by['main-production'] - 1604.75) < 1e-6);
      });

      test('shared with the verifier, who sees the same check', async () => {
        assert.equal((await alice.post(`/api/studies/${packId}/verifiers`, { email: verifier.email })).status, 200);
        const seen = await vera.post(`/api/studies/${packId}/pcr-check`);
        assert.equal(seen.status, 200);
        assert.equal(seen.data.conforms, true);
      });

      test('a design variant compared stage by stage: a lower-carbon cathode saves 240 kg per pack', async () => {
        const pack = (await alice.get(`/api/studies/${packId}`)).data as Study;
        const entries = pack.entries.map((e) => (e.id === 'cam' ? { ...e, source: supplier('CAM Co', 6) } : e));
        assert.equal(
          (
            await alice.put(`/api/studies/${packId}`, {
              study: { ...input(pack), entries },
              baseVersion: pack.version,
              comment: 'greener cathode',
            })
          ).status,
          200,
        );
        await calculated(packId);
        const cmp = await alice.get(
          `/api/studies/${packId}/compare?with=${packId}&version=${pack.version}&withVersion=${pack.version + 1}`,
        );
        assert.equal(cmp.status, 200, JSON.stringify(cmp.data));
        assert.equal(cmp.data.unit, 'kg CO2e/kWh');
        const raw = cmp.data.rows.find((r: { stage: string }) => r.stage === 'raw-material');
        assert.ok(Math.abs(raw.change - -240 / 36_000) < 1e-12);
        assert.ok(Math.abs(cmp.data.total.change - -240 / 36_000) < 1e-12);
        assert.equal(cmp.data.rows.find((r: { stage: string }) => r.stage === 'main-production').change, 0);
        const incomparable = await alice.get(`/api/studies/${packId}/compare?with=${cellId}`);
        assert.equal(incomparable.status, 422);
        // the cell was only ever calculated as the pack's component, never on its own
        assert.equal(incomparable.data.error.code, 'not-calculated');
        assert.match(zhOf(incomparable.data.error), new RegExp(`^研究 ${cellId} 尚未计算`));
      });
    });

    describe('the report', () => {
      test('carries the conformance section with the declared result', async () => {
        const list = (await alice.get('/api/studies')).data as { id: string; name: string }[];
        const pack = list.find((s) => s.name === 'LFP pack 75 kWh')!;
        const en = await alice.get(`/api/studies/${pack.id}/report?lang=en`);
        assert.equal(en.status, 200);
        assert.match(
          en.data,
          /<h2><span class="num">9<\/span> Conformance with Electric vehicle battery carbon footprint/,
        );
        assert.match(en.data, /Declared result: [\d.]+ kg CO2e\/kWh/);
        assert.match(en.data, /Raw material acquisition and pre-processing/);
        const zh = await alice.get(`/api/studies/${pack.id}/report?lang=zh`);
        assert.match(zh.data, /与「电动汽车电池碳足迹（欧盟电池法规 2023\/1542）」的符合性/);
      });
    });
  });
}
