import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { importDatabase } from '../../src/formats/index.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { saveRelease } from '../../src/store/index.ts';
import { TIANGONG } from '../tiangong.ts';
import { pageAs, startApp, type AppUnderTest } from './app-server.ts';

/**
 * The steward's quality screen page in Chromium, on the real TianGong archive saved as release
 * `tiangong` as `npm start` saves it (screened in the release's own transaction): the census
 * records without inputs, the CEEIO loop and the sinter scale error are there with their numbers.
 */

const steward = DEMO_USERS.find((u) => u.role === 'steward')!;
const skip = !existsSync(TIANGONG) && 'no TianGong archive';

let app: AppUnderTest;

before(async () => {
  if (skip) return;
  app = await startApp();
  await saveRelease(app.store, { release: 'tiangong', database: await importDatabase(TIANGONG) });
});

after(async () => {
  await app?.stop();
});

test('the steward opens the screen of release tiangong: census records, the CEEIO loop, sinter', { skip }, async () => {
  const page = await pageAs(app, steward, 'zh');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.getByTestId('nav-screen').click();
  await page.getByTestId('screen-release').selectOption('tiangong');
  await page.getByTestId('screen-summary').waitFor();
  assert.match(await page.getByTestId('screen-summary').innerText(), /^3,996 个过程，[\d,]+ 个被隔离/);

  // NESPS2 census records flagged emissions-only, in Chinese with their count of emissions
  const emissionsOnly = page.locator('[data-testid="screen-rule"][data-code="screen.emissions-only"]');
  assert.match(await emissionsOnly.locator('h2').innerText(), /仅有排放/);
  const census = emissionsOnly.locator('[data-testid="screen-finding"]', { hasText: 'NESPS2' });
  assert.equal(await census.count(), 20, 'the first 20 rows, all census records');
  assert.match(await census.first().innerText(), /仅有排放：\d+ 项基本流输出/);

  // the 153 CEEIO sectors in one loop whose spectral radius is at least 1
  const loop = page.locator('[data-testid="screen-loop"]').first();
  assert.match(await loop.innerText(), /^153\s+≥ 1\s+无穷\s+.*CEEIO/);

  // the filter keeps one rule; sinter: 513,400 kg CO2 per 1,211 kg, i.e. 423.9 kg per kg
  await page.getByTestId('screen-filter').selectOption('screen.co2-per-mass');
  assert.equal(await page.getByTestId('screen-rule').count(), 1);
  const sinter = page.locator('[data-testid="screen-finding"]', { hasText: '烧结矿生产;烧结矿;烧结' });
  assert.match(await sinter.innerText(), /Sinter production;Sinter;Sintering/);
  assert.match(await sinter.innerText(), /每千克「Sinter」直接排放 423.9 千克 CO2/);
  assert.equal(
    await sinter.getByTestId('screen-process').getAttribute('href'),
    '#/open-data/tiangong/3c787900-188a-43ba-b63a-0232dee0d600',
  );
  assert.equal(await page.getByTestId('screen-quarantined').locator('h2').count(), 1);
  assert.deepEqual(errors, []);
});
