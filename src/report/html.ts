import { context, type Ctx, type ReportInput } from './context.ts';
import { Html, html } from './escape.ts';
import { amount, kg } from './format.ts';
import { quantityText } from '../i18n/units.ts';
import { fields } from './layout.ts';
import { pcrSection } from './pcr.ts';
import { resultsSection } from './results.ts';
import {
  annexSection,
  complianceSection,
  electricitySection,
  inventorySection,
  limitationsSection,
  qualitySection,
  scopeSection,
  uncertaintySection,
} from './sections.ts';
import {
  ghgSection,
  headlineTable,
  interpretationSection,
  sensitivitySection,
  verificationSection,
} from './analysis.ts';
import { HEADLINE_STANDARDS, headlineOf } from '../model/headline.ts';
import { dateTime } from './format.ts';

/**
 * The ISO 14067 / GB/T 24067 CFP study report as one self-contained HTML document: inline CSS,
 * inline SVG, no script and no external resource, so the same bytes are served, archived and
 * printed to PDF.
 */

export type { ReportInput } from './context.ts';

export function renderReportHtml(input: ReportInput): string {
  const c = context(input);
  const { t, study } = c;
  const body = [
    cover(c),
    scopeSection(c),
    inventorySection(c),
    resultsSection(c),
    qualitySection(c),
    uncertaintySection(c),
    sensitivitySection(c),
    electricitySection(c),
    limitationsSection(c),
    interpretationSection(c),
    ghgSection(c),
    verificationSection(c),
    complianceSection(c),
    pcrSection(c),
    annexSection(c),
  ];
  return html`<!DOCTYPE html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<title>${t.docTitle} — ${study.product.name}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
<footer>${t.generatedBy} · ${dateTime(c.generatedAt, t.lang)}</footer>
</main>
</body>
</html>
`.text;
}

function cover(c: Ctx): Html {
  const { t, study: s, result: r } = c;
  return html`<header class="cover">
<h1>${t.docTitle}</h1>
<p class="standards">${t.according} ${t.standards}</p>
<p class="product">${s.product.name}</p>
<div class="result">
<div>${t.headline.cfp} · ${HEADLINE_STANDARDS.cfp}</div>
<div><strong>${kg((r.headline ?? headlineOf(r)).cfp)}</strong> ${t.kgCo2e} ${t.per} ${quantityText(amount(s.unit.amount), s.unit.unit, t.lang)}</div>
${headlineTable(c)}
</div>
${fields([
  [t.company, c.company],
  [t.study, s.name],
  [t.version, String(s.version)],
  [t.reportDate, dateTime(c.generatedAt, t.lang)],
  [t.computedAt, dateTime(r.computedAt, t.lang)],
  [t.gwpSet, t.methodAndSet(r)],
  [t.boundary, t.boundaries[s.boundary]],
  [t.standardsLabel, t.standards],
])}
</header>
`;
}

/** The font stack names Noto CJK first: it is what Debian's fonts-noto-cjk installs for the PDF printer. */
const CSS = new Html(`
@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  font-size: 10pt; line-height: 1.5; color: #1d2730; margin: 0; }
main { max-width: 180mm; margin: 0 auto; }
@media screen { main { padding: 12mm 4mm; } }
.cover { break-after: page; padding-top: 25mm; }
.cover h1 { font-size: 22pt; color: #1f5f8b; margin: 0; }
.cover .standards { color: #5b6770; margin: 1mm 0 0; }
.cover .product { font-size: 16pt; font-weight: 700; margin: 14mm 0 4mm; }
.cover .result { border: 1.5pt solid #1f5f8b; padding: 4mm 6mm; margin: 6mm 0 10mm; }
.cover .result strong { font-size: 20pt; }
.cover .result table strong { font-size: inherit; }
h2 { font-size: 14pt; color: #1f5f8b; border-bottom: 1pt solid #1f5f8b; padding-bottom: 1mm; margin: 8mm 0 3mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
.num { margin-right: 2mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #c9d2d9; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #eef3f7; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nw, th.nw { white-space: nowrap; }
table.fields th { width: 32%; background: #f6f8fa; font-weight: 600; }
table.dense { font-size: 7.5pt; }
.small { font-size: 0.85em; color: #5b6770; overflow-wrap: anywhere; }
.note, .muted { color: #5b6770; }
.text { white-space: pre-wrap; margin: 0; }
.headline strong { font-size: 16pt; }
.removal { color: #3d7a3d; }
.tag { display: inline-block; font-size: 0.8em; border: 0.5pt solid #5b6770; border-radius: 1mm; padding: 0 1mm; color: #5b6770; }
.status { font-weight: 700; white-space: nowrap; }
.status.ok { color: #2e7d32; }
.status.warning { color: #b26a00; }
.status.missing { color: #b00020; }
figure.chart { margin: 2mm 0 4mm; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart text { font-family: inherit; font-size: 11px; fill: #1d2730; }
figcaption { font-size: 9pt; color: #5b6770; }
footer { margin-top: 10mm; font-size: 8pt; color: #5b6770; }
`);
