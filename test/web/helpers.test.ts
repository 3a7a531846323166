import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stageOfNode } from '../../web/src/charts/stageNode.ts';
import { sankeyHeight } from '../../web/src/charts/sankeyOption.ts';
import { histogramOption } from '../../web/src/charts/histogramOption.ts';
import { reportFileName, safeFileName } from '../../web/src/lib/download.ts';
import { formatNumber, formatPercent } from '../../web/src/lib/format.ts';
import { auditDetailLines, issueLine, newestEventsFirst, newestVersionsFirst } from '../../web/src/lib/history.ts';

test('report file names are safe on every system', () => {
  assert.equal(reportFileName('榴莲 1 kg', 'zh', 'pdf'), '榴莲 1 kg-report-zh.pdf');
  assert.equal(safeFileName('a/b:c*?'), 'a_b_c_');
  assert.equal(safeFileName('  '), 'study');
});

test('workbook issues read "sheet / row / column: message"', () => {
  assert.equal(
    issueLine({ sheet: 'Inventory', row: 7, column: 'D (amount 数量)', message: 'not a number' }, 'row'),
    'Inventory / row 7 / D (amount 数量): not a number',
  );
  assert.equal(
    issueLine({ sheet: 'Inventory', row: 0, column: '', message: 'missing header' }, 'row'),
    'Inventory: missing header',
  );
  assert.equal(issueLine({ sheet: '', row: 0, column: '', message: 'not a workbook' }, 'row'), 'not a workbook');
});

test('audit details become readable lines, history newest first', () => {
  assert.deepEqual(
    auditDetailLines({ version: 2, comment: null, changes: ['entry "A" added (1 kg)', 'name changed'] }),
    ['version: 2', 'entry "A" added (1 kg)', 'name changed'],
  );
  assert.deepEqual(auditDetailLines('imported'), ['imported']);
  assert.deepEqual(
    newestVersionsFirst([
      { version: 1, at: '', by: '' },
      { version: 3, at: '', by: '' },
      { version: 2, at: '', by: '' },
    ]).map((v) => v.version),
    [3, 2, 1],
  );
  const events = newestEventsFirst([
    { at: '2026-01-01T00:00:00Z', user: null, action: 'a', detail: {} },
    { at: '2026-02-01T00:00:00Z', user: 'x', action: 'b', detail: {} },
  ]);
  assert.deepEqual(
    events.map((e) => e.action),
    ['b', 'a'],
  );
});

test('numbers keep four significant digits', () => {
  assert.equal(formatNumber(0.54071, 'en'), '0.5407');
  assert.equal(formatNumber(12345.6, 'en'), '12,346');
  assert.equal(formatNumber(0.0000634, 'en'), '6.34e-5');
  assert.equal(formatNumber(0, 'zh'), '0');
  assert.equal(formatPercent(0.656, 'en'), '65.6%');
});

test('stage nodes of the Sankey and the tree are recognised', () => {
  assert.equal(stageOfNode('[raw-materials]'), 'raw-materials');
  assert.equal(stageOfNode('end-of-life'), 'end-of-life');
  assert.equal(stageOfNode('Durian'), undefined);
  assert.equal(stageOfNode('[durian]'), undefined);
});

test('the Sankey grows with its entries', () => {
  const links = Array.from({ length: 30 }, (_, i) => ({ source: `e${i}`, target: '[use]', value: 1 }));
  assert.equal(
    sankeyHeight({ nodes: [], links: [...links, { source: '[use]', target: 'P', value: 30 }] }),
    30 * 24 + 40,
  );
  assert.equal(sankeyHeight({ nodes: [], links: [] }), 300);
});

test('histogram bins inside the 95 % interval are drawn dark', () => {
  const option = histogramOption(
    {
      iterations: 10,
      seed: 1,
      mean: 2,
      sd: 1,
      p2_5: 1,
      p50: 2,
      p97_5: 3,
      method: 'mc',
      histogram: { edges: [0, 1, 2, 3, 4], counts: [1, 4, 4, 1] },
    },
    String,
    'n',
  );
  const series = (option.series as { data: { itemStyle: { color: string } }[] }[])[0];
  const colours = series.data.map((d) => d.itemStyle.color);
  assert.equal(colours[0], colours[3]);
  assert.equal(colours[1], colours[2]);
  assert.notEqual(colours[0], colours[1]);
});
