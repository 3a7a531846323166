import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { processDataset } from '../../src/cobuild/datasets.ts';
import { submitDatasets } from '../../src/cobuild/submissions.ts';
import { ensureWebBuild } from '../../src/cli/web-build.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { serve, type Running } from '../../src/server/main.ts';
import { hashPassword } from '../../src/server/passwords.ts';
import {
  createCompany,
  createUser,
  findUserByEmail,
  insertBenchmark,
  loadRelease,
  type Store,
  type User,
} from '../../src/store/index.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { root } from '../cli/run.ts';
import { platform } from '../server/platform.ts';

/**
 * Co-construction in the real web app (Debian's Chromium, a running server, the real background
 * data): two power producers submit Hainan plant factors through the form and the Excel upload, a
 * third through the API; the steward reviews with a field comment, the producer revises after a
 * notification, the steward approves (a flagged value only with a reason), averages the three by
 * production volume, publishes release 2026.2 with generated notes; the public finds the release
 * with licence and citation and downloads it; the demo practitioner moves the durian study to it.
 * The steward adds a benchmark product from a study file the practitioner downloaded from the
 * study page; validation flags, refusals and release notes are read in Chinese; an institute corrects the exchanges of
 * its unit process (a real US LCI process), is refused a provider that is not in the release, and
 * a second tab's stale edit is told to reload. Screenshots go to test-artifacts/cobuild-browser.
 */

const SHOTS = join(root, 'test-artifacts', 'cobuild-browser');
const practitioner = DEMO_USERS[0];
const steward = DEMO_USERS.find((u) => u.role === 'steward')!;
const PASSWORD = 'correct horse battery';
const HAINAN = seedFactors().find((f) => f.id === 'cn-electricity-footprint/CN-HI/2024')!;

let store: Store;
let running: Running;
let browser: Browser;
const producers: Record<'coal' | 'nuclear' | 'solar', User> = {} as never;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ store } = await platform());
  const orgs = {
    coal: '华能海南 Huaneng Hainan',
    nuclear: '海南核电 Hainan Nuclear',
    solar: '海南新能源 Hainan Renewables',
  } as const;
  for (const [key, name] of Object.entries(orgs) as [keyof typeof orgs, string][]) {
    const company = await createCompany(store, name);
    producers[key] = await createUser(store, {
      email: `${key}@power.example`,
      name: `${name} LCA`,
      role: 'enterprise',
      companyId: company.id,
      passwordHash: await hashPassword(PASSWORD),
    });
  }
  const stewardUser = (await findUserByEmail(store, steward.email))!;
  await insertBenchmark(store, {
    id: 'durian',
    name: 'Hainan durian 1 kg',
    study: durianStudy(),
    createdBy: stewardUser.id,
  });
  running = await serve(store, { port: 0, webDir: await ensureWebBuild(root) });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await jobsIdle();
  await running?.close();
  await store?.close();
});

interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
  shot(name: string): Promise<unknown>;
}

async function open(email?: string, password = PASSWORD): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(running.url);
  if (email) {
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('notifications-badge').waitFor();
  }
  return {
    context,
    page,
    errors,
    shot: (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }),
  };
}

/** Opens a page by its hash; the page it is on already is reloaded, so it shows what others did meanwhile. */
async function go(page: Page, hash: string) {
  const url = `${running.url}/${hash}`;
  if (page.url() === url) await page.reload();
  else await page.goto(url);
}

async function submissionIdOf(page: Page): Promise<string> {
  await page.waitForURL(/#\/cobuild\/submissions\/[^/]+$/);
  return decodeURIComponent(page.url().split('/').at(-1)!);
}

async function stateIs(page: Page, state: string) {
  await page.locator(`[data-testid=submission-state][data-state=${state}]`).first().waitFor();
}

async function nuclearWorkbook(cells: Record<string, string> = {}): Promise<Buffer> {
  const res = await fetch(`${running.url}/api/cobuild/template.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const header = (sheet.getRow(1).values as string[]).slice(1).map((h) => h.split(' ').at(-1)!);
  const row: Record<string, string | number> = {
    series: 'cn-electricity-footprint',
    name: 'Electricity generation, Changjiang NPP, Hainan',
    kind: 'electricity-footprint',
    value: 0.012,
    unit: 'kg CO2e/kWh',
    per_unit: 'kWh',
    gases: 'CO2e',
    gwp_set: 'AR6',
    region: 'CN-HI',
    year: 2024,
    technology: 'Pressurised water reactors',
    source_title: 'Plant LCA 2024',
    publisher: 'Hainan Nuclear',
    reliability: '2',
    completeness: '2',
    temporal: '1',
    geographical: '1',
    technological: '1',
    production_volume: 10e6,
    production_unit: 'MWh',
  };
  sheet.addRow(header.map((h) => cells[h] ?? row[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('organisations submit, the steward reviews, averages and publishes, the public downloads, a study moves to the new release', async () => {
  // a producer submits its plant factor through the form
  const coal = await open(producers.coal.email);
  await coal.page.getByTestId('nav-cobuild').click();
  await coal.page.getByTestId('cobuild-new').click();
  const form: [string, string][] = [
    ['cobuild-series', 'cn-electricity-footprint'],
    ['cobuild-name', 'Electricity generation, Huaneng Haikou, Hainan'],
    ['cobuild-value', '0.78'],
    ['cobuild-per-unit', 'kWh'],
    ['cobuild-year', '2024'],
    ['cobuild-technology', 'Coal and gas units, ultra-supercritical'],
    ['cobuild-source', 'Huaneng Haikou 2024 plant LCA'],
    ['cobuild-publisher', 'Huaneng Hainan'],
    ['cobuild-volume', '20000000'],
    ['cobuild-volume-unit', 'MWh'],
  ];
  await coal.page.getByTestId('cobuild-kind').selectOption('electricity-footprint');
  await coal.page.getByTestId('cobuild-region').selectOption('CN-HI');
  for (const [id, value] of form) await coal.page.getByTestId(id).fill(value);
  await coal.page.getByTestId('cobuild-technology').fill('');
  await coal.page.getByTestId('cobuild-submit').click();
  await coal.page.getByTestId('cobuild-problems').waitFor();
  assert.match(
    await coal.page.getByTestId('cobuild-problems').innerText(),
    /factor\.technology: 请描述该因子所代表的技术/,
    'the refusal in the UI language',
  );
  await coal.shot('01-refused-on-arrival');
  await coal.page.getByTestId('cobuild-technology').fill('Coal and gas units, ultra-supercritical');
  await coal.page.getByTestId('cobuild-submit').click();
  const coalId = await submissionIdOf(coal.page);
  await stateIs(coal.page, 'submitted');
  assert.equal(await coal.page.getByTestId('validation-flag').count(), 0);
  await coal.shot('02-submitted');

  // another uploads the Excel template: its value is flagged against the provincial median
  const nuclear = await open(producers.nuclear.email);
  await go(nuclear.page, '#/cobuild/submit');
  // first with a value that is no number: refused, the headline and the cell in the UI language
  await nuclear.page.getByTestId('cobuild-file').setInputFiles({
    name: 'nuclear.xlsx',
    mimeType: 'application/octet-stream',
    buffer: await nuclearWorkbook({ value: 'n/a' }),
  });
  await nuclear.page.getByTestId('cobuild-problems').waitFor();
  assert.equal(await nuclear.page.getByTestId('error').innerText(), '工作簿中有 1 处问题');
  assert.match(
    await nuclear.page.getByTestId('cobuild-problems').innerText(),
    /数据集 Datasets 2 E \(数值 value\): 应为数值，实际为 "n\/a"/,
  );
  await nuclear.page
    .getByTestId('cobuild-file')
    .setInputFiles({ name: 'nuclear.xlsx', mimeType: 'application/octet-stream', buffer: await nuclearWorkbook() });
  await nuclear.page.waitForURL(/#\/cobuild$/);
  await nuclear.page.getByTestId('submission-row').first().locator('a').click();
  const nuclearId = await submissionIdOf(nuclear.page);
  await nuclear.page.getByTestId('validation-flag').first().waitFor();
  assert.match(
    await nuclear.page.getByTestId('validation-flags').innerText(),
    /0\.012 kg CO2e\/kWh 仅为版本 2026\.1 中 cn-electricity-footprint 省级中位数（\d+ 个省份）的 1\/[\d.]+（中位数 [\d.]+，2024 年）/,
    'the flag in Chinese, with its numbers',
  );
  await nuclear.shot('03-flagged');

  // the third through the API
  const [solar] = await submitDatasets(
    store,
    producers.solar,
    [
      {
        dataset: {
          type: 'factor',
          factor: {
            ...HAINAN,
            name: 'Electricity generation, PV and small hydro, Hainan',
            value: 0.045,
            gwpSet: 'AR6',
            technology: 'PV and small hydro',
            source: { title: 'Fleet LCA 2024', publisher: 'Hainan Renewables' },
            status: 'check',
            method: undefined,
          },
        },
        meta: { sharing: 'confidential', productionVolume: { amount: 5e6, unit: 'MWh' } },
      },
    ],
    'api',
  );
  assert.equal(
    (await coal.page.request.get(`${running.url}/api/cobuild/submissions/${solar.id}`)).status(),
    404,
    "another company's submission is not visible",
  );

  // the steward lands on the review queue, comments on a field and requests changes
  const zhao = await open(steward.email, steward.password);
  await zhao.page.getByTestId('submissions-table').waitFor();
  assert.equal(await zhao.page.getByTestId('submission-row').count(), 3);
  assert.ok(Number(await zhao.page.getByTestId('notifications-badge').getAttribute('data-unread')) >= 3);
  await zhao.shot('04-queue');
  await go(zhao.page, `#/cobuild/submissions/${coalId}`);
  await zhao.page.getByTestId('step-start-review').click();
  await stateIs(zhao.page, 'under-review');
  await zhao.page
    .locator('[data-testid=dataset-field][data-field="factor.value"] [data-testid=comment-on-field]')
    .click();
  await zhao.page.getByTestId('comment-text').fill('Does 0.78 include upstream methane of the gas supply?');
  await zhao.page.getByTestId('comment-add').click();
  await zhao.page
    .locator('[data-testid=dataset-field][data-field="factor.value"]')
    .getByText('upstream methane')
    .waitFor();
  await zhao.page.getByTestId('review-comment').fill('Please add the upstream methane.');
  await zhao.page.getByTestId('step-request-changes').click();
  await stateIs(zhao.page, 'changes-requested');
  await zhao.shot('05-changes-requested');

  // the producer is notified, reads the comment and revises
  await coal.page.reload();
  await coal.page.locator('[data-testid=notifications-badge] .badge').waitFor();
  await coal.page.getByTestId('notifications-badge').click();
  await coal.page.locator('[data-testid=notification][data-kind=submission-state]').first().locator('a').click();
  await stateIs(coal.page, 'changes-requested');
  assert.match(await coal.page.getByTestId('comment').first().innerText(), /upstream methane/);
  await coal.page.getByTestId('revise-value').fill('0.8');
  await coal.page.getByTestId('revise-comment').fill('upstream methane added');
  await coal.page.getByTestId('revise-save').click();
  await stateIs(coal.page, 'submitted');
  assert.match(await coal.page.getByTestId('submission-version').inputValue(), /^2$/);
  await coal.page.getByTestId('submission-version').selectOption('1');
  await coal.page.getByText(/superseded|旧版本/).waitFor();
  assert.match(await coal.page.locator('[data-testid=dataset-field][data-field="factor.value"]').innerText(), /0\.78/);
  await coal.shot('06-revised-old-version');

  // the steward approves; a flagged value needs a reason
  const approve = async (id: string, reason?: string) => {
    await go(zhao.page, `#/cobuild/submissions/${id}`);
    await zhao.page.getByTestId('step-start-review').click();
    await stateIs(zhao.page, 'under-review');
    if (reason) {
      await zhao.page.getByTestId('step-approve').click();
      await zhao.page.getByTestId('error').waitFor();
      // the refusal reads in the page's language, the review's step in its Chinese word
      assert.match(
        await zhao.page.getByTestId('error').innerText(),
        /「通过」须填写意见：校验标记了 \d+ 个数值，请说明接受的理由/,
      );
      await zhao.page.getByTestId('review-comment').fill(reason);
    }
    await zhao.page.getByTestId('step-approve').click();
    await stateIs(zhao.page, 'approved');
  };
  await approve(coalId);
  await approve(nuclearId, 'Nuclear: 12 g/kWh is the IPCC AR5 median.');
  await approve(solar.id, 'PV and small hydro: a low factor is expected.');
  await zhao.page.getByTestId('submission-audit').getByText('submission.approve').waitFor();
  await zhao.shot('07-approved-audit');

  // the average of three producers, weighted by production
  await go(zhao.page, '#/cobuild/aggregates');
  await zhao.page.getByTestId('aggregate-product').selectOption('factor:cn-electricity-footprint');
  assert.equal(await zhao.page.getByTestId('aggregate-member').count(), 3);
  await zhao.page.getByTestId('aggregate-name').fill('Electricity generation, Hainan, production-weighted average');
  await zhao.page.getByTestId('aggregate-preview').click();
  await zhao.page.getByTestId('aggregate-stats').waitFor();
  assert.match(await zhao.page.getByTestId('aggregate-contributors').innerText(), /^3 \/ 3 ✓/);
  const mean = (0.8 * 20 + 0.012 * 10 + 0.045 * 5) / 35;
  assert.equal(await zhao.page.getByTestId('aggregate-mean').innerText(), String(Number(mean.toPrecision(4))));
  await zhao.shot('08-aggregate');
  await zhao.page.getByTestId('aggregate-save').click();
  await zhao.page.getByTestId('aggregate-row').waitFor();

  // the release, with generated notes
  await go(zhao.page, '#/cobuild/releases');
  await zhao.page.getByTestId('release-number').fill('2026.2');
  await zhao.page.getByTestId('release-aggregate').check();
  await zhao.page.getByTestId('release-preview').click();
  const notes = zhao.page.getByTestId('release-notes');
  await notes.waitFor();
  assert.match(await notes.innerText(), /^# 发布说明：版本 2026\.2\n/, 'the notes in Chinese');
  assert.match(await notes.innerText(), /- 替换因子 `cn-electricity-footprint\/CN-HI\/2024` .*（行业平均）/);
  assert.match(await notes.innerText(), /## 贡献者\n\n- /);
  assert.match(await notes.innerText(), /## 对基准产品的影响\n\n- Hainan durian 1 kg：[\d.]+ → [\d.]+ kg CO2e（\+/);
  // publishing is a job the page follows until the release is out
  await zhao.page.getByTestId('release-publish').click();
  await zhao.page.getByTestId('release-published').waitFor({ timeout: 60_000 });
  await zhao.shot('09-published');

  // anyone: the open data page, licence and citation, the CSV download; no primary data
  const anon = await open();
  await go(anon.page, '#/cobuild');
  await anon.page.getByTestId('login-email').waitFor();
  await anon.page.getByTestId('nav-open-data').click();
  await anon.page.locator('[data-testid=open-release-row][data-release="2026.2"] a').click();
  await anon.page.getByTestId('open-notes').waitFor();
  assert.match(
    await anon.page.getByTestId('open-notes').innerText(),
    /^# 发布说明：版本 2026\.2\n[^]*## 行业平均\n\n- .*：来自 3 家单位的 3 个数据集/,
  );
  await anon.page.getByTestId('lang-switch').selectOption('en');
  await anon.page.getByTestId('open-notes').getByText('# Release 2026.2').waitFor();
  assert.match(
    await anon.page.getByTestId('open-notes').innerText(),
    /## Aggregates\n\n- .*: 3 datasets from 3 organisations/,
    'the same notes in English',
  );
  await anon.page.getByTestId('open-search').fill('CN-HI');
  const row = anon.page.locator('[data-testid=open-dataset][data-id="cn-electricity-footprint/CN-HI/2024"]');
  await row.waitFor();
  assert.match(await row.getByTestId('open-citation').innerText(), /Tanji co-constructed average .*release 2026\.2/);
  assert.match(await row.innerText(), /CC BY 4\.0/);
  await anon.shot('10-open-data');
  const [download] = await Promise.all([
    anon.page.waitForEvent('download'),
    anon.page.getByTestId('download-factors').click(),
  ]);
  const csv = join(SHOTS, 'factors-2026.2.csv');
  await download.saveAs(csv);
  const text = readFileSync(csv, 'utf8');
  const line = text.split('\r\n').find((l) => l.startsWith('2026.2,cn-electricity-footprint/CN-HI/2024,'))!;
  const published = Number(/,([\d.]+),kg CO2e\/kWh,/.exec(line)![1]);
  assert.ok(Math.abs(published - mean) < 1e-12, `${published} is the production-weighted mean`);
  assert.ok(!/,0\.78,|,0\.012,|,0\.045,/.test(text), 'no primary value is published');

  // the practitioner moves the durian study and sees the difference
  const alice = await open(practitioner.email, practitioner.password);
  await go(alice.page, '#/open-data/2026.2');
  const durian = await alice.page
    .locator('[data-testid=move-study-select] option', { hasText: '榴莲' })
    .first()
    .getAttribute('value');
  await alice.page.getByTestId('move-study-select').selectOption(durian!);
  await alice.page.getByTestId('move-preview').click();
  await alice.page.getByTestId('move-result').waitFor();
  assert.equal(
    await alice.page.getByTestId('move-entry').count(),
    2,
    'the two electricity entries of the durian study',
  );
  await alice.page.getByTestId('move-apply').click();
  await alice.page.getByTestId('move-applied').waitFor();
  await alice.shot('11-study-moved');

  for (const s of [coal, nuclear, zhao, anon, alice]) {
    assert.deepEqual(s.errors, [], 'no errors in the page');
    await s.context.close();
  }
});

test('two stewards correcting the same version: the second is told to reload, and its edit is not lost', async () => {
  const [late] = await submitDatasets(
    store,
    producers.coal,
    [
      {
        dataset: {
          type: 'factor',
          factor: {
            ...HAINAN,
            name: 'Haikou CCGT',
            value: 0.52,
            gwpSet: 'AR6',
            technology: 'CCGT',
            source: { title: 'CCGT LCA', publisher: 'Huaneng' },
            status: 'check',
            method: undefined,
          },
        },
        meta: { sharing: 'confidential', productionVolume: { amount: 4e6, unit: 'MWh' } },
      },
    ],
    'api',
  );
  const qian = await createUser(store, {
    email: 'qian@steward.example',
    name: 'Qian (steward)',
    role: 'steward',
    companyId: null,
    passwordHash: await hashPassword(PASSWORD),
  });
  const a = await open(steward.email, steward.password);
  const b = await open(qian.email);
  await go(a.page, `#/cobuild/submissions/${late.id}`);
  await a.page.getByTestId('step-start-review').click();
  await stateIs(a.page, 'under-review');
  await go(b.page, `#/cobuild/submissions/${late.id}`);
  await b.page.getByTestId('reviser').waitFor();
  await a.page.getByTestId('revise-technology').fill('CCGT, 9F class');
  await a.page.getByTestId('revise-save').click();
  await a.page.locator('[data-testid=submission-version]').filter({ hasText: 'v2' }).waitFor();
  await b.page.getByTestId('revise-volume').fill('4200000');
  await b.page.getByTestId('revise-save').click();
  await b.page.getByTestId('conflict').waitFor();
  await b.shot('12-conflict');
  await b.page.getByTestId('conflict-reload').click();
  await b.page.locator('[data-testid=submission-version]').filter({ hasText: 'v2' }).waitFor();
  await b.page.getByTestId('revise-volume').fill('4200000');
  await b.page.getByTestId('revise-save').click();
  await b.page.locator('[data-testid=submission-version]').filter({ hasText: 'v3' }).waitFor();
  const field = (f: string) => b.page.locator(`[data-testid=dataset-field][data-field="${f}"]`).innerText();
  assert.match(await field('factor.technology'), /CCGT, 9F class/);
  assert.match(await field('meta.productionVolume'), /4200000 MWh/);
  for (const s of [a, b]) {
    assert.deepEqual(s.errors, []);
    await s.context.close();
  }
});

test('the steward adds a benchmark product from a study file; refusals say why', async () => {
  const zhao = await open(steward.email, steward.password);
  await zhao.page.getByTestId('nav-cobuild').click();
  await zhao.page.getByTestId('cobuild-benchmarks').click();
  await zhao.page.getByTestId('benchmark-row').first().waitFor();
  const before = await zhao.page.getByTestId('benchmark-row').count();
  const file = zhao.page.getByTestId('benchmark-file');
  const choose = (name: string, body: unknown) =>
    file.setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    });

  await choose('notes.json', 'durian, 1 kg: about 2 kg CO2e');
  assert.match(await zhao.page.getByTestId('error').innerText(), /notes\.json/);
  await choose('durian-1999.json', { ...durianStudy(), releases: { lci: 'uslci', factors: '1999.9' } });
  assert.match(await zhao.page.getByTestId('benchmark-chosen').innerText(), /uslci \+ 1999\.9/);
  await zhao.page.getByTestId('benchmark-save').click();
  await zhao.page.getByTestId('error').filter({ hasText: '1999.9' }).waitFor();
  await zhao.shot('13-benchmark-refused');

  // the practitioner downloads the study from its page; that file is what the steward adds
  const alice = await open(practitioner.email, practitioner.password);
  await alice.page.getByTestId('study-row').filter({ hasText: '榴莲' }).first().click();
  const [download] = await Promise.all([
    alice.page.waitForEvent('download'),
    alice.page.getByTestId('download-study-json').click(),
  ]);
  const studyJson = join(SHOTS, download.suggestedFilename());
  await download.saveAs(studyJson);
  assert.match(download.suggestedFilename(), /\.study\.json$/);
  await alice.context.close();
  await file.setInputFiles(studyJson);
  await zhao.page.getByTestId('benchmark-chosen').filter({ hasText: '.study.json' }).waitFor();
  assert.match(await zhao.page.getByTestId('benchmark-chosen').innerText(), /\.study\.json · .*榴莲/);
  await zhao.page.getByTestId('benchmark-name').fill('Hainan durian 1 kg, cold chain check');
  await zhao.page.getByTestId('benchmark-save').click();
  assert.match(
    await zhao.page.getByTestId('benchmark-added').innerText(),
    /Hainan durian 1 kg, cold chain check.*kg CO2e/,
  );
  await zhao.page.getByTestId('benchmark-row').nth(before).waitFor();
  assert.match(await zhao.page.getByTestId('benchmark-row').nth(before).innerText(), /cold chain check/);
  await zhao.shot('14-benchmark-added');
  assert.deepEqual(zhao.errors, []);
  await zhao.context.close();
});

test("a process submission's exchanges are corrected in the browser: unit conversion, a refused provider, a stale tab told to reload", async () => {
  const uslci = await loadRelease(store, 'uslci');
  const original = uslci.processes.find((p) => p.name === 'Calcium carbonate, ground, 20 micron, at plant')!;
  const regional = {
    ...original,
    id: 'gxbm-calcium-carbonate-cn-gx',
    name: 'Calcium carbonate, ground, 20 micron, at plant, Guangxi',
    location: 'CN-GX',
  };
  const company = await createCompany(store, '广西建材研究院 Guangxi Building Materials Institute');
  const lab = await createUser(store, {
    email: 'lab@gxbm.example',
    name: 'GXBM lab',
    role: 'enterprise',
    companyId: company.id,
    passwordHash: await hashPassword(PASSWORD),
  });
  const [head] = await submitDatasets(
    store,
    lab,
    [
      {
        dataset: processDataset(uslci, regional),
        meta: { sharing: 'confidential', productionVolume: { amount: 2e5, unit: 't' } },
      },
    ],
    'api',
  );
  const electricity = regional.exchanges.findIndex(
    (e) => uslci.flows.find((f) => f.id === e.flowId)?.name === 'Electricity, at Grid, US, 2010',
  );
  const grid = uslci.processes.find((p) =>
    p.exchanges.some((e) => e.reference && !e.input && e.flowId === regional.exchanges[electricity].flowId),
  )!;

  const a = await open(lab.email);
  const b = await open(lab.email);
  for (const s of [a, b]) await go(s.page, `#/cobuild/submissions/${head.id}`);
  const row = (s: Session) => s.page.locator(`[data-testid=exchange-row][data-index="${electricity}"]`);
  assert.equal(
    await row(a).getByTestId('exchange-amount').inputValue(),
    '44.86407035',
    'edited in the unit the data gave',
  );
  assert.equal(await row(a).getByTestId('exchange-unit').inputValue(), 'kWh');

  // a provider that is not in the release is refused, named by dataset and field
  await row(a).getByTestId('exchange-amount').fill('0.05');
  await row(a).getByTestId('exchange-unit').selectOption('MWh');
  await row(a).getByTestId('exchange-provider').fill('no-such-process');
  await a.page.getByTestId('revise-save').click();
  await row(a).getByTestId('exchange-problems').waitFor();
  assert.match(
    await row(a).getByTestId('exchange-problems').innerText(),
    /providerId: 提供者 no-such-process 不是版本 uslci 中的过程/,
  );
  assert.match(
    await a.page.getByTestId('cobuild-problems').innerText(),
    new RegExp(`Calcium carbonate.*: process\\.exchanges\\[${electricity}\\]\\.providerId`),
  );
  await a.shot('15-exchange-refused');

  // the provider of the release: saved as a new version, the amount in the flow's unit (MJ)
  await row(a).getByTestId('exchange-provider').fill(grid.id);
  await a.page.getByTestId('revise-comment').fill('metered electricity 2024');
  await a.page.getByTestId('revise-save').click();
  await a.page.locator('[data-testid=submission-version]').filter({ hasText: 'v2' }).waitFor();
  const saved = await a.page
    .locator(`[data-testid=dataset-field][data-field="process.exchanges[${electricity}].amount"]`)
    .innerText();
  assert.ok(Math.abs(Number(/([\d.]+) MJ/.exec(saved)![1]) - 180) < 1e-9, saved);
  assert.equal(await row(a).getByTestId('exchange-amount').inputValue(), '0.05');
  assert.equal(await row(a).getByTestId('exchange-provider').inputValue(), grid.id);
  await a.shot('16-exchange-saved');

  // the other tab still shows version 1: its edit is refused with 409 and kept off, and reloading shows version 2
  await row(b).getByTestId('exchange-amount').fill('40');
  await b.page.getByTestId('revise-save').click();
  await b.page.getByTestId('conflict').waitFor();
  await b.shot('17-exchange-conflict');
  await b.page.getByTestId('conflict-reload').click();
  await b.page.locator('[data-testid=submission-version]').filter({ hasText: 'v2' }).waitFor();
  assert.equal(await row(b).getByTestId('exchange-amount').inputValue(), '0.05');
  for (const s of [a, b]) {
    assert.deepEqual(s.errors, []);
    await s.context.close();
  }
});
