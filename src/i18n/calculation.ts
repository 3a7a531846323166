import { define } from './define.ts';

/** Texts of a study calculation that the reader sees: the uncertainty method, and the warnings written in the reader's language. */

/** The evidence a supplier's figure rests on, by its type (src/model/study.ts). */
const EVIDENCE: Record<'en' | 'zh', Record<string, string>> = {
  en: {
    'meter-reading': 'meter reading',
    invoice: 'invoice',
    'supplier-statement': 'supplier statement',
    measurement: 'measurement',
    calculation: 'calculation',
    literature: 'literature',
    estimate: 'estimate',
  },
  zh: {
    'meter-reading': '表计读数',
    invoice: '发票',
    'supplier-statement': '供应商声明',
    measurement: '实测',
    calculation: '计算',
    literature: '文献',
    estimate: '估算',
  },
};

export const CALCULATION_TEXTS = {
  'uncertainty.method': define({
    en: () =>
      'Monte Carlo of the GHG emissions: parameters with a stated range drawn from it and the formulas re-evaluated; each entry scaled by a draw from its stated range, ' +
      'else lognormals of its amount and factor (basic GSD 1.05 widened by the pedigree); LCI processes by their exchange uncertainty and pedigree through one demand vector, refactorised per draw. ' +
      'Contribution to variance: squared correlation of each input with the result.',
    zh: () =>
      '温室气体排放的蒙特卡洛模拟：有给定范围的参数按其范围抽样并重新计算公式；每个条目按其给定范围抽样缩放，' +
      '否则其活动数据与因子取对数正态分布（基本几何标准差 1.05，按谱系矩阵放大）；LCI 过程按其交换量的不确定性与谱系，经同一需求向量每次抽样重新分解求解。' +
      '方差贡献：各输入与结果相关系数的平方。',
  }),
  'entry.region-mismatch': define<{ entry: string; region: string; dataset: string; datasetName: string }>({
    en: (p) =>
      `${p.entry}: happens in ${p.region} but its dataset is for ${p.dataset} (${p.datasetName}); search its dataset in ${p.region}`,
    zh: (p) =>
      `${p.entry}：发生在 ${p.region}，所用数据集却属于 ${p.dataset}（${p.datasetName}）；请在 ${p.region} 中检索其数据集`,
  }),
  'calc.entry-note': define<{ entry: string; note: string }>({
    en: (p) => `${p.entry}: ${p.note}`,
    zh: (p) => `「${p.entry}」：${p.note}`,
  }),
  'calc.entry-quarantined': define<{ entry: string; release: string; finding: string }>({
    en: (p) => `${p.entry}: quarantined by the quality screen of release ${p.release}: ${p.finding}`,
    zh: (p) => `「${p.entry}」：已被版本 ${p.release} 的质量筛查隔离：${p.finding}`,
  }),
  'calc.provider-choice': define<{
    candidates: number;
    process: string;
    flow: string;
    provider: string;
    location: string;
    rule: string;
  }>({
    en: (p) =>
      `provider chosen among ${p.candidates}: "${p.process}" takes "${p.flow}" from "${p.provider}"${p.location ? ` (${p.location})` : ''} by rule ${p.rule} (${PROVIDER_RULES[p.rule]?.en ?? p.rule})`,
    zh: (p) =>
      `在 ${p.candidates} 个供应方中选定：「${p.process}」的「${p.flow}」取自「${p.provider}」${p.location ? `（${p.location}）` : ''}，依据规则：${PROVIDER_RULES[p.rule]?.zh ?? `「${p.rule}」`}`,
  }),
  'calc.more-provider-choices': define<{ count: number }>({
    en: (p) => `… and ${p.count} more providers chosen among several`,
    zh: (p) => `…… 另有 ${p.count} 处在多个供应方中作了选择`,
  }),
  'calc.cutoffs': define<{ count: number; release: string; flows: string }>({
    en: (p) =>
      `${p.count} inputs of the background processes have no provider in release ${p.release} and are cut off: ${p.flows}`,
    zh: (p) => `背景过程有 ${p.count} 项输入在版本 ${p.release} 中没有供应方，已截断：「${p.flows}」`,
  }),
  'calc.grave-without-use': define({
    en: () => 'the boundary is cradle-to-grave but the use and end-of-life stages hold no emissions',
    zh: () => '系统边界为“从摇篮到坟墓”，但使用阶段与寿命终止阶段没有任何排放',
  }),
  'calc.mc-clamped': define<{ count: number }>({
    en: (p) =>
      `${p.count} Monte Carlo draws of parameter ranges gave a negative amount, taken as 0: narrow the range or use a lognormal`,
    zh: (p) => `参数范围的 Monte Carlo 抽样中有 ${p.count} 次得到负值，已按 0 计：请收窄范围或改用对数正态分布`,
  }),
  // what an entry's figure is, when the calculation names it (a dataset keeps its own name and source)
  'provenance.supplier': define<{ supplier: string }>({
    en: (p) => `${p.supplier}: supplier-specific footprint`,
    zh: (p) => `${p.supplier}：供应商提供的产品碳足迹`,
  }),
  'provenance.supplier-evidence': define<{ evidence: string; reference: string }>({
    en: (p) => `${EVIDENCE.en[p.evidence] ?? p.evidence} ${p.reference}`,
    zh: (p) => `${EVIDENCE.zh[p.evidence] ?? p.evidence} ${p.reference}`,
  }),
  // a direct entry's figure: the gas (as src/model/study.ts names it) and its GWP100 in the study's table
  'provenance.direct-gas': define<{ gas: string; gwp100: number }>({
    en: (p) => `${p.gas}, GWP100 ${p.gwp100}`,
    zh: (p) => `${GASES_ZH[p.gas] ?? p.gas}，GWP100 = ${p.gwp100}`,
  }),
  'provenance.component-study': define<{ study: string; version: number }>({
    en: (p) => `${p.study} (v${p.version})`,
    zh: (p) => `${p.study}（第 ${p.version} 版）`,
  }),
  'uncertainty.lci-contributor': define<{ release: string }>({
    en: (p) => `${p.release}: exchange uncertainty of the LCI processes`,
    zh: (p) => `${p.release}：生命周期清单过程的交换量不确定性`,
  }),
  'provenance.component-source': define<{ lci: string; factors: string }>({
    en: (p) => `component study, calculated on ${p.lci} + ${p.factors}`,
    zh: (p) => `组件研究，基于 ${p.lci} + ${p.factors} 计算`,
  }),
  'note.component-study': define<{ per: number; unit: string }>({
    en: (p) => `per ${p.per} ${p.unit} of the component study; its own uncertainty is not propagated`,
    zh: (p) => `按组件研究的每 ${p.per} ${p.unit} 计；其自身的不确定性未传递`,
  }),
  'note.lci-characterised': define<{ method: string }>({
    en: (p) => `LCI process characterised with ${p.method}`,
    zh: (p) => `LCI 过程，以 ${p.method} 表征`,
  }),
  'note.no-dqr': define<{ dqr: number }>({
    en: (p) => `no data quality rating in the dataset, taken as ${p.dqr}`,
    zh: (p) => `数据集没有数据质量评级，按 ${p.dqr} 计`,
  }),
  'note.technology': define<{ technology: string }>({
    en: (p) => `technology: ${p.technology}`,
    zh: (p) => `技术：「${p.technology}」`,
  }),
  'note.licence': define<{ licence: string }>({
    en: (p) => `licence: ${p.licence}`,
    zh: (p) => `许可：「${p.licence}」`,
  }),
  'note.approved': define<{ by: string; date: string }>({
    en: (p) => `approved by ${p.by} on ${p.date} (a review, not a verification against the source)`,
    zh: (p) => `已由 ${p.by} 于 ${p.date} 批准（属评审，并非对照来源的核实）`,
  }),
  'note.derived': define<{ method: string }>({
    en: (p) => `derived: ${p.method}`,
    zh: (p) => `推算所得：「${p.method}」`,
  }),
  'factor.co2-only': define({
    en: () => 'factor covers CO2 only: CH4 and N2O of this source are not in the footprint',
    zh: () => '因子仅涵盖 CO2：该排放源的 CH4 与 N2O 不在碳足迹之内',
  }),
  'factor.estimate-over-official': define<{ official: string; value: number; unit: string; year: number }>({
    en: (p) => `factor: Tanji estimate chosen over the official ${p.official} (${p.value} ${p.unit}, ${p.year})`,
    zh: (p) => `因子：选用了 Tanji 估算值，而非官方因子「${p.official}」（${p.value} ${p.unit}，${p.year} 年）`,
  }),
};

/** The direct gases in Chinese words, by the id a direct entry names (src/model/study.ts `DirectGas`). */
const GASES_ZH: Record<string, string> = {
  'CO2-fossil': 'CO2（化石源）',
  'CO2-biogenic': 'CO2（生物源）',
  'CO2-luc': 'CO2（土地利用变化）',
  'CH4-fossil': 'CH4（化石源）',
  'CH4-biogenic': 'CH4（生物源）',
  N2O: 'N2O',
  SF6: 'SF6',
  NF3: 'NF3',
  'HFC-134a': 'HFC-134a',
};

/** Why the linker chose a provider among several (src/engine/linking.ts names the rules). */
const PROVIDER_RULES: Record<string, { en: string; zh: string }> = {
  'provider-in-data': { en: 'named in the data', zh: '数据中已指定' },
  'same-location': { en: 'same location as the consumer', zh: '与使用方位于同一地点' },
  'reference-product': { en: 'its reference product', zh: '其参考产品' },
  'lowest-id': { en: 'lowest process id', zh: '过程编号最小' },
};
