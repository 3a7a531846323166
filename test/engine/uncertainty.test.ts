import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, dqr, dqrLevel, pedigreeGsd, percentile, sample, summarize } from '../../src/engine/uncertainty.ts';
import type { Pedigree, Uncertainty } from '../../src/model/lci.ts';

const N = 200_000;

function draws(u: Uncertainty, seed = 42): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = sample(u, rng);
  return out;
}

const near = (actual: number, expected: number, tol: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: expected ${expected} ± ${tol}, got ${actual}`);

test('the same seed gives the same sequence; different seeds differ', () => {
  const a = createRng(7),
    b = createRng(7),
    c = createRng(8);
  const sa = Array.from({ length: 50 }, () => a.next());
  const sb = Array.from({ length: 50 }, () => b.next());
  const sc = Array.from({ length: 50 }, () => c.next());
  assert.deepEqual(sa, sb);
  assert.notDeepEqual(sa, sc);
  for (const x of sa) assert.ok(x >= 0 && x < 1);
  const na = createRng(3),
    nb = createRng(3);
  assert.deepEqual(
    Array.from({ length: 21 }, () => na.normal()),
    Array.from({ length: 21 }, () => nb.normal()),
  );
  assert.deepEqual(
    draws({ type: 'lognormal', gm: 2, gsd: 1.5 }, 1).slice(0, 100),
    draws({ type: 'lognormal', gm: 2, gsd: 1.5 }, 1).slice(0, 100),
  );
  // seed 0 works and is not degenerate
  const z = createRng(0);
  assert.notEqual(z.next(), z.next());
});

test('uniform draws have mean 1/2 and variance 1/12', () => {
  const rng = createRng(11);
  let s = 0,
    s2 = 0;
  for (let i = 0; i < N; i++) {
    const x = rng.next();
    s += x;
    s2 += x * x;
  }
  near(s / N, 0.5, 0.005, 'mean');
  near(s2 / N - (s / N) ** 2, 1 / 12, 0.002, 'variance');
});

test('lognormal: median ≈ gm and sd of ln ≈ ln gsd', () => {
  const gm = 3,
    gsd = 1.8;
  const v = draws({ type: 'lognormal', gm, gsd });
  const logs = v.map(Math.log);
  const s = summarize(logs);
  near(s.mean, Math.log(gm), 0.005, 'mean of ln');
  near(s.sd, Math.log(gsd), 0.005, 'sd of ln');
  near(summarize(v).median, gm, 0.02, 'median');
  for (const x of v) assert.ok(x > 0);
  // gsd 1: no spread
  assert.equal(sample({ type: 'lognormal', gm: 5, gsd: 1 }, createRng(1)), 5);
});

test('normal: mean and sd', () => {
  const s = summarize(draws({ type: 'normal', mean: -4, sd: 2.5 }));
  near(s.mean, -4, 0.03, 'mean');
  near(s.sd, 2.5, 0.03, 'sd');
  near(s.p2_5, -4 - 1.959964 * 2.5, 0.05, '2.5th percentile');
  near(s.p97_5, -4 + 1.959964 * 2.5, 0.05, '97.5th percentile');
});

test('triangular: mean (a+b+c)/3, bounds and mode', () => {
  const [a, c, b] = [1, 2, 6];
  const v = draws({ type: 'triangular', min: a, mode: c, max: b });
  const s = summarize(v);
  near(s.mean, (a + b + c) / 3, 0.02, 'mean');
  // variance (a²+b²+c²−ab−ac−bc)/18
  near(s.sd, Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18), 0.01, 'sd');
  assert.ok(s.min >= a && s.max <= b);
  // P(X ≤ mode) = (c − a)/(b − a)
  near(v.filter((x) => x <= c).length / N, (c - a) / (b - a), 0.005, 'P(X ≤ mode)');
  assert.equal(sample({ type: 'triangular', min: 3, mode: 3, max: 3 }, createRng(1)), 3);
});

test('uniform: bounds and mean', () => {
  const s = summarize(draws({ type: 'uniform', min: 10, max: 14 }));
  assert.ok(s.min >= 10 && s.max < 14);
  near(s.mean, 12, 0.01, 'mean');
  near(s.sd, 4 / Math.sqrt(12), 0.01, 'sd');
});

test('pedigree widening with the ecoinvent v3 basic uncertainty factors', () => {
  const best: Pedigree = { reliability: 1, completeness: 1, temporal: 1, geographical: 1, technological: 1 };
  assert.ok(Math.abs(pedigreeGsd(1.05, best) - 1.05) < 1e-15);
  assert.equal(pedigreeGsd(1, best), 1);
  // (2,3,4,5,3): 0.0006 + 0.0006 + 0.008 + 0.002 + 0.008 = 0.0192; ln(1.5)² = 0.164402;
  // √0.183602 = 0.428488; exp → 1.534935
  const p: Pedigree = { reliability: 2, completeness: 3, temporal: 4, geographical: 5, technological: 3 };
  const expected = Math.exp(Math.sqrt(Math.log(1.5) ** 2 + 0.0192));
  assert.ok(Math.abs(pedigreeGsd(1.5, p) - expected) < 1e-12);
  assert.ok(Math.abs(pedigreeGsd(1.5, p) - 1.534935) < 1e-6, `hand value ${expected}`);
  // worst everywhere on gsd 1: √(0.04+0.008+0.04+0.002+0.12) = √0.21
  const worst: Pedigree = { reliability: 5, completeness: 5, temporal: 5, geographical: 5, technological: 5 };
  assert.ok(Math.abs(pedigreeGsd(1, worst) - Math.exp(Math.sqrt(0.21))) < 1e-12);
  assert.throws(() => pedigreeGsd(1.2, { ...best, temporal: 6 }), RangeError);
});

test('summarize and percentile match numpy (linear interpolation)', () => {
  const v = Float64Array.from({ length: 100 }, (_, i) => 100 - i); // unsorted on purpose
  const s = summarize(v);
  assert.equal(s.n, 100);
  assert.equal(s.mean, 50.5);
  assert.equal(s.median, 50.5);
  assert.ok(Math.abs(s.p2_5 - 3.475) < 1e-12, `p2.5 ${s.p2_5}`);
  assert.ok(Math.abs(s.p97_5 - 97.525) < 1e-12, `p97.5 ${s.p97_5}`);
  assert.equal(s.min, 1);
  assert.equal(s.max, 100);
  // numpy.std(range(1, 101), ddof=1) = 29.011491975882016
  assert.ok(Math.abs(s.sd - 29.011491975882016) < 1e-12);
  assert.equal(v[0], 100, 'input left unsorted');
  const sorted = [1, 2, 3, 4];
  assert.equal(percentile(sorted, 0), 1);
  assert.equal(percentile(sorted, 100), 4);
  assert.equal(percentile(sorted, 50), 2.5);
  assert.ok(Math.abs(percentile(sorted, 10) - 1.3) < 1e-12);
  assert.equal(summarize(new Float64Array([7])).sd, 0);
  assert.ok(Number.isNaN(summarize(new Float64Array(0)).mean));
});

test('PEF data quality rating is the mean of the scores', () => {
  assert.equal(dqr({ reliability: 1, completeness: 2, temporal: 3, geographical: 2, technological: 2 }), 2);
  assert.equal(dqr({ TeR: 1, GR: 2, TiR: 2, P: 1 }), 1.5);
  assert.equal(dqrLevel(1.5), 'excellent');
  assert.equal(dqrLevel(2.5), 'good');
  assert.equal(dqrLevel(4.2), 'poor');
  assert.throws(() => dqr({}), RangeError);
  assert.throws(() => dqr({ P: 6 }), RangeError);
});
