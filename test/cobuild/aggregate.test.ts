import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, AggregationError, type AggregateMember } from '../../src/cobuild/aggregate.ts';
import type { Dataset } from '../../src/cobuild/model.ts';
import { completenessScore, pefDqr, precisionScore } from '../../src/cobuild/quality.ts';
import { median, weightedGsd, weightedMean, weightedSd } from '../../src/cobuild/stats.ts';
import { factor, process } from './fixtures.ts';

const close = (a: number, b: number, tol = 1e-12) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

test('weighted statistics, known answers: values 1, 2, 4 weighing 1, 1, 2', () => {
  const xs = [
    { value: 1, weight: 1 },
    { value: 2, weight: 1 },
    { value: 4, weight: 2 },
  ];
  close(weightedMean(xs), 2.75);
  close(weightedSd(xs), Math.sqrt(1.6875));
  // ln values are 0, ln 2, 2 ln 2, mean 1.25 ln 2: deviations −1.25, −0.25, 0.75 (× ln 2), variance 0.6875 (ln 2)²
  close(weightedGsd(xs)!, 2 ** Math.sqrt(0.6875));
  assert.equal(
    weightedGsd([
      { value: 0, weight: 1 },
      { value: 1, weight: 1 },
    ]),
    undefined,
  );
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('data quality scores from the spread and the coverage', () => {
  assert.equal(precisionScore({ gsd: 1.04, cv: 0 }), 1);
  assert.equal(precisionScore({ gsd: 1.2, cv: 0 }), 3);
  assert.equal(precisionScore({ gsd: 3, cv: 0 }), 5);
  assert.equal(precisionScore({ gsd: undefined, cv: 0.3 }), 4);
  assert.equal(completenessScore(3, 0.85), 1);
  assert.equal(completenessScore(3, 0.3), 3);
  assert.equal(completenessScore(12, undefined), 2);
  assert.equal(completenessScore(2, undefined), 4);
  assert.equal(
    pefDqr({ reliability: 3, completeness: 2, temporal: 1, geographical: 3, technological: 4 }),
    2.75,
    'as the seed factors rate themselves',
  );
});

const member = (id: string, companyId: string, dataset: Dataset, amount: number, unit = 't'): AggregateMember => ({
  submissionId: id,
  version: 1,
  companyId,
  dataset,
  meta: { sharing: 'confidential', productionVolume: { amount, unit } },
});

const clinker = (value: number, region = 'CN-AH') =>
  factor({
    id: `material-cement-clinker/${region}/2024`,
    kind: 'material',
    name: 'Cement clinker',
    perUnit: 't',
    unit: 'kg CO2e/t',
    value,
    region,
    year: 2024,
    dataQuality: {
      pedigree: { reliability: 2, completeness: 2, temporal: 1, geographical: 1, technological: 2 },
      dqr: 1.5,
    },
  });

test('a provincial factor average weighted by production, volumes in different mass units', () => {
  const result = aggregate(
    [
      member('a', 'conch', { type: 'factor', factor: clinker(820) }, 2e6),
      member('b', 'huaxin', { type: 'factor', factor: clinker(860) }, 1e9, 'kg'),
      member('c', 'conch', { type: 'factor', factor: clinker(900) }, 1e6),
    ],
    { region: 'CN-AH', licence: 'CC BY 4.0' },
  );
  const f = result.dataset.type === 'factor' ? result.dataset.factor : assert.fail();
  close(f.value, (820 * 2 + 860 * 1 + 900 * 1) / 4);
  assert.equal(f.id, 'material-cement-clinker/CN-AH/2024');
  assert.equal(f.status, 'derived');
  assert.equal(result.stats.contributors, 2, 'two organisations, three datasets');
  assert.equal(result.stats.datasets, 3);
  assert.equal(result.stats.volumeUnit, 't');
  close(result.stats.totalVolume, 4e6);
  assert.deepEqual(
    result.weights.map((w) => w.weight),
    [2e6, 1e6, 1e6],
  );
  assert.deepEqual(result.stats.uncertainty, { type: 'lognormal', gm: f.value, gsd: result.stats.value!.gsd });
  assert.equal(result.stats.pedigree.reliability, 2, 'a 3 % spread keeps the members’ reliability');
  assert.equal(result.stats.pedigree.completeness, 4, 'two organisations, coverage unknown');
  assert.equal(f.dataQuality.dqr, pefDqr(result.stats.pedigree));
  assert.doesNotMatch(JSON.stringify(f), /conch|huaxin/, 'members are not named');
});

test('a national average may take provinces; the members must be of one product, weighed, and inside the region', () => {
  const national = aggregate(
    [
      member('a', 'x', { type: 'factor', factor: clinker(800, 'CN-AH') }, 1),
      member('b', 'y', { type: 'factor', factor: clinker(900, 'CN-GD') }, 3),
    ],
    { region: 'CN', licence: 'CC BY 4.0' },
  );
  assert.equal(national.dataset.type === 'factor' && national.dataset.factor.id, 'material-cement-clinker/CN/2024');
  const other = factor({
    id: 'material-lime/CN-AH/2024',
    kind: 'material',
    perUnit: 't',
    unit: 'kg CO2e/t',
    region: 'CN-AH',
  });
  assert.throws(
    () =>
      aggregate(
        [
          member('a', 'x', { type: 'factor', factor: clinker(800) }, 1),
          member('b', 'y', { type: 'factor', factor: other }, 1),
          {
            ...member('c', 'z', { type: 'factor', factor: clinker(810, 'CN-GD') }, 1),
            meta: { sharing: 'confidential' },
          },
        ],
        { region: 'CN-AH', licence: 'CC BY 4.0' },
      ),
    (e: unknown) =>
      e instanceof AggregationError &&
      e.issues.some((i) => /b \(.*\) is of another product/.test(i.message)) &&
      e.issues.some((i) => /c \(.*\) is for CN-GD, which is not in CN-AH/.test(i.message)) &&
      e.issues.some((i) => /c \(.*\) has no production volume/.test(i.message)),
  );
});

test('a unit process average: every exchange per unit of product, weighted, an exchange a member lacks counting as zero', () => {
  const flows = [
    { id: 'powder', name: 'Calcium carbonate powder', unit: 'kg', kind: 'product' as const },
    { id: 'el', name: 'Electricity', unit: 'kWh', kind: 'product' as const },
    { id: 'dust', name: 'Particulates', unit: 'kg', kind: 'elementary' as const },
  ];
  const a = process('a', flows, [
    { flowId: 'powder', amount: 1000, input: false, reference: true },
    { flowId: 'el', amount: 40, input: true, reference: false, providerId: 'grid' },
    { flowId: 'dust', amount: 0.5, input: false, reference: false },
  ]);
  const b = process('b', flows, [
    { flowId: 'powder', amount: 1, input: false, reference: true },
    { flowId: 'el', amount: 0.07, input: true, reference: false, providerId: 'grid' },
  ]);
  const result = aggregate([member('a', 'x', a, 3e5), member('b', 'y', b, 1e5)], {
    region: 'CN-GX',
    licence: 'CC BY 4.0',
    name: 'Calcium carbonate powder, Guangxi',
  });
  const p = result.dataset.type === 'process' ? result.dataset.process : assert.fail();
  assert.equal(p.name, 'Calcium carbonate powder, Guangxi');
  assert.equal(p.location, 'CN-GX');
  const el = p.exchanges.find((e) => e.flowId === 'el')!;
  close(el.amount, (0.04 * 3 + 0.07 * 1) / 4);
  assert.equal(el.providerId, 'grid');
  assert.equal(el.uncertainty?.type, 'lognormal');
  const dust = p.exchanges.find((e) => e.flowId === 'dust')!;
  close(dust.amount, (0.0005 * 3) / 4);
  assert.equal(dust.uncertainty?.type, 'normal', 'a member without the emission: zero, so no lognormal');
  assert.equal(p.exchanges.find((e) => e.reference)!.amount, 1);
  assert.deepEqual(result.dataset.type === 'process' && result.dataset.flows.map((f) => f.id).sort(), [
    'dust',
    'el',
    'powder',
  ]);
  assert.equal(result.stats.exchanges!.length, 2);
});
