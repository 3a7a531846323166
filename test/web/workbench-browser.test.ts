import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { listUsers, listCompanies } from '../../src/store/index.ts';
import { root } from '../cli/run.ts';
import { pageAs, startApp, type AppUnderTest } from './app-server.ts';

/**
 * The workbench in Chromium: an entry with its own region (a Guangdong cold store in a Hainan
 * study) finds Guangdong's electricity and keeps its region in the result; an administrator
 * creates a verification body and a verifier in it; the portfolio shows the company's products.
 */

const SHOTS = join(root, 'test-artifacts', 'browser');
const [practitioner, , admin] = DEMO_USERS;
let app: AppUnderTest;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
});
after(() => app?.stop());

const signedIn = (email: string, password: string, lang: 'zh' | 'en' = 'en') => pageAs(app, { email, password }, lang);
const store = () => app.store;

test('an entry in Guangdong, in a Hainan study, is searched and calculated in Guangdong', async () => {
  const page = await signedIn(practitioner.email, practitioner.password);
  await page.getByTestId('new-study').click();
  await page.getByTestId('study-name').fill('Multi-site 多地点');
  await page.getByTestId('study-region').selectOption('CN-HI');
  await page.getByTestId('add-entry').click();
  await page.getByTestId('entry-stage').selectOption('distribution');
  await page.getByTestId('entry-kind').selectOption('energy');
  await page.getByTestId('entry-name').fill('Cold store, Guangzhou');
  await page.getByTestId('entry-region').selectOption('CN-GD');
  await page.getByTestId('dataset-search').fill('电力');
  // the first search of a new study builds its backgrounds (TianGong's matrices take a while on a busy machine)
  await page.getByTestId('dataset-result').first().waitFor({ timeout: 180_000 });
  const first = await page.getByTestId('dataset-result').first().innerText();
  assert.match(first, /CN-GD/, `the entry's region is searched: ${first}`);
  await page.getByTestId('dataset-result').first().click();
  await page.getByTestId('entry-amount').fill('10');
  await page.getByTestId('entry-apply').click();
  assert.match(await page.getByTestId('entry-row-region').innerText(), /Guangdong/);
  await page.getByTestId('add-entry').click();
  await page.getByTestId('entry-kind').selectOption('energy');
  await page.getByTestId('dataset-search').fill('广东');
  await page.getByTestId('dataset-result').first().waitFor();
  assert.match(
    await page.getByTestId('dataset-result').first().innerText(),
    /广东|Guangdong/,
    'a province named in the search is searched in a Hainan study',
  );
  await page.keyboard.press('Escape');
  await page.getByTestId('save-study').click();
  await page.waitForURL(/#\/studies\/[^/]+$/);
  await page.getByTestId('tab-results').click();
  await page.getByTestId('calculate').click();
  await page.locator('[data-testid=job-status][data-state=done]').waitFor({ timeout: 60_000 });
  assert.match(await page.getByTestId('hotspot-region').first().innerText(), /Guangdong \(CN-GD\)/);
  await page.screenshot({ path: join(SHOTS, 'entry-region.png'), fullPage: true });
  await page.context().close();
});

test('an administrator creates a verification body and a verifier in it; a verifier without one is refused in Chinese', async () => {
  const page = await signedIn(admin.email, admin.password, 'zh');
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('organisation-table').waitFor();
  await page.getByTestId('organisation-name').fill('Browser Verification Ltd.');
  await page.getByTestId('organisation-kind').selectOption('verification-body');
  await page.getByTestId('create-organisation').click();
  await page.getByTestId('organisation-row').filter({ hasText: 'Browser Verification Ltd.' }).waitFor();
  await page.getByTestId('user-email').fill('vera.browser@example.org');
  await page.getByTestId('user-name').fill('Vera Browser');
  await page.getByTestId('user-password').fill('a long enough password');
  await page.getByTestId('user-role').selectOption('verifier');
  await page.getByTestId('create-user').click();
  await page.getByTestId('error').filter({ hasText: '核查员的所属组织只能是核查机构；未指定所属组织' }).waitFor();
  const body = (await listCompanies(store())).find((c) => c.name === 'Browser Verification Ltd.')!;
  await page.getByTestId('user-organisation').selectOption(body.id);
  await page.getByTestId('create-user').click();
  await page.getByTestId('user-row').filter({ hasText: 'vera.browser@example.org' }).waitFor();
  await page.screenshot({ path: join(SHOTS, 'admin.png'), fullPage: true });
  const vera = (await listUsers(store())).find((u) => u.email === 'vera.browser@example.org')!;
  assert.equal(vera.role, 'verifier');
  assert.equal(vera.companyName, 'Browser Verification Ltd.');
  await page.context().close();
});

test('the portfolio shows the company’s products with a trend and stage chart, and exports Excel', async () => {
  const page = await signedIn(practitioner.email, practitioner.password, 'zh');
  await page.getByTestId('nav-portfolio').click();
  await page.getByTestId('portfolio-row').first().waitFor();
  await page.locator('[data-testid=portfolio-trend] canvas').first().waitFor();
  await page.locator('[data-testid=portfolio-stages] canvas').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portfolio-export').click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  await page.screenshot({ path: join(SHOTS, 'portfolio.png'), fullPage: true });
  await page.context().close();
});
