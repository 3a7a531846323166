import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { ensureWebBuild } from '../../src/cli/web-build.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { DEMO_BENCHMARK } from '../../src/server/demo-labels.ts';
import { publishBenchmark } from '../../src/labels/workflow.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { serve, type Running } from '../../src/server/main.ts';
import { createStudy, findUserByEmail, type Store } from '../../src/store/index.ts';
import { durianHarvest } from '../../src/studies/demo-durian.ts';
import { calculateAndSave } from '../../src/studies/results.ts';
import { root } from '../cli/run.ts';
import { platform } from '../server/platform.ts';

/**
 * The label chain in Debian's Chromium: the practitioner asks for verification on the results
 * page, the verifier checks and signs in the queue, anyone finds the label in the public registry
 * and the verify page checks it in the browser; a tampered data file is reported invalid. The
 * pages are in Chinese (the default), refusals included.
 */

const SHOTS = join(root, 'test-artifacts', 'browser');
const [practitioner, verifier, , steward] = DEMO_USERS;
let store: Store;
let running: Running;
let browser: Browser;
let tlsDir: string;
let work: string;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const webDir = await ensureWebBuild(root);
  ({ store } = await platform());
  tlsDir = mkdtempSync(join(tmpdir(), 'tanji-labels-browser-'));
  work = mkdtempSync(join(tmpdir(), 'tanji-labels-files-'));
  running = await serve(store, { port: 0, webDir, tlsDir });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await jobsIdle();
  await running?.close();
  await store?.close();
  for (const d of [tlsDir, work]) if (d) rmSync(d, { recursive: true, force: true });
});

async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto(running.url);
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
}

test('practitioner requests → verifier signs → public registry → verify page; a tampered file fails', async () => {
  const me = (await findUserByEmail(store, practitioner.email))!;
  const study = await createStudy(
    store,
    { ...durianHarvest(2022), name: 'Browser label durian' },
    me.companyId!,
    me.id,
  );
  await calculateAndSave(store, study.id, { iterations: 100, seed: 1 });
  // a benchmark per kWh, which cannot grade a durian declared per kg: the verifier's check refuses it
  await publishBenchmark(store, (await findUserByEmail(store, steward.email))!, {
    ...DEMO_BENCHMARK,
    id: 'durian-per-kwh',
    title: { zh: '按千瓦时的榴莲基准', en: 'Durian per kWh' },
    declaredUnit: 'kWh',
  });

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await signIn(page, practitioner);
  await page.goto(`${running.url}/#/studies/${study.id}/results`);
  const panel = page.getByTestId('label-panel');
  await panel.getByTestId('label-verifier').selectOption(verifier.email);
  await panel.getByTestId('label-benchmark').selectOption('fresh-durian');
  await panel.getByTestId('label-request').click();
  await panel.locator('[data-testid="label-requests"] li[data-state="open"]').waitFor();

  await context.clearCookies();
  await page.evaluate(() => localStorage.clear());
  await signIn(page, verifier);
  await page.getByTestId('nav-verification').click();
  const row = page.locator('[data-testid="queue-row"][data-state="open"]', { hasText: 'Browser label durian' });
  await row.getByTestId('queue-check').click();
  await page.getByTestId('label-check').waitFor();
  const signPanel = page.getByTestId('sign-panel');
  await signPanel.getByTestId('sign-benchmark').selectOption('durian-per-kwh');
  const refusal = signPanel.getByTestId('error');
  await refusal.waitFor();
  assert.equal(await refusal.innerText(), '基准 durian-per-kwh 按每 1 kWh 分级，而该研究按每 1 kg 声明');
  await signPanel.getByTestId('sign-benchmark').selectOption('fresh-durian');
  await page.getByTestId('label-check').waitFor();
  await page.getByTestId('sign-statement').fill('Reviewed in the browser test against GB/T 24067.');
  await page.screenshot({ path: join(SHOTS, 'labels-verifier-sign.png'), fullPage: true });
  await page.getByTestId('sign-button').click();
  await page.locator('[data-testid="queue-row"][data-state="signed"]', { hasText: 'Browser label durian' }).waitFor();

  // the public: no account
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${running.url}/#/registry`);
  await page.getByTestId('registry-q').fill('durian');
  await page.getByRole('button', { name: /查询|Search/ }).click();
  // newest first: the label just signed
  const link = page.locator('[data-testid="registry-row"] a', { hasText: /durian/i }).first();
  await link.click();
  await page.getByTestId('label-detail').waitFor();
  await page.screenshot({ path: join(SHOTS, 'labels-registry.png'), fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByTestId('download-credential').click();
  const file = join(work, 'credential.json');
  await (await download).saveAs(file);

  await page.getByTestId('verify-link').click();
  const verdict = page.getByTestId('verification');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-verdict'), 'valid', await verdict.innerText());
  await page.screenshot({ path: join(SHOTS, 'labels-verify-valid.png'), fullPage: true });

  // a changed byte in the data file: the browser's own check says so
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(file, 'utf8');
  const tampered = text.replace(/"value":(\d)/, (_, d: string) => `"value":${(Number(d) + 1) % 10}`);
  assert.notEqual(tampered, text);
  writeFileSync(join(work, 'tampered.json'), tampered);
  await page.getByTestId('verify-file').setInputFiles(join(work, 'tampered.json'));
  await page.locator('[data-testid="verification"][data-verdict="invalid"]').waitFor();
  await page.locator('[data-check="signature"][data-status="fail"]').waitFor();
  await page.screenshot({ path: join(SHOTS, 'labels-verify-tampered.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
