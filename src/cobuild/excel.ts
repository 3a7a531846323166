import ExcelJS from 'exceljs';
import { FactorKindSchema, FactorSchema } from '../model/factor.ts';
import { isEmpty, readCell, shownValue } from '../formats/study-excel/cells.ts';
import { columnLetter, loose, type ValueType } from '../formats/study-excel/columns.ts';
import { DomainError } from '../model/errors.ts';
import { coded, type ImportProblem } from '../formats/errors.ts';
import { unreadableWorkbook } from '../formats/study-excel/parse.ts';
import { checkWorkbookZip } from '../formats/zip.ts';
import type { Sharing, SubmissionInput } from './model.ts';
import { pefDqr } from './quality.ts';

/**
 * The Excel template organisations fill in to submit factors, one row per dataset, and its
 * parser. Headers are bilingual ("数值 value"); either language names a column. Every problem of
 * the workbook is collected before anything is submitted, each named by sheet, row and column.
 */

export const DATASET_SHEET = { zh: '数据集', en: 'Datasets' };

interface Column {
  key: string;
  zh: string;
  en: string;
  value: ValueType;
  required: boolean;
  width: number;
  help: string;
}

const text: ValueType = { type: 'text' };
const number: ValueType = { type: 'number' };
const score: ValueType = { type: 'enum', options: ['1', '2', '3', '4', '5'] };
const col = (
  key: string,
  zh: string,
  en: string,
  value: ValueType,
  required: boolean,
  width: number,
  help: string,
): Column => ({ key, zh, en, value, required, width, help });

export const DATASET_COLUMNS: readonly Column[] = [
  col(
    'series',
    '系列标识',
    'series',
    text,
    true,
    28,
    '产品系列标识，同一产品各方使用相同标识 / the product series id, the same for every party (e.g. material-cement-clinker, cn-electricity-footprint)',
  ),
  col('name', '名称', 'name', text, true, 36, '英文名称 / name in English'),
  col('nameZh', '中文名称', 'name_zh', text, false, 28, '中文名称 / name in Chinese'),
  col(
    'kind',
    '类型',
    'kind',
    { type: 'enum', options: FactorKindSchema.options.filter((k) => k !== 'gwp') },
    true,
    20,
    '因子类型 / what the factor is for',
  ),
  col('value', '数值', 'value', number, true, 12, '每单位排放 / emission per unit'),
  col('unit', '单位', 'unit', text, true, 16, '如 kg CO2e/t / e.g. kg CO2e/t'),
  col('perUnit', '计量单位', 'per_unit', text, true, 12, '如 t、kWh、t*km / e.g. t, kWh, t*km'),
  col(
    'gases',
    '气体',
    'gases',
    { type: 'enum', options: ['CO2e', 'CO2'] },
    true,
    10,
    'CO2e 或仅 CO2 / CO2e or CO2 only',
  ),
  col(
    'gwpSet',
    'GWP 版本',
    'gwp_set',
    { type: 'enum', options: ['AR6', 'AR5', 'AR4'] },
    false,
    10,
    'CO2e 所用 GWP / the GWP values of CO2e',
  ),
  col('region', '地区', 'region', text, true, 12, '省份代码如 CN-GD 或 CN / a province code such as CN-GD, or CN'),
  col('year', '年份', 'year', number, true, 8, '数据代表年份 / the year the data represent'),
  col('technology', '技术', 'technology', text, true, 30, '工艺与技术 / process and technology'),
  col(
    'sourceTitle',
    '数据来源',
    'source_title',
    text,
    true,
    30,
    '报告、监测计划等 / report, monitoring plan, measurement campaign',
  ),
  col('publisher', '提供单位', 'publisher', text, true, 24, '数据提供单位 / who produced the data'),
  col('documentNumber', '文件编号', 'document_number', text, false, 16, ''),
  col('url', '链接', 'url', text, false, 20, ''),
  col('reliability', '可靠性', 'reliability', score, true, 8, '谱系矩阵 1–5 / pedigree 1 (best) to 5'),
  col('completeness', '完整性', 'completeness', score, true, 8, '谱系矩阵 1–5 / pedigree 1 to 5'),
  col('temporal', '时间相关性', 'temporal', score, true, 8, '谱系矩阵 1–5 / pedigree 1 to 5'),
  col('geographical', '地理相关性', 'geographical', score, true, 8, '谱系矩阵 1–5 / pedigree 1 to 5'),
  col('technological', '技术相关性', 'technological', score, true, 8, '谱系矩阵 1–5 / pedigree 1 to 5'),
  col('licence', '许可', 'licence', text, false, 20, '公开共享时必填 / required when shared publicly'),
  col('volume', '年产量', 'production_volume', number, false, 12, '加权平均的权重 / the weight in averages'),
  col('volumeUnit', '产量单位', 'production_unit', text, false, 10, '如 t、MWh / e.g. t, MWh'),
  col(
    'sharing',
    '共享方式',
    'sharing',
    { type: 'enum', options: ['confidential', 'public'] },
    false,
    14,
    'confidential 保密（默认，仅用于行业平均）或 public 公开 / confidential (default: only inside averages) or public',
  ),
  col('note', '备注', 'note', text, false, 24, ''),
];

const title = (c: Column) => `${c.zh} ${c.en}`;
const VALIDATED_ROWS = 500;

/** One problem of the workbook: where, and a catalogue code and params beside the English `message`. */
export interface DatasetWorkbookIssue extends ImportProblem {
  sheet: string;
  row: number;
  column: string;
}

/** Every problem of the submitted workbook, answered 'bad-workbook' with the issues as details. */
export class DatasetWorkbookError extends DomainError {
  constructor(readonly issues: DatasetWorkbookIssue[]) {
    const lines = issues
      .slice(0, 10)
      .map((i) => `\n  ${i.sheet}${i.row ? ` row ${i.row}` : ''}${i.column ? `, ${i.column}` : ''}: ${i.message}`);
    // the catalogue words are the headline, as the web app lists the issues beneath it; the English message lists them too
    const headline = coded('import.workbook-problems', { count: issues.length });
    const more = issues.length > 10 ? `\n  … and ${issues.length - 10} more` : '';
    super('invalid', 'bad-workbook', { ...headline, message: `${headline.message}:${lines.join('')}${more}` }, issues);
  }
}

export async function datasetTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tanji 碳迹';
  const sheet = workbook.addWorksheet(`${DATASET_SHEET.zh} ${DATASET_SHEET.en}`, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  sheet.columns = DATASET_COLUMNS.map((c) => ({
    header: title(c),
    key: c.key,
    width: c.width,
    style: c.value.type === 'text' || c.value.type === 'enum' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).eachCell((cell, i) => {
    const c = DATASET_COLUMNS[i - 1];
    cell.font = { bold: true, color: c.required ? { argb: 'FF9C0006' } : undefined };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
    if (c.help) cell.note = c.help;
  });
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  DATASET_COLUMNS.forEach((c, i) => {
    if (c.value.type !== 'enum') return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.value.options.join(',')}"`],
      showErrorMessage: true,
      error: `allowed: ${c.value.options.join(', ')}`,
    });
  });
  const guide = workbook.addWorksheet('说明 Guide');
  guide.columns = [{ width: 24 }, { width: 100 }];
  guide.addRow([
    '碳迹 数据集提交模板',
    'Tanji dataset submission template: one factor per row in the first sheet; red headers are required. Unit processes are submitted as openLCA JSON-LD or EcoSpold2 zip files.',
  ]);
  guide.addRow([
    '示例 Example',
    'series cn-electricity-footprint; name Electricity generation, Hainan, plant average; kind electricity-footprint; value 0.78; unit kg CO2e/kWh; per_unit kWh; gases CO2e; gwp_set AR6; region CN-HI; year 2024; production_volume 20000000 MWh',
  ]);
  for (const c of DATASET_COLUMNS) guide.addRow([title(c), `${c.required ? '必填 required. ' : ''}${c.help}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function columnKeyOf(header: string): string | undefined {
  const h = loose(header);
  return DATASET_COLUMNS.find((c) => h === loose(title(c)) || h === loose(c.en) || h === loose(c.zh))?.key;
}

export async function parseDatasetWorkbook(
  data: Uint8Array,
  defaultSharing: Sharing = 'confidential',
): Promise<SubmissionInput[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    checkWorkbookZip(data, 'workbook');
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new DatasetWorkbookError([
      {
        sheet: '',
        row: 0,
        column: '',
        ...unreadableWorkbook(e),
      },
    ]);
  }
  const sheet = workbook.worksheets.find(
    (ws) => loose(ws.name).includes(loose(DATASET_SHEET.en)) || loose(ws.name).includes(loose(DATASET_SHEET.zh)),
  );
  if (!sheet)
    throw new DatasetWorkbookError([
      {
        sheet: DATASET_SHEET.en,
        row: 0,
        column: '',
        ...coded('workbook.no-sheet', {
          sheets: `${DATASET_SHEET.zh} ${DATASET_SHEET.en}`,
          found: workbook.worksheets.map((w) => `"${w.name}"`).join(', '),
        }),
      },
    ]);
  const columns = new Map<string, { col: number; label: string }>();
  sheet.getRow(1).eachCell((cell, n) => {
    const label = String(shownValue(cell.value) ?? '');
    const key = columnKeyOf(label);
    if (key) columns.set(key, { col: n, label: `${columnLetter(n)} (${label})` });
  });
  const issues: DatasetWorkbookIssue[] = [];
  const missing = DATASET_COLUMNS.filter((c) => c.required && !columns.has(c.key));
  if (missing.length)
    throw new DatasetWorkbookError([
      {
        sheet: sheet.name,
        row: 1,
        column: '',
        ...coded('workbook.missing-dataset-columns', { count: missing.length, columns: missing.map(title).join(', ') }),
      },
    ]);

  const inputs: SubmissionInput[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values: Record<string, string | number | boolean | undefined> = {};
    const unreadable = new Set<string>();
    const problem = (key: string, what: ImportProblem) => {
      unreadable.add(key);
      issues.push({ sheet: sheet.name, row: n, column: columns.get(key)?.label ?? key, ...what });
    };
    let empty = true;
    for (const c of DATASET_COLUMNS) {
      const at = columns.get(c.key);
      if (!at) continue;
      const shown = shownValue(row.getCell(at.col).value);
      if (!isEmpty(shown)) empty = false;
      const read = readCell(shown, c.value);
      if ('problem' in read) problem(c.key, read.problem);
      else values[c.key] = read.value;
    }
    if (empty) return;
    for (const c of DATASET_COLUMNS)
      if (c.required && values[c.key] === undefined && !unreadable.has(c.key))
        problem(c.key, coded('workbook.required', {}));
    if (unreadable.size) return;
    const v = values as Record<string, string | number | undefined>;
    const str = (k: string) => (v[k] === undefined ? undefined : String(v[k]));
    const pedigree = {
      reliability: Number(v.reliability),
      completeness: Number(v.completeness),
      temporal: Number(v.temporal),
      geographical: Number(v.geographical),
      technological: Number(v.technological),
    };
    const factor = FactorSchema.safeParse({
      id: `${str('series')}/${str('region')}/${v.year}`,
      kind: v.kind,
      name: str('name'),
      nameZh: str('nameZh'),
      perUnit: str('perUnit'),
      value: v.value,
      unit: str('unit'),
      gases: v.gases,
      gwpSet: v.gwpSet,
      region: str('region'),
      year: v.year,
      technology: str('technology'),
      source: {
        title: str('sourceTitle'),
        publisher: str('publisher'),
        documentNumber: str('documentNumber'),
        url: str('url'),
      },
      dataQuality: { pedigree, dqr: pefDqr(pedigree) },
      licence: str('licence') ?? '',
      status: 'check',
    });
    if (!factor.success) {
      for (const i of factor.error.issues)
        problem(
          DATASET_COLUMNS.find((c) => c.key === String(i.path.at(-1)))?.key ?? String(i.path[0]),
          coded('import.not-in-model', { problem: i.message }),
        );
      return;
    }
    const volume = v.volume === undefined ? undefined : { amount: Number(v.volume), unit: str('volumeUnit') ?? '' };
    if (volume && !volume.unit) return problem('volumeUnit', coded('workbook.volume-without-unit', {}));
    inputs.push({
      dataset: { type: 'factor', factor: factor.data },
      meta: {
        sharing: (v.sharing as Sharing | undefined) ?? defaultSharing,
        productionVolume: volume,
        note: str('note'),
      },
    });
  });
  if (issues.length) throw new DatasetWorkbookError(issues);
  if (inputs.length === 0)
    throw new DatasetWorkbookError([{ sheet: sheet.name, row: 0, column: '', ...coded('workbook.no-rows', {}) }]);
  return inputs;
}
