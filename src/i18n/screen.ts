import { define, fmt } from './define.ts';

/**
 * What the quality screen of a release can say about a process (src/screen), defined once in
 * English and Chinese from the same params. Codes are stable: the steward's view, the search and
 * the report render them in the reader's language.
 */
/** What a reference that is not a product is, in both languages. */
const REFERENCE_KINDS = {
  'elementary-output': { en: 'an elementary flow released to the environment', zh: '排放到环境的基本流' },
  'elementary-input': { en: 'an elementary flow taken from the environment', zh: '取自环境的基本流' },
  'product-input': { en: 'a product input', zh: '产品输入' },
  'waste-output': { en: 'a waste output', zh: '废物输出' },
};
export type ReferenceKind = keyof typeof REFERENCE_KINDS;

export const SCREEN_TEXTS = {
  'screen.emissions-only': define<{ emissions: number }>({
    en: (p) =>
      `emissions only: ${p.emissions} elementary outputs and no energy, material or resource input, so its upstream footprint is zero (typical of pollution-census coefficients)`,
    zh: (p) =>
      `仅有排放：${p.emissions} 项基本流输出，没有任何能源、物料或资源输入，其上游碳足迹为零（污染源普查系数的典型情形）`,
  }),
  'screen.self-loop': define<{ ratio: number; product: string }>({
    en: (p) =>
      `consumes ${fmt(p.ratio * 100)} % of its own output of "${p.product}": at 100 % or more it makes nothing net and the system cannot be solved`,
    zh: (p) => `自身消耗其产出「${p.product}」的 ${fmt(p.ratio * 100)}%：达到或超过 100% 时净产出为零，系统无法求解`,
  }),
  'screen.loop-spectral-radius': define<{ size: number; radius: number; feedback: number }>({
    en: (p) =>
      `part of a loop of ${p.size} processes whose feedback has spectral radius ${p.radius >= 1 ? '≥ 1' : fmt(p.radius)}: one unit demanded is amplified ${p.feedback >= 1e15 ? 'without bound' : `about ${fmt(p.feedback)}-fold`}, so results are negative or enormous`,
    zh: (p) =>
      `属于 ${p.size} 个过程构成的循环，其反馈矩阵谱半径${p.radius >= 1 ? ' ≥ 1' : `为 ${fmt(p.radius)}`}：需求被放大${p.feedback >= 1e15 ? '至无穷' : `约 ${fmt(p.feedback)} 倍`}，结果为负或异常巨大`,
  }),
  'screen.singular': define({
    en: () => 'its column makes the technosphere matrix singular: the process does not determine its own production',
    zh: () => '该过程使技术圈矩阵奇异：其产量无法由自身确定',
  }),
  'screen.written-reference': define<{ reason: string }>({
    en: (p) =>
      `the data set's own quantitative reference is not its product (${p.reason}); it is counted per its product output instead, check the scale`,
    zh: (p) => `数据集自身的定量参考不是其产品（${p.reason}），已改按其产品输出计量，请核对量级`,
  }),
  'screen.reference-not-product': define<{ amount: number; unit: string; flow: string; kind: ReferenceKind }>({
    en: (p) =>
      `its quantitative reference is ${fmt(p.amount)} ${p.unit} of "${p.flow}", ${REFERENCE_KINDS[p.kind].en}, and no product output can take its place: it is counted per that amount as written and no other process links to it`,
    zh: (p) =>
      `其定量参考为 ${fmt(p.amount)} ${p.unit}「${p.flow}」（${REFERENCE_KINDS[p.kind].zh}），且没有可替代的产品输出：按所写数量计量，其他过程不会链接到它`,
  }),
  'screen.reference-share': define<{ amount: number; unit: string; flow: string; throughput: number; share: number }>({
    en: (p) =>
      `counted per ${fmt(p.amount)} ${p.unit} of "${p.flow}", only ${fmt(p.share * 100)} % of the ${fmt(p.throughput)} kg passing through it: a whole plant's inventory charged to a sliver (a scale error)`,
    zh: (p) =>
      `按 ${fmt(p.amount)} ${p.unit}「${p.flow}」计量，仅为流经该过程的 ${fmt(p.throughput)} 千克物料的 ${fmt(p.share * 100)}%：整个工厂的清单被计入极小的参考量（量级错误）`,
  }),
  'screen.reference-scale': define<{ amount: number; unit: string }>({
    en: (p) => `reference amount ${fmt(p.amount)} ${p.unit} is at an implausible scale for a unit process`,
    zh: (p) => `参考流量 ${fmt(p.amount)} ${p.unit} 的量级对单元过程而言不合理`,
  }),
  'screen.co2-per-mass': define<{ kgCo2PerKg: number; limit: number; product: string }>({
    en: (p) =>
      `emits ${fmt(p.kgCo2PerKg)} kg CO2 directly per kg of "${p.product}", above the ${p.limit} kg/kg no production process reaches: a scale error`,
    zh: (p) =>
      `每千克「${p.product}」直接排放 ${fmt(p.kgCo2PerKg)} 千克 CO2，超过任何生产过程都达不到的 ${p.limit} 千克/千克：量级错误`,
  }),
  'screen.ghg-per-mass': define<{ kgCo2ePerKg: number; limit: number; product: string }>({
    en: (p) =>
      `emits ${fmt(p.kgCo2ePerKg)} kg CO2e of greenhouse gases directly per kg of "${p.product}", above ${p.limit} kg/kg: a scale error`,
    zh: (p) =>
      `每千克「${p.product}」直接排放温室气体 ${fmt(p.kgCo2ePerKg)} 千克 CO2e，超过 ${p.limit} 千克/千克：量级错误`,
  }),
  'screen.energy-per-mass': define<{ mjPerKg: number; limit: number; product: string }>({
    en: (p) =>
      `takes ${fmt(p.mjPerKg)} MJ of energy per kg of "${p.product}", above the plausible ${p.limit} MJ/kg: a scale error (e.g. a lifetime's energy charged to one small reference amount)`,
    zh: (p) =>
      `每千克「${p.product}」消耗 ${fmt(p.mjPerKg)} 兆焦能源，超过合理上限 ${p.limit} 兆焦/千克：量级错误（例如全寿命期能耗计入了很小的参考流量）`,
  }),
  'screen.input-scale': define<{ ratio: number; input: string; unit: string; limit: number; count: number }>({
    en: (p) =>
      `takes ${fmt(p.ratio)} ${p.unit} of "${p.input}" per ${p.unit} of its product${p.count > 1 ? ` (and ${p.count - 1} more inputs above ${p.limit}×)` : `, above ${p.limit}×`}: a scale error (amounts of a whole plant or economy written per unit)`,
    zh: (p) =>
      `每${p.unit}产品消耗 ${fmt(p.ratio)} ${p.unit}「${p.input}」${p.count > 1 ? `（另有 ${p.count - 1} 项输入超过 ${p.limit} 倍）` : `，超过 ${p.limit} 倍`}：量级错误（把整个工厂或经济体的总量写成了单位产品的量）`,
  }),
  'screen.carbon-balance': define<{ carbonOut: number; massIn: number }>({
    en: (p) =>
      `carbon balance violated: ${fmt(p.carbonOut)} kg of carbon leave as CO2, CH4 and CO, more than the ${fmt(p.massIn)} kg of everything that enters`,
    zh: (p) =>
      `碳平衡不成立：以 CO2、CH4 和 CO 形式排出的碳为 ${fmt(p.carbonOut)} 千克，超过全部输入的 ${fmt(p.massIn)} 千克`,
  }),
  'screen.mass-balance': define<{ massOut: number; massIn: number; ratio: number }>({
    en: (p) =>
      `mass balance violated: ${fmt(p.massOut)} kg leave for ${fmt(p.massIn)} kg that enter (${fmt(p.ratio)}×)`,
    zh: (p) => `质量平衡不成立：输入 ${fmt(p.massIn)} 千克而输出 ${fmt(p.massOut)} 千克（${fmt(p.ratio)} 倍）`,
  }),
  'screen.negative-footprint': define<{ total: number; unit: string }>({
    en: (p) =>
      `its footprint is negative (${fmt(p.total)} kg CO2e per ${p.unit}) although removals are reported apart: a sign or loop error`,
    zh: (p) => `其碳足迹为负（每${p.unit} ${fmt(p.total)} kg CO2e），而清除量已单独报告：符号或循环错误`,
  }),
  'screen.score-outlier': define<{
    total: number;
    unit: string;
    median: number;
    fold: number;
    group: string;
    peers: number;
  }>({
    en: (p) =>
      `footprint ${fmt(p.total)} kg CO2e per ${p.unit} is ${fmt(p.fold)}× away from the median ${fmt(p.median)} of the ${p.peers} processes classified "${p.group}"`,
    zh: (p) =>
      `碳足迹每${p.unit} ${fmt(p.total)} kg CO2e，与同类「${p.group}」${p.peers} 个过程的中位数 ${fmt(p.median)} 相差 ${fmt(p.fold)} 倍`,
  }),
};

export type ScreenCode = keyof typeof SCREEN_TEXTS;

/** Each rule's short name, for headings and the steward's filter. */
export const SCREEN_RULE_NAMES: Record<ScreenCode, { en: string; zh: string }> = {
  'screen.emissions-only': { en: 'Emissions only', zh: '仅有排放' },
  'screen.self-loop': { en: 'Consumes its own product', zh: '自身消耗其产品' },
  'screen.loop-spectral-radius': { en: 'Loop with feedback ≥ limit', zh: '反馈过强的循环' },
  'screen.singular': { en: 'Singular column', zh: '矩阵奇异' },
  'screen.written-reference': { en: 'Counted per another exchange', zh: '改按其他交换计量' },
  'screen.reference-not-product': { en: 'Reference is not a product', zh: '定量参考不是产品' },
  'screen.reference-share': { en: 'Reference a sliver of its mass', zh: '参考量仅占极小份额' },
  'screen.reference-scale': { en: 'Reference amount scale', zh: '参考流量量级' },
  'screen.co2-per-mass': { en: 'CO2 per kg of product', zh: '每千克产品的 CO2' },
  'screen.ghg-per-mass': { en: 'Greenhouse gases per kg of product', zh: '每千克产品的温室气体' },
  'screen.energy-per-mass': { en: 'Energy per kg of product', zh: '每千克产品的能耗' },
  'screen.input-scale': { en: 'Input scale', zh: '输入量级' },
  'screen.carbon-balance': { en: 'Carbon balance', zh: '碳平衡' },
  'screen.mass-balance': { en: 'Mass balance', zh: '质量平衡' },
  'screen.negative-footprint': { en: 'Negative footprint', zh: '碳足迹为负' },
  'screen.score-outlier': { en: 'Far from its peers', zh: '远离同类' },
};
