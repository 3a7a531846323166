import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notesMarkdown, notesSummary, releaseNotes } from '../../src/cobuild/notes.ts';
import { MissingDatasetsError, rebaseStudy } from '../../src/cobuild/rebase.ts';
import { composeRelease, ReleaseCompositionError, type ReleaseItem } from '../../src/cobuild/release.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { factor, HAINAN, process, SEED } from './fixtures.ts';

const replacement: ReleaseItem = {
  kind: 'aggregate',
  ref: 'agg-1',
  dataset: { type: 'factor', factor: factor({ value: 0.4556, status: 'derived', method: 'weighted' }) },
  contributors: ['A Power', 'B Nuclear', 'C Solar'],
};
const added: ReleaseItem = {
  kind: 'submission',
  ref: 's-1',
  version: 2,
  dataset: {
    type: 'factor',
    factor: factor({
      id: 'material-clinker/CN-HI/2024',
      kind: 'material',
      perUnit: 't',
      unit: 'kg CO2e/t',
      value: 830,
      status: 'check',
    }),
  },
  contributors: ['A Power'],
  approval: { by: 'Steward Li', at: '2026-03-01T08:00:00.000Z' },
};

test('a release is its base with approved datasets added or replacing those of the same id', () => {
  const r = composeRelease('2026.2', { factors: { release: '2026.1', factors: SEED } }, [replacement, added]);
  assert.equal(r.factors.length, SEED.length + 1);
  assert.equal(r.database, undefined);
  const hainan = r.factors.find((f) => f.id === HAINAN.id)!;
  assert.equal(hainan.value, 0.4556);
  assert.equal(r.factors.indexOf(hainan), SEED.indexOf(HAINAN), 'in the place of the one it replaces');
  // approved is not verified: the submission keeps its status and records who approved it
  assert.equal(r.factors.at(-1)!.status, 'check');
  assert.deepEqual(r.factors.at(-1)!.approval, { by: 'Steward Li', at: '2026-03-01T08:00:00.000Z', submission: 's-1' });
  assert.deepEqual(
    r.changes.map((c) => [c.change, c.id, c.before, c.after]),
    [
      ['replaced', HAINAN.id, HAINAN.value, 0.4556],
      ['added', 'material-clinker/CN-HI/2024', undefined, 830],
    ],
  );
  assert.ok(r.changes[0].fields.includes('value') && !r.changes[0].fields.includes('kind'));
  assert.throws(() => composeRelease('x', {}, [added, { ...added, ref: 's-2' }]), ReleaseCompositionError);
});

test('unit processes join the base LCI database with the flows they bring', () => {
  const flows = [
    { id: 'powder', name: 'Powder', unit: 'kg', kind: 'product' as const },
    { id: 'el', name: 'Electricity', unit: 'kWh', kind: 'product' as const },
  ];
  const base = process('old', [flows[0]], [{ flowId: 'powder', amount: 1, input: false, reference: true }]);
  const db = {
    name: 'base',
    origin: 'x',
    processes: [base.process],
    flows: base.flows,
    unitGroups: base.unitGroups,
    flowProperties: base.flowProperties,
  };
  const p = process('new', flows, [
    { flowId: 'powder', amount: 1, input: false, reference: true },
    { flowId: 'el', amount: 0.05, input: true, reference: false },
  ]);
  const r = composeRelease('2026.3', { lci: { release: 'base', db } }, [
    { kind: 'submission', ref: 's', dataset: p, contributors: ['Institute'] },
  ]);
  assert.deepEqual(
    r.database!.processes.map((x) => x.id),
    ['old', 'new'],
  );
  assert.deepEqual(
    r.database!.flows.map((f) => f.id),
    ['powder', 'el'],
  );
  assert.equal(r.database!.unitGroups.length, 2);
  assert.equal(r.database!.name, 'base + Tanji co-construction');
});

test('release notes: what changed, who contributed, the aggregates and the benchmarks', () => {
  const r = composeRelease('2026.2', { factors: { release: '2026.1', factors: SEED } }, [replacement, added]);
  const notes = releaseNotes(
    '2026.2',
    { factors: '2026.1' },
    [replacement, added],
    r.changes,
    [{ ref: 'agg-1', name: 'Hainan generation average', contributors: 3, datasets: 3 }],
    [
      {
        id: 'b',
        name: 'Durian',
        comparison: {
          from: { lci: 'uslci', factors: '2026.1' },
          to: { lci: 'uslci', factors: '2026.2' },
          before: 0.54,
          after: 0.55,
          delta: 0.01,
          relative: 0.01 / 0.54,
          entries: [{ entryId: 'e', name: 'Irrigation', before: 0.02, after: 0.023 }],
        },
      },
      { id: 'c', name: 'Broken', error: 'factor x is not in release 2026.2' },
    ],
  );
  assert.equal(
    notes.summary,
    'Release 2026.2 on 2026.1: 1 dataset added, 1 replaced, 1 aggregate, 3 contributing organisations.',
  );
  assert.deepEqual(notes.contributors, [
    { organisation: 'A Power', datasets: 2 },
    { organisation: 'B Nuclear', datasets: 1 },
    { organisation: 'C Solar', datasets: 1 },
  ]);
  const md = notesMarkdown(notes);
  assert.match(
    md,
    /- replaced factor `cn-electricity-footprint\/CN-HI\/2024` .*: 0\.3972 → 0\.4556 kg CO2e\/kWh \(\+14\.7 %\); fields .*value.* \(aggregate\)/,
  );
  assert.match(md, /- added factor `material-clinker\/CN-HI\/2024` .*: 830 kg CO2e\/t\n/);
  assert.match(
    md,
    /- Hainan generation average: 3 datasets from 3 organisations; their primary data stay confidential/,
  );
  assert.match(md, /- Durian: 0\.54 → 0\.55 kg CO2e \(\+1\.9 %\)\n {2}- Irrigation: 0\.02 → 0\.023 kg CO2e/);
  assert.match(md, /- Broken: not calculated \(factor x is not in release 2026\.2\)/);
});

test('release notes in Chinese, from the same structured notes', () => {
  const r = composeRelease('2026.2', { factors: { release: '2026.1', factors: SEED } }, [replacement, added]);
  const notes = releaseNotes(
    '2026.2',
    { factors: '2026.1' },
    [replacement, added],
    r.changes,
    [{ ref: 'agg-1', name: 'Hainan generation average', contributors: 3, datasets: 3 }],
    [
      {
        id: 'b',
        name: 'Durian',
        comparison: {
          from: { lci: 'uslci', factors: '2026.1' },
          to: { lci: 'uslci', factors: '2026.2' },
          before: 0.54,
          after: 0.55,
          delta: 0.01,
          relative: 0.01 / 0.54,
          entries: [],
        },
      },
      { id: 'c', name: 'Broken', error: 'factor x is not in release 2026.2' },
    ],
  );
  assert.equal(notesMarkdown(notes, 'en'), notesMarkdown(notes), 'English unless asked');
  assert.equal(notesSummary(notes, 'en'), notes.summary, 'the stored summary is the English one');
  const md = notesMarkdown(notes, 'zh');
  assert.match(
    md,
    /^# 发布说明：版本 2026\.2\n\n版本 2026\.2（基于 2026\.1）：新增 1 个数据集，替换 1 个，行业平均 1 个，贡献单位 3 家。\n\n## 变更内容\n/,
  );
  assert.match(
    md,
    /- 替换因子 `cn-electricity-footprint\/CN-HI\/2024` .*：0\.3972 → 0\.4556 kg CO2e\/kWh（\+14\.7%）；变更字段：.*value.*（行业平均）\n/,
  );
  assert.match(md, /- 新增因子 `material-clinker\/CN-HI\/2024` .*：830 kg CO2e\/t\n/);
  assert.match(md, /## 贡献者\n\n- A Power：2 个数据集\n/);
  assert.match(md, /- Hainan generation average：来自 3 家单位的 3 个数据集；各单位的原始数据保密/);
  assert.match(
    md,
    /## 对基准产品的影响\n\n- Durian：0\.54 → 0\.55 kg CO2e（\+1\.9%）\n- Broken：未能计算（factor x is not in release 2026\.2）\n$/,
  );
  const process = {
    ...notes,
    changes: [
      {
        type: 'process' as const,
        id: 'p',
        name: 'Clinker',
        change: 'added' as const,
        fields: [],
        after: 0.9,
        unit: 'kg CO2e per unit of product',
        item: { kind: 'submission' as const, ref: 's' },
      },
    ],
  };
  assert.match(notesMarkdown(process, 'zh'), /- 新增单元过程 `p` Clinker：0\.9 kg CO2e\/单位产品\n/);
  assert.match(notesMarkdown(process, 'en'), /- added process `p` Clinker: 0\.9 kg CO2e per unit of product\n/);
});

test('moving a study to a release points every entry of the pinned releases at the same dataset there', () => {
  const study = durianStudy();
  const moved = rebaseStudy(study, { factors: '2026.2' }, { factor: () => true, process: () => true });
  assert.deepEqual(moved.releases, { lci: 'uslci', factors: '2026.2' });
  for (const e of moved.entries) {
    if (e.source.type !== 'background') continue;
    assert.equal(e.source.dataset.release, e.source.dataset.type === 'factor' ? '2026.2' : 'uslci');
  }
  assert.throws(
    () =>
      rebaseStudy(
        study,
        { factors: '2026.2' },
        { factor: (id) => !id.startsWith('cn-electricity'), process: () => true },
      ),
    (e: unknown) =>
      e instanceof MissingDatasetsError &&
      e.missing.length === 2 &&
      /Irrigation electricity.*cn-electricity-footprint\/CN-HI\/2024/.test(e.missing[0].message),
  );
});
