import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EntrySchema, ParameterSchema } from '../../src/model/study.ts';
import type { DatasetHit } from '../../web/src/api/types.ts';
import { draftToEntry, emptyDraft, entryToDraft, withDataset } from '../../web/src/study/entryDraft.ts';
import {
  draftToRange,
  emptyRange,
  interval95,
  rangeToDraft,
  withDistribution,
  withSpread,
} from '../../web/src/study/rangeDraft.ts';

const fields = (r: ReturnType<typeof draftToRange>) => r.errors.map((e) => `${e.field}:${e.message}`);

test('a lognormal GSD² sets the 95 % interval around the value: value ÷ GSD² to value × GSD²', () => {
  const d = withSpread({ ...emptyRange(), distribution: 'lognormal', source: 'IPCC 2006 Vol. 4 Table 11.1' }, '1.5', 1);
  assert.equal(d.low, '0.666667');
  assert.equal(d.high, '1.5');
  const { range } = draftToRange(d, 1, 'multiples');
  assert.deepEqual(range, {
    distribution: 'lognormal',
    low: 0.666667,
    high: 1.5,
    source: 'IPCC 2006 Vol. 4 Table 11.1',
  });
  assert.deepEqual(interval95(range!, 1), { low: 0.666667, high: 1.5 });
  // read back, the shorthand is the geometric half-width of the interval
  assert.equal(rangeToDraft(range).spread, '1.5');
});

test('a normal standard deviation sets value ∓ 1.96 sd; the demo EF1 range reads back its sd', () => {
  const d = withSpread({ ...emptyRange(), distribution: 'normal', source: 's' }, '2', 150);
  assert.equal(d.low, '146.08');
  assert.equal(d.high, '153.92');
  const ef1 = rangeToDraft({ distribution: 'normal', low: 0.013, high: 0.019, source: 'IPCC' });
  assert.equal(ef1.spread, '0.00153064');
});

test('the range is refused field by field: GSD² ≥ 1, positive lognormal, min ≤ mode ≤ max, a source', () => {
  const base = { ...emptyRange(), source: 'src' };
  assert.deepEqual(
    fields(draftToRange({ ...base, distribution: 'lognormal', spread: '0.5', low: '0.5', high: '2' }, 1, 'multiples')),
    ['rangeSpread:range.error.gsd'],
  );
  assert.deepEqual(fields(draftToRange({ ...base, distribution: 'lognormal', low: '-1', high: '2' }, 1, 'multiples')), [
    'rangeLow:range.error.positive',
  ]);
  assert.deepEqual(
    fields(draftToRange({ ...base, distribution: 'triangular', low: '0.02', high: '0.33' }, 0.5, 'absolute')),
    ['rangeHigh:range.error.mode'],
  );
  assert.deepEqual(fields(draftToRange({ ...base, distribution: 'uniform', low: '2', high: '1' }, 1, 'absolute')), [
    'rangeHigh:range.error.order',
  ]);
  assert.deepEqual(
    fields(draftToRange({ ...emptyRange(), distribution: 'normal', low: 'x', high: '1' }, 1, 'absolute')),
    ['rangeLow:range.error.number', 'rangeSource:range.error.source'],
  );
  // a parameter's normal range need not hold the value (its mean is the interval's middle); an entry's must
  assert.equal(draftToRange({ ...base, distribution: 'normal', low: '2', high: '3' }, 1, 'absolute').errors.length, 0);
  assert.deepEqual(fields(draftToRange({ ...base, distribution: 'normal', low: '1.1', high: '3' }, 1, 'multiples')), [
    'rangeLow:range.error.mode',
  ]);
  assert.deepEqual(draftToRange(emptyRange(), 1, 'multiples'), { range: undefined, errors: [] });
});

test('the preview is the 2.5th–97.5th percentile of the triangle and of the uniform', () => {
  const tri = interval95({ distribution: 'triangular', low: 0, high: 2, source: 's' }, 1);
  assert.ok(Math.abs(tri.low - Math.sqrt(0.025 * 2)) < 1e-12);
  assert.ok(Math.abs(tri.high - (2 - Math.sqrt(0.025 * 2))) < 1e-12);
  assert.deepEqual(interval95({ distribution: 'uniform', low: 0, high: 100, source: 's' }, 50), {
    low: 2.5,
    high: 97.5,
  });
});

test('switching the distribution keeps the bounds and derives the shorthand', () => {
  const d = withDistribution({ ...emptyRange(), low: '0.5', high: '2', source: 's' }, 'lognormal');
  assert.equal(d.spread, '2');
  assert.equal(withDistribution(d, 'uniform').low, '0.5');
});

const hit: DatasetHit = {
  type: 'factor',
  release: '2026.1',
  id: 'cn-n-fertiliser/CN/2024',
  name: 'Nitrogen fertiliser',
  nameZh: '氮肥',
  perUnit: 'kg',
  kgCo2ePerUnit: 8.2,
  gases: 'CO2e',
  region: 'CN',
  year: 2024,
  source: 'test',
  status: 'verified',
  notes: [],
};

test('an entry keeps its stated range and pedigree through the form, and refuses half a pedigree', () => {
  const d = {
    ...withDataset(emptyDraft('raw-materials'), hit, '氮肥'),
    amount: '12',
    range: { distribution: 'triangular' as const, spread: '', low: '0.8', high: '1.3', source: 'supplier range' },
    pedigree: { reliability: '2', completeness: '1', temporal: '3', geographical: '2', technological: '4' },
  };
  const { entry } = draftToEntry(d);
  assert.ok(entry);
  assert.deepEqual(entry.uncertainty, { distribution: 'triangular', low: 0.8, high: 1.3, source: 'supplier range' });
  assert.deepEqual(entry.pedigree, { reliability: 2, completeness: 1, temporal: 3, geographical: 2, technological: 4 });
  EntrySchema.parse(entry);
  assert.deepEqual(draftToEntry(entryToDraft(entry)).entry, entry);

  const half = draftToEntry({ ...d, pedigree: { ...d.pedigree, temporal: '' } });
  assert.deepEqual(
    half.errors.map((e) => e.field),
    ['pedigree'],
  );
  const cleared = draftToEntry({ ...d, range: emptyRange() }).entry!;
  assert.equal(cleared.uncertainty, undefined);
});

test('a parameter range from the form passes the model', () => {
  const { range } = draftToRange(
    { distribution: 'uniform', spread: '', low: '100', high: '200', source: 'PCR §5' },
    150,
    'absolute',
  );
  ParameterSchema.parse({ name: 'diesel_l_ha', value: 150, unit: 'L/ha', description: '', uncertainty: range });
});
