import { messageText, type StoredMessage } from '../../src/model/message.ts';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Factor } from '../../src/model/factor.ts';
import type { LciDatabase } from '../../src/model/lci.ts';
import { processDataset } from '../../src/cobuild/datasets.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { importDatabase } from '../../src/formats/index.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { jsonLdZip, loadFactors, type Store } from '../../src/store/index.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { USLCI_JSONLD } from '../uslci.ts';
import { client, jobOutcome, platform, signIn } from './platform.ts';
import { BACKENDS } from '../store/backends.ts';
import { render } from '../../src/i18n/catalogue.ts';

/** An API refusal's words in the reader's language, from its messageCode and params. */
const refusalIn = (
  error: { messageCode: string; params: Record<string, unknown>; message: string },
  lang: 'zh' | 'en',
) => render({ code: error.messageCode, params: error.params, message: error.message }, lang);

/**
 * Co-construction end to end through the API on the real background data: three Hainan power
 * producers submit their plants' life-cycle electricity factors (variants of the seed factor
 * cn-electricity-footprint/CN-HI/2024), an institute submits a real US LCI process regionalised
 * to Guangxi; the steward assigns reviewers, reviews, averages the producers into a Hainan
 * generation average, publishes releases with generated notes, and the demo study moves to the
 * new release. Confidentiality and concurrent reviews are checked on the way.
 */

type Client = ReturnType<typeof client>;
const practitioner = DEMO_USERS[0];
const verifier = DEMO_USERS[1];
const admin = DEMO_USERS[2];
const steward = DEMO_USERS.find((u) => u.role === 'steward')!;

for (const backend of BACKENDS) {
  describe(backend.name, () => {
    let store: Store;
    let app: Awaited<ReturnType<typeof platform>>['app'];
    let root: Client;
    let zhao: Client; // the demo steward
    let qian: Client; // a second steward
    let vera: Client; // the demo verifier, assigned as reviewer
    let alice: Client; // the demo practitioner
    let anon: Client;
    const producers: Record<'coal' | 'nuclear' | 'solar' | 'late', Client> = {} as never;
    let institute: Client;
    let uslci: LciDatabase;

    const SEED_HAINAN = seedFactors().find((f) => f.id === 'cn-electricity-footprint/CN-HI/2024')!;

    /** A producer's own plant factor, a variant of the seed's Hainan factor with its own numbers and provenance. */
    function plantFactor(value: number, technology: string, plant: string): Factor {
      return {
        ...SEED_HAINAN,
        name: `Electricity generation, ${plant}, Hainan, plant life-cycle factor`,
        nameZh: `海南${plant}发电生命周期因子`,
        value,
        gwpSet: 'AR6',
        technology,
        source: { title: `${plant} 2024 life-cycle assessment, monitoring data`, publisher: plant },
        dataQuality: {
          pedigree: { reliability: 2, completeness: 2, temporal: 1, geographical: 1, technological: 1 },
          dqr: 1.25,
        },
        licence: '',
        status: 'check',
        method: undefined,
      };
    }

    const volume = (mwh: number) => ({ amount: mwh, unit: 'MWh' });

    async function submitFactor(who: Client, factor: Factor, productionVolume = volume(1e6)) {
      const res = await who.post('/api/cobuild/submissions', {
        datasets: [{ dataset: { type: 'factor', factor }, meta: { sharing: 'confidential', productionVolume } }],
      });
      assert.equal(res.status, 201, JSON.stringify(res.data));
      return res.data[0] as { id: string; latestVersion: number; state: string };
    }

    async function review(who: Client, id: string, action: string, comment?: string) {
      const view = await who.get(`/api/cobuild/submissions/${id}`);
      assert.equal(view.status, 200, JSON.stringify(view.data));
      return who.post(`/api/cobuild/submissions/${id}/review`, { action, baseVersion: view.data.version, comment });
    }

    async function approve(id: string, comment = 'checked against the monitoring report') {
      assert.equal((await review(zhao, id, 'start-review')).status, 200);
      const res = await review(zhao, id, 'approve', comment);
      assert.equal(res.status, 200, JSON.stringify(res.data));
    }

    before(async () => {
      ({ store, app } = await platform({ backend }));
      uslci = await importDatabase(USLCI_JSONLD);
      root = await signIn(app, admin.email, admin.password);
      zhao = await signIn(app, steward.email, steward.password);
      vera = await signIn(app, verifier.email, verifier.password);
      alice = await signIn(app, practitioner.email, practitioner.password);
      anon = client(app);
      const made = await root.post('/api/admin/users', {
        email: 'qian@steward.example',
        name: '钱 Qian (steward)',
        password: 'correct horse battery',
        role: 'steward',
        companyId: null,
      });
      assert.equal(made.status, 201, JSON.stringify(made.data));
      qian = await signIn(app, 'qian@steward.example', 'correct horse battery');
      const orgs = {
        coal: '华能海南 Huaneng Hainan',
        nuclear: '海南核电 Hainan Nuclear',
        solar: '海南新能源 Hainan Renewables',
        late: '海南燃气 Hainan Gas Power',
      } as const;
      for (const [key, name] of Object.entries(orgs) as [keyof typeof orgs, string][]) {
        const company = await root.post('/api/admin/companies', { name });
        const email = `${key}@power.example`;
        assert.equal(
          (
            await root.post('/api/admin/users', {
              email,
              name: `${name} LCA`,
              password: 'correct horse battery',
              role: 'enterprise',
              companyId: company.data.id,
            })
          ).status,
          201,
        );
        producers[key] = await signIn(app, email, 'correct horse battery');
      }
      const inst = await root.post('/api/admin/companies', {
        name: '广西建材研究院 Guangxi Building Materials Institute',
      });
      await root.post('/api/admin/users', {
        email: 'lab@gxbm.example',
        name: 'GXBM lab',
        password: 'correct horse battery',
        role: 'enterprise',
        companyId: inst.data.id,
      });
      institute = await signIn(app, 'lab@gxbm.example', 'correct horse battery');
    });

    after(async () => {
      await jobsIdle();
      await store.close();
    });

    const ids: Record<string, string> = {};

    describe('submission and validation on arrival', () => {
      test('a dataset with bad units or missing metadata is refused with every problem named, and nothing is stored', async () => {
        const bad = { ...plantFactor(0.7, '', 'Bad Plant'), unit: 'kg CO2e/MWh', region: 'Atlantis' };
        const res = await producers.coal.post('/api/cobuild/submissions', {
          datasets: [{ dataset: { type: 'factor', factor: bad }, meta: { sharing: 'confidential' } }],
        });
        assert.equal(res.status, 422);
        assert.equal(res.data.error.code, 'invalid-datasets');
        const fields = res.data.error.details[0].errors.map((e: { field: string }) => e.field);
        for (const f of ['factor.unit', 'factor.region', 'factor.technology'])
          assert.ok(fields.includes(f), `${f} in ${fields}`);
        const technology = res.data.error.details[0].errors.find(
          (e: { field: string }) => e.field === 'factor.technology',
        );
        assert.deepEqual(technology, {
          field: 'factor.technology',
          code: 'factor.technology-missing',
          params: {},
          message: 'describe the technology the factor represents',
        });
        assert.deepEqual((await producers.coal.get('/api/cobuild/submissions')).data, []);
      });

      test('a value 10× off the provincial median is flagged with its explanation; a plausible one is not', async () => {
        const coal = await submitFactor(
          producers.coal,
          plantFactor(0.78, 'Coal and gas units, ultra-supercritical', 'Huaneng Haikou'),
          volume(20e6),
        );
        const nuclear = await submitFactor(
          producers.nuclear,
          plantFactor(0.012, 'Pressurised water reactors (CNP-650)', 'Changjiang NPP'),
          volume(10e6),
        );
        ids.coal = coal.id;
        ids.nuclear = nuclear.id;
        const c = await producers.coal.get(`/api/cobuild/submissions/${coal.id}`);
        assert.deepEqual(c.data.validation.flags, []);
        assert.equal(c.data.validation.release, '2026.1');
        assert.ok(c.data.validation.notes.some((n: StoredMessage) => /provincial median/.test(messageText(n))));
        const n = await producers.nuclear.get(`/api/cobuild/submissions/${nuclear.id}`);
        const flag = n.data.validation.flags[0];
        assert.equal(flag.check, 'plausibility');
        assert.equal(flag.field, 'factor.value');
        assert.ok(flag.ratio < 0.1 && flag.peers >= 30, JSON.stringify(flag));
        assert.match(
          flag.message,
          /below the provincial median \(\d+ provinces\) of cn-electricity-footprint in release 2026\.1/,
        );
        assert.equal(flag.code, 'plausibility.factor-median');
        assert.equal(flag.params.value, 0.012);
        assert.equal(flag.params.direction, 'below');
      });

      test('the submission template round-trips through Excel; a bad cell is named by sheet, row and column', async () => {
        const template = await anon.get('/api/cobuild/template.xlsx');
        assert.equal(template.status, 200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(template.data) as unknown as ArrayBuffer);
        const sheet = wb.worksheets[0];
        const header = (sheet.getRow(1).values as string[]).slice(1);
        const row = (values: Record<string, string | number>) =>
          header.map((h) => values[h.split(' ').at(-1)!] ?? null);
        const solar = {
          series: 'cn-electricity-footprint',
          name: 'Electricity generation, Hainan Renewables, solar and hydro fleet',
          name_zh: '海南新能源光伏水电',
          kind: 'electricity-footprint',
          value: 0.045,
          unit: 'kg CO2e/kWh',
          per_unit: 'kWh',
          gases: 'CO2e',
          gwp_set: 'AR6',
          region: 'CN-HI',
          year: 2024,
          technology: 'PV plants and small hydro',
          source_title: 'Fleet LCA 2024',
          publisher: 'Hainan Renewables',
          reliability: '2',
          completeness: '2',
          temporal: '1',
          geographical: '1',
          technological: '2',
          production_volume: 5e6,
          production_unit: 'MWh',
          sharing: 'confidential',
        };
        sheet.addRow(row({ ...solar, value: 'about 0.05' }));
        const broken = await producers.solar.post(
          '/api/cobuild/submissions/file',
          new Uint8Array(await wb.xlsx.writeBuffer()),
          { 'x-file-name': 'solar.xlsx', 'content-type': 'application/octet-stream' },
        );
        assert.equal(broken.status, 422);
        assert.equal(broken.data.error.code, 'bad-workbook');
        assert.equal(broken.data.error.details[0].row, 2);
        assert.match(broken.data.error.details[0].column, /^E \(数值 value\)/);
        sheet.spliceRows(2, 1, row(solar));
        const ok = await producers.solar.post(
          '/api/cobuild/submissions/file',
          new Uint8Array(await wb.xlsx.writeBuffer()),
          { 'x-file-name': 'solar.xlsx', 'content-type': 'application/octet-stream' },
        );
        assert.equal(ok.status, 201, JSON.stringify(ok.data));
        ids.solar = ok.data[0].id;
        const view = await producers.solar.get(`/api/cobuild/submissions/${ids.solar}`);
        assert.equal(view.data.dataset.factor.id, 'cn-electricity-footprint/CN-HI/2024');
        assert.equal(view.data.dataset.factor.value, 0.045);
        assert.deepEqual(view.data.meta.productionVolume, { amount: 5e6, unit: 'MWh' });
        assert.equal(view.data.head.origin, 'file:solar.xlsx');
      });

      test('stewards are told of every submission', async () => {
        const n = await zhao.get('/api/cobuild/notifications');
        assert.ok(n.data.unread >= 3);
        assert.ok(
          n.data.items.some(
            (i: { kind: string; submissionId: string }) =>
              i.kind === 'submission-received' && i.submissionId === ids.nuclear,
          ),
        );
      });
    });

    describe('confidentiality', () => {
      test("a contributor reads only its own company's submissions; another's answers 404 like a missing one", async () => {
        const mine = await producers.coal.get('/api/cobuild/submissions');
        assert.deepEqual(
          mine.data.map((s: { id: string }) => s.id),
          [ids.coal],
        );
        assert.equal((await producers.nuclear.get(`/api/cobuild/submissions/${ids.coal}`)).status, 404);
        assert.equal((await producers.nuclear.get(`/api/cobuild/submissions/${ids.coal}/audit`)).status, 404);
        assert.equal(
          (await producers.nuclear.post(`/api/cobuild/submissions/${ids.coal}/comments`, { text: 'hello' })).status,
          404,
        );
        assert.equal((await alice.get(`/api/cobuild/submissions/${ids.coal}`)).status, 404);
      });

      test('the public, administrators and unassigned verifiers read no primary data', async () => {
        assert.equal((await anon.get('/api/cobuild/submissions')).status, 401);
        assert.equal((await anon.get(`/api/cobuild/submissions/${ids.coal}`)).status, 401);
        assert.equal((await anon.get('/api/cobuild/aggregates')).status, 401);
        assert.equal((await root.get('/api/cobuild/submissions')).status, 403);
        assert.equal((await root.get(`/api/cobuild/submissions/${ids.coal}`)).status, 403);
        assert.deepEqual((await vera.get('/api/cobuild/submissions')).data, []);
        assert.equal((await vera.get(`/api/cobuild/submissions/${ids.coal}`)).status, 404);
        assert.equal((await producers.coal.get('/api/cobuild/aggregates')).status, 403);
        assert.equal(
          (await producers.coal.post('/api/cobuild/aggregates/preview', { submissionIds: [ids.coal], region: 'CN-HI' }))
            .status,
          403,
        );
        const open = await anon.get('/api/open/releases/2026.1/datasets?q=CN-HI&limit=500');
        assert.equal(open.status, 200);
        const values = open.data.items.map((d: { value: number }) => d.value);
        assert.ok(
          !values.includes(0.78) && !values.includes(0.012) && !values.includes(0.045),
          'no submitted value is in the published release',
        );
      });
    });

    describe('review workflow', () => {
      test('an assigned verifier reviews, comments on a field, requests changes; the contributor sees it, revises, and the old version stays readable', async () => {
        assert.equal(
          (await vera.post(`/api/cobuild/submissions/${ids.coal}/reviewer`, { email: verifier.email })).status,
          403,
          'only stewards assign',
        );
        const assigned = await zhao.post(`/api/cobuild/submissions/${ids.coal}/reviewer`, { email: verifier.email });
        assert.equal(assigned.status, 200);
        assert.equal(assigned.data.reviewerName, verifier.name);
        assert.equal(
          (await zhao.post(`/api/cobuild/submissions/${ids.coal}/reviewer`, { email: practitioner.email })).status,
          422,
          'a practitioner does not review',
        );
        assert.equal(
          (await vera.get('/api/cobuild/submissions')).data.length,
          1,
          'the verifier now sees the submission it reviews',
        );
        assert.equal((await review(vera, ids.coal, 'start-review')).status, 200);
        const noReason = await review(vera, ids.coal, 'request-changes');
        assert.equal(noReason.status, 400);
        assert.equal(noReason.data.error.code, 'comment-required');
        const c = await vera.post(`/api/cobuild/submissions/${ids.coal}/comments`, {
          field: 'factor.value',
          text: 'Does 0.78 include the gas units upstream methane?',
        });
        assert.equal(c.status, 201);
        assert.equal(
          (await vera.post(`/api/cobuild/submissions/${ids.coal}/comments`, { field: 'factor.nosuch.deep', text: 'x' }))
            .status,
          422,
        );
        assert.equal(
          (await review(vera, ids.coal, 'request-changes', 'Please include upstream methane of the gas supply.'))
            .status,
          200,
        );

        const seen = await producers.coal.get(`/api/cobuild/submissions/${ids.coal}`);
        assert.equal(seen.data.head.state, 'changes-requested');
        assert.deepEqual(seen.data.steps, ['revise']);
        assert.deepEqual(
          seen.data.comments.map((x: { field: string | null; body: string }) => [x.field, x.body]),
          [
            ['factor.value', 'Does 0.78 include the gas units upstream methane?'],
            [null, 'Please include upstream methane of the gas supply.'],
          ],
        );
        const told = await producers.coal.get('/api/cobuild/notifications');
        assert.ok(
          told.data.items.some(
            (i: { kind: string; params: { state?: string } }) =>
              i.kind === 'submission-state' && i.params.state === 'changes-requested',
          ),
        );
        assert.ok(told.data.items.some((i: { kind: string }) => i.kind === 'comment'));

        const revised = await producers.coal.put(`/api/cobuild/submissions/${ids.coal}`, {
          dataset: {
            type: 'factor',
            factor: {
              ...seen.data.dataset.factor,
              value: 0.8,
              technology: 'Coal and gas units, incl. upstream methane',
            },
          },
          meta: seen.data.meta,
          baseVersion: 1,
          comment: 'upstream methane added',
        });
        assert.equal(revised.status, 200, JSON.stringify(revised.data));
        assert.equal(revised.data.latestVersion, 2);
        assert.equal(revised.data.state, 'submitted');
        const v1 = await producers.coal.get(`/api/cobuild/submissions/${ids.coal}?version=1`);
        assert.equal(v1.data.dataset.factor.value, 0.78, 'the superseded version is still readable');
        assert.equal((await review(vera, ids.coal, 'start-review')).status, 200);
        assert.equal((await review(vera, ids.coal, 'approve')).status, 200);
        const audit = await producers.coal.get(`/api/cobuild/submissions/${ids.coal}/audit`);
        assert.deepEqual(audit.data.map((a: { action: string }) => a.action).reverse(), [
          'submission.created',
          'submission.reviewer-assigned',
          'submission.start-review',
          'submission.commented',
          'submission.request-changes',
          'submission.revised',
          'submission.start-review',
          'submission.approve',
        ]);
        const revisedEvent = audit.data.find((a: { action: string }) => a.action === 'submission.revised');
        assert.deepEqual(revisedEvent.detail.changes, ['factor.technology', 'factor.value']);
      });

      test('a flagged value is approved only with a reason; a final state refuses further steps with 409', async () => {
        assert.equal((await review(zhao, ids.nuclear, 'start-review')).status, 200);
        const silent = await review(zhao, ids.nuclear, 'approve');
        assert.equal(silent.status, 400);
        assert.match(
          silent.data.error.message,
          /flagged 2 values/,
          'below the provincial median and below the current Hainan value',
        );
        assert.equal(silent.data.error.code, 'comment-required');
        assert.equal(silent.data.error.messageCode, 'cobuild.comment-required.flags');
        assert.equal(refusalIn(silent.data.error, 'en'), silent.data.error.message);
        assert.equal(refusalIn(silent.data.error, 'zh'), '「通过」须填写意见：校验标记了 2 个数值，请说明接受的理由');
        assert.equal(
          (await review(zhao, ids.nuclear, 'approve', 'Nuclear: 12 g/kWh matches IPCC AR5 WG3 Annex III (median 12).'))
            .status,
          200,
        );
        const again = await review(zhao, ids.nuclear, 'reject', 'too late');
        assert.equal(again.status, 409);
        assert.equal(again.data.error.code, 'illegal-transition');
        assert.deepEqual(again.data.error.details, { state: 'approved', allowed: [] });
        assert.match(
          again.data.error.message,
          /^"reject" is not possible while the submission is approved; it is final$/,
        );
        assert.equal(refusalIn(again.data.error, 'zh'), '提交已处于最终状态「已通过」，不能再执行「拒绝」');
        const edit = await producers.nuclear.put(`/api/cobuild/submissions/${ids.nuclear}`, {
          dataset: (await producers.nuclear.get(`/api/cobuild/submissions/${ids.nuclear}`)).data.dataset,
          meta: { sharing: 'confidential', productionVolume: volume(10e6) },
          baseVersion: 1,
        });
        assert.equal(edit.status, 409);
      });

      test('two reviewers editing the same version at once: one wins, the other gets 409, and after reloading both edits are kept', async () => {
        const late = await submitFactor(
          producers.late,
          plantFactor(0.52, 'Combined-cycle gas turbines', 'Haikou CCGT'),
          volume(4e6),
        );
        ids.late = late.id;
        assert.equal((await review(zhao, late.id, 'start-review')).status, 200);
        const base = await zhao.get(`/api/cobuild/submissions/${late.id}`);
        const edit = (who: Client, factor: Factor, comment: string) =>
          who.put(`/api/cobuild/submissions/${late.id}`, {
            dataset: { type: 'factor', factor },
            meta: base.data.meta,
            baseVersion: base.data.version,
            comment,
          });
        const f = base.data.dataset.factor as Factor;
        const [a, b] = await Promise.all([
          edit(zhao, { ...f, technology: 'Combined-cycle gas turbines (9F class)' }, 'technology made precise'),
          edit(qian, { ...f, source: { ...f.source, documentNumber: 'HK-CCGT-LCA-2024' } }, 'document number added'),
        ]);
        assert.deepEqual([a.status, b.status].sort(), [200, 409]);
        const loser = a.status === 409 ? a : b;
        assert.equal(loser.data.error.code, 'stale-version');
        const fresh = await zhao.get(`/api/cobuild/submissions/${late.id}`);
        const retry =
          a.status === 409
            ? { ...fresh.data.dataset.factor, technology: 'Combined-cycle gas turbines (9F class)' }
            : {
                ...fresh.data.dataset.factor,
                source: { ...fresh.data.dataset.factor.source, documentNumber: 'HK-CCGT-LCA-2024' },
              };
        const again = await (a.status === 409 ? zhao : qian).put(`/api/cobuild/submissions/${late.id}`, {
          dataset: { type: 'factor', factor: retry },
          meta: fresh.data.meta,
          baseVersion: fresh.data.version,
          comment: 'reapplied',
        });
        assert.equal(again.status, 200);
        const final = await zhao.get(`/api/cobuild/submissions/${late.id}`);
        assert.equal(final.data.version, 3);
        assert.equal(final.data.dataset.factor.technology, 'Combined-cycle gas turbines (9F class)');
        assert.equal(final.data.dataset.factor.source.documentNumber, 'HK-CCGT-LCA-2024');
        assert.equal(final.data.head.state, 'under-review');
        const sharing = await qian.put(`/api/cobuild/submissions/${late.id}`, {
          dataset: final.data.dataset,
          meta: { ...final.data.meta, sharing: 'public' },
          baseVersion: 3,
        });
        assert.equal(sharing.status, 403, "a reviewer may not publish a contributor's confidential data");
        assert.equal(sharing.data.error.messageCode, 'cobuild.forbidden');
        assert.equal(refusalIn(sharing.data.error, 'zh'), '您的角色无权更改数据集的共享方式：这由其提交方决定');
      });
    });

    describe('aggregation and the confidentiality threshold', () => {
      test('an aggregate of two organisations is kept but not published', async () => {
        const two = await zhao.post('/api/cobuild/aggregates', {
          submissionIds: [ids.coal, ids.nuclear],
          region: 'CN-HI',
          year: 2024,
          licence: 'CC BY 4.0',
        });
        assert.equal(two.status, 201, JSON.stringify(two.data));
        assert.equal(two.data.contributors, 2);
        assert.equal(two.data.publishable, false);
        const release = await zhao.post('/api/cobuild/releases', {
          release: '2026.2-two',
          aggregateIds: [two.data.id],
        });
        assert.equal(release.status, 422);
        assert.match(release.data.error.message, /2 contributing organisations; at least 3/);
        assert.equal(release.data.error.code, 'not-possible');
        assert.match(
          refusalIn(release.data.error, 'zh'),
          /^行业平均数据集「.*」只有 2 家贡献单位；至少需要 3 家才能发布$/,
        );
        assert.equal((await anon.get('/api/open/releases/2026.2-two')).status, 404);
      });

      test('three producers averaged by production volume: mean, spread, lognormal uncertainty and data quality', async () => {
        await approve(ids.solar, 'PV and small hydro: low factor expected.');
        assert.equal(
          (await zhao.post('/api/cobuild/aggregates/preview', { submissionIds: [ids.coal, ids.late], region: 'CN-HI' }))
            .status,
          422,
          'a dataset under review is not averaged',
        );
        const res = await zhao.post('/api/cobuild/aggregates', {
          submissionIds: [ids.coal, ids.nuclear, ids.solar],
          region: 'CN-HI',
          year: 2024,
          name: 'Electricity generation, Hainan, production-weighted average of plant life-cycle factors',
          nameZh: '海南发电生命周期碳足迹因子（产量加权平均）',
          licence: 'CC BY 4.0',
          marketVolume: { amount: 45e6, unit: 'MWh' },
        });
        assert.equal(res.status, 201, JSON.stringify(res.data));
        const { stats, dataset } = res.data;
        const xs = [
          [0.8, 20e6],
          [0.012, 10e6],
          [0.045, 5e6],
        ];
        const w = 35e6;
        const mean = xs.reduce((s, [x, v]) => s + x * v, 0) / w;
        const sd = Math.sqrt(xs.reduce((s, [x, v]) => s + v * (x - mean) ** 2, 0) / w);
        const lm = xs.reduce((s, [x, v]) => s + Math.log(x) * v, 0) / w;
        const gsd = Math.exp(Math.sqrt(xs.reduce((s, [x, v]) => s + v * (Math.log(x) - lm) ** 2, 0) / w));
        assert.ok(Math.abs(stats.value.mean - mean) < 1e-12);
        assert.equal(stats.value.min, 0.012);
        assert.equal(stats.value.max, 0.8);
        assert.ok(Math.abs(stats.value.sd - sd) < 1e-12);
        assert.ok(Math.abs(stats.value.gsd - gsd) < 1e-9);
        assert.deepEqual(stats.uncertainty, { type: 'lognormal', gm: stats.value.mean, gsd: stats.value.gsd });
        assert.ok(Math.abs(stats.coverage - 35 / 45) < 1e-12);
        assert.equal(stats.pedigree.reliability, 5, 'producers a factor of 67 apart: poor precision');
        assert.equal(stats.pedigree.completeness, 2, '78 % of the market');
        assert.equal(dataset.factor.id, 'cn-electricity-footprint/CN-HI/2024');
        assert.equal(dataset.factor.value, mean);
        assert.equal(dataset.factor.status, 'derived');
        assert.match(dataset.factor.dataQuality.comment, /3 datasets from 3 organisations.*GSD/);
        for (const plant of ['Huaneng', 'Changjiang', 'Renewables', 'reactor'])
          assert.ok(!JSON.stringify(dataset).includes(plant), `the published dataset does not name ${plant}`);
        assert.deepEqual(res.data.members.map((m: { company: string }) => m.company).sort(), [
          '华能海南 Huaneng Hainan',
          '海南新能源 Hainan Renewables',
          '海南核电 Hainan Nuclear',
        ]);
        assert.equal(res.data.publishable, true);
        ids.aggregate = res.data.id;
      });

      test('the threshold is a setting: raised to 4, the same aggregate may not be published', async () => {
        assert.equal((await producers.coal.put('/api/cobuild/settings', { minContributors: 4 })).status, 403);
        assert.equal((await zhao.put('/api/cobuild/settings', { minContributors: 4 })).data.minContributors, 4);
        assert.equal((await zhao.get(`/api/cobuild/aggregates/${ids.aggregate}`)).data.publishable, false);
        const refused = await zhao.post('/api/cobuild/releases/preview', {
          release: '2026.2',
          aggregateIds: [ids.aggregate],
        });
        assert.equal(refused.status, 422);
        assert.match(refused.data.error.message, /at least 4/);
        assert.equal((await zhao.put('/api/cobuild/settings', { minContributors: 3 })).data.minContributors, 3);
      });
    });

    describe('releases and open sharing', () => {
      test('confidential primary data is not published on its own', async () => {
        const res = await zhao.post('/api/cobuild/releases/preview', { release: '2026.2', submissionIds: [ids.coal] });
        assert.equal(res.status, 422);
        assert.match(res.data.error.message, /confidential primary data/);
      });

      test('a benchmark that cannot be calculated on its pinned releases is refused with the reason; only stewards add them', async () => {
        const unknown = await zhao.post('/api/cobuild/benchmarks', {
          name: 'Durian on a release that does not exist',
          study: { ...durianStudy(), releases: { lci: 'uslci', factors: '1999.9' } },
        });
        assert.equal(unknown.status, 422, JSON.stringify(unknown.data));
        assert.equal(unknown.data.error.code, 'not-calculable');
        assert.match(unknown.data.error.message, /1999\.9/);
        const invalid = await zhao.post('/api/cobuild/benchmarks', {
          name: 'No study',
          study: { ...durianStudy(), entries: 'none' },
        });
        assert.equal(invalid.status, 400);
        assert.ok(
          invalid.data.error.details.some((d: { path: string }) => d.path === 'study.entries'),
          JSON.stringify(invalid.data.error.details),
        );
        assert.equal(
          (await alice.post('/api/cobuild/benchmarks', { name: 'Durian', study: durianStudy() })).status,
          403,
        );
        assert.deepEqual((await zhao.get('/api/cobuild/benchmarks')).data, [], 'nothing refused is kept');
      });

      test('the steward publishes the aggregate; the notes say what changed, who contributed and the effect on a benchmark product', async () => {
        const bench = await zhao.post('/api/cobuild/benchmarks', { name: 'Hainan durian 1 kg', study: durianStudy() });
        assert.equal(bench.status, 201);
        assert.ok(bench.data.footprint > 0, 'calculated on its pinned releases before it is kept');
        const preview = await zhao.post('/api/cobuild/releases/preview', {
          release: '2026.2',
          aggregateIds: [ids.aggregate],
          licence: 'CC BY 4.0',
        });
        assert.equal(preview.status, 200, JSON.stringify(preview.data));
        const { notes, markdown } = preview.data;
        assert.equal(notes.base.factors, '2026.1');
        const change = notes.changes.find((c: { id: string }) => c.id === 'cn-electricity-footprint/CN-HI/2024');
        assert.equal(change.change, 'replaced');
        assert.equal(change.before, SEED_HAINAN.value);
        assert.ok(change.fields.includes('value') && change.fields.includes('source'), change.fields.join());
        assert.equal(notes.contributors.length, 3);
        const effect = notes.benchmarks[0].comparison;
        assert.ok(effect.after > effect.before, 'a higher Hainan electricity factor raises the durian footprint');
        assert.deepEqual(effect.entries.map((e: { entryId: string }) => e.entryId).sort(), [
          'irrigation-electricity',
          'packing-electricity',
        ]);
        assert.match(markdown, /## Effect on benchmark products\n\n- Hainan durian 1 kg: /);
        const zh = await zhao.post('/api/cobuild/releases/preview?lang=zh', {
          release: '2026.2',
          aggregateIds: [ids.aggregate],
          licence: 'CC BY 4.0',
        });
        assert.equal(zh.status, 200);
        assert.deepEqual(zh.data.notes, notes, 'the structured notes do not depend on the language');
        assert.match(
          zh.data.markdown,
          /^# 发布说明：版本 2026\.2\n\n版本 2026\.2（基于 2026\.1）：新增 0 个数据集，替换 1 个，行业平均 1 个，贡献单位 3 家。/,
        );
        assert.match(zh.data.markdown, /- 替换因子 `cn-electricity-footprint\/CN-HI\/2024` /);
        assert.match(
          zh.data.markdown,
          /## 对基准产品的影响\n\n- Hainan durian 1 kg：[\d.]+ → [\d.]+ kg CO2e（\+[\d.]+%）/,
        );
        assert.equal(
          (
            await zhao.post('/api/cobuild/releases/preview?lang=fr', {
              release: '2026.2',
              aggregateIds: [ids.aggregate],
            })
          ).status,
          400,
        );
        assert.equal((await anon.get('/api/open/releases/2026.2')).status, 404, 'a preview publishes nothing');

        const job = await jobOutcome(
          zhao,
          await zhao.post('/api/cobuild/releases?lang=zh', {
            release: '2026.2',
            aggregateIds: [ids.aggregate],
            licence: 'CC BY 4.0',
          }),
        );
        assert.equal(job.kind, 'release-publish');
        assert.equal(job.state, 'done', JSON.stringify(job));
        assert.equal(job.output.release, '2026.2');
        assert.match(job.output.markdown, /^# 发布说明：版本 2026\.2\n/);
        const factors = await loadFactors(store, '2026.2');
        assert.equal(factors.length, seedFactors().length);
        const hainan = factors.find((f) => f.id === 'cn-electricity-footprint/CN-HI/2024')!;
        assert.ok(Math.abs(hainan.value - (0.8 * 20 + 0.012 * 10 + 0.045 * 5) / 35) < 1e-12);
        assert.equal(hainan.licence, 'CC BY 4.0');
        const told = await producers.nuclear.get('/api/cobuild/notifications');
        assert.ok(
          told.data.items.some(
            (i: { kind: string; params: { release?: string } }) =>
              i.kind === 'release-published' && i.params.release === '2026.2',
          ),
        );
        assert.deepEqual((await zhao.get(`/api/cobuild/aggregates/${ids.aggregate}`)).data.releases, ['2026.2']);
        assert.deepEqual((await producers.coal.get(`/api/cobuild/submissions/${ids.coal}`)).data.releases, ['2026.2']);
      });

      test('anyone lists the published releases, their datasets with licence and citation, and downloads them as CSV', async () => {
        const list = await anon.get('/api/open/releases');
        assert.deepEqual(list.data.map((r: { release: string }) => r.release).slice(0, 3), [
          '2026.2',
          'uslci',
          '2026.1',
        ]);
        assert.equal(list.data[0].cobuilt, true);
        const detail = await anon.get('/api/open/releases/2026.2');
        assert.equal(detail.data.notes.aggregates[0].contributors, 3);
        assert.match(
          detail.data.markdown,
          /^# Release 2026\.2\n\nRelease 2026\.2 on 2026\.1: 0 datasets added, 1 replaced/,
          'English by default',
        );
        const zh = await anon.get('/api/open/releases/2026.2?lang=zh');
        assert.deepEqual(zh.data.notes, detail.data.notes);
        assert.match(
          zh.data.markdown,
          /^# 发布说明：版本 2026\.2\n[^]*## 贡献者\n\n- [^]*## 行业平均\n\n- [^：]+：来自 3 家单位的 3 个数据集/,
          'rendered again from the stored notes, in Chinese',
        );
        const datasets = await anon.get('/api/open/releases/2026.2/datasets?q=CN-HI&type=factor');
        const hainan = datasets.data.items.find((d: { id: string }) => d.id === 'cn-electricity-footprint/CN-HI/2024');
        assert.equal(hainan.licence, 'CC BY 4.0');
        assert.match(
          hainan.citation,
          /^Tanji background database stewards, from 3 contributing organisations\. Tanji co-constructed average of cn-electricity-footprint, CN-HI 2024\. .*release 2026\.2/,
        );
        const csv = await anon.get('/api/open/releases/2026.2/factors.csv');
        assert.equal(csv.status, 200);
        assert.match(csv.data, /^release,id,kind/);
        assert.match(csv.data, /2026\.2,cn-electricity-footprint\/CN-HI\/2024,electricity-footprint/);
        assert.equal(
          (await anon.get('/api/open/releases/2026.2/jsonld.zip')).status,
          404,
          'a factor release has no JSON-LD',
        );
        for (const v of ['0.8', '0.012', '0.045'])
          assert.ok(!csv.data.includes(`,${v},kg CO2e/kWh`), `the primary value ${v} is not published`);
      });

      test('a practitioner moves the durian study to the new release: the difference, then a new version', async () => {
        const demo = (await alice.get('/api/studies')).data.find(
          (s: { name: string }) => s.name === durianStudy().name,
        );
        assert.equal(
          (await producers.coal.post(`/api/cobuild/studies/${demo.id}/move`, { release: '2026.2' })).status,
          404,
        );
        const preview = await alice.post(`/api/cobuild/studies/${demo.id}/move`, { release: '2026.2' });
        assert.equal(preview.status, 200, JSON.stringify(preview.data));
        const c = preview.data.comparison;
        assert.deepEqual(c.to, { lci: 'uslci', factors: '2026.2' });
        assert.ok(c.delta > 0 && c.entries.length === 2);
        const moved = await alice.post(`/api/cobuild/studies/${demo.id}/move`, {
          release: '2026.2',
          apply: true,
          baseVersion: demo.version,
        });
        assert.equal(moved.status, 200);
        const study = (await alice.get(`/api/studies/${demo.id}`)).data;
        assert.equal(study.version, demo.version + 1);
        assert.equal(study.releases.factors, '2026.2');
        assert.ok(
          study.entries
            .filter(
              (e: { source: { dataset?: { type: string; release: string } } }) => e.source.dataset?.type === 'factor',
            )
            .every((e: { source: { dataset: { release: string } } }) => e.source.dataset.release === '2026.2'),
        );
        const stale = await alice.post(`/api/cobuild/studies/${demo.id}/move`, {
          release: '2026.2',
          apply: true,
          baseVersion: demo.version,
        });
        assert.equal(stale.status, 422, 'already on the release');
      });

      test('an institute submits a real US LCI process as JSON-LD; once approved and public it is published in a release with the LCI database, downloadable as JSON-LD', async () => {
        const original = uslci.processes.find((p) => p.name === 'Calcium carbonate, ground, 20 micron, at plant')!;
        const regional = {
          ...original,
          id: 'gxbm-calcium-carbonate-ground-20um-cn-gx',
          name: 'Calcium carbonate, ground, 20 micron, at plant, Guangxi',
          location: 'CN-GX',
          provenance: { ...original.provenance, licence: 'CC BY 4.0' },
        };
        const single = processDataset(uslci, regional);
        const dir = await mkdtemp(join(tmpdir(), 'tanji-cobuild-'));
        try {
          const zip = jsonLdZip({
            name: 'gxbm',
            origin: 'test',
            processes: [single.process],
            flows: single.flows,
            flowProperties: single.flowProperties,
            unitGroups: single.unitGroups,
          });
          const up = await institute.post('/api/cobuild/submissions/file?sharing=public&licence=CC%20BY%204.0', zip, {
            'x-file-name': 'gxbm.zip',
            'content-type': 'application/zip',
          });
          assert.equal(up.status, 201, JSON.stringify(up.data));
          assert.equal(up.data[0].kind, 'process');
          ids.process = up.data[0].id;
          const view = await institute.get(`/api/cobuild/submissions/${ids.process}`);
          assert.equal(view.data.validation.release, 'uslci');
          assert.ok(
            !view.data.validation.flags.some((f: { check: string }) => f.check === 'plausibility'),
            'the same exchanges as the US LCI process are plausible',
          );
          assert.ok(
            view.data.validation.notes.some((n: StoredMessage) =>
              /compared with 1 process of the same product in release uslci/.test(messageText(n)),
            ),
            view.data.validation.notes.map(messageText).join('\n'),
          );

          const tampered = {
            ...view.data.dataset,
            process: {
              ...view.data.dataset.process,
              id: 'tampered',
              exchanges: view.data.dataset.process.exchanges.map(
                (e: { reference: boolean; input: boolean; amount: number }) =>
                  e.input && !e.reference ? { ...e, amount: e.amount * 20 } : e,
              ),
            },
          };
          const t = await institute.post('/api/cobuild/submissions', {
            datasets: [{ dataset: tampered, meta: { sharing: 'confidential' } }],
          });
          const tv = await institute.get(`/api/cobuild/submissions/${t.data[0].id}`);
          assert.ok(
            tv.data.validation.flags.some(
              (f: { check: string; ratio: number }) => f.check === 'plausibility' && Math.abs(f.ratio - 20) < 1e-6,
            ),
            JSON.stringify(tv.data.validation.flags),
          );

          await approve(ids.process, 'Regionalised copy of the US LCI process; Guangxi grinding plants checked.');
          const published = await jobOutcome(
            zhao,
            await zhao.post('/api/cobuild/releases', {
              release: '2026.3',
              submissionIds: [ids.process],
              baseLci: 'uslci',
              baseFactors: '2026.2',
            }),
          );
          assert.equal(published.state, 'done', JSON.stringify(published));
          const change = published.output.notes.changes[0];
          assert.equal(change.change, 'added');
          assert.ok(change.after > 0, 'the new process has a footprint per unit');
          assert.deepEqual(published.output.notes.contributors, [
            { organisation: '广西建材研究院 Guangxi Building Materials Institute', datasets: 1 },
          ]);
          const download = await anon.get('/api/open/releases/2026.3/jsonld.zip');
          assert.equal(download.status, 200);
          await writeFile(join(dir, 'release.zip'), download.data);
          const back = await importDatabase(join(dir, 'release.zip'));
          assert.equal(back.processes.length, uslci.processes.length + 1);
          assert.equal(back.processes.find((p) => p.id === regional.id)?.location, 'CN-GX');
          const ds = await anon.get('/api/open/releases/2026.3/datasets?type=process&q=Guangxi');
          assert.equal(ds.data.items[0].licence, 'CC BY 4.0');
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });

      test('notifications are marked read', async () => {
        const before = await producers.coal.get('/api/cobuild/notifications');
        assert.ok(before.data.unread > 0);
        const first = before.data.items[0].id;
        assert.equal(
          (await producers.coal.post('/api/cobuild/notifications/read', { ids: [first] })).data.unread,
          before.data.unread - 1,
        );
        assert.equal((await producers.coal.post('/api/cobuild/notifications/read', {})).data.unread, 0);
      });

      test('the routes are in the OpenAPI document', async () => {
        const doc = (await anon.get('/openapi.json')).data;
        for (const p of [
          '/api/cobuild/submissions',
          '/api/cobuild/submissions/{id}/review',
          '/api/cobuild/aggregates',
          '/api/cobuild/releases',
          '/api/open/releases/{release}/datasets',
          '/api/open/releases/{release}/jsonld.zip',
        ])
          assert.ok(doc.paths[p], p);
      });
    });
  });
}
