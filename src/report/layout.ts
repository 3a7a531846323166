import { html, type Html, type Part } from './escape.ts';

/** The few building blocks every section uses, so tables and fields look alike throughout. */

/** `numeric` lists the columns to right-align, `nowrap` the short ones a line break would garble (kWh, 2026.1). */
export function table(
  head: Part[],
  rows: Part[][],
  opts: { cls?: string; numeric?: number[]; nowrap?: number[] } = {},
): Html {
  const n = (i: number) => {
    const cls = [opts.numeric?.includes(i) && 'n', opts.nowrap?.includes(i) && 'nw'].filter(Boolean).join(' ');
    return cls !== '' && html` class="${cls}"`;
  };
  return html`<table${opts.cls && html` class="${opts.cls}"`}>
<thead><tr>${head.map((h, i) => html`<th${n(i)}>${h}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${r.map((c, i) => html`<td${n(i)}>${c}</td>`)}</tr>\n`)}</tbody>
</table>`;
}

/** label/value pairs, two columns */
export function fields(rows: [string, Part][]): Html {
  return html`<table class="fields"><tbody>${rows.map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>\n`)}</tbody></table>`;
}

/** a practitioner's free text, line breaks kept; `empty` when there is none */
export function text(s: string, empty: string): Html {
  return s.trim() ? html`<p class="text">${s.trim()}</p>` : html`<p class="muted">${empty}</p>`;
}

export function section(id: string, num: string, title: string, body: Part): Html {
  return html`<section id="${id}">
<h2><span class="num">${num}</span> ${title}</h2>
${body}
</section>
`;
}

export function sub(num: string, title: string): Html {
  return html`<h3><span class="num">${num}</span> ${title}</h3>`;
}

/** a secondary line under a cell's main value; nothing when there is nothing to say */
export function small(s: string | undefined): Html | false {
  return !!s?.trim() && html`<div class="small">${s}</div>`;
}
