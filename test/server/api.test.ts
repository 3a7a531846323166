import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { render } from '../../src/i18n/catalogue.ts';
import { StudyResultSchema, StudySchema, type StudyInput } from '../../src/model/study.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { validatePactFootprint } from '../../src/formats/pact.ts';
import { jobsIdle, stopInProcessWorker } from '../../src/server/jobs.ts';
import { login } from '../../src/server/sessions.ts';
import { latestStoredResult, type Store } from '../../src/store/index.ts';
import { loadBackground } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { client, jobOutcome, platform, signIn } from './platform.ts';
import { BACKENDS } from '../store/backends.ts';

/** An API error's words in Chinese, as the web app renders its messageCode and params. */
const zhOf = (error: { messageCode: string; params: Record<string, unknown>; message: string }) =>
  render({ code: error.messageCode, params: error.params, message: error.message }, 'zh');

/** A one-entry study of metered electricity; each test changes the entry or the study where it needs to. */
const widgetStudy = (entry: Partial<StudyInput['entries'][number]>, extra: Partial<StudyInput> = {}): StudyInput => ({
  name: 'Widget',
  product: { name: 'Widget', description: '' },
  unit: { kind: 'declared', amount: 1, unit: 'piece', description: '' },
  referenceFlow: '1 widget at the gate',
  boundary: 'cradle-to-gate',
  region: 'CN-GD',
  year: 2025,
  method: 'ipcc-ar6-gwp100',
  releases: { lci: 'uslci', factors: '2026.1' },
  cutoff: '1 %',
  allocation: 'none',
  electricity: 'grid',
  limitations: '',
  entries: [
    {
      id: 'e1',
      stage: 'manufacturing',
      kind: 'energy',
      name: 'Electricity',
      amount: 2,
      unit: 'kWh',
      source: {
        type: 'background',
        dataset: { type: 'factor', release: '2026.1', id: 'cn-electricity-footprint/CN/2023' },
      },
      evidence: { type: 'meter-reading', reference: 'M-1' },
      ...entry,
    },
  ],
  ...extra,
});

/**
 * The HTTP API end to end on the real background data: sign-in and sessions, roles, one company
 * never seeing another's study, versions with their audit trail, calculation as a job, the Excel
 * round trip and the report.
 */

const [practitioner, verifier, admin] = DEMO_USERS;

/** A refusal as a Chinese page shows it: the answer's catalogue words rendered in zh. */
const inChinese = ({ error }: { error: { message: string; messageCode?: string; params?: object } }) => {
  assert.ok(error.messageCode, `no catalogue words for: ${error.message}`);
  return render({ code: error.messageCode, params: { ...error.params }, message: error.message }, 'zh');
};
for (const backend of BACKENDS) {
  describe(backend.name, () => {
    let store: Store;
    let app: Awaited<ReturnType<typeof platform>>['app'];
    let demoId: string;

    type Client = ReturnType<typeof client>;
    let alice: Client; // demo practitioner
    let vera: Client; // demo verifier
    let root: Client; // admin
    let bob: Client; // practitioner of another company
    let otto: Client; // verifier of another company

    before(async () => {
      ({ store, app } = await platform({ backend }));
      alice = await signIn(app, practitioner.email, practitioner.password);
      vera = await signIn(app, verifier.email, verifier.password);
      root = await signIn(app, admin.email, admin.password);
      const other = await root.post('/api/admin/companies', { name: 'Other Fruit Ltd.' });
      assert.equal(other.status, 201);
      const body = await root.post('/api/admin/companies', {
        name: 'Other Verification Co.',
        kind: 'verification-body',
      });
      assert.equal(body.status, 201);
      for (const [email, role, companyId] of [
        ['bob@other.example', 'enterprise', other.data.id],
        ['otto@verify.example', 'verifier', body.data.id],
      ]) {
        const made = await root.post('/api/admin/users', {
          email,
          name: email,
          password: 'correct horse battery',
          role,
          companyId,
        });
        assert.equal(made.status, 201, JSON.stringify(made.data));
      }
      bob = await signIn(app, 'bob@other.example', 'correct horse battery');
      otto = await signIn(app, 'otto@verify.example', 'correct horse battery');
      const list = await alice.get('/api/studies');
      demoId = list.data.find((s: { name: string }) => s.name === durianStudy().name).id;
    });

    after(async () => {
      await jobsIdle();
      // the worker's PDF browser goes with it
      await stopInProcessWorker(store);
      await store.close();
    });

    describe('sign-in and sessions', () => {
      test('a wrong password is refused with a message, a right one gives a token', async () => {
        const bad = await client(app).post('/api/auth/login', {
          email: practitioner.email,
          password: 'not the password',
        });
        assert.equal(bad.status, 401);
        assert.match(bad.data.error.message, /email or the password is wrong/);
        assert.equal(inChinese(bad.data), '邮箱或密码错误');
        const me = await alice.get('/api/me');
        assert.equal(me.status, 200);
        assert.equal(me.data.role, 'enterprise');
        assert.equal(me.data.companyName, '演示果业有限公司 Demo Orchard Co.');
      });

      test('no token, a made-up token and an expired session are all 401', async () => {
        assert.equal((await client(app).get('/api/me')).status, 401);
        assert.equal((await client(app, 'made-up').get('/api/studies')).status, 401);
        const expired = await login(store, practitioner.email, practitioner.password, -1);
        const res = await client(app, expired.token).get('/api/me');
        assert.equal(res.status, 401);
        assert.match(res.data.error.message, /expired/);
      });

      test('passwords are stored as scrypt hashes, never in clear', async () => {
        const rows = await store.query<{ password_hash: string }>('SELECT password_hash FROM users');
        for (const r of rows) {
          assert.match(r.password_hash, /^scrypt\$16384\$8\$1\$/);
          assert.ok(!DEMO_USERS.some((u) => r.password_hash.includes(u.password)));
        }
      });

      test('ten wrong passwords lock the email for a while, not the other accounts', async () => {
        const anon = client(app);
        for (let i = 0; i < 10; i++)
          assert.equal(
            (await anon.post('/api/auth/login', { email: 'otto@verify.example', password: `guess ${i}` })).status,
            401,
          );
        const locked = await anon.post('/api/auth/login', {
          email: 'otto@verify.example',
          password: 'correct horse battery',
        });
        assert.equal(locked.status, 429);
        assert.match(locked.data.error.message, /too many wrong passwords/);
        assert.match(
          inChinese(locked.data),
          /^从您的地址登录 otto@verify\.example 时输错密码次数过多：请 \d+ 分钟后再试$/,
        );
        assert.equal(
          (await anon.post('/api/auth/login', { email: verifier.email, password: verifier.password })).status,
          200,
        );
      });

      test('logout ends the session', async () => {
        const c = await signIn(app, verifier.email, verifier.password);
        assert.equal((await c.post('/api/auth/logout')).status, 200);
        assert.equal((await c.get('/api/me')).status, 401);
      });
    });

    describe('roles and company isolation', () => {
      test('another company sees nothing of the demo study, by any route', async () => {
        assert.deepEqual(
          (await bob.get('/api/studies')).data.map((s: { id: string }) => s.id).filter((id: string) => id === demoId),
          [],
        );
        for (const path of ['', '/versions', '/audit', '/result', '/report?lang=en']) {
          const res = await bob.get(`/api/studies/${demoId}${path}`);
          assert.equal(res.status, 404, `GET ${path}`);
        }
        const study = (await alice.get(`/api/studies/${demoId}`)).data;
        assert.equal(
          (await bob.put(`/api/studies/${demoId}`, { study: inputOf(study), baseVersion: study.version })).status,
          404,
        );
        assert.equal((await bob.post(`/api/studies/${demoId}/calculate`, {})).status, 404);
        assert.equal((await otto.get(`/api/studies/${demoId}`)).status, 404);
      });

      test('a verifier reads what is shared with it and cannot change it', async () => {
        assert.equal((await vera.get(`/api/studies/${demoId}`)).status, 200, 'same-company verifier reads');
        const shared = await alice.post(`/api/studies/${demoId}/verifiers`, { email: 'otto@verify.example' });
        assert.equal(shared.status, 200);
        const read = await otto.get(`/api/studies/${demoId}`);
        assert.equal(read.status, 200);
        const put = await otto.put(`/api/studies/${demoId}`, {
          study: inputOf(read.data),
          baseVersion: read.data.version,
        });
        assert.equal(put.status, 403);
        assert.equal((await otto.post(`/api/studies/${demoId}/calculate`, {})).status, 403);
        const create = await otto.post('/api/studies', inputOf(read.data));
        assert.equal(create.status, 403);
        assert.equal(create.data.error.message, 'your role may not create studies (practitioners only)');
        assert.equal(create.data.error.params.action.code, 'action.create-studies');
        assert.equal(inChinese(create.data), '您的角色无权新建研究（仅限企业用户）');
        assert.equal(
          (await bob.get(`/api/studies/${demoId}`)).status,
          404,
          'sharing with a verifier shares with nobody else',
        );
      });

      test('only admins create users; the public reads only the published background', async () => {
        assert.equal(
          (await alice.post('/api/admin/users', { email: 'x@y.z', name: 'x', password: '0123456789', role: 'admin' }))
            .status,
          403,
        );
        assert.equal((await client(app).get('/api/releases')).status, 200);
        assert.equal((await client(app).get('/api/datasets?q=electricity&region=CN-GD')).status, 200);
        assert.equal((await client(app).get('/api/studies')).status, 401);
      });
    });

    describe('studies', () => {
      test('bad input is refused naming the field', async () => {
        const res = await alice.post('/api/studies', { name: '', product: { name: 'x' } });
        assert.equal(res.status, 400);
        assert.match(res.data.error.message, /name/);
        assert.match(res.data.error.message, /unit/);
        // every problem, each in Chinese words: zod's zh-CN locale
        const zh = inChinese(res.data);
        assert.equal(zh.split('；').length, res.data.error.message.split('; ').length);
        assert.match(zh, /(^|；)name：数值过小/);
        assert.match(zh, /unit[\w.]*：无效输入/);
      });

      test('a practitioner builds a study from search results; versions and the audit trail say who changed what', async () => {
        const hits = (await alice.get(`/api/datasets?q=${encodeURIComponent('电力')}&region=CN-GD&type=factor`)).data;
        const official = hits.find((h: { id: string }) => h.id.startsWith('cn-electricity-footprint/'));
        assert.equal(official.resolvedRegion, 'CN', 'the official national life-cycle factor comes first');
        assert.equal(official.verified, true);
        const grid = hits[hits.indexOf(official) + 1];
        assert.ok(grid.id.startsWith('cn-electricity-footprint/CN-GD/'), "then Guangdong's Tanji estimate, to choose");
        assert.equal(grid.resolvedRegion, 'CN-GD');
        assert.equal(grid.verified, false);
        assert.ok(
          !hits.some((h: { id: string }) => h.id.startsWith('cn-electricity-co2/')),
          'CO2-only grid factors are not offered for a product footprint',
        );
        const input = widgetStudy({
          source: { type: 'background', dataset: { type: 'factor', release: grid.release, id: grid.id } },
        });
        const created = await alice.post('/api/studies', input);
        assert.equal(created.status, 201, JSON.stringify(created.data));
        StudySchema.parse(created.data);
        const id = created.data.id;
        assert.equal((await alice.get(`/api/studies/${id}`)).data.version, 1);
        const v2 = await alice.put(`/api/studies/${id}`, {
          study: { ...input, entries: [{ ...input.entries[0], amount: 3 }] },
          baseVersion: 1,
          comment: 'new meter reading',
        });
        assert.equal(v2.status, 200);
        assert.equal(v2.data.version, 2);
        assert.equal(
          (await alice.get(`/api/studies/${id}`)).data.entries[0].amount,
          3,
          'a read after a save sees the save',
        );
        const stale = await alice.put(`/api/studies/${id}`, { study: input, baseVersion: 1 });
        assert.equal(stale.status, 409);
        assert.match(stale.data.error.message, /latest is 2/);
        assert.equal(stale.data.error.messageCode, 'study.stale-version');
        assert.equal(stale.data.error.details.latest, 2);
        assert.match(zhOf(stale.data.error), /您编辑的是第 1 版，最新为第 2 版/);
        const versions = (await alice.get(`/api/studies/${id}/versions`)).data;
        assert.deepEqual(
          versions.map((v: { version: number }) => v.version),
          [2, 1],
        );
        const audit = (await alice.get(`/api/studies/${id}/audit`)).data;
        assert.equal(audit[0].user, practitioner.name);
        assert.deepEqual(audit[0].detail.changes, ['entry "Electricity": amount 2 → 3']);
        assert.equal(audit[1].action, 'study.created');
      });
    });

    describe('refusals in the catalogue’s words', () => {
      test('a formula, an unknown region and another company’s save are refused in words the reader’s language renders', async () => {
        const formula = await alice.post(
          '/api/studies',
          widgetStudy(
            { formula: 'kwh * 2' },
            { parameters: [{ name: 'kWh_month', value: 3, unit: 'kWh', description: '' }] },
          ),
        );
        assert.deepEqual([formula.status, formula.data.error.code], [422, 'bad-parameters']);
        assert.match(
          formula.data.error.message,
          /^entries\.0\.formula: entry "Electricity": formula "kwh \* 2" uses "kwh"/,
        );
        assert.equal(formula.data.error.details[0].messageCode, 'parameter.unknown-names');
        assert.match(
          zhOf(formula.data.error),
          /^entries\.0\.formula：条目「Electricity」：公式「kwh \* 2」使用了 "kwh"/,
        );

        const unparsable = await alice.post(
          '/api/studies',
          widgetStudy(
            { formula: 'kWh_month * (2' },
            { parameters: [{ name: 'kWh_month', value: 3, unit: 'kWh', description: '' }] },
          ),
        );
        assert.equal(unparsable.status, 422);
        assert.match(zhOf(unparsable.data.error), /公式「kWh_month \* \(2」第 15 个字符处：缺少「\)」/);

        const region = await alice.post('/api/studies', widgetStudy({ region: 'CN-ZZ' }));
        assert.deepEqual([region.status, region.data.error.code], [400, 'invalid-request']);
        assert.deepEqual(region.data.error.details.problems.length, 1);
        assert.match(zhOf(region.data.error), /^entries\[0\]\.region：未知地区「CN-ZZ」/);

        const bobs = await bob.put(`/api/studies/${demoId}`, { study: durianStudy(), baseVersion: 1 });
        assert.equal(bobs.status, 404);
        assert.equal(bobs.data.error.messageCode, 'study.not-found');
        assert.match(zhOf(bobs.data.error), /不存在，或您无权查看/);
        const verifierSave = await vera.put(`/api/studies/${demoId}`, { study: durianStudy(), baseVersion: 1 });
        assert.equal(verifierSave.status, 403);
        assert.match(zhOf(verifierSave.data.error), /^您的角色不能修改此研究/);
      });

      test('a calculation that fails on its input keeps the reason as coded words, shown in Chinese', async () => {
        const created = await alice.post(
          '/api/studies',
          widgetStudy({
            source: { type: 'background', dataset: { type: 'factor', release: '2026.1', id: 'no-such-factor' } },
          }),
        );
        assert.equal(created.status, 201, JSON.stringify(created.data));
        const job = await alice.post(`/api/studies/${created.data.id}/calculate`, {});
        assert.equal(job.status, 202);
        await jobsIdle();
        const failed = (await alice.get(`/api/jobs/${job.data.id}`)).data;
        assert.equal(failed.state, 'failed');
        assert.match(
          failed.error,
          /entry "Electricity" \(manufacturing\): factor no-such-factor is not in release 2026\.1/,
        );
        assert.equal(failed.codedError.code, 'entry.unusable');
        assert.equal(
          render(failed.codedError, 'zh'),
          '条目「Electricity」（生产制造）：版本 2026.1 中没有因子 no-such-factor',
        );
      });
    });

    describe('calculation, result and report', () => {
      test('calculating is a job with progress; the stored result equals the calculation done directly', async () => {
        const job = await alice.post(`/api/studies/${demoId}/calculate`, { iterations: 300, seed: 5 });
        assert.equal(job.status, 202);
        assert.equal(job.data.state, 'queued');
        const othersJob = await vera.get(`/api/jobs/${job.data.id}`);
        assert.equal(othersJob.status, 404, "jobs are their starter's");
        assert.equal(inChinese(othersJob.data), `任务 ${job.data.id} 不存在，或您无权查看`);
        await jobsIdle();
        const done = (await alice.get(`/api/jobs/${job.data.id}`)).data;
        assert.equal(done.state, 'done', done.error);
        assert.equal(done.progress, 1);
        const res = await vera.get(`/api/studies/${demoId}/result`);
        assert.equal(res.status, 200);
        const result = StudyResultSchema.parse(res.data);
        const study = StudySchema.parse((await alice.get(`/api/studies/${demoId}`)).data);
        const direct = calculateStudy(study, await loadBackground(store, 'uslci', '2026.1', 'ipcc-ar6-gwp100'));
        assert.ok(Math.abs(result.total - direct.total) < 1e-12);
        assert.ok(result.lines.biogenicRemovals < 0, 'orchard sequestration is a removal line');
        assert.ok(
          Math.abs(
            result.total -
              (result.lines.fossil + result.lines.biogenic + result.lines.landUseChange + result.lines.aircraft),
          ) < 1e-12,
          'removals are not netted',
        );
        assert.equal(result.uncertainty?.iterations, 300);
        assert.ok(result.uncertainty!.p2_5 < result.total && result.total < result.uncertainty!.p97_5);
      });

      test('the result exports as a PACT footprint that passes the spec, v3.0 and v2.3', async () => {
        const result = (await vera.get(`/api/studies/${demoId}/result`)).data;
        const v3 = await vera.get(`/api/studies/${demoId}/pact`);
        assert.equal(v3.status, 200, JSON.stringify(v3.data));
        assert.deepEqual(validatePactFootprint(v3.data, '3.0').ok, true);
        // the orchard's sequestration is carbon stored in land pools: a land management removal inside both PCFs
        const removal = result.parts.landRemovals;
        assert.ok(removal < 0);
        assert.equal(Number(v3.data.pcf.landManagementBiogenicCO2Removals), Number(removal.toPrecision(12)));
        assert.ok(Math.abs(Number(v3.data.pcf.pcfExcludingBiogenicUptake) - (result.total + removal)) < 1e-9);
        // the packaging's background process takes up CO2 from air: carbon in a product's biomass
        assert.equal(Number(v3.data.pcf.biogenicCO2Uptake), Number(result.parts.productUptake.toPrecision(12)));
        assert.ok(
          Math.abs(Number(v3.data.pcf.pcfIncludingBiogenicUptake) - (result.total + result.lines.biogenicRemovals)) <
            1e-9,
        );
        assert.equal(
          (await vera.get(`/api/studies/${demoId}/pact`)).data.id,
          v3.data.id,
          'the same calculation keeps its footprint id',
        );
        const v2 = await vera.get(`/api/studies/${demoId}/pact?version=2.3`);
        assert.equal(v2.status, 200, JSON.stringify(v2.data));
        assert.deepEqual(validatePactFootprint(v2.data, '2.3').ok, true);
        assert.equal((await bob.get(`/api/studies/${demoId}/pact`)).status, 404);
      });

      test('the report names the product and its numbers, in both languages', async () => {
        const zh = await vera.get(`/api/studies/${demoId}/report?lang=zh`);
        assert.equal(zh.status, 200);
        assert.match(zh.data, /鲜榴莲/);
        assert.match(zh.data, /系统边界/);
        const en = await vera.get(`/api/studies/${demoId}/report?lang=en&format=html`);
        assert.match(en.data, /System boundary/i);
        assert.equal((await vera.get(`/api/studies/${demoId}/report?format=pdf`)).status, 400, 'a PDF is a job');
      });

      test('the PDF report is a job: printed once per result and language, downloaded under the study’s access rule', async () => {
        const job = await jobOutcome(vera, await vera.post(`/api/studies/${demoId}/reports`, { lang: 'en' }));
        assert.equal(job.kind, 'report-pdf');
        assert.equal(job.state, 'done', job.error);
        assert.equal(job.output.result, (await latestStoredResult(store, demoId))!.hash);
        assert.match(job.output.download, new RegExp(`^/api/studies/${demoId}/reports/[0-9a-f]{64}$`));
        const pdf = await alice.get(job.output.download);
        assert.equal(pdf.status, 200);
        assert.equal(pdf.headers.get('content-type'), 'application/pdf');
        assert.equal(Buffer.from(pdf.data).subarray(0, 5).toString('latin1'), '%PDF-');
        assert.equal((await bob.get(job.output.download)).status, 404, "another company's user reads no report");
        const again = await jobOutcome(alice, await alice.post(`/api/studies/${demoId}/reports`, { lang: 'en' }));
        assert.equal(again.output.key, job.output.key, 'the same report is not printed twice');
        const [{ n }] = await store.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM report_files WHERE study_id = $1',
          [demoId],
        );
        assert.equal(n, 1);
        const zh = await jobOutcome(alice, await alice.post(`/api/studies/${demoId}/reports`, { lang: 'zh' }));
        assert.notEqual(zh.output.key, job.output.key);
      });
    });

    describe('Excel inventory', () => {
      test('the template downloads, and a filled one replaces the inventory as a new version', async () => {
        const tpl = await client(app).get('/api/study-template.xlsx');
        assert.equal(tpl.status, 200);
        const study = (await alice.get(`/api/studies/${demoId}`)).data;
        const up = await alice.post(`/api/studies/${demoId}/inventory.xlsx`, tpl.data, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        });
        assert.equal(up.status, 200, JSON.stringify(up.data));
        assert.equal(up.data.version, study.version + 1);
        assert.equal(up.data.entries.length, 3);
      });

      test('bad cells come back by sheet, row and column', async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await client(app).get('/api/study-template.xlsx')).data);
        const sheet = wb.getWorksheet('Inventory') ?? wb.worksheets[0];
        const header = sheet.getRow(1).values as string[];
        const col = header.findIndex((h) => typeof h === 'string' && h.startsWith('amount'));
        sheet.getRow(2).getCell(col).value = 'lots';
        const buf = new Uint8Array(await wb.xlsx.writeBuffer());
        const res = await alice.post(`/api/studies/${demoId}/inventory.xlsx`, buf, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        });
        assert.equal(res.status, 422);
        const issue = res.data.error.details.find((d: { row: number }) => d.row === 2);
        assert.ok(issue, JSON.stringify(res.data));
        assert.match(issue.column, /amount/);
        // each cell's problem, and the headline, in the reader's language
        assert.deepEqual([res.data.error.code, res.data.error.messageCode], ['bad-workbook', 'import.at']);
        assert.equal(issue.message, 'expected a number, got "lots"');
        assert.equal(render(issue, 'zh'), '应为数值，实际为 "lots"');
      });
    });

    describe('background reads', () => {
      test('the electricity map has every province, with Tibet falling back to the national factor', async () => {
        const map = (await client(app).get('/api/electricity-map?year=')).data;
        assert.equal(map.length, 31);
        const tibet = map.find((r: { region: string }) => r.region === 'CN-XZ');
        assert.equal(tibet.resolvedRegion, 'CN');
        const hainan = map.find((r: { region: string }) => r.region === 'CN-HI');
        assert.deepEqual(
          [hainan.value, hainan.year, hainan.factorId],
          [0.3972, 2024, 'cn-electricity-footprint/CN-HI/2024'],
        );
        assert.equal((await client(app).get('/api/electricity-map?year=abc')).status, 400);
      });
    });

    describe('dataset references', () => {
      test('every background dataset of the durian study resolves to its name, unit and provenance', async () => {
        const study = durianStudy();
        const refs = study.entries.flatMap((e) => (e.source.type === 'background' ? [e.source.dataset] : []));
        const hits = (
          await client(app).post('/api/datasets/resolve', {
            ...study.releases,
            refs: [...refs, { type: 'factor', release: '2026.1', id: 'no-such-factor' }],
          })
        ).data;
        assert.equal(hits.length, refs.length, 'one hit per known reference, the unknown one left out');
        const carton = hits.find((h: { id: string }) => h.id === '7fd53cbd-975a-3737-bf3a-bfa3285833ed');
        assert.match(carton.name, /Corrugated product, containerboard/);
        assert.equal(carton.year, 2010);
        assert.match(carton.source, /Corrugated Packaging Alliance/);
        const grid = hits.find((h: { id: string }) => h.id === 'cn-electricity-footprint/CN-HI/2024');
        assert.deepEqual([grid.kgCo2ePerUnit, grid.perUnit], [0.3972, 'kWh']);
      });
    });

    describe('OpenAPI', () => {
      test('the document lists the routes and the docs page renders it', async () => {
        const doc = (await client(app).get('/openapi.json')).data;
        for (const p of [
          '/api/auth/login',
          '/api/studies',
          '/api/studies/{id}',
          '/api/studies/{id}/calculate',
          '/api/jobs/{id}',
          '/api/studies/{id}/report',
        ])
          assert.ok(doc.paths[p], p);
        assert.ok(doc.components.schemas.TreeNode);
        const docs = await client(app).get('/docs');
        assert.match(docs.data, /POST<\/span> <code>\/api\/auth\/login/);
      });
    });

    function inputOf(study: Record<string, unknown>): StudyInput {
      const { id: _, companyId: __, version: ___, updatedAt: ____, updatedBy: _____, ...input } = study;
      return input as StudyInput;
    }
  });
}
