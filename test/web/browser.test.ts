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

  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download-pdf').click()]);
  const pdf = join(SHOTS, 'report-zh.pdf');
  await download.saveAs(pdf);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  assert.match(download.suggestedFilename(), /report-zh\.pdf$/);

  await page.getByTestId('lang-switch').selectOption('en');
  await page.getByText(/Calculate|Recalculate/).first().waitFor();
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
