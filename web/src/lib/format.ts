import { UNIT_TEXTS } from '../../../src/i18n/units.ts';
import type { Lang } from '../i18n/translate.ts';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** Footprints span many orders of magnitude: four significant digits, exponent below 0.001. */
export function formatNumber(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && abs < 1e-3) return value.toExponential(2);
  if (abs >= 1e4) return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(locale(lang), { maximumSignificantDigits: 4 }).format(value);
}

export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** An amount and its unit in words: "1 千克", "2.5 kilograms"; a unit the catalogue does not know reads as written. */
export function formatQuantity(value: number, unit: string, lang: Lang): string {
  return UNIT_TEXTS['unit.quantity'][lang]({ amount: formatNumber(value, lang), unit });
}
