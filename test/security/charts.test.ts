import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StudyResult, TreeNode, UncertaintyResult } from '../../src/model/study.ts';
import { histogramOption } from '../../web/src/charts/histogramOption.ts';
import { sankeyOption } from '../../web/src/charts/sankeyOption.ts';
import { stageOption } from '../../web/src/charts/stageOption.ts';
import { tileMapOption } from '../../web/src/charts/tileMapOption.ts';
import { treeOption } from '../../web/src/charts/treeOption.ts';
import type { ElectricityValue } from '../../web/src/api/types.ts';
import { XSS_NAME } from './payloads.ts';

/**
 * Every chart's tooltip is HTML that ECharts puts into the page: names from users must arrive
 * there as text. Each option builder's formatter is called with the payload as every name it
 * shows; the HTML may hold only the tooltip's own tags.
 */

const format = (n: number) => n.toFixed(2);
const OWN_TAGS = /<(?!\/?strong>|br\/>)[^>]*>/;

type Formatter = (params: unknown) => string;
const tooltipOf = (option: { tooltip?: unknown }): Formatter => (option.tooltip as { formatter: Formatter }).formatter;

function assertEscaped(html: string, what: string) {
  assert.doesNotMatch(html, OWN_TAGS, `${what}: ${html}`);
  assert.match(html, /&lt;img src=x onerror=alert\(2\)&gt;/, `${what} shows the name as text`);
}

test('sankey: node and link tooltips escape entry and stage names', () => {
  const sankey: StudyResult['sankey'] = {
    nodes: [{ name: XSS_NAME }, { name: 'stage' }],
    links: [{ source: XSS_NAME, target: 'stage', value: 1 }],
  };
  const formatter = tooltipOf(sankeyOption(sankey, format, (n) => n));
  assertEscaped(formatter({ data: { name: XSS_NAME }, value: 1 }), 'node');
  assertEscaped(formatter({ data: { source: XSS_NAME, target: XSS_NAME }, value: 1 }), 'link');
});

test('tree: the tooltip escapes node names', () => {
  const tree: TreeNode = { name: XSS_NAME, value: 2, children: [{ name: XSS_NAME, value: 1, children: [] }] };
  assertEscaped(tooltipOf(treeOption(tree, format, (n) => n))({ name: XSS_NAME, value: 2 }), 'tree');
});

test('stages, histogram and map tooltips go through the same helper', () => {
  const stages = tooltipOf(stageOption({ manufacturing: 1 }, ['manufacturing'], () => XSS_NAME, format));
  assertEscaped(stages([{ dataIndex: 0, value: 1 }]), 'stage');
  const u: UncertaintyResult = {
    iterations: 10,
    seed: 1,
    mean: 1,
    sd: 0.1,
    p2_5: 0.8,
    p50: 1,
    p97_5: 1.2,
    histogram: { edges: [0, 1, 2], counts: [4, 6] },
    method: 'mc',
  };
  assertEscaped(tooltipOf(histogramOption(u, format, XSS_NAME))([{ dataIndex: 0 }]), 'histogram');
  const value = {
    region: 'CN-HI',
    nameZh: XSS_NAME,
    nameEn: XSS_NAME,
    value: 0.5,
    unit: 'kg CO2e/kWh',
    year: 2024,
    status: XSS_NAME,
    resolvedRegion: 'CN-HI',
  } as ElectricityValue;
  const labels = { value: 'v', year: 'y', status: 's', resolvedRegion: 'r', fallback: 'f' };
  assertEscaped(tooltipOf(tileMapOption([value], 'zh', labels, format, 400))({ name: 'CN-HI' }), 'map');
});
