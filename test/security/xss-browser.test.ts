import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebBuild } from '../../src/cli/web-build.ts';
import { submitDatasets } from '../../src/cobuild/submissions.ts';
import { findUserByEmail } from '../../src/store/index.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { serve, type Running } from '../../src/server/main.ts';
import { root } from '../cli/run.ts';
import { HAINAN } from '../cobuild/fixtures.ts';
import { client } from '../server/platform.ts';
import { launchChromium } from '../web/chromium.ts';
import { PASSWORD, smallPlatform, smallStudy, USERS, type SmallPlatform } from './fixture.ts';
import { XSS_NAME } from './payloads.ts';

/**
 * Stored XSS, end to end in Chromium: every name a user can type holds `<img onerror>`,
 * `<script>` and `<svg onload>` payloads; then every page that shows them is opened as the
 * practitioner and as a verifier of the company, the Sankey and tree tooltips are hovered until
 * they show the payload, and the report is opened. No dialog may fire, and the browser may report
 * no Content-Security-Policy refusal either: a refusal would mean markup got into the page and
 * only the CSP stopped it.
 */

let p: SmallPlatform;
let running: Running;
let browser: Browser;
let studyId: string;
let submissionId: string;

before(async () => {
  p = await smallPlatform();
  const alice = client(
    p.app,
    (await client(p.app).post('/api/auth/login', { email: USERS.alice.email, password: PASSWORD })).data.token,
  );
  const study = smallStudy(XSS_NAME);
  study.product = { name: XSS_NAME, description: XSS_NAME, classification: '01319' };
  study.referenceFlow = XSS_NAME;
  study.limitations = XSS_NAME;
  study.entries[0].evidence = { type: 'meter-reading', reference: XSS_NAME, note: XSS_NAME };
  study.entries[0].comment = XSS_NAME;
  study.entries.push({
    id: 'part',
    stage: 'raw-materials',
    kind: 'material',
    name: XSS_NAME,
    amount: 1,
    unit: 'kg',
    source: {
      type: 'supplier',
      supplier: XSS_NAME,
      kgCo2ePerUnit: 2,
      line: 'fossil',
      evidence: { type: 'supplier-statement', reference: XSS_NAME },
    },
  });
  const created = await alice.post('/api/studies', study);
  assert.equal(created.status, 201, JSON.stringify(created.data));
  studyId = created.data.id;
  assert.equal((await alice.post(`/api/studies/${studyId}/calculate`, { iterations: 200 })).status, 202);
  await jobsIdle();
  const connection = await alice.post('/api/pact/connections', { name: XSS_NAME, products: [] });
  assert.equal(connection.status, 201, JSON.stringify(connection.data));

  const vera = client(
    p.app,
    (await client(p.app).post('/api/auth/login', { email: USERS.vera.email, password: PASSWORD })).data.token,
  );
  const verified = await vera.post(`/api/studies/${studyId}/verifications`, { statement: XSS_NAME });
  assert.equal(verified.status, 200, JSON.stringify(verified.data));
  assert.equal((await alice.post(`/api/studies/${studyId}/publish`, {})).status, 201);

  const actor = (await findUserByEmail(p.store, USERS.alice.email))!;
  const factor = {
    ...HAINAN,
    name: XSS_NAME,
    nameZh: XSS_NAME,
    technology: XSS_NAME,
    gwpSet: 'AR6' as const,
    status: 'check' as const,
    method: undefined,
    source: { title: XSS_NAME, publisher: XSS_NAME },
  };
  const [head] = await submitDatasets(
    p.store,
    { id: actor.id, role: 'enterprise', companyId: actor.companyId },
    [
      {
        dataset: { type: 'factor', factor },
        meta: { sharing: 'confidential', note: XSS_NAME, productionVolume: { amount: 1e6, unit: 'MWh' } },
      },
    ],
    'api',
  );
  submissionId = head.id;

  running = await serve(p.store, { port: 0, webDir: await ensureWebBuild(root) });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await jobsIdle();
  await running?.close();
  await p?.store.close();
});

/** Every dialog and every CSP refusal of the context's pages, opened now or later. */
function watch(context: BrowserContext): string[] {
  const incidents: string[] = [];
  const attach = (page: Page) => {
    page.on('dialog', (d) => {
      incidents.push(`dialog on ${page.url()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) incidents.push(`CSP refusal on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => incidents.push(`page error on ${page.url()}: ${e.message}`));
  };
  context.pages().forEach(attach);
  context.on('page', attach);
  return incidents;
}

/** A new browser context signed in as the user, with its incidents watched. */
async function openAs(email: string): Promise<{ context: BrowserContext; incidents: string[]; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const incidents = watch(context);
  const page = await context.newPage();
  await page.goto(running.url);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-email').waitFor({ state: 'detached' });
  return { context, incidents, page };
}

/** Moves the mouse along a vertical line of the chart until its tooltip shows the payload as text. */
async function hoverUntilTooltip(page: Page, testId: string, xFromLeft: number): Promise<string> {
  const chart = page.getByTestId(testId);
  await chart.locator('canvas').first().waitFor();
  await chart.scrollIntoViewIfNeeded();
  await page.waitForTimeout(600); // the entry animation
  const box = (await chart.boundingBox())!;
  for (let y = 4; y < box.height; y += 4) {
    await page.mouse.move(box.x + xFromLeft, box.y + y);
    const text = await chart.evaluate(
      (el) =>
        Array.from(el.querySelectorAll('div'), (d) => d.textContent ?? '').find((t) => t.includes('onerror')) ?? '',
    );
    if (text) return text;
  }
  return '';
}

test('no payload in any name runs on any page, for the practitioner and the verifier', async () => {
  for (const email of [USERS.alice.email, USERS.vera.email]) {
    const { context, incidents, page } = await openAs(email);
    await page.getByTestId('study-row').first().waitFor();
    assert.match(
      await page.getByTestId('studies-table').innerText(),
      /<img src=x onerror=alert\(2\)>/,
      'the name is shown as text',
    );

    await page.goto(`${running.url}/#/studies/${studyId}`);
    await page.getByTestId('entry-row').first().waitFor();
    await page.goto(`${running.url}/#/studies/${studyId}/results`);
    await page.getByTestId('total-value').waitFor();
    const sankey = await hoverUntilTooltip(page, 'sankey', 18);
    assert.match(sankey, /<img src=x onerror=alert\(2\)>/, 'the Sankey tooltip shows the entry name as text');
    const tree = await hoverUntilTooltip(page, 'tree-chart', 170);
    assert.match(tree, /<script>alert\(3\)<\/script>/, 'the tree tooltip shows the name as text');

    const [report] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-report').click()]);
    await report.waitForURL(/^blob:/);
    await report.waitForLoadState('load');
    assert.match(
      await report.locator('body').innerText(),
      /<img src=x onerror=alert\(2\)>/,
      'the report shows the name as text',
    );
    await report.close();

    if (email === USERS.alice.email) {
      await page.goto(`${running.url}/#/supply-chain`);
      await page.getByTestId('published-row').first().waitFor();
      await page.getByTestId('connection-row').first().waitFor();
      assert.match(await page.getByTestId('connections-table').innerText(), /<svg onload=alert\(4\)>/);
    }
    await page.waitForTimeout(300);
    assert.deepEqual(incidents, [], `${email}: nothing ran and nothing was refused`);
    await context.close();
  }
});

test('no payload runs in co-construction, for the submitter and the steward who reviews', async () => {
  for (const email of [USERS.alice.email, USERS.stella.email]) {
    const { context, incidents, page } = await openAs(email);
    await page.goto(`${running.url}/#/cobuild`);
    await page.getByTestId('submission-row').first().waitFor();
    assert.match(await page.getByTestId('submissions-table').innerText(), /<img src=x onerror=alert\(2\)>/);
    await page.goto(`${running.url}/#/cobuild/submissions/${submissionId}`);
    await page.getByTestId('submission-name').waitFor();
    assert.match(await page.getByTestId('submission-name').innerText(), /<img src=x onerror=alert\(2\)>/);
    await page.getByTestId('dataset-field').first().waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(incidents, [], `${email}: nothing ran and nothing was refused`);
    await context.close();
  }
});

test('the CSP stops script that does get into a page', async () => {
  const context = await browser.newContext();
  const incidents = watch(context);
  const page = await context.newPage();
  await page.goto(running.url);
  await page.getByTestId('login-email').waitFor();
  // what an escaping bug would do: markup with an inline handler put into the live page
  await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), '<img src=x onerror=alert(9)>');
  await page.waitForTimeout(500);
  assert.equal(incidents.filter((i) => i.startsWith('dialog')).length, 0, 'no dialog');
  assert.ok(
    incidents.some((i) => i.startsWith('CSP refusal')),
    `the inline handler was refused: ${incidents.join('; ')}`,
  );
  await context.close();
});
