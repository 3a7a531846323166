import type { GhgLine } from '../model/method.ts';
import { CLI_TEXTS } from '../i18n/cli.ts';
import type { TextLang } from '../i18n/define.ts';

/** Each line's words (src/i18n/cli.ts), in the order a result lists them. */
const LINE_WORDS: Record<GhgLine, keyof typeof CLI_TEXTS> = {
  fossil: 'cli.line.fossil',
  biogenic: 'cli.line.biogenic',
  landUseChange: 'cli.line.landUseChange',
  aircraft: 'cli.line.aircraft',
  biogenicRemovals: 'cli.line.biogenicRemovals',
};

/** A number for people: 4 significant digits, exponent when tiny or huge. */
export function num(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e7 ? Number(v.toPrecision(4)).toString() : v.toExponential(3);
}

/** `total` is the emissions (PACT pcfExcludingBiogenicUptake); the CFP of ISO 14067 3.1.1.1 adds the removals. */
export function formatLines(total: number, lines: Record<GhgLine, number>, unit: string, lang: TextLang): string {
  const rows: [string, number][] = [
    [CLI_TEXTS['cli.line.cfp'][lang]({}), total + lines.biogenicRemovals],
    [CLI_TEXTS['cli.line.total'][lang]({}), total],
    ...(Object.keys(LINE_WORDS) as GhgLine[]).map(
      (k) => [`  ${CLI_TEXTS[LINE_WORDS[k]][lang]({} as never)}`, lines[k]] as [string, number],
    ),
  ];
  return table(
    ['', unit],
    rows.map(([l, v]) => [l, num(v)]),
  );
}

/** A plain text table; numbers right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(columns(h), ...rows.map((r) => columns(r[i]))));
  const isNum = header.map((_, i) => rows.every((r) => /^[-+0-9.e%]*$/.test(r[i])));
  const pad = (c: string, width: number) => ' '.repeat(Math.max(0, width - columns(c)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (isNum[i] ? pad(c, widths[i]) + c : c + pad(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Chinese characters and full-width punctuation take two columns of a terminal. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const columns = (text: string): number => [...text].reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0);
