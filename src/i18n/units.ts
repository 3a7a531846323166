import { define } from './define.ts';

/**
 * Units as the reader sees them in words: a declared or functional unit ("1 kg") and an amount
 * in a table read "1 千克" in Chinese and "1 kilogram" in English. Symbols inside a factor or a
 * result ("kg CO2e/kWh", "t·km") stay symbols. A unit the table does not know (a dataset's own
 * unit) reads as written.
 */
interface UnitWords {
  zh: string;
  en: string;
  /** the English plural, when it is not `en` + "s" */
  enMany?: string;
}

const UNIT_WORDS: Readonly<Record<string, UnitWords>> = {
  kg: { zh: '千克', en: 'kilogram' },
  g: { zh: '克', en: 'gram' },
  mg: { zh: '毫克', en: 'milligram' },
  t: { zh: '吨', en: 'tonne' },
  kWh: { zh: '千瓦时', en: 'kilowatt hour' },
  MWh: { zh: '兆瓦时', en: 'megawatt hour' },
  Wh: { zh: '瓦时', en: 'watt hour' },
  MJ: { zh: '兆焦', en: 'megajoule' },
  GJ: { zh: '吉焦', en: 'gigajoule' },
  kJ: { zh: '千焦', en: 'kilojoule' },
  m3: { zh: '立方米', en: 'cubic metre' },
  'm³': { zh: '立方米', en: 'cubic metre' },
  m2: { zh: '平方米', en: 'square metre' },
  'm²': { zh: '平方米', en: 'square metre' },
  m: { zh: '米', en: 'metre' },
  km: { zh: '千米', en: 'kilometre' },
  L: { zh: '升', en: 'litre' },
  l: { zh: '升', en: 'litre' },
  't*km': { zh: '吨公里', en: 'tonne-kilometre' },
  tkm: { zh: '吨公里', en: 'tonne-kilometre' },
  't·km': { zh: '吨公里', en: 'tonne-kilometre' },
  'p*km': { zh: '人公里', en: 'person-kilometre' },
  h: { zh: '小时', en: 'hour' },
  d: { zh: '天', en: 'day' },
  a: { zh: '年', en: 'year' },
  item: { zh: '件', en: 'item' },
  'item(s)': { zh: '件', en: 'item' },
  p: { zh: '件', en: 'piece' },
  pcs: { zh: '件', en: 'piece' },
  piece: { zh: '件', en: 'piece' },
  unit: { zh: '个', en: 'unit' },
  kWp: { zh: '千瓦峰值', en: 'kilowatt peak' },
  W: { zh: '瓦', en: 'watt' },
  vehicle: { zh: '辆', en: 'vehicle' },
};

/** A unit in words in the reader's language; English in the plural unless the amount is one. */
export function unitWord(unit: string, lang: 'zh' | 'en', amount?: string | number): string {
  const words = Object.hasOwn(UNIT_WORDS, unit) ? UNIT_WORDS[unit] : undefined;
  if (!words) return unit;
  if (lang === 'zh') return words.zh;
  return amount === undefined || Number(amount) === 1 ? words.en : (words.enMany ?? `${words.en}s`);
}

export const UNIT_TEXTS = {
  /** an amount and its unit, the amount already written in the reader's number format */
  'unit.quantity': define<{ amount: string; unit: string }>({
    en: (p) => `${p.amount} ${unitWord(String(p.unit), 'en', p.amount)}`,
    zh: (p) => `${p.amount} ${unitWord(String(p.unit), 'zh')}`,
  }),
};

/** "1 kilogram", "2.5 千克": an amount (written by the caller in the reader's number format) and its unit. */
export const quantityText = (amount: string, unit: string, lang: 'zh' | 'en'): string =>
  UNIT_TEXTS['unit.quantity'][lang]({ amount, unit });

/** The units a declared or functional unit is usually given in, to offer in an input, each with its word. */
export const DECLARED_UNIT_CHOICES = ['kg', 'g', 't', 'kWh', 'MJ', 'm3', 'm2', 'm', 'L', 'item'] as const;
