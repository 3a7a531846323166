import type { GhgLine } from '../model/method.ts';

const LINE_LABELS: Record<GhgLine, string> = {
  fossil: 'fossil',
  biogenic: 'biogenic (emissions)',
  landUseChange: 'land use change',
  aircraft: 'aircraft',
  biogenicRemovals: 'biogenic removals (not in total)',
};

/** A number for people: 4 significant digits, exponent when tiny or huge. */
export function num(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e7 ? Number(v.toPrecision(4)).toString() : v.toExponential(3);
}

/** `total` is the emissions (PACT pcfExcludingBiogenicUptake); the CFP of ISO 14067 3.1.1.1 adds the removals. */
export function formatLines(total: number, lines: Record<GhgLine, number>, unit: string): string {
  const rows: [string, number][] = [
    ['CFP, emissions + removals (ISO 14067 3.1.1.1)', total + lines.biogenicRemovals],
    ['total emissions', total],
    ...(Object.keys(LINE_LABELS) as GhgLine[]).map((k) => [`  ${LINE_LABELS[k]}`, lines[k]] as [string, number]),
  ];
  return table(
    ['', unit],
    rows.map(([l, v]) => [l, num(v)]),
  );
}

/** A plain text table; numbers right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const isNum = header.map((_, i) => rows.every((r) => /^[-+0-9.e%]*$/.test(r[i])));
  const line = (r: string[]) =>
    r
      .map((c, i) => (isNum[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
