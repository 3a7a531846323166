import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import type { Study, StudyResult } from '../../src/model/study.ts';
import { escapeHtml } from '../../src/report/escape.ts';
import { factor, kg, pct } from '../../src/report/format.ts';
import { renderReportHtml } from '../../src/report/html.ts';
import { dictionary } from '../../src/report/i18n.ts';
import { closePdfBrowser, printPdf } from '../../src/report/pdf.ts';
import { checkReport } from '../../src/rules/iso14067.ts';
import { fixtureResult, fixtureStudy } from './fixture.ts';
import { messageText } from '../../src/model/message.ts';

function render(
  lang: 'zh' | 'en',
  edit: (s: Study, r: StudyResult) => void = () => {},
  company = '海南榴莲果业有限公司',
): string {
  const study = fixtureStudy();
  const result = fixtureResult();
  edit(study, result);
  return renderReportHtml({
    study,
    result,
    company,
    lang,
    generatedAt: '2026-11-23',
    compliance: checkReport(study, result),
  });
}

/** the rows of the first table with this class, as cell texts */
function tableRows(html: string, cls: string): string[][] {
  const table = html.match(new RegExp(`<table class="${cls}">([\\s\\S]*?)</table>`))?.[1];
  assert.ok(table, `no table.${cls}`);
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((td) =>
      td[1]
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .trim(),
    ),
  );
}

const headings = (html: string) =>
  [...html.matchAll(/<h[123][^>]*>([\s\S]*?)<\/h[123]>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
const CJK = /[\u4e00-\u9fff]/;

describe('report HTML', () => {
  it('is one self-contained, printable document without script', () => {
    const html = render('en');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(html, /<\/html>\n$/);
    assert.match(html, /@page \{ size: A4;/);
    assert.match(
      html,
      /font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif/,
    );
    assert.doesNotMatch(html, /<script|<link|<img|\ssrc=|href="http/i);
    assert.match(html, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('escapes every user string', () => {
    const html = render(
      'zh',
      (s, r) => {
        s.product.name = 'Durian <script>alert("x")</script> & Sons';
        s.limitations = '<img src=x onerror=alert(1)> only one orchard';
        s.entries[0].name = r.entries[0].name = 'Urea <b>bold</b>';
        r.warnings.push("factor 'x' <status check>");
      },
      'Tanji & <Partners>',
    );
    assert.ok(!html.includes('<script'), 'a script tag got through');
    assert.ok(!html.includes('<img'), 'an img tag got through');
    assert.ok(!html.includes('<b>'));
    assert.ok(html.includes('Durian &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons'));
    assert.ok(html.includes('<title>产品碳足迹研究报告 — Durian &lt;script&gt;'));
    assert.ok(html.includes('Tanji &amp; &lt;Partners&gt;'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; only one orchard'));
    assert.ok(html.includes('factor &#39;x&#39; &lt;status check&gt;'));
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('reports the separate lines with removals apart and not netted', () => {
    const r = fixtureResult();
    const rows = tableRows(render('en'), 'lines');
    assert.deepEqual(rows, [
      ['Line', 'kg CO2e', 'Share'],
      ['Fossil GHG emissions', kg(r.lines.fossil), pct(r.lines.fossil / r.total)],
      ['Biogenic GHG emissions', kg(r.lines.biogenic), pct(r.lines.biogenic / r.total)],
      ['Direct land use change (dLUC)', '0', '0.0%'],
      ['Aircraft emissions', '2.6', '66.5%'],
      ['Total (excluding removals)', '3.91', '100.0%'],
      ['Biogenic GHG removals', '-0.9', 'reported apart, not in the total'],
    ]);
    assert.equal(tableRows(render('zh'), 'lines')[6][0], '生物源温室气体清除');
  });

  it('traces every entry to the factor it used', () => {
    const html = render('en');
    const r = fixtureResult();
    for (const e of r.entries) {
      const p = e.provenance;
      for (const s of [
        messageText(p.name),
        messageText(p.source),
        p.release,
        p.id,
        p.year === undefined ? undefined : String(p.year),
        p.region,
        ...p.notes.map(messageText),
      ]) {
        if (s) assert.ok(html.includes(escapeHtml(s)), `${e.name}: ${s} not in the report`);
      }
      assert.ok(
        html.includes(`${factor(p.kgCo2ePerUnit)}<div class="small">kg CO2e/${escapeHtml(p.perUnit)}</div>`),
        `${e.name}: factor`,
      );
      assert.ok(html.includes(`<td class="n">${kg(e.total)}`), `${e.name}: result ${kg(e.total)}`);
    }
    assert.ok(html.includes('-0.9 (removal)'), 'the orchard removal is shown apart from its total of 0');
    const evidence = fixtureStudy().entries.map((e) => e.evidence?.reference);
    for (const ref of evidence) assert.ok(ref && html.includes(escapeHtml(ref)), `evidence ${ref}`);
  });

  it('lists hotspots largest first', () => {
    const html = render('en');
    const order = [
      'Air freight Haikou to Beijing',
      'Field N2O from fertiliser',
      'Urea fertiliser',
      'Electricity, packing house',
      'Corrugated carton',
      'Orchard biomass CO2 uptake',
    ];
    const at = order.map((n) => html.indexOf(n, html.indexOf('id="results"')));
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
    );
  });

  it('writes Chinese headings in zh and English ones in en', () => {
    const zh = render('zh');
    const en = render('en');
    assert.match(zh, /<html lang="zh-CN">/);
    for (const h of [
      '1</span> 目标与范围',
      '2</span> 生命周期清单',
      '3.2</span> 单独报告的温室气体值',
      '5</span> 不确定性',
      '12</span> 合规性检查',
      '6</span> 敏感性分析与情景分析',
      '9</span> 解释与结论',
      '10</span> 考虑的温室气体',
      '11</span> 核查',
      '附录 A</span> 使用的背景数据',
    ]) {
      assert.ok(zh.includes(h), h);
    }
    for (const h of headings(zh)) assert.match(h, CJK, `zh heading without Chinese: ${h}`);
    for (const h of [
      '1</span> Goal and scope',
      '3.4</span> Hotspots and factor provenance',
      '7</span> Treatment of electricity',
      '6</span> Sensitivity and scenario analysis',
      '9</span> Interpretation and conclusions',
      'Annex A</span> Background data used',
    ]) {
      assert.ok(en.includes(h), h);
    }
    for (const h of headings(en)) assert.doesNotMatch(h, CJK, `en heading in Chinese: ${h}`);
  });

  it('states the boundary, the excluded stages and the GWP set', () => {
    const html = render('en');
    assert.ok(html.includes('<th>Stages excluded</th><td>Use, End of life</td>'));
    assert.ok(html.includes('IPCC AR6 GWP100 (100-year time horizon), AR6'));
    assert.ok(render('zh').includes('<th>排除的阶段</th><td>使用、生命末期</td>'));
  });

  it('shows the uncertainty analysis, or says it was not assessed', () => {
    const html = render('en');
    assert.ok(html.includes('<th>95% interval</th><td>3.24 – 4.83 kg CO2e</td>'));
    assert.ok(html.includes('<th>Seed</th><td>42</td>'));
    const none = render('en', (_s, r) => (r.uncertainty = null));
    assert.ok(none.includes('Uncertainty was not assessed.'));
    assert.ok(none.includes('<span class="status missing">Missing</span>'));
  });

  it('carries the checklist with its statuses', () => {
    const ok = tableRows(render('en'), 'checklist');
    assert.equal(ok.length, 22, 'a header row and 21 requirements');
    assert.ok(
      ok.slice(1).every((row) => row[2] === 'OK'),
      'complete study',
    );
    const flagged = tableRows(
      render('zh', (s) => (s.limitations = '')),
      'checklist',
    );
    const limitations = flagged.find((row) => row[1] === '局限性');
    assert.deepEqual(limitations, ['7.3', '局限性', '需注意', '未说明局限性']);
  });

  it('draws one bar per stage and one for removals, to scale', () => {
    const all = render('en');
    const html = all.slice(all.indexOf('id="results"'), all.indexOf('id="quality"'));
    const widths = [...html.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    const r = fixtureResult();
    assert.equal(widths.length, 4);
    assert.ok(Math.abs(widths[2] / widths[0] - r.byStage.distribution / r.byStage['raw-materials']) < 0.01);
    assert.ok(Math.abs(widths[3] / widths[0] - 0.9 / r.byStage['raw-materials']) < 0.01);
  });

  it('heads the report with the CFP of ISO 14067 3.1.1.1, emissions, removals and the PACT values, each with its standard', () => {
    const r = fixtureResult();
    const removals = r.lines.biogenicRemovals;
    const rows = tableRows(render('en'), 'headline-table');
    assert.deepEqual(rows[1], [
      'Carbon footprint of the product (sum of GHG emissions and removals)',
      kg(r.total + removals),
      'ISO 14067:2018 3.1.1.1',
    ]);
    assert.deepEqual(rows[2], ['GHG emissions (removals excluded)', kg(r.total), 'ISO 14067:2018 7.2']);
    assert.deepEqual(
      rows[3].slice(1),
      [kg(removals), 'ISO 14067:2018 7.2'],
      'the orchard uptake has no removal type: biogenic uptake',
    );
    assert.deepEqual(rows[5].slice(1), [kg(r.total), 'PACT 3.0 pcfExcludingBiogenicUptake']);
    assert.deepEqual(rows[6].slice(1), [kg(r.total + removals), 'PACT 3.0 pcfIncludingBiogenicUptake']);
  });

  it('fails the checklist, and says so in the report, when a clause 7 item is absent', () => {
    const cases: [string, (s: Study, r: StudyResult) => void, string][] = [
      ['sensitivity', (_s, r) => delete r.sensitivity, 'Sensitivity analysis'],
      ['interpretation', (s) => (s.conclusions = ''), 'Interpretation and conclusions'],
      ['cfp', (_s, r) => delete r.headline, 'CFP as the sum of emissions and removals'],
      ['ghg-list', (_s, r) => (r.gwpSet = ''), 'Greenhouse gases considered'],
      ['uncertainty', (_s, r) => (r.uncertainty = null), 'Uncertainty assessment'],
    ];
    for (const [id, edit, title] of cases) {
      const s = fixtureStudy();
      const r = fixtureResult();
      edit(s, r);
      assert.equal(checkReport(s, r).find((i) => i.id === id)?.status, 'missing', id);
      const row = tableRows(render('en', edit), 'checklist').find((cells) => cells[1] === title);
      assert.equal(row?.[2], 'Missing', `${id} shown as missing in the report`);
    }
  });

  it('writes the sensitivity, interpretation, gases and verification sections with content', () => {
    const html = render('en');
    const r = fixtureResult();
    const c = r.sensitivity!.cases[0]!;
    const sens = tableRows(html.slice(html.indexOf('id="sensitivity"')), 'dense')[1]!;
    assert.deepEqual(sens.slice(3), [
      kg(c.cfpLow),
      kg(c.cfpHigh),
      pct(Math.abs(c.cfpHigh - c.cfpLow) / Math.abs(r.sensitivity!.baseCfp)),
    ]);
    assert.match(html, /Largest contributions: Air freight/);
    assert.ok(
      html.includes('Air freight dominates the footprint; sea freight would cut it most.'),
      "the practitioner's conclusions",
    );
    assert.ok(html.includes('No verification statement has been issued for this version'));
    const gases = renderReportHtml({
      study: fixtureStudy(),
      result: r,
      company: 'C',
      lang: 'en',
      generatedAt: '2026-11-23',
      compliance: [],
      gases: [{ gas: 'N2O', gwp100: 273 }],
      verification: { verifiers: [{ name: 'Li Wei', organisation: 'CQC' }], statements: [] },
    });
    assert.ok(gases.includes('<td>N2O</td><td class="n">273</td>'));
    assert.ok(gases.includes('Li Wei (CQC)'));
  });

  it('writes dates as the reader does and no English sentence of its own into the Chinese report', () => {
    const zh = render('zh');
    assert.ok(zh.includes('2026年11月20日 08:05 UTC'), 'computed at, in Chinese');
    assert.ok(
      render('en').includes('20 November 2026 at 08:05 UTC') || render('en').includes('20 November 2026, 08:05 UTC'),
    );
    const en = dictionary('en');
    const strings = Object.values(en).flatMap(function flat(v: unknown): string[] {
      return typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(flat) : [];
    });
    const leaked = strings.filter(
      (x) => x.length > 12 && x.includes(' ') && !CJK.test(x) && !/^[\d\s./:-]+$/.test(x) && zh.includes(escapeHtml(x)),
    );
    assert.deepEqual(
      leaked.filter((x) => x !== 'ISO 14067:2018 / GB/T 24067-2024'),
      [],
    );
  });

  it('formats numbers to 3 significant digits and percentages to 1 decimal', () => {
    assert.deepEqual(
      [kg(3.91067), kg(1234.5), kg(0.012345), kg(0), kg(-0.9), kg(1.2e-5)],
      ['3.91', '1,230', '0.0123', '0', '-0.9', '1.20e-5'],
    );
    assert.equal(pct(0.16123), '16.1%');
  });
});

describe('report PDF', () => {
  after(() => closePdfBrowser());

  it('names the package to install when Chromium is missing', async () => {
    await assert.rejects(
      printPdf('<p>x</p>', { executablePath: '/nonexistent/chromium' }),
      /apt-get install chromium fonts-noto-cjk/,
    );
  });

  const skip =
    !existsSync('/usr/bin/chromium') &&
    'skipped: /usr/bin/chromium is absent (apt-get install chromium fonts-noto-cjk)';
  it('prints A4 PDFs with the Chinese text set in a CJK font', { skip, timeout: 30_000 }, async () => {
    const zh = await printPdf(render('zh'), { executablePath: '/usr/bin/chromium' });
    const en = await printPdf(render('en'), { executablePath: '/usr/bin/chromium' });
    for (const pdf of [zh, en]) {
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      assert.ok(boxes.length > 3, `${boxes.length} pages`);
      // A4 is 595.28 × 841.89 pt; Chromium rounds the page to whole CSS pixels
      for (const [w, h] of boxes)
        assert.ok(Math.abs(w - 595.28) < 1.5 && Math.abs(h - 841.89) < 1.5, `page ${w} × ${h} is not A4`);
    }
    const { text, exact } = pdfText(zh);
    for (const s of ['产品碳足迹研究报告', '目标与范围', '海南榴莲果业有限公司', '生物源温室气体清除']) {
      assert.ok(exact ? text.includes(s) : [...s].every((c) => text.includes(c)), `"${s}" is not in the PDF`);
    }
    // a character the report does not use must be absent, or the check above proves nothing
    assert.ok(!text.includes('鑫'));
    assert.match(zh.toString('latin1'), /\/FontName \/[A-Z]{6}\+NotoSans(Mono)?CJK/);
  });
});

/**
 * The PDF's text with pdftotext when poppler is installed (exact). Else the characters its fonts'
 * ToUnicode maps hold, in no order: Chromium subsets fonts, so only characters drawn on the pages are there.
 * NFKC because Noto CJK draws 足 and the Kangxi radical ⾜ with one glyph and Chromium maps such glyphs back
 * to the radical; NFKC folds the radicals into the ideographs.
 */
function pdfText(pdf: Buffer): { text: string; exact: boolean } {
  const poppler = spawnSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
  if (poppler.status === 0) return { text: poppler.stdout.normalize('NFKC'), exact: true };
  const s = pdf.toString('latin1');
  let out = '';
  for (const m of s.matchAll(/\/Length (\d+)>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const data = pdf.subarray(start, start + Number(m[1]));
    const flate = s.slice(s.lastIndexOf('<<', m.index), m.index).includes('/FlateDecode');
    const cmap = (flate ? inflateSync(data) : data).toString('latin1');
    const utf16be = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
    for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, dst] of block.matchAll(/<[0-9A-F]+>\s*<([0-9A-F]+)>/gi)) out += utf16be(dst);
    }
    for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, dst] of block.matchAll(/<([0-9A-F]+)>\s*<([0-9A-F]+)>\s*<([0-9A-F]+)>/gi)) {
        for (let k = 0; k <= parseInt(hi, 16) - parseInt(lo, 16); k++)
          out += String.fromCodePoint(parseInt(dst, 16) + k);
      }
    }
  }
  return { text: out.normalize('NFKC'), exact: false };
}
