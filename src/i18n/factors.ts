import { define } from './define.ts';

/**
 * What a factor lookup says about the factor it answered with (src/factors/lookup.ts): the region
 * and year it fell back to, the factor's status, and what it is fit for. Data (ids, a method
 * text, a source's comment) are quoted 「so」 in Chinese.
 */
export const FACTOR_TEXTS = {
  'lookup.region-fallback': define<{
    requested: string;
    requestedEn: string;
    requestedZh: string;
    level: string;
    answered: string;
    answeredEn: string;
    answeredZh: string;
  }>({
    en: (p) =>
      `No ${p.requestedEn} (${p.requested}) value: answered at ${p.level} level by ${p.answeredEn} (${p.answered}, ${p.answeredZh}).`,
    zh: (p) =>
      `${p.requestedZh}（${p.requested}）无此数值：由${LEVELS_ZH[p.level] ?? p.level}的${p.answeredZh}（${p.answered}）回答。`,
  }),
  'lookup.tibet-national': define<{ grid: string; comment: string }>({
    en: (p) =>
      `Tibet (CN-XZ, 西藏) belongs to ${p.grid} in province-grid.csv, but it falls back straight to the national level as the MEE grid-factor table documents: "${p.comment}" (西藏无官方省级因子，采用全国平均).`,
    zh: (p) =>
      `西藏（CN-XZ）在 province-grid.csv 中属于「${p.grid}」，但按生态环境部电网因子表的说明直接回退至全国层级：「${p.comment}」（西藏无官方省级因子，采用全国平均）。`,
  }),
  'lookup.latest-year': define<{ year: number }>({
    en: (p) => `No year asked: used the latest, ${p.year}.`,
    zh: (p) => `未指定年份：采用最新的 ${p.year} 年。`,
  }),
  'lookup.earlier-year': define<{ asked: number; used: number }>({
    en: (p) => `No ${p.asked} value: used ${p.used}, the nearest earlier year.`,
    zh: (p) => `无 ${p.asked} 年数值：采用最近的较早年份 ${p.used} 年。`,
  }),
  'lookup.later-year': define<{ asked: number; used: number }>({
    en: (p) => `No value for ${p.asked} or earlier: used ${p.used}, the nearest later year.`,
    zh: (p) => `无 ${p.asked} 年及更早的数值：采用最近的较晚年份 ${p.used} 年。`,
  }),
  'factor.unverified-check': define<{ comment: string; approvedBy: string; approvedOn: string }>({
    en: (p) =>
      `factor unverified (status check): ${p.comment || 'verify against the original source before relying on it.'}${approvalEn(p)}`,
    zh: (p) =>
      `因子未经核实（状态：待核）：${p.comment ? `「${p.comment}」` : '使用前请对照原始来源核实。'}${approvalZh(p)}`,
  }),
  'factor.unverified-derived': define<{ count: number; inputs: string; approvedBy: string; approvedOn: string }>({
    en: (p) =>
      `factor unverified: derived from ${p.count} input(s) not verified against their source (${p.inputs}).${approvalEn(p)}`,
    zh: (p) => `因子未经核实：由 ${p.count} 项未对照来源核实的输入推算所得（「${p.inputs}」）。${approvalZh(p)}`,
  }),
  'lookup.derived': define<{ method: string }>({
    en: (p) => `Derived by Tanji, not an official value: ${p.method}`,
    zh: (p) => `由 Tanji 推算，并非官方数值：「${p.method}」`,
  }),
  'lookup.approved': define<{ by: string; date: string }>({
    en: (p) => `Approved by ${p.by} on ${p.date} in a co-construction review.`,
    zh: (p) => `已由 ${p.by} 于 ${p.date} 在共建评审中批准。`,
  }),
  'lookup.co2-only-grid': define({
    en: () =>
      'CO2-only grid factor for organisational (scope 2) inventories; product footprints need the electricity-footprint (life-cycle) factor.',
    zh: () => '仅含 CO2 的电网因子，用于组织（范围二）温室气体清单；产品碳足迹须使用电力碳足迹（全生命周期）因子。',
  }),
  'lookup.life-cycle-for-organisational': define({
    en: () =>
      'Life-cycle factor: an organisational (scope 2, location-based) inventory in China uses the MEE/NBS electricity-co2 factor.',
    zh: () => '全生命周期因子：中国的组织（范围二，基于位置）清单应使用生态环境部/国家统计局的电力二氧化碳排放因子。',
  }),
  'lookup.combustion-only': define({
    en: () => "Combustion only: add the fuel's supply chain for a product footprint.",
    zh: () => '仅含燃烧环节：产品碳足迹还须加上燃料的供应链。',
  }),
  'lookup.combustion-co2-only': define({
    en: () =>
      "Combustion only, CO2 only: add the fuel's supply chain (and CH4/N2O where missing) for a product footprint.",
    zh: () => '仅含燃烧环节且仅含 CO2：产品碳足迹还须加上燃料的供应链（以及缺少的 CH4/N2O）。',
  }),
  'lookup.estimate-chosen': define<{ official: string; value: number; unit: string }>({
    en: (p) => `Tanji estimate chosen over the official ${p.official} (${p.value} ${p.unit}).`,
    zh: (p) => `选用了 Tanji 估算值，而非官方因子「${p.official}」（${p.value} ${p.unit}）。`,
  }),
  'lookup.estimate-offered': define<{ region: string; official: string; value: number; unit: string }>({
    en: (p) =>
      `Tanji estimate for ${p.region}; the official ${p.official} (${p.value} ${p.unit}) is the default: choose this one to use it instead.`,
    zh: (p) =>
      `${p.region} 的 Tanji 估算值；默认采用官方因子「${p.official}」（${p.value} ${p.unit}）：如需改用估算值，请选择此项。`,
  }),
  'lookup.official-preferred': define<{ estimate: string; value: number; unit: string }>({
    en: (p) =>
      `Official factor used in preference to Tanji's estimate ${p.estimate} (${p.value} ${p.unit}, derived); choose the estimate to use it instead.`,
    zh: (p) =>
      `优先采用官方因子，而非 Tanji 估算值「${p.estimate}」（${p.value} ${p.unit}，推算所得）；如需改用估算值，请选择它。`,
  }),
  'lookup.tie': define<{ count: number; example: string }>({
    en: (p) =>
      `${p.count} other factor series matched as well (e.g. ${p.example}); narrow with kind, query, technology or perUnit.`,
    zh: (p) => `另有 ${p.count} 个因子系列同样匹配（例如「${p.example}」）；请用类别、检索词、技术或单位缩小范围。`,
  }),
};

type Approval = { approvedBy: string; approvedOn: string };
const approvalEn = (p: Approval) =>
  p.approvedBy
    ? ` Approved by ${p.approvedBy} on ${p.approvedOn}; approval is not verification against the source.`
    : '';
const approvalZh = (p: Approval) =>
  p.approvedBy ? `已由 ${p.approvedBy} 于 ${p.approvedOn} 批准；批准并非对照来源的核实。` : '';

const LEVELS_ZH: Record<string, string> = { province: '省级', grid: '区域电网', national: '全国', global: '全球' };
