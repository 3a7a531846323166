import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { ensureWebBuild } from '../../src/cli/web-build.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { serve, type Running } from '../../src/server/main.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { DEMO_PCR_NAMES } from '../../src/studies/demo-pcr.ts';
import type { Store } from '../../src/store/index.ts';
import { root } from '../cli/run.ts';
import { platform } from '../server/platform.ts';

/**
 * A practitioner creates a battery pack study from the EU rule in the web app: picks the rule,
 * enters the product parameters, gets the study with E_total as its unit and the rule's
 * placeholders, and the conformance panel names what is still missing.
 */

const SHOTS = join(root, 'test-artifacts', 'browser');
const [practitioner] = DEMO_USERS;
let store: Store;
let running: Running;
let browser: Browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ store } = await platform());
  running = await serve(store, { port: 0, webDir: await ensureWebBuild(root) });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await jobsIdle();
  await running?.close();
  await store?.close();
});

async function signIn(page: Page): Promise<void> {
  await page.goto(running.url);
  await page.getByTestId('login-email').fill(practitioner.email);
  await page.getByTestId('login-password').fill(practitioner.password);
  await page.getByTestId('login-submit').click();
}

test('a battery study created from its rule, its gaps named', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page);
  await page.getByTestId('new-study').click();
  await page.getByTestId('rule-select').selectOption('eu-battery-ev');
  await page.getByTestId('rule-unit').first().waitFor();
  assert.match((await page.getByTestId('rule-unit').first().textContent()) ?? '', /capacity_kWh \* cycles_per_year/);
  await page.getByTestId('param-capacity_kWh').fill('75');
  await page.getByTestId('param-km_per_year').fill('15000');
  await page.getByTestId('param-cycles_per_year').selectOption('60');
  await page.getByTestId('create-from-rule').click();
  await page.waitForURL(/#\/studies\/[0-9a-f-]+$/);
  const id = /#\/studies\/([0-9a-f-]+)$/.exec(page.url())![1]!;
  await page.getByTestId('entry-row').nth(6).waitFor();
  assert.equal(await page.getByTestId('entry-row').count(), 7);
  const study = (await (await page.request.get(`${running.url}/api/studies/${id}`)).json()) as {
    unit: { amount: number; unit: string };
  };
  assert.deepEqual([study.unit.amount, study.unit.unit], [36_000, 'kWh']);
  await page.getByTestId('tab-results').click();
  await page.getByTestId('conformance-verdict').waitFor();
  assert.match((await page.getByTestId('conformance-verdict').textContent()) ?? '', /不能提交核查/);
  const missing = await page.getByTestId('finding-missing').allTextContents();
  assert.ok(
    missing.some((m) => m.includes('正极活性材料仍是待补充的占位条目')),
    missing.join('\n'),
  );
  await page.screenshot({ path: join(SHOTS, 'pcr-battery-conformance.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test("the demo pack's warranty edited in its parameter form: the API works the unit out again (75 × 60 × 6 = 27 000 kWh), compared with version 1", async () => {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page);
  await page.getByTestId('new-study').waitFor();
  const studies = (await (await page.request.get(`${running.url}/api/studies`)).json()) as {
    id: string;
    name: string;
  }[];
  const pack = studies.find((s) => s.name === DEMO_PCR_NAMES.pack)!;
  await page.goto(`${running.url}/#/studies/${pack.id}`);
  await page.getByTestId('parameter-form').waitFor();
  assert.match((await page.getByTestId('study-declared-unit').textContent()) ?? '', /36[,\s]?000 千瓦时/);
  await page.getByTestId('study-param-warranty_years').fill('40');
  await page.getByRole('alert').filter({ hasText: /1.*30/ }).waitFor();
  assert.equal(
    await page.getByTestId('save-study').isDisabled(),
    true,
    'an out-of-range value does not reach the draft',
  );
  await page.getByTestId('study-param-warranty_years').fill('6');
  await page.getByTestId('save-study').click();
  await page
    .getByTestId('study-declared-unit')
    .filter({ hasText: /27[,\s]?000 千瓦时/ })
    .waitFor();
  const saved = (await (await page.request.get(`${running.url}/api/studies/${pack.id}`)).json()) as {
    version: number;
    unit: { amount: number; unit: string };
    parameters: { name: string; value: number }[];
  };
  assert.deepEqual([saved.unit.amount, saved.unit.unit], [27_000, 'kWh']);
  assert.equal(saved.parameters.find((p) => p.name === 'warranty_years')!.value, 6);
  assert.equal(saved.version, 2);
  await page.screenshot({ path: join(SHOTS, 'pcr-parameters.png'), fullPage: true });

  // the same inventory over 27 000 instead of 36 000 kWh: every stage per kWh is 36/27 − 1 = +33.3 % against version 1
  await page.getByTestId('tab-results').click();
  await page.getByTestId('calculate').click();
  await page.getByTestId('compare-with').waitFor({ timeout: 120_000 });
  await page.getByTestId('compare-with').selectOption(`${pack.id}@1`);
  await page.getByTestId('compare-table').waitFor();
  const total = (await page.getByTestId('compare-table').locator('tbody tr').last().textContent()) ?? '';
  assert.match(total, /\+33[.,]3\s?%/, total);
  await page.screenshot({ path: join(SHOTS, 'pcr-compare.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
