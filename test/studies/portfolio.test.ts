import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { portfolioOf, portfolioWorkbook, type PortfolioRow } from '../../src/studies/portfolio.ts';

/** The portfolio on hand-made rows whose trend and shares are worked out by hand. */

const stages = (rm: number, mf: number, d: number) => ({
  'raw-materials': rm,
  manufacturing: mf,
  distribution: d,
  use: 0,
  'end-of-life': 0,
});
const row = (over: Partial<PortfolioRow>): PortfolioRow => ({
  studyId: 's1',
  studyName: 'Durian 2024',
  product: 'Durian',
  declaredUnit: { amount: 1, unit: 'kg' },
  year: 2024,
  version: 1,
  computedAt: '2025-01-01T00:00:00.000Z',
  total: 0.5,
  removals: -0.1,
  byStage: stages(0.2, 0.2, 0.1),
  ...over,
});

test('a product’s points run by year then version, each with its change from the one before', () => {
  const [durian, mango] = portfolioOf([
    row({
      year: 2025,
      version: 3,
      total: 0.45,
      computedAt: '2026-01-01T00:00:00.000Z',
      byStage: stages(0.15, 0.2, 0.1),
    }),
    row({}),
    row({ version: 2, total: 0.6, computedAt: '2025-02-01T00:00:00.000Z' }),
    row({ studyId: 's2', product: 'Mango', total: 1, byStage: stages(0.5, 0.25, 0.25) }),
  ]);
  assert.deepEqual(
    durian.points.map((p) => [p.year, p.version]),
    [
      [2024, 1],
      [2024, 2],
      [2025, 3],
    ],
  );
  assert.equal(durian.points[0].change, undefined);
  assert.ok(Math.abs(durian.points[1].change! - 0.1) < 1e-12);
  assert.ok(Math.abs(durian.points[1].changeShare! - 0.2) < 1e-12, '0.1 on 0.5 is +20 %');
  assert.ok(Math.abs(durian.points[2].changeShare! - -0.25) < 1e-12, '−0.15 on 0.6 is −25 %');
  assert.equal(durian.latest.total, 0.45);
  assert.ok(Math.abs(durian.stageShares['raw-materials'] - 1 / 3) < 1e-12, '0.15 of 0.45');
  assert.equal(mango.stageShares['raw-materials'], 0.5);
});

test('the same product per a different declared unit is a different trend', () => {
  const products = portfolioOf([row({}), row({ declaredUnit: { amount: 1, unit: 't' }, total: 500 })]);
  assert.equal(products.length, 2);
});

test('the Excel workbook holds the same numbers as the page, in the reader’s language', async () => {
  const products = portfolioOf([row({}), row({ version: 2, total: 0.6, computedAt: '2025-02-01T00:00:00.000Z' })]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await portfolioWorkbook(products, 'zh')) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('产品组合')!;
  assert.equal(sheet.getCell('A1').value, '产品');
  assert.equal(sheet.rowCount, 3);
  assert.equal(sheet.getCell('H3').value, 0.6);
  assert.ok(Math.abs(Number(sheet.getCell('P3').value) - 0.2) < 1e-12);
  assert.equal(wb.getWorksheet('阶段对比')!.getCell('D2').value, 0.2 / 0.5);
  assert.equal(sheet.getCell('C2').value, '1 千克', 'the declared unit in Chinese words');
  assert.equal(wb.getWorksheet('阶段对比')!.getCell('B2').value, '1 千克');
  const en = new ExcelJS.Workbook();
  await en.xlsx.load(Buffer.from(await portfolioWorkbook(products, 'en')) as unknown as ArrayBuffer);
  assert.equal(en.getWorksheet('Portfolio')!.getCell('C2').value, '1 kilogram');
});
