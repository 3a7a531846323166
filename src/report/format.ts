/** Numbers as a report shows them: the same in both languages, so a zh and an en report of one study compare line by line. */

const KG = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const FACTOR = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const AMOUNT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

function withExponent(v: number, digits: number, fmt: Intl.NumberFormat): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a < 1e-4 || a >= 1e9 ? v.toExponential(digits - 1) : fmt.format(v);
}

/** kg CO2e: 3 significant digits */
export const kg = (v: number) => withExponent(v, 3, KG);

/** per-unit factors keep 4 digits: a verifier multiplies them back and should land on the entry's result */
export const factor = (v: number) => withExponent(v, 4, FACTOR);

/** activity amounts as entered, up to 6 digits */
export const amount = (v: number) => withExponent(v, 6, AMOUNT);

/** a 0..1 share as a percentage with one decimal */
export const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** A date and time as the reader writes it (2026年12月6日 20:30 UTC, 6 December 2026, 20:30 UTC); text that is not a date stays as it is. */
export function dateTime(iso: string, lang: 'zh' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  };
  return `${new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', opts).format(d)} UTC`;
}
