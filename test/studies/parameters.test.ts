import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getMethod } from '../../src/factors/gwp.ts';
import { headlineOf } from '../../src/model/headline.ts';
import type { Entry, Parameter, Study } from '../../src/model/study.ts';
import { backgroundOf } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { checkParameters, ParameterError, planAmounts } from '../../src/studies/parameters.ts';
import { co2Fossil, database, out, process, product, ref } from '../engine/fixtures.ts';

/**
 * Parameters, scenarios, sensitivity and Monte Carlo on a background small enough to work out by
 * hand: one LCI process (1 kg steel emits 2 kg fossil CO2), a supplier footprint of 2 kg CO2e/kg,
 * and a land management removal, all with amounts given by formulas of yield and n.
 */

const steel = product('steel');
const bg = backgroundOf(
  database([process('steel-making', [ref(steel, 1), out(co2Fossil, 2)])], [steel, co2Fossil]),
  [],
  'lci',
  'f',
  getMethod('ipcc-ar6-gwp100'),
);

const fert: Entry = {
  id: 'fert',
  stage: 'raw-materials',
  kind: 'material',
  name: 'Fertiliser',
  amount: 0,
  formula: 'n / yield',
  unit: 'kg',
  source: {
    type: 'supplier',
    supplier: 'ACME',
    kgCo2ePerUnit: 2,
    line: 'fossil',
    evidence: { type: 'supplier-statement', reference: 'S-1' },
  },
};
const steelEntry: Entry = {
  id: 'steel',
  stage: 'manufacturing',
  kind: 'material',
  name: 'Steel',
  amount: 0,
  formula: '3 * yield',
  unit: 'kg',
  source: { type: 'background', dataset: { type: 'process', release: 'lci', id: 'steel-making' } },
  evidence: { type: 'invoice', reference: 'INV-1' },
};
const sink: Entry = {
  id: 'sink',
  stage: 'raw-materials',
  kind: 'removal',
  name: 'Orchard sink',
  amount: 0,
  formula: 'n / 100',
  unit: 'kg',
  source: { type: 'direct', gas: 'CO2-biogenic' },
  removalPool: 'land',
};

const parameters: Parameter[] = [
  { name: 'yield', value: 10, unit: 't/ha', min: 5, max: 20, description: 'Yield' },
  { name: 'n', value: 200, unit: 'kg N/ha', description: '' },
];

function study(over: Partial<Study> = {}): Study {
  return {
    id: 's',
    companyId: 'c',
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: 't',
    name: 'p',
    product: { name: 'P', description: '' },
    unit: { kind: 'declared', amount: 1, unit: 'kg', description: '' },
    referenceFlow: '1 kg',
    boundary: 'cradle-to-gate',
    region: 'CN',
    year: 2025,
    method: 'ipcc-ar6-gwp100',
    releases: { lci: 'lci', factors: 'f' },
    cutoff: '',
    allocation: '',
    electricity: '',
    limitations: '',
    parameters,
    entries: [fert, steelEntry, sink],
    ...over,
  };
}

const near = (a: number, b: number, tol = 1e-9) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

describe('entry formulas of study parameters', () => {
  test('amounts, totals and the CFP headline worked out by hand', () => {
    const r = calculateStudy(study(), bg);
    // fertiliser 200/10 = 20 kg × 2 = 40; steel 3 × 10 = 30 kg × 2 = 60; sink 200/100 = 2 kg CO2 taken up
    assert.deepEqual(
      r.entries.map((e) => e.amount),
      [20, 30, 2],
    );
    near(r.total, 100);
    assert.equal(r.lines.biogenicRemovals, -2);
    assert.deepEqual(r.headline, headlineOf(r));
    assert.deepEqual(r.headline, {
      emissions: 100,
      removals: { biogenicUptake: 0, landManagement: -2, total: -2 },
      cfp: 98,
      pact: {
        v3: { excludingBiogenicUptake: 98, includingBiogenicUptake: 98 },
        v2: { excludingBiogenic: 100, includingBiogenic: 98 },
      },
    });
    assert.deepEqual(r.parameters, { yield: 10, n: 200 });
    // primary by factor source: the supplier footprint (40 of 100); the invoiced steel on an LCI process is secondary
    near(r.primaryDataShare, 0.4);
  });

  test('scenarios are calculated side by side with the base', () => {
    const r = calculateStudy(
      study({
        scenarios: [
          { name: 'High yield', description: '', values: { yield: 20 } },
          { name: 'Less N', description: 'cut', values: { n: 100 } },
        ],
      }),
      bg,
    );
    // yield 20: fertiliser 10 × 2 = 20, steel 60 × 2 = 120; n 100: fertiliser 10 × 2 = 20, steel 60, sink −1
    const [high, less] = r.scenarios!;
    near(high!.total, 140);
    near(high!.removals, -2);
    near(high!.byStage.manufacturing, 120);
    near(less!.total, 80);
    near(less!.removals, -1);
    assert.equal(less!.values.yield, 10, 'parameters the scenario does not name keep their base value');
  });

  test('formulas and scenarios that cannot be evaluated are named', () => {
    assert.throws(
      () => planAmounts(study({ entries: [{ ...fert, formula: 'n / yeild' }] })),
      (e: ParameterError) => {
        assert.deepEqual(e.path, ['entries', 0, 'formula']);
        assert.match(e.message, /entry "Fertiliser": formula "n \/ yeild" uses "yeild", not a parameter of the study/);
        return true;
      },
    );
    const problems = checkParameters(
      study({
        entries: [fert, { ...steelEntry, formula: '3 * (yield - 20)' }],
        scenarios: [{ name: 'x', description: '', values: { rain: 3 } }],
      }),
    );
    assert.deepEqual(
      problems.map((p) => p.path),
      [
        ['entries', 1, 'formula'],
        ['scenarios', 0, 'values', 'rain'],
      ],
    );
    assert.match(problems[0]!.message, /gives -30; amounts are positive/);
    assert.deepEqual(checkParameters(study()), []);
  });
});

describe('sensitivity, one at a time', () => {
  test('each parameter over its range and each key entry over its interval, widest swing first', () => {
    const s = study({
      entries: [
        { ...fert, uncertainty: { distribution: 'uniform', low: 0.5, high: 2, source: 'supplier statement S-1' } },
        steelEntry,
        sink,
      ],
    });
    const { sensitivity } = calculateStudy(s, bg);
    const byId = new Map(sensitivity!.cases.map((c) => [c.id, c]));
    // yield 5: fert 40 × 2 = 80 + steel 15 × 2 = 30 → 110; yield 20: 20 + 120 = 140
    const y = byId.get('yield')!;
    assert.equal(y.rangeBasis, 'min-max');
    near(y.totalLow, 110);
    near(y.totalHigh, 140);
    near(y.cfpHigh, 138);
    // n has no range: ±10 %: fert 18 × 2 = 36 → 96, sink −1.8; 22 × 2 = 44 → 104, sink −2.2
    const n = byId.get('n')!;
    assert.equal(n.rangeBasis, 'default-spread');
    near(n.totalLow, 96);
    near(n.cfpLow, 94.2);
    near(n.cfpHigh, 101.8);
    // the fertiliser's stated range ×0.5–×2: 20 → 80 + 60, or 40·2 = 80 + 60
    const f = byId.get('fert')!;
    assert.equal(f.rangeBasis, 'stated-range');
    near(f.low, 10);
    near(f.totalLow, 80);
    near(f.totalHigh, 140);
    assert.equal(byId.get('steel')!.rangeBasis, 'uncertainty-95');
    const swings = sensitivity!.cases.map((c) => Math.abs(c.cfpHigh - c.cfpLow));
    assert.deepEqual(
      swings,
      [...swings].sort((a, b) => b - a),
    );
  });
});

describe('Monte Carlo with stated ranges', () => {
  test("each input's share of the variance matches t²Var(X) / Var(Y) of a sum of independent terms", () => {
    // Y = 40·X₁ + 60·X₂, X₁ ~ U(0.5, 1.5), X₂ ~ U(0.9, 1.1): Var = 1600/12 + 3600·0.04/12 = 133.33 + 12
    const s = study({
      parameters: [
        { name: 'yield', value: 10, unit: '', description: '' },
        { name: 'n', value: 200, unit: '', description: '' },
      ],
      entries: [
        { ...fert, uncertainty: { distribution: 'uniform', low: 0.5, high: 1.5, source: 'test' } },
        {
          ...steelEntry,
          source: {
            type: 'supplier',
            supplier: 'B',
            kgCo2ePerUnit: 2,
            line: 'fossil',
            evidence: { type: 'supplier-statement', reference: 'S-2' },
          },
          uncertainty: { distribution: 'uniform', low: 0.9, high: 1.1, source: 'test' },
        },
      ],
    });
    const u = calculateStudy(s, bg, { iterations: 20_000, seed: 7 }).uncertainty!;
    const variance = 1600 / 12 + 12;
    near(u.mean, 100, 0.005);
    near(u.sd, Math.sqrt(variance), 0.02);
    const share = new Map(u.contributions!.map((c) => [c.id, c.share]));
    assert.ok(Math.abs(share.get('fert')! - 1600 / 12 / variance) < 0.01, `fert ${share.get('fert')}`);
    assert.ok(Math.abs(share.get('steel')! - 12 / variance) < 0.01, `steel ${share.get('steel')}`);
    assert.deepEqual(
      calculateStudy(s, bg, { iterations: 500, seed: 7 }).uncertainty,
      calculateStudy(s, bg, { iterations: 500, seed: 7 }).uncertainty,
      'reproducible by seed',
    );
  });

  test('a parameter drawn from its IPCC-style range moves every entry whose formula reads it', () => {
    // fert = n/yield × 2 with n ~ N(200, (40/1.96)²): Var(Y) from n alone = (2/10)² × (40/1.96)²
    const s = study({
      parameters: [
        { name: 'yield', value: 10, unit: '', description: '' },
        {
          name: 'n',
          value: 200,
          unit: '',
          description: 'N rate',
          uncertainty: { distribution: 'normal', low: 160, high: 240, source: 'test' },
        },
      ],
      entries: [{ ...fert, uncertainty: { distribution: 'uniform', low: 0.999999, high: 1.000001, source: 'exact' } }],
    });
    const u = calculateStudy(s, bg, { iterations: 20_000, seed: 3 }).uncertainty!;
    near(u.sd, 0.2 * (40 / 1.959963984540054), 0.02);
    assert.equal(u.contributions![0]!.id, 'n');
    assert.ok(u.contributions![0]!.share > 0.99);
  });
});
