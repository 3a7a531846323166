import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { ensureWebBuild } from '../../src/cli/web-build.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { serve, type Running } from '../../src/server/main.ts';
import type { Store } from '../../src/store/index.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { root } from '../cli/run.ts';
import { platform } from '../server/platform.ts';

/**
 * PACT supply-chain exchange through the web app in Debian's Chromium, between two running
 * instances: the buyer (where the browser works) publishes a verified result and pulls a
 * footprint from the supplier's PACT host over HTTPS, then costs a study entry with it.
 * Screenshots are kept in test-artifacts/browser.
 */

// the supplier is another instance on this machine, which the PACT client refuses by default
process.env.TANJI_PACT_ALLOW_PRIVATE = '1';

const SHOTS = join(root, 'test-artifacts', 'browser');
const [practitioner, verifier] = DEMO_USERS;

interface Instance {
  store: Store;
  running: Running;
  tlsDir: string;
}

let buyer: Instance;
let supplier: Instance;
let browser: Browser;

async function instance(webDir: string): Promise<Instance> {
  const { store } = await platform();
  const tlsDir = mkdtempSync(join(tmpdir(), 'tanji-pact-browser-'));
  const running = await serve(store, { port: 0, webDir, tlsDir });
  return { store, running, tlsDir };
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const webDir = await ensureWebBuild(root);
  [buyer, supplier] = await Promise.all([instance(webDir), instance(webDir)]);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await jobsIdle();
  for (const i of [buyer, supplier]) {
    await i?.running.close();
    await i?.store.close();
    if (i) rmSync(i.tlsDir, { recursive: true, force: true });
  }
});

/** The API of a running instance as a signed-in user, for what the test sets up and checks. */
async function apiAs(running: Running, user: { email: string; password: string }) {
  const login = await fetch(`${running.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const { token } = (await login.json()) as { token: string };
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${running.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, data: (await res.json()) as any };
  };
}

async function durianId(running: Running): Promise<string> {
  const api = await apiAs(running, practitioner);
  const studies = (await api('GET', '/api/studies')).data as { id: string; name: string }[];
  const durian = studies.find((s) => s.name === durianStudy().name);
  assert.ok(durian, 'the demo durian study exists');
  return durian.id;
}

async function signedIn(running: Running, user: { email: string; password: string }) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // revoking asks first; the tests answer yes
  page.on('dialog', (d) => void d.accept());
  await page.goto(running.url);
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('studies-table').waitFor();
  return { page, errors, close: () => context.close() };
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function addPartner(
  page: Page,
  fields: { name: string; products?: string; url?: string; clientId?: string; secret?: string; ca?: string },
): Promise<{ clientId: string; secret: string }> {
  await page.getByTestId('connection-name').fill(fields.name);
  if (fields.products) await page.getByTestId('connection-products').fill(fields.products);
  if (fields.url) await page.getByTestId('connection-partner-url').fill(fields.url);
  if (fields.clientId) await page.getByTestId('connection-partner-client-id').fill(fields.clientId);
  if (fields.secret) await page.getByTestId('connection-partner-secret').fill(fields.secret);
  if (fields.ca) await page.getByTestId('connection-partner-ca').fill(fields.ca);
  await page.getByTestId('connection-add').click();
  await page.getByTestId('connection-secret').waitFor();
  return {
    clientId: await page.getByTestId('connection-client-id').innerText(),
    secret: await page.getByTestId('connection-client-secret').innerText(),
  };
}

test('a practitioner sees the PACT host and published footprints, adds a partner, and publishes the result a verifier signed off', async () => {
  const study = await durianId(buyer.running);
  const product = `urn:tanji:product:${study}`;
  const me = await signedIn(buyer.running, practitioner);
  const { page } = me;

  await page.getByTestId('supply-chain').click();
  await page.getByTestId('published-row').nth(2).waitFor();
  assert.ok((await page.getByTestId('published-row').count()) >= 3, 'the demo publishes three footprints');
  assert.equal(await page.getByTestId('pact-host-url').innerText(), buyer.running.pactUrl);
  await shot(page, 'pact-01-supply-chain');

  const partner = 'Browser partner 浏览器伙伴';
  const issued = await addPartner(page, { name: partner, products: product });
  assert.ok(issued.secret.length >= 16, 'a secret is shown');
  const row = page.getByTestId('connection-row').filter({ hasText: partner });
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(issued.clientId));
  assert.match(await row.innerText(), new RegExp(product));
  await shot(page, 'pact-02-partner-secret');
  await page.getByTestId('connection-secret-done').click();
  await page.reload();
  await row.waitFor();
  assert.equal(await page.getByTestId('connection-secret').count(), 0);
  assert.ok(!(await page.content()).includes(issued.secret), 'the secret is shown only once');
  // the name is taken: the refusal reads in the page's language (zh, the default)
  await page.getByTestId('connection-name').fill(partner);
  await page.getByTestId('connection-add').click();
  assert.equal(await page.getByTestId('connection-errors').innerText(), `名称：本企业已有名为 ${partner} 的合作方`);

  await row.getByTestId('connection-revoke').click();
  await page.locator('[data-testid=connection-row][data-revoked=true]').filter({ hasText: partner }).waitFor();

  const checker = await signedIn(buyer.running, verifier);
  await checker.page.goto(`${buyer.running.url}/#/studies/${study}/results`);
  const statement = 'Checked in the browser test: model and data reviewed.';
  await checker.page.getByTestId('verify-statement').fill(statement);
  await checker.page.getByTestId('verify-submit').click();
  await checker.page.getByTestId('verification-row').filter({ hasText: statement }).waitFor();
  await checker.page.getByTestId('pact-panel').scrollIntoViewIfNeeded();
  await shot(checker.page, 'pact-03-verified');
  assert.equal(await checker.page.getByTestId('publish-pact').count(), 0, 'a verifier does not publish');
  assert.deepEqual(checker.errors, []);
  await checker.close();

  await page.goto(`${buyer.running.url}/#/studies/${study}/results`);
  await page.getByTestId('publish-pact').click();
  const published = page.getByTestId('publish-result');
  await published.waitFor();
  const id = await published.getAttribute('data-id');
  assert.ok(id);
  await shot(page, 'pact-04-published');

  await page.getByTestId('supply-chain').click();
  await page.locator(`[data-testid=published-row][data-id="${id}"]`).waitFor();
  const ofStudy = page.locator(`[data-testid=published-row][data-study-id="${study}"]`);
  const statuses = await ofStudy.evaluateAll((rows) =>
    rows.map((r) => ({ id: r.getAttribute('data-id'), status: r.getAttribute('data-status') })),
  );
  assert.equal(statuses.find((f) => f.id === id)?.status, 'Active');
  assert.ok(
    statuses.some((f) => f.id !== id && f.status === 'Deprecated'),
    'the earlier footprint of the study is deprecated',
  );
  assert.ok((await page.getByTestId('published-row').count()) >= 4);
  assert.deepEqual(me.errors, []);
  await me.close();
});

test("a buyer pulls a supplier's footprint over PACT and costs a study entry with it", async () => {
  // the supplier issues the buyer's credentials; its published footprints are what there is to pull
  const supplierApi = await apiAs(supplier.running, practitioner);
  const issued = await supplierApi('POST', '/api/pact/connections', { name: 'Buyer 采购方' });
  assert.equal(issued.status, 201);
  const footprints = (await supplierApi('GET', '/api/pact/footprints')).data as {
    productIds: string[];
    status: string;
  }[];
  const productId = footprints.find((f) => f.status === 'Active')!.productIds[0];
  const study = await durianId(buyer.running);
  const buyerApi = await apiAs(buyer.running, practitioner);
  const before = (await buyerApi('GET', `/api/studies/${study}`)).data as { version: number };

  const me = await signedIn(buyer.running, practitioner);
  const { page } = me;
  await page.getByTestId('supply-chain').click();
  const partner = 'Supplier 供应商';
  await addPartner(page, {
    name: partner,
    url: supplier.running.pactUrl,
    clientId: issued.data.connection.clientId,
    secret: issued.data.clientSecret,
    ca: supplier.running.pactCertificate,
  });
  await page.getByTestId('connection-secret-done').click();

  await page.getByTestId('pull-connection').selectOption({ label: partner });
  await page.getByTestId('pull-product').fill(productId);
  await page.getByTestId('pull-mode').selectOption('sync');

  // A partner's invalid document is hard to come by from a real host: the API's 422 answer is
  // played back once, to see that every schema error is listed.
  const problems = [
    'data[0] (a): /pcf/declaredUnitAmount must be > 0',
    'data[1] (b): must have required property productIds',
  ];
  await page.route(
    '**/api/pact/pull',
    (route) =>
      route.fulfill({
        status: 422,
        json: {
          error: {
            code: 'invalid-footprint',
            message: `${supplier.running.pactUrl}/3/footprints: not PACT:\n  ${problems.join('\n  ')}`,
            details: problems,
          },
        },
      }),
    { times: 1 },
  );
  await page.getByTestId('pull-submit').click();
  const listed = page.getByTestId('pull-errors').locator('li');
  await listed.nth(1).waitFor();
  assert.deepEqual(await listed.allInnerTexts(), problems);

  await page.getByTestId('pull-submit').click();
  await page.getByTestId('pull-result').waitFor();
  assert.equal(await page.getByTestId('pull-errors').count(), 0);
  const received = page.getByTestId('received-row').filter({ hasText: partner }).first();
  await received.waitFor();
  assert.match(await received.innerText(), new RegExp(productId));
  await shot(page, 'pact-05-pulled');

  await received.getByTestId('use-in-study').click();
  await page.getByTestId('use-study').selectOption(study);
  await page.locator('[data-testid=use-entry] option[value=fertiliser-n]').waitFor({ state: 'attached' });
  await page.getByTestId('use-entry').selectOption('fertiliser-n');
  await page.getByTestId('use-apply').click();
  const result = page.getByTestId('use-result');
  await result.waitFor();
  assert.equal(Number(await result.getAttribute('data-version')), before.version + 1);
  await shot(page, 'pact-06-used-in-study');

  const updated = (await buyerApi('GET', `/api/studies/${study}`)).data as {
    version: number;
    entries: { id: string; source: { type: string; pact?: { footprintId: string } } }[];
  };
  assert.equal(updated.version, before.version + 1);
  const entry = updated.entries.find((e) => e.id === 'fertiliser-n')!;
  assert.equal(entry.source.type, 'supplier');
  assert.ok(entry.source.pact?.footprintId, 'the entry names the footprint it came from');

  // asking by request event instead: the request goes out and is logged
  await page.getByTestId('pull-mode').selectOption('async');
  await page.getByTestId('pull-submit').click();
  await page
    .getByTestId('pull-result')
    .filter({ hasText: /[0-9a-f]{8}-[0-9a-f]{4}/ })
    .waitFor();
  await page.getByTestId('events-row').first().waitFor();
  await shot(page, 'pact-07-events');

  await result.getByRole('link').click();
  await page.waitForURL(new RegExp(`#/studies/${study}$`));
  await page.locator('[data-testid=entry-row][data-entry-id=fertiliser-n]').waitFor();
  assert.deepEqual(me.errors, []);
  await me.close();
});
