import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { ensureWebBuild } from '../../src/cli/web-build.ts';
import { validatePactFootprint } from '../../src/formats/pact.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { serve, type Running } from '../../src/server/main.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import type { Store } from '../../src/store/index.ts';
import { root } from '../cli/run.ts';
import { platform } from '../server/platform.ts';

/**
 * The practitioner's path through the real web app in Debian's Chromium, against a running
 * server on the real background data: sign in, build a small study from search results,
 * calculate, see the chart, download the PDF. Screenshots are kept in test-artifacts/browser.
 */

const SHOTS = join(root, 'test-artifacts', 'browser');
const [practitioner, verifier] = DEMO_USERS;

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

async function signIn(page: Page, email: string, password: string) {
  await page.goto(running.url);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

test('a practitioner builds a study from search results, calculates it, sees the chart and downloads the PDF', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  await page.goto(running.url);
  await page.getByTestId('login-email').fill(practitioner.email);
  await page.getByTestId('login-password').fill('not the password');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('error').waitFor();
  await shot('01-sign-in-error');

  await page.getByTestId('login-password').fill(practitioner.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('new-study').waitFor();
  assert.match(await page.getByTestId('studies-table').innerText(), /榴莲/, 'the demo study is listed');
  await shot('02-studies');

  await page.getByTestId('new-study').click();
  await page.getByTestId('study-name').fill('Browser test 浏览器测试');
  await page.getByTestId('add-entry').click();
  await page.getByTestId('entry-stage').selectOption('manufacturing');
  await page.getByTestId('entry-kind').selectOption('energy');
  await page.getByTestId('dataset-search').fill('电力');
  await page.getByTestId('dataset-result').first().waitFor();
  await shot('03-dataset-search');
  const picked = await page.getByTestId('dataset-result').first().innerText();
  assert.match(picked, /electricity|电/i);
  await page.getByTestId('dataset-result').first().click();
  await page.getByTestId('entry-amount').fill('100');
  await page.getByTestId('entry-apply').click();
  await page.getByTestId('entry-row').first().waitFor();
  await page.getByTestId('save-study').click();
  await page.waitForURL(/#\/studies\/[^/]+$/);
  await shot('04-saved');

  await page.getByTestId('tab-results').click();
  await page.getByTestId('calculate').click();
  await page.locator('[data-testid=job-status][data-state=done]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=stage-chart] canvas').first().waitFor();
  const total = Number((await page.getByTestId('total-value').innerText()).replace(/[^\d.]/g, ''));
  assert.ok(total > 10 && total < 100, `100 kWh of Chinese grid electricity is tens of kg CO2e, shown ${total}`);
  await page.waitForTimeout(500);
  await shot('05-results');

  // the PDF is printed by a job the page follows, then downloaded
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('download-pdf').click(),
  ]);
  const pdf = join(SHOTS, 'report-zh.pdf');
  await download.saveAs(pdf);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  assert.match(download.suggestedFilename(), /report-zh\.pdf$/);

  await page.getByTestId('lang-switch').selectOption('en');
  await page
    .getByText(/Calculate|Recalculate/)
    .first()
    .waitFor();
  await shot('06-results-en');
  assert.deepEqual(errors, [], 'no errors in the page');
  await context.close();
});

test('a verifier reads the demo results but may not create studies', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, verifier.email, verifier.password);
  await page.getByTestId('study-row').first().waitFor();
  assert.equal(await page.getByTestId('new-study').count(), 0);
  await page.getByTestId('study-row').first().click();
  await page.getByTestId('tab-results').click();
  await page.getByTestId('total-value').waitFor();
  await page.locator('[data-testid=sankey] canvas').first().waitFor();
  await page.screenshot({ path: join(SHOTS, '07-verifier-results.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pact').click()]);
  const file = join(SHOTS, 'pact-v3.json');
  await download.saveAs(file);
  const checked = validatePactFootprint(JSON.parse(readFileSync(file, 'utf8')), '3.0');
  assert.ok(checked.ok, checked.ok ? '' : checked.errors.join('\n'));
  await context.close();
});

/** The durian demo's results: the CFP headline with the orchard sink as a land management removal, scenarios, tornado chart, variance shares. */
const number = (s: string) => Number(s.replace(/[^\d.eE+-]/g, ''));

test('the durian results show the CFP with removals, the scenarios side by side and a tornado chart', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, practitioner.email, practitioner.password);
  await page.getByTestId('study-row').filter({ hasText: '榴莲' }).first().click();
  await page.getByTestId('parameter-row').first().waitFor();
  assert.equal(
    await page.getByTestId('parameter-row').count(),
    12,
    'yield, N, P2O5 and K2O rates, diesel, sink, five IPCC N2O factors and the fruit rule’s mass per declared unit',
  );
  assert.deepEqual(await page.getByTestId('parameter-name').first().inputValue(), 'yield_t_ha');
  await page.getByTestId('tab-results').click();

  await page.getByTestId('cfp-value').waitFor();
  const cfp = number(await page.getByTestId('cfp-value').innerText());
  const emissions = number(await page.getByTestId('total-value').innerText());
  const land = number(await page.getByTestId('headline-land-management').locator('td').innerText());
  // orchard sink 2500 kg CO2/ha over 15 t/ha = −0.167; the CFP is emissions plus removals (ISO 14067 3.1.1.1)
  assert.ok(Math.abs(land + 2500 / 15_000) < 0.001, `land management removals ${land}`);
  assert.ok(Math.abs(cfp - (emissions + land)) < 0.002, `CFP ${cfp} = emissions ${emissions} + removals ${land}`);
  assert.match(await page.getByTestId('headline').innerText(), /PACT 3\.0 pcfExcludingBiogenicUptake/);

  const scenarios = page.getByTestId('scenario-row');
  assert.equal(await scenarios.count(), 3);
  const high = number(await scenarios.filter({ hasText: '20 t/ha' }).getByTestId('scenario-cfp').innerText());
  const low = number(await scenarios.filter({ hasText: '10 t/ha' }).getByTestId('scenario-cfp').innerText());
  assert.ok(high < cfp && cfp < low, `a larger harvest carries less per kg: ${high} < ${cfp} < ${low}`);

  await page.locator('[data-testid=tornado-chart] canvas').first().waitFor();
  const rows = page.getByTestId('sensitivity-row');
  assert.ok((await rows.count()) >= 5);
  // the orchard sink over 1,000–4,000 kg CO2/ha at 15 t/ha moves the CFP by 3,000 / 15,000 = 0.2; the nitrogen rate
  // (200–400 kg N/ha: urea manufacture, urea CO2, field N2O and delivery per kg N) moves it more, so it comes first
  const texts = (await rows.allInnerTexts()).map((t) => t.split('\t'));
  assert.match(texts[0]![0]!, /施氮量|Nitrogen applied/);
  assert.ok(Math.abs(number(texts[0]![4]!) - number(texts[0]![3]!)) > 0.2, texts[0]!.join(' | '));
  const sink = texts.find((t) => /果树生物量固碳|Tree biomass/.test(t[0]!))!;
  assert.ok(Math.abs(number(sink[3]!) - number(sink[4]!) - 0.2) < 0.001, sink.join(' | '));
  await page
    .getByTestId('sensitivity')
    .screenshot({ path: join(SHOTS, 'sensitivity-en.png') })
    .catch(() => undefined);

  await page.getByTestId('lang-switch').selectOption('zh');
  await page.getByText('敏感性分析').first().waitFor();
  assert.match(await page.getByTestId('sensitivity').innerText(), /龙卷风|输入取低端|范围依据/);
  assert.match(await page.getByTestId('scenarios').innerText(), /情景对比/);
  await page.screenshot({ path: join(SHOTS, 'durian-results-zh.png'), fullPage: true });
  assert.deepEqual(errors, [], 'no errors in the page');
  await context.close();
});
