import type { TextLang } from '../i18n/cobuild.ts';

/**
 * The words of the release notes in English and Chinese, each phrase defined once per language.
 * `notesMarkdown` lays them out; the structured notes hold only data, so a published release's
 * notes can be rendered again in either language.
 */

export interface NotesText {
  title: (release: string) => string;
  summary: (s: {
    release: string;
    bases: string[];
    added: number;
    replaced: number;
    aggregates: number;
    contributors: number;
  }) => string;
  changed: string;
  nothingChanged: string;
  /** "replaced factor" */
  change: (change: 'added' | 'replaced', type: 'factor' | 'process') => string;
  /** the unit of a process's footprint change */
  perUnitOfProduct: string;
  fields: (fields: string[]) => string;
  fromAggregate: string;
  contributors: string;
  none: string;
  datasets: (n: number) => string;
  aggregates: string;
  aggregate: (a: { datasets: number; contributors: number }) => string;
  benchmarks: string;
  noBenchmarks: string;
  notCalculated: (error: string) => string;
  /** "name: details" */
  colon: string;
  /** "(details)" */
  paren: (text: string) => string;
  /** a relative change, "+14.7 %" */
  percent: (x: number) => string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;

const en: NotesText = {
  title: (release) => `Release ${release}`,
  summary: (s) =>
    `Release ${s.release}${s.bases.length ? ` on ${s.bases.join(' + ')}` : ''}: ` +
    `${plural(s.added, 'dataset')} added, ${s.replaced} replaced, ${plural(s.aggregates, 'aggregate')}, ${plural(s.contributors, 'contributing organisation')}.`,
  changed: 'What changed',
  nothingChanged: 'Nothing: the release repeats its base.',
  change: (change, type) => `${change} ${type}`,
  perUnitOfProduct: 'kg CO2e per unit of product',
  fields: (fields) => `; fields ${fields.join(', ')}`,
  fromAggregate: ' (aggregate)',
  contributors: 'Contributors',
  none: 'None.',
  datasets: (n) => plural(n, 'dataset'),
  aggregates: 'Aggregates',
  aggregate: (a) =>
    `${plural(a.datasets, 'dataset')} from ${plural(a.contributors, 'organisation')}; their primary data stay confidential`,
  benchmarks: 'Effect on benchmark products',
  noBenchmarks: 'No benchmark products are defined.',
  notCalculated: (error) => `not calculated (${error})`,
  colon: ': ',
  paren: (text) => ` (${text})`,
  percent: (x) => `${signed(x)} %`,
};

const zh: NotesText = {
  title: (release) => `发布说明：版本 ${release}`,
  summary: (s) =>
    `版本 ${s.release}${s.bases.length ? `（基于 ${s.bases.join(' + ')}）` : ''}：` +
    `新增 ${s.added} 个数据集，替换 ${s.replaced} 个，行业平均 ${s.aggregates} 个，贡献单位 ${s.contributors} 家。`,
  changed: '变更内容',
  nothingChanged: '无变更：本版本与基础版本相同。',
  change: (change, type) => `${change === 'added' ? '新增' : '替换'}${type === 'factor' ? '因子' : '单元过程'}`,
  perUnitOfProduct: 'kg CO2e/单位产品',
  fields: (fields) => `；变更字段：${fields.join('、')}`,
  fromAggregate: '（行业平均）',
  contributors: '贡献者',
  none: '无。',
  datasets: (n) => `${n} 个数据集`,
  aggregates: '行业平均',
  aggregate: (a) => `来自 ${a.contributors} 家单位的 ${a.datasets} 个数据集；各单位的原始数据保密`,
  benchmarks: '对基准产品的影响',
  noBenchmarks: '尚未设定基准产品。',
  notCalculated: (error) => `未能计算（${error}）`,
  colon: '：',
  paren: (text) => `（${text}）`,
  percent: (x) => `${signed(x)}%`,
};

export const NOTES_TEXT: Record<TextLang, NotesText> = { en, zh };
