/**
 * Every problem and flag the validation of a submission can report, defined once: its stable code
 * and its text in English and Chinese, written from the same params. The server sends the code,
 * the params and the English text (`message`, for API clients); the web app renders code and
 * params in the reader's language. Plain data and functions with no imports, so the web app
 * bundles this file as it is.
 */

export type TextLang = 'en' | 'zh';
export type IssueParams = Record<string, string | number>;
type Texts<P> = Record<TextLang, (p: P) => string>;

const define = <P extends IssueParams = Record<never, never>>(texts: Texts<P>): Texts<P> => texts;

const fmt = (x: number) => Number(x.toPrecision(4));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

type Direction = 'above' | 'below';
/** "12× below the median": how far a value is from the one it is compared with */
const fold = {
  en: (p: { fold: number; direction: Direction }) => `${fmt(p.fold)}× ${p.direction}`,
  /** 「是……的 12 倍」or「仅为……的 1/12」around the thing compared with */
  zh: (p: { fold: number; direction: Direction }, what: string) =>
    p.direction === 'above' ? `是${what}的 ${fmt(p.fold)} 倍` : `仅为${what}的 1/${fmt(p.fold)}`,
};

export const ISSUE_TEXTS = {
  'unit.unknown': define<{ unit: string; examples: string }>({
    en: (p) => `"${p.unit}" is not a known unit (e.g. ${p.examples})`,
    zh: (p) => `「${p.unit}」不是可识别的单位（例如 ${p.examples}）`,
  }),
  'region.unknown': define<{ region: string }>({
    en: (p) =>
      `Unknown region "${p.region}". Use GLO, CN, a regional grid or a province's ISO 3166-2:CN code (e.g. CN-SC for Sichuan/四川, CN-XZ for Tibet/西藏); Chinese or English names work too.`,
    zh: (p) =>
      `未知地区「${p.region}」。请使用 GLO、CN、区域电网或省份的 ISO 3166-2:CN 代码（如四川为 CN-SC、西藏为 CN-XZ），也可以填写中文或英文名称。`,
  }),
  'year.missing': define({
    en: () => 'the year the data represent is required',
    zh: () => '必须填写数据所代表的年份',
  }),
  'year.out-of-range': define<{ year: number; first: number; last: number }>({
    en: (p) => `year ${p.year} is outside ${p.first}–${p.last}`,
    zh: (p) => `年份 ${p.year} 不在 ${p.first}–${p.last} 之间`,
  }),
  'licence.missing': define({
    en: () => 'a dataset to be published as it is needs a licence',
    zh: () => '要原样公开发布的数据集必须注明许可协议',
  }),
  'factor.gwp-kind': define({
    en: () => 'GWP values come from the IPCC tables, not from submissions',
    zh: () => 'GWP 值取自 IPCC 表格，不接受提交',
  }),
  'factor.value-not-positive': define<{ value: number }>({
    en: (p) =>
      `a factor is a positive amount of greenhouse gas per unit, got ${p.value}; removals are entered in studies as their own kind`,
    zh: (p) => `因子是单位活动的温室气体排放量，必须为正数，当前为 ${p.value}；碳移除请在研究中作为单独类型录入`,
  }),
  'factor.unit-form': define<{ unit: string }>({
    en: (p) => `"${p.unit}" is not of the form "kg CO2e/<per unit>" (or g, t; CO2 or CO2e)`,
    zh: (p) => `「${p.unit}」不符合「kg CO2e/<单位>」的格式（也可用 g、t；CO2 或 CO2e）`,
  }),
  'factor.unit-per-mismatch': define<{ per: string; perUnit: string }>({
    en: (p) => `the unit is per ${p.per} but perUnit is ${p.perUnit}`,
    zh: (p) => `单位是每 ${p.per}，但计量单位（perUnit）是 ${p.perUnit}`,
  }),
  'factor.unit-gas-mismatch': define<{ gas: string; gases: string }>({
    en: (p) => `the unit counts ${p.gas} but gases says ${p.gases}`,
    zh: (p) => `单位计的是 ${p.gas}，但气体（gases）填的是 ${p.gases}`,
  }),
  'factor.gwp-set-missing': define({
    en: () => 'a CO2e factor must say which GWP values it used (AR4, AR5 or AR6)',
    zh: () => 'CO2e 因子必须注明所用的 GWP 值（AR4、AR5 或 AR6）',
  }),
  'factor.electricity-co2-gases': define({
    en: () => 'an electricity-co2 factor is CO2 only; life-cycle CO2e factors are electricity-footprint',
    zh: () => 'electricity-co2 因子只计 CO2；全生命周期 CO2e 因子请选 electricity-footprint',
  }),
  'factor.electricity-footprint-gases': define({
    en: () => 'an electricity-footprint factor is a life-cycle CO2e factor',
    zh: () => 'electricity-footprint 因子是全生命周期的 CO2e 因子',
  }),
  'factor.id-suffix': define<{ suffix: string; id: string }>({
    en: (p) => `the id must end with ${p.suffix} (series/region/year), got "${p.id}"`,
    zh: (p) => `标识必须以 ${p.suffix} 结尾（系列/地区/年份），当前为「${p.id}」`,
  }),
  'factor.technology-missing': define({
    en: () => 'describe the technology the factor represents',
    zh: () => '请描述该因子所代表的技术',
  }),
  'factor.source-missing': define({
    en: () => 'name the source: the report, measurement campaign or monitoring plan',
    zh: () => '请注明数据来源：报告、实测活动或监测计划',
  }),
  'factor.publisher-missing': define({
    en: () => 'name who produced the data',
    zh: () => '请注明数据的编制单位',
  }),
  'exchange.flow-missing': define<{ flowId: string }>({
    en: (p) => `flow ${p.flowId} is not among the dataset's flows`,
    zh: (p) => `流 ${p.flowId} 不在数据集的流清单中`,
  }),
  'exchange.unit-group-missing': define<{ flow: string; property: string }>({
    en: (p) => `flow "${p.flow}": its flow property ${p.property} or its unit group is missing`,
    zh: (p) => `流「${p.flow}」缺少其流属性 ${p.property} 或单位组`,
  }),
  'exchange.unit-not-in-group': define<{ flow: string; unit: string; group: string }>({
    en: (p) => `flow "${p.flow}" is measured in ${p.unit}, which is not a unit of ${p.group}`,
    zh: (p) => `流「${p.flow}」的计量单位 ${p.unit} 不属于单位组 ${p.group}`,
  }),
  'exchange.amount-negative': define<{ amount: number; flow: string }>({
    en: (p) => `amount ${p.amount} of "${p.flow}": amounts are non-negative, the direction is in "input"`,
    zh: (p) => `「${p.flow}」的数量为 ${p.amount}：数量不能为负，输入或输出由方向表示`,
  }),
  'process.reference-count': define<{ count: number }>({
    en: (p) => `a unit process has exactly one quantitative reference, this one has ${p.count}`,
    zh: (p) => `单元过程必须有且只有一个定量参考，此过程有 ${p.count} 个`,
  }),
  'process.reference-kind': define({
    en: () => 'the quantitative reference must be a product output or a waste input',
    zh: () => '定量参考必须是产品输出或废物输入',
  }),
  'process.reference-amount': define<{ amount: number }>({
    en: (p) => `the reference amount must be positive, got ${p.amount}`,
    zh: (p) => `参考数量必须为正数，当前为 ${p.amount}`,
  }),
  'process.location-missing': define({
    en: () => 'the geography is required (a province code such as CN-GD, CN, or another location code)',
    zh: () => '必须填写地理范围（省份代码如 CN-GD、CN 或其他地点代码）',
  }),
  'process.technology-missing': define({
    en: () => 'describe the technology the process represents',
    zh: () => '请描述该过程所代表的技术',
  }),
  'process.source-missing': define({
    en: () => 'name the source: a publication, a source or the data generator',
    zh: () => '请注明数据来源：出版物、来源文献或数据编制者',
  }),
  'provider.unknown': define<{ provider: string; release: string }>({
    en: (p) =>
      `provider ${p.provider} is not a process of release ${p.release}; name one of its processes, or none to link by the default rule`,
    zh: (p) => `提供者 ${p.provider} 不是版本 ${p.release} 中的过程；请指定该版本中的过程，或留空按默认规则链接`,
  }),
  'provider.not-providing': define<{ name: string; provider: string; flowId: string }>({
    en: (p) => `provider "${p.name}" (${p.provider}) does not provide flow ${p.flowId}`,
    zh: (p) => `提供者「${p.name}」（${p.provider}）不提供流 ${p.flowId}`,
  }),
  'submission.empty': define({
    en: () => 'nothing to submit',
    zh: () => '没有可提交的数据集',
  }),
  'balance.mass': define<{ into: number; out: number; gap: number; tolerance: number }>({
    en: (p) =>
      `mass balance: ${fmt(p.into)} kg in, ${fmt(p.out)} kg out (${fmt(p.gap * 100)} % apart), more than the ${fmt(p.tolerance * 100)} % tolerated`,
    zh: (p) =>
      `质量平衡：输入 ${fmt(p.into)} kg，输出 ${fmt(p.out)} kg，相差 ${fmt(p.gap * 100)}%，超过允许的 ${fmt(p.tolerance * 100)}%`,
  }),
  'balance.energy': define<{ into: number; out: number; efficiency: number }>({
    en: (p) =>
      `energy balance: ${fmt(p.out)} MJ out of ${fmt(p.into)} MJ in, an efficiency of ${fmt(p.efficiency * 100)} %`,
    zh: (p) => `能量平衡：输入 ${fmt(p.into)} MJ，输出 ${fmt(p.out)} MJ，效率达 ${fmt(p.efficiency * 100)}%`,
  }),
  'plausibility.factor-median': define<{
    value: number;
    unit: string;
    fold: number;
    direction: Direction;
    basis: 'provinces' | 'regions';
    peers: number;
    series: string;
    release: string;
    median: number;
    year: number;
  }>({
    en: (p) => {
      const what =
        p.basis === 'provinces'
          ? `the provincial median (${p.peers} provinces)`
          : `the median of ${plural(p.peers, 'region')}`;
      return `${fmt(p.value)} ${p.unit} is ${fold.en(p)} ${what} of ${p.series} in release ${p.release} (${fmt(p.median)}, ${p.year})`;
    },
    zh: (p) => {
      const what = p.basis === 'provinces' ? `省级中位数（${p.peers} 个省份）` : `中位数（${p.peers} 个地区）`;
      return `${fmt(p.value)} ${p.unit} ${fold.zh(p, `版本 ${p.release} 中 ${p.series} ${what}`)}（中位数 ${fmt(p.median)}，${p.year} 年）`;
    },
  }),
  'plausibility.factor-region': define<{
    value: number;
    fold: number;
    direction: Direction;
    region: string;
    current: number;
    id: string;
  }>({
    en: (p) => `${fmt(p.value)} is ${fold.en(p)} the current ${p.region} value ${fmt(p.current)} (${p.id})`,
    zh: (p) => `${fmt(p.value)} ${fold.zh(p, `本地区（${p.region}）现行值 ${fmt(p.current)}（${p.id}）`)}`,
  }),
  'plausibility.exchange': define<{
    side: 'input' | 'output';
    flow: string;
    value: number;
    fold: number;
    direction: Direction;
    peers: number;
    release: string;
    median: number;
  }>({
    en: (p) =>
      `${p.side} "${p.flow}" of ${fmt(p.value)} per unit of product is ${fold.en(p)} the median of ${plural(p.peers, 'process', 'processes')} in release ${p.release} (${fmt(p.median)})`,
    zh: (p) =>
      `${p.side === 'input' ? '输入' : '输出'}「${p.flow}」每单位产品 ${fmt(p.value)}，${fold.zh(p, `版本 ${p.release} 中 ${p.peers} 个过程的中位数（${fmt(p.median)}）`)}`,
  }),
  // the notes of a validation: what was converted, checked or could not be checked, for the record
  'validation.value-converted': define<{
    value: number;
    unit: string;
    converted: number;
    gas: string;
    perUnit: string;
  }>({
    en: (p) => `value converted from ${p.value} ${p.unit} to ${p.converted} kg ${p.gas}/${p.perUnit}`,
    zh: (p) => `数值已由 ${p.value} ${p.unit} 换算为 ${p.converted} kg ${p.gas}/${p.perUnit}`,
  }),
  'validation.region-read': define<{ region: string; code: string }>({
    en: (p) => `region "${p.region}" read as ${p.code}`,
    zh: (p) => `地区「${p.region}」识别为 ${p.code}`,
  }),
  'validation.status-check': define<{ status: string }>({
    en: (p) => `status "${p.status}" set to "check" until the review approves the factor`,
    zh: (p) => `状态「${p.status}」在审核批准该因子之前设为「待核查」`,
  }),
  'validation.location-read': define<{ location: string; code: string }>({
    en: (p) => `location "${p.location}" read as ${p.code}`,
    zh: (p) => `地点「${p.location}」识别为 ${p.code}`,
  }),
  'validation.location-outside': define<{ location: string }>({
    en: (p) => `location "${p.location}" is outside the China region hierarchy: no regional fallback applies to it`,
    zh: (p) => `地点「${p.location}」不在中国地区层级内：不适用地区回退`,
  }),
  'validation.no-volume': define({
    en: () => 'no production volume given: the dataset cannot be weighted in an average until it has one',
    zh: () => '未给出产量：在补充产量之前，该数据集不能参与加权平均',
  }),
  'validation.mass-balance': define<{ into: number; out: number; gap: number }>({
    en: (p) => `mass balance: ${fmt(p.into)} kg in, ${fmt(p.out)} kg out (${fmt(p.gap * 100)} % apart)`,
    zh: (p) => `质量平衡：输入 ${fmt(p.into)} kg，输出 ${fmt(p.out)} kg（相差 ${fmt(p.gap * 100)} %）`,
  }),
  'validation.mass-unchecked': define({
    en: () => 'mass balance not checked: the product or a technosphere exchange is not measured in mass',
    zh: () => '未检查质量平衡：产品或某项技术圈交换不以质量计量',
  }),
  'validation.energy-unchecked': define({
    en: () => 'energy balance not checked: no energy input is given in energy units',
    zh: () => '未检查能量平衡：没有以能量单位给出的能量输入',
  }),
  'validation.energy-balance': define<{ into: number; out: number }>({
    en: (p) => `energy balance: ${fmt(p.out)} MJ out of ${fmt(p.into)} MJ in`,
    zh: (p) => `能量平衡：输入 ${fmt(p.into)} MJ，输出 ${fmt(p.out)} MJ`,
  }),
  'validation.factor-unchecked': define<{ release: string; series: string; perUnit: string }>({
    en: (p) => `plausibility not checked: release ${p.release} has no factor of series ${p.series} per ${p.perUnit}`,
    zh: (p) => `未检查合理性：版本 ${p.release} 中没有系列 ${p.series}、以 ${p.perUnit} 计的因子`,
  }),
  'validation.process-unchecked': define<{ release: string }>({
    en: (p) => `plausibility not checked: release ${p.release} has no process making the same reference product`,
    zh: (p) => `未检查合理性：版本 ${p.release} 中没有生产相同参考产品的过程`,
  }),
  'validation.no-release': define<{ what: 'factor' | 'LCI' }>({
    en: (p) => `plausibility not checked: the store holds no ${p.what} release yet`,
    zh: (p) => `未检查合理性：尚无${p.what === 'factor' ? '因子' : ' LCI '}发布版本`,
  }),
  'validation.process-compared': define<{ compared: number; peers: number; release: string }>({
    en: (p) =>
      `${plural(p.compared, 'exchange')} compared with ${plural(p.peers, 'process', 'processes')} of the same product in release ${p.release}`,
    zh: (p) => `已将 ${p.compared} 项交换与版本 ${p.release} 中同一产品的 ${p.peers} 个过程比较`,
  }),
};

export type IssueCode = keyof typeof ISSUE_TEXTS;
export type ParamsOf<C extends IssueCode> = Parameters<(typeof ISSUE_TEXTS)[C]['en']>[0];
export const ISSUE_CODES = Object.keys(ISSUE_TEXTS) as [IssueCode, ...IssueCode[]];

/** What an issue carries besides its field: the code, its params, and the English text for API clients. */
export function coded<C extends IssueCode>(
  code: C,
  params: ParamsOf<C>,
): { code: C; params: ParamsOf<C>; message: string } {
  return { code, params, message: (ISSUE_TEXTS[code].en as (p: ParamsOf<C>) => string)(params) };
}

const isCode = (code: unknown): code is IssueCode => typeof code === 'string' && Object.hasOwn(ISSUE_TEXTS, code);

/**
 * An issue as the reader's language says it; the server's English `message` when the code is
 * unknown here (a newer server) or absent (a report stored before issues carried codes).
 */
export function issueText(
  issue: { code?: string; params?: Record<string, unknown>; message: string },
  lang: TextLang,
): string {
  if (!isCode(issue.code) || !issue.params) return issue.message;
  return (ISSUE_TEXTS[issue.code][lang] as (p: Record<string, unknown>) => string)(issue.params);
}
