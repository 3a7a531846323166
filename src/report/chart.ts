import { html, type Html } from './escape.ts';
import { kg } from './format.ts';

/**
 * A horizontal bar chart as plain SVG: no script, so it prints the same in every browser and in
 * the PDF. Bars start at a zero line, so credits and removals point left.
 */

export interface Bar {
  label: string;
  value: number;
  /** removals are drawn apart in their own colour: they are not part of the total */
  removal?: boolean;
}

const WIDTH = 640;
const LABEL_W = 150;
const VALUE_W = 70;
const ROW_H = 26;
const BAR_H = 16;
const COLOURS = ['#1f5f8b', '#3b8bc2', '#6fb1de', '#a9cfe9', '#d0e4f2'];
const REMOVAL_COLOUR = '#3d8b3d';

const f1 = (v: number) => v.toFixed(1);

export function barChart(bars: Bar[], title: string): Html {
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const lo = Math.min(0, ...bars.map((b) => b.value));
  const hi = Math.max(0, ...bars.map((b) => b.value));
  const scale = plotW / (hi - lo || 1);
  const x0 = LABEL_W + -lo * scale;
  const height = bars.length * ROW_H + 8;
  let emission = 0;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW_H;
    const w = Math.abs(b.value) * scale;
    const x = b.value >= 0 ? x0 : x0 - w;
    const fill = b.removal ? REMOVAL_COLOUR : COLOURS[emission++ % COLOURS.length];
    const valueX = b.value >= 0 ? x + w + 4 : x0 + 4;
    return html`<text x="${f1(LABEL_W - 8)}" y="${f1(y + BAR_H - 3)}" text-anchor="end">${b.label}</text>
<rect x="${f1(x)}" y="${f1(y)}" width="${f1(Math.max(w, 0.5))}" height="${String(BAR_H)}" fill="${fill}"/>
<text x="${f1(valueX)}" y="${f1(y + BAR_H - 3)}">${kg(b.value)}</text>
`;
  });
  return html`<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" width="${String(WIDTH)}" height="${String(height)}" viewBox="0 0 ${String(WIDTH)} ${String(height)}" role="img" aria-label="${title}">
${rows}<line x1="${f1(x0)}" x2="${f1(x0)}" y1="0" y2="${String(height)}" stroke="#555" stroke-width="1"/>
</svg>
<figcaption>${title}</figcaption>
</figure>`;
}

/** One input of a tornado chart: the result with the input at its low and at its high end. */
export interface TornadoBar {
  label: string;
  low: number;
  high: number;
}

/**
 * A tornado chart: one row per input, a bar from the result at its low end to the result at its
 * high end, drawn around a line at the base result; the widest swing on top. The values are in
 * the table beside it, so no label can run past the edge.
 */
export function tornadoChart(bars: TornadoBar[], base: number, title: string): Html {
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const lo = Math.min(base, ...bars.flatMap((b) => [b.low, b.high]));
  const hi = Math.max(base, ...bars.flatMap((b) => [b.low, b.high]));
  const scale = plotW / (hi - lo || 1);
  const x = (v: number) => LABEL_W + (v - lo) * scale;
  const height = bars.length * ROW_H + 22;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW_H;
    const left = Math.min(b.low, b.high);
    const right = Math.max(b.low, b.high);
    return html`<text x="${f1(LABEL_W - 8)}" y="${f1(y + BAR_H - 3)}" text-anchor="end">${b.label}</text>
<rect x="${f1(x(left))}" y="${f1(y)}" width="${f1(Math.max((right - left) * scale, 0.5))}" height="${String(BAR_H)}" fill="${COLOURS[1]}"/>
`;
  });
  return html`<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" width="${String(WIDTH)}" height="${String(height)}" viewBox="0 0 ${String(WIDTH)} ${String(height)}" role="img" aria-label="${title}">
${rows}<line x1="${f1(x(base))}" x2="${f1(x(base))}" y1="0" y2="${String(height - 16)}" stroke="#555" stroke-width="1"/>
<text x="${f1(x(base))}" y="${String(height - 4)}" text-anchor="middle">${kg(base)}</text>
</svg>
<figcaption>${title}</figcaption>
</figure>`;
}
