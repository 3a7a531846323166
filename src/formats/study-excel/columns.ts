import { LifeCycleStageSchema } from '../../model/lci.ts';
import {
  DatasetRefSchema,
  DirectGasSchema,
  EntryKindSchema,
  EntrySourceSchema,
  EvidenceTypeSchema,
  TransportLegSchema,
} from '../../model/study.ts';

/**
 * The columns of the Inventory sheet. A column's key is the path of the Entry field it fills, so
 * that a schema issue finds its column from the path. Evidence columns fill
 * `source.evidence` on supplier rows and `evidence` on the others (see row.ts).
 */

export const SOURCE_TYPES = EntrySourceSchema.options.map((o) => o.shape.type.value);

export type ColumnKey =
  | 'id'
  | 'stage'
  | 'kind'
  | 'name'
  | 'amount'
  | 'unit'
  | 'transport.massKg'
  | 'transport.distanceKm'
  | 'transport.mode'
  | 'transport.refrigerated'
  | 'source.type'
  | 'source.dataset.release'
  | 'source.dataset.type'
  | 'source.dataset.id'
  | 'source.supplier'
  | 'source.kgCo2ePerUnit'
  | 'source.gas'
  | 'source.study'
  | 'evidence.type'
  | 'evidence.reference'
  | 'evidence.date'
  | 'comment';

export type ValueType = { type: 'text' | 'number' | 'bool' | 'date' } | { type: 'enum'; options: readonly string[] };

export interface Column {
  key: ColumnKey;
  /** English title: ASCII only, so that it can be told apart from the Chinese one in a bilingual header */
  en: string;
  /** Chinese title: no Latin letters, for the same reason */
  zh: string;
  value: ValueType;
  width: number;
}

const text = { type: 'text' } as const;
const number = { type: 'number' } as const;
const oneOf = (options: readonly string[]) => ({ type: 'enum', options }) as const;

/** In template order. */
export const COLUMNS: readonly Column[] = [
  { key: 'stage', en: 'stage', zh: '阶段', value: oneOf(LifeCycleStageSchema.options), width: 16 },
  { key: 'kind', en: 'kind', zh: '类别', value: oneOf(EntryKindSchema.options), width: 12 },
  { key: 'name', en: 'name', zh: '名称', value: text, width: 36 },
  { key: 'amount', en: 'amount', zh: '数量', value: number, width: 12 },
  { key: 'unit', en: 'unit', zh: '单位', value: text, width: 10 },
  { key: 'transport.massKg', en: 'transport mass kg', zh: '运输质量（千克）', value: number, width: 14 },
  { key: 'transport.distanceKm', en: 'distance km', zh: '运输距离（千米）', value: number, width: 14 },
  { key: 'transport.mode', en: 'mode', zh: '运输方式', value: oneOf(TransportLegSchema.shape.mode.options), width: 14 },
  { key: 'transport.refrigerated', en: 'refrigerated', zh: '冷藏', value: { type: 'bool' }, width: 12 },
  { key: 'source.type', en: 'source type', zh: '来源类型', value: oneOf(SOURCE_TYPES), width: 14 },
  { key: 'source.dataset.release', en: 'dataset release', zh: '数据集版本', value: text, width: 14 },
  {
    key: 'source.dataset.type',
    en: 'dataset type',
    zh: '数据集类型',
    value: oneOf(DatasetRefSchema.shape.type.options),
    width: 12,
  },
  { key: 'source.dataset.id', en: 'dataset id', zh: '数据集编号', value: text, width: 40 },
  { key: 'source.supplier', en: 'supplier', zh: '供应商', value: text, width: 22 },
  {
    key: 'source.kgCo2ePerUnit',
    en: 'supplier kg CO2e per unit',
    zh: '供应商单位碳足迹（千克二氧化碳当量）',
    value: number,
    width: 18,
  },
  { key: 'source.gas', en: 'gas', zh: '温室气体', value: oneOf(DirectGasSchema.options), width: 14 },
  { key: 'evidence.type', en: 'evidence type', zh: '证据类型', value: oneOf(EvidenceTypeSchema.options), width: 18 },
  { key: 'evidence.reference', en: 'evidence reference', zh: '证据出处', value: text, width: 30 },
  { key: 'evidence.date', en: 'evidence date', zh: '证据日期', value: { type: 'date' }, width: 13 },
  { key: 'comment', en: 'comment', zh: '备注', value: text, width: 30 },
  // last, so that the columns of workbooks filled before it keep their letters
  { key: 'source.study', en: 'component study id', zh: '组件研究编号', value: text, width: 38 },
];

/** Not in the template: a workbook that keeps its own entry ids adds it. */
export const ID_COLUMN: Column = { key: 'id', en: 'id', zh: '编号', value: text, width: 14 };

export const ALL_COLUMNS: readonly Column[] = [...COLUMNS, ID_COLUMN];

/** A header without these cannot hold a single valid row. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['stage', 'kind', 'name', 'amount', 'unit', 'source.type'];

export function title(c: { en: string; zh: string }): string {
  return `${c.en} ${c.zh}`;
}

export function columnByKey(key: ColumnKey): Column {
  return ALL_COLUMNS.find((c) => c.key === key)!;
}

/** Width-, case- and punctuation-blind: "Dataset ID", "dataset_id" and "数据集编号（）" compare equal. */
export function loose(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The header as written, its Latin part and its Chinese part: any one of them may name the column. */
function readings(header: string): string[] {
  const han = header.match(/\p{Script=Han}+/gu)?.join('') ?? '';
  return [loose(header), loose(header.replace(/\p{Script=Han}+/gu, ' ')), loose(han)].filter((s) => s !== '');
}

/** The sheet and column names a title may take: English, Chinese, or both. */
export function matchesTitle(header: string, names: { en: string; zh: string }): boolean {
  const wanted = [names.en, names.zh, title(names)].map(loose);
  return readings(header).some((r) => wanted.includes(r));
}

export function columnOfHeader(header: string): Column | undefined {
  return ALL_COLUMNS.find((c) => matchesTitle(header, c));
}

export const SHEETS = {
  inventory: { en: 'Inventory', zh: '清单' },
  guide: { en: 'Guide', zh: '说明' },
} as const;

/** "A", …, "Z", "AA", … for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The value at a dotted key or schema path, undefined where the path leads nowhere. */
export function valueAt(o: unknown, path: string | readonly PropertyKey[]): unknown {
  const keys = typeof path === 'string' ? path.split('.') : path;
  return keys.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    o,
  );
}
