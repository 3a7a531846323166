import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureOrganisationsDemo } from '../../src/server/demo-organisations.ts';
import { findCompany, getStudy, listStudies } from '../../src/store/index.ts';
import { DEMO_COMPANY } from '../../src/server/demo.ts';
import { DEMO_STUDY_NAME } from '../../src/studies/demo-durian.ts';
import { pageAs, startApp, type AppUnderTest } from './app-server.ts';
import { PAGES_BY_ACCOUNT } from './pages.ts';

/**
 * One language at a time: every page of test/web/pages.ts, as each demo account, rendered in
 * Chinese, holds no English in its own words (headings, table headers, labels, buttons, the
 * navigation, hints and empty states). Data are not the app's words and are not checked (a US LCI
 * process is named in English); the terms below are the same in both languages. Tooltips
 * (`title`), accessible names (`aria-label`) and placeholders are read too, and the charts, drawn
 * as SVG, give their axis names, legends and stage labels; a chart's data labels (an entry's or a
 * product's name) are the study's words and are left out. The English header fits one line at 1440 px.
 */

/** Names and codes written the same in Chinese text. */
const SAME_IN_BOTH = [
  'Tanji',
  'PACT',
  'ISO 14067',
  'GB/T 24067',
  'kg CO2e',
  'CO2e',
  'CO2',
  'GWP',
  'DQR',
  'Excel',
  'JSON-LD',
  'EcoSpold2',
  'CSV',
  'Monte Carlo',
  'Sankey',
  'OpenAPI',
  'UN CPC',
  'IPCC',
  'US LCI',
  'ILCD',
  'PDF',
  'HTML',
  'AR6',
  'AR5',
  'CloudEvents',
  'OAuth2',
  'URN',
  'ID',
  '-----BEGIN CERTIFICATE-----',
];
/** Elements that hold the app's own words, not data. */
const CHROME = 'h1, h2, h3, h4, th, label > span, button, nav a, legend, .empty, p.muted, .hint, [role="tab"]';
/** The calculation's messages, rendered from the catalogue wherever they are (the warnings panel, the notes beside each entry). */
const MESSAGES = '[data-testid="warnings"] li, .provenance .note';
/** Two or more Latin words in a row: English left in a Chinese page. */
const ENGLISH = /[A-Za-z]{2,}(?:[ '’-]+[A-Za-z]{2,})+/;

/** Where the user's or a dataset's own words are: left out of the sweep with everything inside. */
const USER_TEXT = '.user, td, option, .dataset-results, .provenance, [data-user-text]';
/** Attributes a reader meets as words: a tooltip, a screen reader's name, an input's hint. */
const WORD_ATTRIBUTES = ['title', 'aria-label', 'placeholder'] as const;

let app: AppUnderTest;
let durian: string;
/** The names the company's studies give (products, entries, parameters, scenarios): data wherever a chart draws them. */
let studyWords: string[];

before(async () => {
  app = await startApp();
  await ensureOrganisationsDemo(app.store);
  const company = await findCompany(app.store, DEMO_COMPANY);
  const studies = await listStudies(app.store, { companyId: company!.id });
  durian = studies.find((s) => s.name === DEMO_STUDY_NAME)!.id;
  const bodies = await Promise.all(studies.map((s) => getStudy(app.store, s.id)));
  studyWords = bodies.flatMap((b) =>
    b
      ? [
          b.name,
          b.product.name,
          ...b.entries.map((e) => e.name),
          ...(b.parameters ?? []).flatMap((p) => [p.name, p.description]),
          ...(b.scenarios ?? []).map((sc) => sc.name),
        ].filter((w): w is string => Boolean(w))
      : [],
  );
});

/** A chart's text without the study's own names in it (longest first, so a name inside a longer one goes with it). */
function chartWords(text: string): string {
  let rest = text.replace(/(…|\.\.\.)$/, '');
  for (const word of [...studyWords].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(' ');
  // a label the chart cut short ("参数：Phosphate applied per hect") ends with the start of a name
  for (let i = 0; i < rest.length; i++) {
    const tail = rest.slice(i).trim();
    if (tail.length >= 4 && studyWords.some((w) => w.startsWith(tail))) return rest.slice(0, i);
  }
  return rest;
}
after(() => app?.stop());

export function englishIn(texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const raw of texts) {
    // a name the data gives is quoted 「so」 in a Chinese message
    let text = raw.replace(/「[^」]*」/g, ' ');
    for (const term of SAME_IN_BOTH) text = text.split(term).join(' ');
    const m = ENGLISH.exec(text);
    if (m) found.push(`"${m[0]}" in "${raw.trim().slice(0, 80)}"`);
  }
  return found;
}

test('every page in Chinese, as every account, has no English in the app’s own words', async () => {
  const problems: string[] = [];
  for (const account of PAGES_BY_ACCOUNT) {
    const page = await pageAs(app, account, 'zh', { chartRenderer: 'svg' });
    for (const visit of account.pages) {
      const hash = visit.hash.replace('{durian}', durian);
      await page.goto(`${app.running.url}/${hash}`);
      if (visit.ready) await page.getByTestId(visit.ready).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      // the user's own words (a study's name) are data: left out with their element
      const texts = await page.locator(CHROME).evaluateAll(
        (els, userText) =>
          els
            .filter((e) => !e.closest(userText))
            .map((e) => {
              const copy = e.cloneNode(true) as HTMLElement;
              copy.querySelectorAll('[data-user-text]').forEach((d) => d.remove());
              return copy.textContent ?? '';
            }),
        USER_TEXT,
      );
      const messages = await page.locator(MESSAGES).allTextContents();
      const attributes = await page
        .locator(WORD_ATTRIBUTES.map((a) => `[${a}]`).join(', '))
        .evaluateAll(
          (els, [userText, names]) =>
            els
              .filter((e) => !e.closest(userText))
              .flatMap((e) => names.map((a) => e.getAttribute(a) ?? '').filter(Boolean)),
          [USER_TEXT, WORD_ATTRIBUTES] as const,
        );
      const charts = (await page.locator('.chart svg text').allTextContents()).map(chartWords);
      for (const p of englishIn([...texts, ...messages, ...attributes, ...charts]))
        problems.push(`${account.email || 'anonymous'} ${hash}: ${p}`);
    }
    await page.context().close();
  }
  assert.deepEqual(problems, []);
});

test('units read in words in Chinese: the declared unit (1 辆, 1 千克) and the inventory’s amounts', async () => {
  const page = await pageAs(app, PAGES_BY_ACCOUNT[1]!, 'zh');
  await page.goto(`${app.running.url}/#/studies/${durian}/results`);
  assert.match((await page.locator('.total-unit').innerText()).trim(), /^kg CO2e \/ 1 \p{Script=Han}+$/u);
  await page.goto(`${app.running.url}/#/studies/${durian}`);
  const amounts = await page.locator('[data-testid="entry-row"] td.num').allInnerTexts();
  assert.ok(
    amounts.some((a) => / 千克$/.test(a.trim())),
    `no amount in 千克 among ${amounts.join(' | ')}`,
  );
  await page.goto(`${app.running.url}/#/portfolio`);
  await page.getByTestId('portfolio-table').waitFor();
  const declared = await page.locator('[data-testid="portfolio-row"] td:first-child .muted').allInnerTexts();
  assert.ok(declared.length > 0);
  for (const unit of declared)
    assert.match(unit.trim(), /^[\d.,]+ \p{Script=Han}+$/u, 'the portfolio’s declared unit in words');
  await page.context().close();
});

test('the sweep’s detector finds English and leaves Chinese and shared terms alone', () => {
  assert.deepEqual(englishIn(['产品碳足迹研究', '下载 PDF 报告', 'kg CO2e / 功能单位', 'ISO 14067 合规检查']), []);
  assert.deepEqual(englishIn(['「Diesel, at refinery」取自「Petroleum refining」']), []);
  assert.equal(englishIn(['Add entry']).length, 1);
  assert.equal(englishIn(['计算 Monte Carlo sample size']).length, 1);
});

test('the English header fits one line at 1440 px for every role', async () => {
  for (const account of PAGES_BY_ACCOUNT.filter((a) => a.email)) {
    const page = await pageAs(app, account, 'en');
    const { height, lineHeight } = await page.locator('.header').evaluate((h) => {
      const nav = h.querySelector('.nav') as HTMLElement;
      return {
        height: nav.getBoundingClientRect().height,
        lineHeight: Math.max(...Array.from(nav.children).map((c) => c.getBoundingClientRect().height)),
      };
    });
    assert.ok(
      height <= lineHeight + 1,
      `${account.email}: the navigation wraps (${height} px for ${lineHeight} px links)`,
    );
    const wraps = await page.locator('.header .header-end').evaluate((e) => e.getBoundingClientRect().height > 48);
    assert.equal(wraps, false, `${account.email}: the user area wraps`);
    await page.context().close();
  }
});
