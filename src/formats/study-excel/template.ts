import ExcelJS from 'exceljs';
import type { Entry } from '../../model/study.ts';
import { COLUMNS, SHEETS, columnLetter, title, valueAt, type ColumnKey, type ValueType } from './columns.ts';
import { HELP, addGuide, type Lang } from './guide.ts';

/** Dropdowns reach this far down; a longer inventory still parses, it only loses the dropdowns. */
const VALIDATED_ROWS = 1000;

/** Excel refuses a workbook whose inline list is longer than this. */
const MAX_LIST_CHARS = 255;

/** Text columns are formatted as text, so that a release typed as 2026.10 is not read as the number 2026.1. */
const STYLE: Record<ValueType['type'], Partial<ExcelJS.Style>> = {
  text: { numFmt: '@' },
  date: { numFmt: 'yyyy-mm-dd' },
  number: {},
  bool: {},
  enum: {},
};

/** The example rows, as the entries the parser must give back for rows 2, 3 and 4. */
export function templateExamples(lang: Lang = 'en'): Entry[] {
  const say = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  return [
    {
      id: 'xlsx-2',
      stage: 'manufacturing',
      kind: 'energy',
      name: say('电网电力，海南', 'Grid electricity, Hainan'),
      amount: 120,
      unit: 'kWh',
      source: {
        type: 'background',
        dataset: { type: 'factor', release: '2026.1', id: 'cn-electricity-footprint/CN-HI/2024' },
      },
      evidence: { type: 'meter-reading', reference: 'M-01 2025', date: '2025-12-31' },
      comment: say('示例行，请替换', 'Example row: replace it'),
    },
    {
      id: 'xlsx-3',
      stage: 'distribution',
      kind: 'transport',
      name: say('冷藏货车，海口至广州', 'Refrigerated truck, Haikou to Guangzhou'),
      amount: 350,
      unit: 't*km',
      transport: { massKg: 1000, distanceKm: 350, mode: 'road', refrigerated: true },
      source: {
        type: 'background',
        dataset: { type: 'factor', release: '2026.1', id: 'cn-transport-road-heavy-diesel-truck/CN/2022' },
      },
      evidence: { type: 'calculation', reference: say('运输路线表', 'Route plan'), date: '2025-06-30' },
      comment: say('示例行，请替换', 'Example row: replace it'),
    },
    {
      id: 'xlsx-4',
      stage: 'raw-materials',
      kind: 'emission',
      name: say('施肥产生的直接 N2O 排放', 'Direct N2O from fertiliser'),
      amount: 0.5,
      unit: 'kg',
      source: { type: 'direct', gas: 'N2O' },
      evidence: { type: 'calculation', reference: 'IPCC 2019 Refinement Vol. 4 Ch. 11, EF1 = 0.01' },
      comment: say('示例行，请替换', 'Example row: replace it'),
    },
  ];
}

/**
 * One validation per range, which exceljs supports but does not type. Per-cell validations would
 * go through its optimiser, which sorts "A10" before "A2" and writes overlapping ranges.
 */
function rangeValidations(sheet: ExcelJS.Worksheet) {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;
}

function letterOf(key: ColumnKey): string {
  return columnLetter(COLUMNS.findIndex((c) => c.key === key) + 1);
}

function cellsOf(e: Entry, row: number): ExcelJS.CellValue[] {
  const shown = { ...e, evidence: e.source.type === 'supplier' ? e.source.evidence : e.evidence };
  return COLUMNS.map((c) => {
    if (c.key === 'amount' && e.transport) {
      return {
        formula: `${letterOf('transport.massKg')}${row}/1000*${letterOf('transport.distanceKm')}${row}`,
        result: e.amount,
      };
    }
    const v = valueAt(shown, c.key) as ExcelJS.CellValue;
    return c.value.type === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v;
  });
}

/** The Excel inventory a practitioner fills in: Inventory (清单) with dropdowns and examples, and Guide (说明). */
export async function studyTemplate(opts: { lang?: Lang } = {}): Promise<Buffer> {
  const lang = opts.lang ?? 'en';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tanji 碳迹';
  const sheet = workbook.addWorksheet(SHEETS.inventory[lang], { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: title(c), key: c.key, width: c.width, style: STYLE[c.value.type] }));
  const header = sheet.getRow(1);
  header.height = 45;
  header.eachCell((cell, col) => {
    const help = HELP[COLUMNS[col - 1].key];
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
    cell.note = `${help.zh}\n${help.en}`;
  });
  for (const e of templateExamples(lang)) sheet.addRow(cellsOf(e, sheet.rowCount + 1));

  COLUMNS.forEach((c, i) => {
    if (c.value.type !== 'enum') return;
    const list = c.value.options.join(',');
    if (list.length > MAX_LIST_CHARS)
      throw new Error(
        `study-excel: the ${c.en} values no longer fit an Excel dropdown (${list.length} > ${MAX_LIST_CHARS} characters)`,
      );
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list}"`],
      showErrorMessage: true,
      errorTitle: title(c),
      error: `可选值 allowed: ${c.value.options.join(', ')}`,
    };
    const letter = columnLetter(i + 1);
    rangeValidations(sheet).add(`${letter}2:${letter}${VALIDATED_ROWS}`, validation);
  });

  addGuide(workbook, lang);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
