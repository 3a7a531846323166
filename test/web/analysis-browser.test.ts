import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { ensureWebBuild } from '../../src/cli/web-build.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { serve, type Running } from '../../src/server/main.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import type { Store } from '../../src/store/index.ts';
import { root } from '../cli/run.ts';
import { platform } from '../server/platform.ts';

/**
 * The durian demo's results in Chromium: the CFP headline with the orchard sink as a land
 * management removal, the scenarios beside the base, the tornado chart and the variance shares.
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

const number = (s: string) => Number(s.replace(/[^\d.eE+-]/g, ''));

test('the durian results show the CFP with removals, the scenarios side by side and a tornado chart', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(running.url);
  await page.getByTestId('login-email').fill(practitioner.email);
  await page.getByTestId('login-password').fill(practitioner.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('study-row').filter({ hasText: '榴莲' }).first().click();
  await page.getByTestId('parameter-row').first().waitFor();
  assert.equal(await page.getByTestId('parameter-row').count(), 9, 'yield, N rate, diesel, sink and five IPCC N2O factors');
  assert.deepEqual(await page.getByTestId('parameter-name').first().inputValue(), 'yield_t_ha');
  await page.getByTestId('tab-results').click();

  await page.getByTestId('cfp-value').waitFor();
  const cfp = number(await page.getByTestId('cfp-value').innerText());
  const emissions = number(await page.getByTestId('total-value').innerText());
  const land = number(await page.getByTestId('headline-land-management').locator('td').innerText());
  // emissions 0.541, orchard sink 2500 kg CO2/ha over 15 t/ha = −0.167: CFP 0.374 (ISO 14067 3.1.1.1)
  assert.ok(Math.abs(land + 2500 / 15_000) < 0.001, `land management removals ${land}`);
  assert.ok(Math.abs(cfp - (emissions + land)) < 0.002, `CFP ${cfp} = emissions ${emissions} + removals ${land}`);
  assert.match(await page.getByTestId('headline').innerText(), /PACT Tech Spec v3\.0 pcfExcludingBiogenicUptake/);

  const scenarios = page.getByTestId('scenario-row');
  assert.equal(await scenarios.count(), 3);
  const high = number(await scenarios.filter({ hasText: '20 t/ha' }).getByTestId('scenario-cfp').innerText());
  const low = number(await scenarios.filter({ hasText: '10 t/ha' }).getByTestId('scenario-cfp').innerText());
  assert.ok(high < cfp && cfp < low, `a larger harvest carries less per kg: ${high} < ${cfp} < ${low}`);

  await page.locator('[data-testid=tornado-chart] canvas').first().waitFor();
  const rows = page.getByTestId('sensitivity-row');
  assert.ok((await rows.count()) >= 5);
  assert.match(await rows.first().innerText(), /yield|Yield|果园单产/);
  await page.getByTestId('sensitivity').screenshot({ path: join(SHOTS, 'sensitivity-en.png') }).catch(() => undefined);

  await page.getByTestId('lang-switch').selectOption('zh');
  await page.getByText('敏感性分析').first().waitFor();
  assert.match(await page.getByTestId('sensitivity').innerText(), /龙卷风|输入取低端|范围依据/);
  assert.match(await page.getByTestId('scenarios').innerText(), /情景对比/);
  await page.screenshot({ path: join(SHOTS, 'durian-results-zh.png'), fullPage: true });
  assert.deepEqual(errors, [], 'no errors in the page');
  await context.close();
});
