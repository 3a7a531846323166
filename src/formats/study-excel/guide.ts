import type ExcelJS from 'exceljs';
import type { LifeCycleStage } from '../../model/lci.ts';
import type { DatasetRef, EntryKind, EntrySource, EvidenceType, TransportLeg } from '../../model/study.ts';
import { COLUMNS, ID_COLUMN, SHEETS, columnLetter, title, type Column, type ColumnKey } from './columns.ts';

/** The Guide (说明) sheet: every column explained in Chinese and English, with an example. */

export type Lang = 'zh' | 'en';

interface Help {
  zh: string;
  en: string;
  example: string;
}

export const HELP: Record<ColumnKey, Help> = {
  id: {
    zh: '可选列：条目编号，需唯一。没有此列或留空时编号为 xlsx-<行号>',
    en: 'Optional column: the entry id, unique. Without it, or left empty, the id is xlsx-<row number>',
    example: 'E-001',
  },
  stage: { zh: '生命周期阶段（必填）', en: 'Life cycle stage (required)', example: 'manufacturing' },
  kind: {
    zh: '条目类别（必填）。运输选 transport；某种温室气体的直接排放选 emission，生物碳吸收选 removal',
    en: 'What the entry is (required): transport for a freight leg, emission or removal for a gas emitted or taken up directly',
    example: 'energy',
  },
  name: { zh: '名称（必填）', en: 'Name (required)', example: '电网电力 Grid electricity' },
  amount: {
    zh: '每个功能单位（或声明单位）的活动数据量（必填，不小于 0），可写作 1234.5 或 1,234.5。运输条目可留空：按 质量/1000 × 距离 计算，单位 t*km',
    en: 'Activity amount per functional (or declared) unit (required, at least 0); 1234.5 or 1,234.5. Transport rows may leave it empty: it is mass/1000 × distance, in t*km',
    example: '120',
  },
  unit: {
    zh: '数量的单位（必填），如 kWh、kg、m3；运输条目为 t*km',
    en: 'Unit of the amount (required), e.g. kWh, kg, m3; t*km for transport',
    example: 'kWh',
  },
  'transport.massKg': {
    zh: '所运货物的质量，千克（仅运输条目，必填，大于 0）',
    en: 'Mass of the goods carried, kg (transport rows only, required, above 0)',
    example: '1000',
  },
  'transport.distanceKm': {
    zh: '运输距离，千米（仅运输条目，必填，大于 0）',
    en: 'Distance, km (transport rows only, required, above 0)',
    example: '350',
  },
  'transport.mode': {
    zh: '运输方式（仅运输条目，必填）',
    en: 'Transport mode (transport rows only, required)',
    example: 'road',
  },
  'transport.refrigerated': {
    zh: '是否冷藏运输（仅运输条目）：是/否 或 yes/no，留空为否',
    en: 'Refrigerated (transport rows only): yes/no or 是/否; empty means no',
    example: 'yes',
  },
  'source.type': {
    zh: '单位碳足迹从何而来（必填）：background 选用背景数据库中的数据集；supplier 采用供应商提供的碳足迹；direct 本行数量即所排放或清除的温室气体千克数；study 使用本公司另一项研究（组件）；placeholder 为产品种类规则要求、尚待补充的条目',
    en: "Where the per-unit footprint comes from (required): background, a dataset of a pinned release; supplier, the supplier's own footprint; direct, the amount is kg of a gas emitted or removed; study, another study of your company (a component); placeholder, an entry the product category rule requires, still to complete",
    example: 'background',
  },
  'source.dataset.release': {
    zh: '数据集所在的数据库版本（来源为 background 时必填）',
    en: 'Release that holds the dataset (required for background)',
    example: '2026.1',
  },
  'source.dataset.type': {
    zh: '数据集类型（来源为 background 时必填）：factor 为因子库中的排放因子，process 为 LCI 数据库中的过程',
    en: 'Dataset type (required for background): factor, a factor of a factor release; process, a process of an LCI release',
    example: 'factor',
  },
  'source.dataset.id': {
    zh: '数据集编号（来源为 background 时必填），可用 tanji factor search 或 tanji list 查找',
    en: 'Dataset id (required for background); find it with tanji factor search or tanji list',
    example: 'cn-electricity-footprint/CN-HI/2024',
  },
  'source.supplier': {
    zh: '供应商名称（来源为 supplier 时必填）',
    en: 'Supplier name (required for supplier)',
    example: '海南包装有限公司 Hainan Packaging Co.',
  },
  'source.kgCo2ePerUnit': {
    zh: '供应商提供的每“单位”列单位的碳足迹，千克二氧化碳当量，不含生物碳吸收（来源为 supplier 时必填，不小于 0）',
    en: "Supplier's footprint per unit of the unit column, kg CO2e, biogenic removals excluded (required for supplier, at least 0)",
    example: '0.85',
  },
  'source.gas': {
    zh: '直接排放或清除的温室气体（来源为 direct 时必填），数量为该气体的千克数；清除只能是 CO2-biogenic',
    en: 'Gas emitted or removed (required for direct); the amount is kg of this gas. A removal is CO2-biogenic',
    example: 'N2O',
  },
  'source.study': {
    zh: '本公司另一项研究的编号（来源为 study 时必填）：组件或子总成，按该研究的功能单位计，在本研究锁定的数据库版本上计算',
    en: "Id of another study of your company (required for study): a component or sub-assembly, per that study's functional unit, calculated on this study's releases",
    example: '3f1c2a9e-5b7d-4c1e-9a2b-1d2e3f4a5b6c',
  },
  'evidence.type': {
    zh: '数量的证据类型；仪表读数、发票、供应商声明、实测使数据成为初级数据。来源为 supplier 时，证据各列为供应商碳足迹声明（必填）',
    en: "Evidence for the amount; meter readings, invoices, supplier statements and measurements make it primary data. In supplier rows the evidence columns are the supplier's footprint statement (required)",
    example: 'meter-reading',
  },
  'evidence.reference': {
    zh: '证据出处：单据号、表计编号或文件名（填写证据时必填）',
    en: 'Document number, meter id or file name (required with the other evidence columns)',
    example: 'M-01 2025',
  },
  'evidence.date': { zh: '证据日期', en: 'Date of the evidence', example: '2025-12-31' },
  comment: { zh: '备注', en: 'Comment', example: '' },
};

/** Chinese names of enum values; typed by the enums, so a new value cannot go unexplained. */
const GLOSSES: Partial<Record<ColumnKey, Record<string, string>>> = {
  stage: {
    'raw-materials': '原材料获取',
    manufacturing: '生产制造',
    distribution: '分销运输',
    use: '使用',
    'end-of-life': '废弃处置',
  } satisfies Record<LifeCycleStage, string>,
  kind: {
    material: '物料',
    energy: '能源',
    transport: '运输',
    waste: '废弃物',
    emission: '温室气体直接排放',
    removal: '生物碳吸收（清除）',
  } satisfies Record<EntryKind, string>,
  'transport.mode': { road: '公路', rail: '铁路', sea: '海运', 'inland-water': '内河', air: '航空' } satisfies Record<
    TransportLeg['mode'],
    string
  >,
  'source.type': {
    background: '背景数据集',
    supplier: '供应商碳足迹',
    direct: '温室气体直接排放或清除',
    study: '组件研究',
    placeholder: '待补充（产品种类规则要求）',
  } satisfies Record<EntrySource['type'], string>,
  'source.dataset.type': { factor: '排放因子', process: '过程数据集' } satisfies Record<DatasetRef['type'], string>,
  'evidence.type': {
    'meter-reading': '仪表读数',
    invoice: '发票',
    'supplier-statement': '供应商声明',
    measurement: '实测',
    calculation: '计算',
    literature: '文献',
    estimate: '估算',
  } satisfies Record<EvidenceType, string>,
};

const RULES: { zh: string; en: string }[] = [
  {
    zh: '在“清单”表中每行填写一个条目，数量均按一个功能单位（或声明单位）计。空行会被忽略。',
    en: 'One entry per row of the Inventory sheet, amounts per functional (or declared) unit. Empty rows are skipped.',
  },
  {
    zh: '表头可用英文、中文或中英文，列的顺序可以调整。',
    en: 'Headers may be English, Chinese or both, in any column order.',
  },
  {
    zh: '来源为 background 时填写数据集三列；supplier 时填写供应商、单位碳足迹和证据；direct 时填写温室气体。',
    en: 'background rows fill the three dataset columns; supplier rows the supplier, its footprint and the evidence; direct rows the gas.',
  },
  {
    zh: '运输条目填写质量、距离和运输方式，数量自动按 t*km 计算。',
    en: 'Transport rows fill mass, distance and mode; the amount is computed in t*km.',
  },
  { zh: '示例行可直接删除或覆盖。', en: 'Delete or overwrite the example rows.' },
];

function allowed(c: Column): string {
  switch (c.value.type) {
    case 'enum': {
      const gloss = GLOSSES[c.key] ?? {};
      return c.value.options.map((o) => (gloss[o] ? `${o}  ${gloss[o]}` : o)).join('\n');
    }
    case 'number':
      return 'number 数字';
    case 'bool':
      return 'yes / no, 是 / 否';
    case 'date':
      return 'date 日期 (2025-12-31)';
    case 'text':
      return 'text 文本';
  }
}

export function addGuide(workbook: ExcelJS.Workbook, lang: Lang) {
  const sheet = workbook.addWorksheet(SHEETS.guide[lang]);
  const pair = (t: { zh: string; en: string }) => (lang === 'zh' ? [t.zh, t.en] : [t.en, t.zh]);
  sheet.columns = [{ width: 30 }, { width: 56 }, { width: 56 }, { width: 34 }, { width: 36 }];
  sheet.addRow([
    'Tanji 碳迹',
    ...pair({ zh: '产品碳足迹清单模板', en: 'Product carbon footprint inventory template' }),
  ]).font = { bold: true, size: 14 };
  for (const rule of RULES) sheet.addRow(['', ...pair(rule)]);
  sheet.addRow([]);
  sheet.addRow([
    'column 列',
    ...pair({ zh: '说明', en: 'description' }),
    'allowed values 可选值',
    'example 示例',
  ]).font = { bold: true };
  const entries: [string, Column][] = [
    ...COLUMNS.map((c, i): [string, Column] => [columnLetter(i + 1), c]),
    ['(optional 可选)', ID_COLUMN],
  ];
  for (const [where, c] of entries)
    sheet.addRow([`${where}  ${title(c)}`, ...pair(HELP[c.key]), allowed(c), HELP[c.key].example]);
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
}
