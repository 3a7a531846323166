import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_COMPANY, DEMO_USERS } from '../../src/server/demo.ts';
import { DEMO_STUDY_NAME } from '../../src/studies/demo-durian.ts';
import { findCompany, getStudy, listStudies } from '../../src/store/index.ts';
import { root } from '../cli/run.ts';
import { pageAs, startApp, type AppUnderTest } from './app-server.ts';

/**
 * Scenarios and stated ranges edited in the browser reach the calculation (a scenario beside the
 * base; an entry's range in the tornado chart and the Monte Carlo interval), and no chart label
 * is cut off: each text of each chart, drawn as SVG, lies inside the chart's box, in both
 * languages at 1440 and 1024 pixels wide.
 */

const SHOTS = join(root, 'test-artifacts', 'browser');
const [practitioner] = DEMO_USERS;
let app: AppUnderTest;
let durian: string;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
  const company = await findCompany(app.store, DEMO_COMPANY);
  durian = (await listStudies(app.store, { companyId: company!.id })).find((s) => s.name === DEMO_STUDY_NAME)!.id;
});
after(() => app?.stop());

async function calculate(page: Page) {
  await page.getByTestId('tab-results').click();
  await page.getByTestId('calculate').click();
  await page.locator('[data-testid=job-status][data-state=done]').waitFor({ timeout: 120_000 });
}

test('a scenario and an entry range set in the UI are calculated: side by side, in the tornado and the interval', async () => {
  const page = await pageAs(app, practitioner, 'en');
  await page.goto(`${app.running.url}#/studies/${durian}/results`);
  const interval = await page.getByTestId('interval').innerText();
  // an emission entry the sensitivity varies (its stated range then is the case's range and widens the interval)
  const entryName = 'Field N2O from fertiliser 施肥田间N2O排放';
  assert.match(await page.getByTestId('sensitivity-row').filter({ hasText: entryName }).innerText(), /95 % interval/);

  await page.getByTestId('tab-inventory').click();
  const editor = page.getByTestId('scenario-editor');
  await editor.getByTestId('add-scenario').click();
  const scenario = editor.getByTestId('scenario').last();
  await scenario.getByTestId('scenario-name').fill('Browser diesel');
  await scenario.getByTestId('scenario-add-override').click();
  await scenario.getByTestId('scenario-parameter').last().selectOption('diesel_l_ha');
  assert.match(await scenario.getByTestId('scenario-base').innerText(), /L\/ha · base 150 L\/ha · allowed 100 – 200/);
  await scenario.getByTestId('scenario-value').fill('400');
  assert.match(await scenario.getByTestId('scenario-problems').innerText(), /within 100 – 200/);
  await page.getByTestId('save-study').click();
  assert.match(await page.getByTestId('error').innerText(), /problem/);
  await scenario.getByTestId('scenario-value').fill('190');
  assert.equal(await scenario.getByTestId('scenario-problems').count(), 0);

  // a parameter's range that does not hold its value keeps the study from being saved
  await page.getByTestId('parameter-range-toggle').nth(2).click();
  const range = page.getByTestId('parameter-range-row');
  await range.getByTestId('parameter-range-distribution').selectOption('uniform');
  await range.getByTestId('parameter-range-low').fill('160');
  await range.getByTestId('parameter-range-high').fill('200');
  await range.getByTestId('parameter-range-source').fill('Browser test');
  await page.getByTestId('save-study').click();
  assert.match(await page.getByTestId('error').innerText(), /diesel_l_ha/);
  await range.getByTestId('parameter-range-low').fill('100');
  assert.match(await range.getByTestId('parameter-range-preview').innerText(), /102\.5 – 197\.5 L\/ha/);
  await range.getByTestId('parameter-range-distribution').selectOption('');

  // a saved entry's background dataset is shown by its name, not its id
  const electricity = (await getStudy(app.store, durian))!.entries.find((e) => e.id === 'packing-electricity')!;
  assert.ok(electricity.source.type === 'background');
  await page.getByTestId('entry-row').filter({ hasText: electricity.name }).getByTestId('entry-edit').click();
  const selected = await page.getByTestId('dataset-selected').innerText();
  assert.ok(!selected.includes(electricity.source.dataset.id), selected);
  await page.getByTestId('entry-cancel').click();
  await page.getByTestId('entry-row').filter({ hasText: entryName }).getByTestId('entry-edit').click();
  await page.getByTestId('entry-range').locator('summary').click();
  await page.getByTestId('entry-range-distribution').selectOption('lognormal');
  await page.getByTestId('entry-range-spread').fill('3');
  await page.getByTestId('entry-range-source').fill('Browser test: a wide range stated by the supplier');
  assert.match(await page.getByTestId('entry-range-preview').innerText(), /0\.333\d* – 3 × the value/);
  await page.locator('.dialog').screenshot({ path: join(SHOTS, 'entry-range.png') });
  await page.getByTestId('entry-apply').click();
  await editor.screenshot({ path: join(SHOTS, 'scenario-editor.png') });
  await page.getByTestId('save-study').click();
  await page.getByText('Saved as version').waitFor();
  await page.getByTestId('scenario-compare').click();
  await calculate(page);

  const row = page.getByTestId('scenario-row').filter({ hasText: 'Browser diesel' });
  assert.match(await row.innerText(), /diesel_l_ha = 190/);
  const caseRow = page.getByTestId('sensitivity-row').filter({ hasText: entryName });
  assert.match(await caseRow.innerText(), /stated range/);
  await page.locator('[data-testid=tornado-chart] canvas').waitFor();
  assert.notEqual(await page.getByTestId('interval').innerText(), interval, 'the wider range widens the interval');
  await page.screenshot({ path: join(SHOTS, 'scenario-range.png'), fullPage: true });
  await page.context().close();
});

/** Texts of the chart that reach outside its box, with where they are. */
async function cutLabels(page: Page, testId: string): Promise<string[]> {
  await page.locator(`[data-testid=${testId}] svg text`).first().waitFor({ timeout: 30_000 });
  return page.evaluate((id) => {
    const chart = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
    return Array.from(document.querySelectorAll(`[data-testid="${id}"] svg text`)).flatMap((text) => {
      const r = text.getBoundingClientRect();
      const inside =
        r.left >= chart.left - 1 &&
        r.right <= chart.right + 1 &&
        r.top >= chart.top - 1 &&
        r.bottom <= chart.bottom + 1;
      return r.width === 0 || inside ? [] : [`${text.textContent} [${Math.round(r.left)}–${Math.round(r.right)}]`];
    });
  }, testId);
}

for (const lang of ['zh', 'en'] as const)
  for (const width of [1440, 1024])
    test(`no chart label is cut off (${lang}, ${width} px)`, async () => {
      const page = await pageAs(app, practitioner, lang, { width, chartRenderer: 'svg' });
      const check = async (ids: string[]) => {
        for (const id of ids) {
          await page.getByTestId(id).scrollIntoViewIfNeeded();
          assert.deepEqual(await cutLabels(page, id), [], `${id}: labels outside the chart`);
        }
      };
      await page.goto(`${app.running.url}#/studies/${durian}/results`);
      await check(['stage-chart', 'tornado-chart', 'sankey', 'tree-chart', 'uncertainty-chart']);
      const removals = await page
        .locator('[data-testid=sankey] svg text')
        .evaluateAll((texts) => texts.map((t) => t.textContent ?? ''));
      assert.ok(
        removals.some((t) => /^(Biogenic removals|生物碳移除) −/.test(t)),
        `the Sankey labels its removals: ${removals.join(' | ')}`,
      );
      if (width === 1024) await page.screenshot({ path: join(SHOTS, `charts-${lang}-${width}.png`), fullPage: true });
      await page.getByTestId('nav-portfolio').click();
      await check(['portfolio-trend', 'portfolio-stages']);
      await page.goto(`${app.running.url}#/electricity-map`);
      await check(['electricity-map']);
      await page.context().close();
    });
