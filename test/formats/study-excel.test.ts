import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { LifeCycleStageSchema } from '../../src/model/lci.ts';
import { DirectGasSchema, type Entry } from '../../src/model/study.ts';
import { ImportError } from '../../src/formats/errors.ts';
import {
  parseStudyWorkbook,
  studyTemplate,
  StudyWorkbookError,
  type WorkbookIssue,
} from '../../src/formats/study-excel.ts';
import { templateExamples } from '../../src/formats/study-excel/template.ts';
import { render } from '../../src/i18n/catalogue.ts';

const EN = [
  'stage 阶段',
  'kind 类别',
  'name 名称',
  'amount 数量',
  'unit 单位',
  'transport mass kg 运输质量（千克）',
  'distance km 运输距离（千米）',
  'mode 运输方式',
  'refrigerated 冷藏',
  'source type 来源类型',
  'dataset release 数据集版本',
  'dataset type 数据集类型',
  'dataset id 数据集编号',
  'supplier 供应商',
  'supplier kg CO2e per unit 供应商单位碳足迹（千克二氧化碳当量）',
  'gas 温室气体',
  'evidence type 证据类型',
  'evidence reference 证据出处',
  'evidence date 证据日期',
  'comment 备注',
  'component study id 组件研究编号',
];

async function workbook(sheetName: string, rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row of the template's layout from the cells named by header. */
function row(cells: Record<string, ExcelJS.CellValue>): ExcelJS.CellValue[] {
  return EN.map((h) => cells[h.split(' ').slice(0, -1).join(' ')] ?? null);
}

/**
 * The issues of a refused workbook, where and what in English; each is also in catalogue words
 * that render as its English message and, in Chinese, as Chinese.
 */
async function issuesOf(p: Promise<unknown>): Promise<Pick<WorkbookIssue, 'sheet' | 'row' | 'column' | 'message'>[]> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof StudyWorkbookError, `expected a StudyWorkbookError, got ${String(e)}`);
    assert.ok(e instanceof ImportError);
    for (const issue of e.issues) {
      assert.equal(render(issue, 'en'), issue.message);
      assert.match(render(issue, 'zh'), /[\u4e00-\u9fff]/, `${issue.code}: ${render(issue, 'zh')}`);
    }
    return e.issues.map(({ sheet, row, column, message }) => ({ sheet, row, column, message }));
  }
  assert.fail('the workbook was accepted');
}

const electricity = {
  stage: 'manufacturing',
  kind: 'energy',
  name: 'Grid electricity',
  amount: 100,
  unit: 'kWh',
  'source type': 'background',
  'dataset release': '2026.1',
  'dataset type': 'factor',
  'dataset id': 'cn-electricity-footprint/CN/2024',
};

test('the template parses back to its three example rows, in both languages', async () => {
  for (const lang of ['en', 'zh'] as const) {
    const entries = await parseStudyWorkbook(await studyTemplate({ lang }), `template-${lang}.xlsx`);
    assert.deepEqual(entries, templateExamples(lang));
    assert.deepEqual(
      entries.map((e) => e.kind),
      ['energy', 'transport', 'emission'],
    );
  }
});

test('the template has bilingual headers, dropdowns from the model, a frozen header and a guide', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await studyTemplate({ lang: 'zh' })) as unknown as ArrayBuffer);
  assert.deepEqual(
    wb.worksheets.map((s) => s.name),
    ['清单', '说明'],
  );
  const sheet = wb.getWorksheet('清单')!;
  assert.deepEqual((sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1), EN);
  assert.equal(sheet.views[0].state, 'frozen');
  assert.equal((sheet.views[0] as ExcelJS.WorksheetViewFrozen).ySplit, 1);
  assert.ok(sheet.getColumn(3).width! > 20);
  const list = (address: string) => sheet.getCell(address).dataValidation?.formulae?.[0];
  assert.equal(list('A2'), `"${LifeCycleStageSchema.options.join(',')}"`);
  assert.equal(list('P999'), `"${DirectGasSchema.options.join(',')}"`);
  assert.equal(sheet.getCell('J5').dataValidation?.type, 'list');
  assert.equal(list('C2'), undefined);
  const guide = wb.getWorksheet('说明')!;
  const text = guide.getSheetValues().flat().join('\n');
  for (const h of EN) assert.ok(text.includes(h), `the guide explains ${h}`);
  assert.ok(text.includes('生命周期阶段') && text.includes('Life cycle stage'));
  assert.ok(text.includes('end-of-life  废弃处置'));
});

test('every bad cell is reported with its sheet, row and column', async () => {
  const data = await workbook('Inventory', [
    EN,
    row({ ...electricity, amount: 'ten' }),
    row({ ...electricity, stage: 'production' }),
    row({ ...electricity, 'dataset id': null }),
    row({
      ...electricity,
      kind: 'transport',
      amount: null,
      unit: null,
      'transport mass kg': 500,
      'distance km': -50,
      mode: 'road',
    }),
    row(electricity),
    [],
    row({ ...electricity, gas: 'N2O' }),
  ]);
  const issues = await issuesOf(parseStudyWorkbook(data, 'bad.xlsx'));
  assert.deepEqual(
    issues.map(({ sheet, row, column }) => ({ sheet, row, column })),
    [
      { sheet: 'Inventory', row: 2, column: 'D (amount 数量)' },
      { sheet: 'Inventory', row: 3, column: 'A (stage 阶段)' },
      { sheet: 'Inventory', row: 4, column: 'M (dataset id 数据集编号)' },
      { sheet: 'Inventory', row: 5, column: 'G (distance km 运输距离（千米）)' },
      { sheet: 'Inventory', row: 8, column: 'P (gas 温室气体)' },
    ],
  );
  const [amount, stage, id, distance, gas] = issues.map((i) => i.message);
  assert.equal(amount, 'expected a number, got "ten"');
  assert.equal(stage, `unknown value "production"; allowed: ${LifeCycleStageSchema.options.join(', ')}`);
  assert.equal(id, 'required for source type "background"');
  assert.equal(distance, 'must be greater than 0');
  assert.equal(gas, 'only for source type "direct"; leave it empty');

  await assert.rejects(parseStudyWorkbook(data, 'bad.xlsx'), (e: StudyWorkbookError) => {
    assert.match(e.message, /^bad\.xlsx: 5 problems in the inventory:/);
    assert.ok(e.message.includes('Inventory row 2, D (amount 数量): expected a number, got "ten"'), e.message);
    // the headline in the reader's language; the web app lists the issues beneath it
    assert.equal(render(e.text!, 'zh'), 'bad.xlsx：清单中有 5 处问题');
    assert.equal(render(e.text!, 'en'), 'bad.xlsx: 5 problems in the inventory');
    assert.deepEqual([e.kind, e.code, e.details], ['invalid', 'bad-workbook', e.issues]);
    assert.equal(render(e.issues[0]!, 'zh'), '应为数值，实际为 "ten"');
    return true;
  });
});

test('rules across cells land on the column to fix', async () => {
  const data = await workbook('Inventory', [
    EN,
    row({ ...electricity, kind: 'emission' }),
    row({
      ...electricity,
      'source type': 'supplier',
      'dataset release': null,
      'dataset type': null,
      'dataset id': null,
      supplier: 'Acme',
      'supplier kg CO2e per unit': 0.4,
    }),
    row({ ...electricity, 'evidence reference': 'INV-1' }),
    row({
      ...electricity,
      kind: 'transport',
      amount: 7,
      unit: 'kg',
      'transport mass kg': 1000,
      'distance km': 10,
      mode: 'road',
    }),
  ]);
  const issues = await issuesOf(parseStudyWorkbook(data, 'rules.xlsx'));
  assert.deepEqual(
    issues.map(({ row, column, message }) => [row, column, message]),
    [
      [2, 'J (source type 来源类型)', 'emission and removal entries, and only they, take a direct gas source'],
      [3, 'Q (evidence type 证据类型)', 'required for source type "supplier"'],
      [4, 'Q (evidence type 证据类型)', 'required with the other evidence columns'],
      [5, 'D (amount 数量)', 'a transport amount is mass/1000 × distance = 10 t*km; leave it empty or correct it'],
      [5, 'E (unit 单位)', 'a transport amount is in t*km, not "kg"'],
    ],
  );
});

test('column order does not matter, nor title rows, extra columns or an id column', async () => {
  const headers = ['my notes', 'id', ...[...EN].reverse()];
  const shuffled = (id: string | null, r: ExcelJS.CellValue[]) => [null, id, ...[...r].reverse()];
  const data = await workbook('Inventory', [
    ['Durian study 榴莲碳足迹'],
    [],
    headers,
    shuffled('E-7', row({ ...electricity, amount: '1,234.5' })),
    ['ignored note', null],
    shuffled(
      null,
      row({
        ...electricity,
        stage: 'Distribution',
        kind: 'transport',
        amount: null,
        unit: null,
        'transport mass kg': '２,０００',
        'distance km': 12.5,
        mode: 'Inland water',
        refrigerated: 'no',
      }),
    ),
  ]);
  const entries = await parseStudyWorkbook(data, 'shuffled.xlsx');
  assert.deepEqual(entries, [
    {
      id: 'E-7',
      stage: 'manufacturing',
      kind: 'energy',
      name: 'Grid electricity',
      amount: 1234.5,
      unit: 'kWh',
      source: {
        type: 'background',
        dataset: { type: 'factor', release: '2026.1', id: 'cn-electricity-footprint/CN/2024' },
      },
    },
    {
      id: 'xlsx-6',
      stage: 'distribution',
      kind: 'transport',
      name: 'Grid electricity',
      amount: 25,
      unit: 't*km',
      transport: { massKg: 2000, distanceKm: 12.5, mode: 'inland-water', refrigerated: false },
      source: {
        type: 'background',
        dataset: { type: 'factor', release: '2026.1', id: 'cn-electricity-footprint/CN/2024' },
      },
    },
  ] satisfies Entry[]);
});

test('a Chinese-only header works, with formulas, rich text, dates and yes/no in Chinese', async () => {
  const zh = [
    '阶段',
    '类别',
    '名称',
    '数量',
    '单位',
    '运输质量（千克）',
    '运输距离（千米）',
    '运输方式',
    '冷藏',
    '来源类型',
    '供应商',
    '供应商单位碳足迹（千克二氧化碳当量）',
    '证据类型',
    '证据出处',
    '证据日期',
  ];
  const data = await workbook('清单', [
    zh,
    [
      'use',
      'material',
      { richText: [{ text: '纸箱', font: { bold: true } }, { text: ' A' }] },
      { formula: '2*0.6', result: 1.2 },
      'kg',
      null,
      null,
      null,
      null,
      'supplier',
      '海南包装',
      '０.８５',
      'supplier-statement',
      'PCF-2025-01',
      new Date('2025-03-01T00:00:00Z'),
    ],
    [
      'distribution',
      'transport',
      '冷链运输',
      null,
      null,
      800,
      100,
      'road',
      '是',
      'supplier',
      '顺丰',
      0.3,
      'invoice',
      { text: 'INV-9', hyperlink: 'https://example.com/inv-9' },
      '2025-04',
    ],
  ]);
  assert.deepEqual(await parseStudyWorkbook(data, '清单.xlsx'), [
    {
      id: 'xlsx-2',
      stage: 'use',
      kind: 'material',
      name: '纸箱 A',
      amount: 1.2,
      unit: 'kg',
      source: {
        type: 'supplier',
        supplier: '海南包装',
        kgCo2ePerUnit: 0.85,
        line: 'fossil',
        evidence: { type: 'supplier-statement', reference: 'PCF-2025-01', date: '2025-03-01' },
      },
    },
    {
      id: 'xlsx-3',
      stage: 'distribution',
      kind: 'transport',
      name: '冷链运输',
      amount: 80,
      unit: 't*km',
      transport: { massKg: 800, distanceKm: 100, mode: 'road', refrigerated: true },
      source: {
        type: 'supplier',
        supplier: '顺丰',
        kgCo2ePerUnit: 0.3,
        line: 'fossil',
        evidence: { type: 'invoice', reference: 'INV-9', date: '2025-04' },
      },
    },
  ] satisfies Entry[]);
});

test('a missing sheet, header or column, an unreadable file and repeated ids are one issue each', async () => {
  assert.deepEqual(await issuesOf(parseStudyWorkbook(await workbook('Sheet1', [EN]), 'a.xlsx')), [
    { sheet: 'Inventory', row: 0, column: '', message: 'no sheet "Inventory" or "清单"; the workbook has "Sheet1"' },
  ]);
  const [noHeader] = await issuesOf(
    parseStudyWorkbook(
      await workbook('Inventory', [
        ['a', 'b'],
        ['manufacturing', 'energy'],
      ]),
      'b.xlsx',
    ),
  );
  assert.equal(noHeader.row, 0);
  assert.match(noHeader.message, /^no header row in the first 20 rows; expected column titles such as "stage 阶段"/);
  assert.deepEqual(
    await issuesOf(
      parseStudyWorkbook(await workbook('清单', [['stage', 'kind', 'name', 'amount', 'stage']]), 'c.xlsx'),
    ),
    [
      { sheet: '清单', row: 1, column: 'E (stage)', message: 'names the same column as A (stage); keep one' },
      { sheet: '清单', row: 1, column: '', message: 'the header has no column "unit 单位", "source type 来源类型"' },
    ],
  );
  const [unreadable] = await issuesOf(parseStudyWorkbook(new TextEncoder().encode('stage,kind\n'), 'd.csv'));
  assert.match(unreadable.message, /^not a readable \.xlsx workbook/);
  const ids = await issuesOf(
    parseStudyWorkbook(
      await workbook('Inventory', [
        ['id', ...EN],
        ['A', ...row(electricity)],
        ['A', ...row(electricity)],
      ]),
      'e.xlsx',
    ),
  );
  assert.deepEqual(ids, [
    { sheet: 'Inventory', row: 3, column: 'A (id)', message: 'the id "A" is also the id of row 2' },
  ]);
});
