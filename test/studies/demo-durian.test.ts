import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getMethod } from '../../src/factors/gwp.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { importDatabase } from '../../src/formats/index.ts';
import { StudyInputSchema, type Study } from '../../src/model/study.ts';
import { blockingFindings, checkStudyAgainstPcr } from '../../src/rules/pcr-check.ts';
import { backgroundOf, type Background } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { USLCI_JSONLD } from '../uslci.ts';

/**
 * The durian demo's sourced data: Chinese fertiliser factors as their source prints them, the urea
 * CO2 and refrigerant worked by hand from what the entries state, the IPCC Tier 1 ranges drawn in
 * Monte Carlo, the fruit's carbon content and the dLUC statement.
 */

let bg: Background;
let study: Study;

before(async () => {
  bg = backgroundOf(await importDatabase(USLCI_JSONLD), seedFactors(), 'uslci', '2026.1', getMethod('ipcc-ar6-gwp100'));
  study = {
    ...StudyInputSchema.parse(durianStudy()),
    id: 'd',
    companyId: 'c',
    version: 1,
    updatedAt: '',
    updatedBy: '',
  };
});

const entry = (id: string) => study.entries.find((e) => e.id === id)!;
const parameter = (name: string) => study.parameters!.find((p) => p.name === name)!;
const factor = (id: string) => seedFactors().find((f) => f.id === id)!;

describe('the durian demo on sourced data', () => {
  test('N, P2O5 and K2O manufacture are Chinese factors from Chen, Lu & Wang (2015), t CE × 44/12', () => {
    const printed: Record<string, number> = {
      'cn-fertiliser-urea-per-n/CN/2015': 2.041,
      'cn-fertiliser-phosphate-fertiliser-general-per-p2o5/CN/2015': 0.636,
      'cn-fertiliser-potash-fertiliser-general-per-k2o/CN/2015': 0.18,
    };
    for (const [id, tCe] of Object.entries(printed)) {
      const f = factor(id);
      assert.equal(f.region, 'CN');
      assert.match(f.source.title, /Acta Ecologica Sinica 35\(19\)/);
      assert.equal(f.status, 'check', 'read from the abstract only');
      assert.ok(Math.abs(f.value - (tCe * 44) / 12) < 1e-3, `${id}: ${f.value}`);
    }
    const perKgUrea = factor('cn-fertiliser-urea/CN/2015');
    assert.ok(Math.abs(perKgUrea.value - ((2.041 * 44) / 12) * (28.014 / 60.056)) < 1e-3);
    assert.deepEqual(perKgUrea.unverifiedInputs, ['cn-fertiliser-urea-per-n/CN/2015']);
    const sources = ['fertiliser-n', 'fertiliser-p', 'fertiliser-k'].map((id) => {
      const s = entry(id).source;
      return s.type === 'background' ? s.dataset.id : s.type;
    });
    assert.deepEqual(sources, [
      'cn-fertiliser-urea/CN/2015',
      'cn-fertiliser-phosphate-fertiliser-general-per-p2o5/CN/2015',
      'cn-fertiliser-potash-fertiliser-general-per-k2o/CN/2015',
    ]);
  });

  test('urea CO2 is the urea applied × 0.20 × 44/12, and the refrigerant is what its evidence states', () => {
    const r = calculateStudy(study, bg);
    const row = (id: string) => r.entries.find((e) => e.entryId === id)!;
    const urea = entry('fertiliser-n').amount;
    assert.ok(Math.abs(urea * (28.014 / 60.056) - 300 / 15_000) < 1e-5, 'urea carrying 300 kg N/ha at 15 t/ha');
    assert.ok(Math.abs(row('urea-co2').amount - (urea * 0.2 * 44) / 12) < 1e-6);
    assert.deepEqual(entry('urea-co2').source, { type: 'direct', gas: 'CO2-fossil' });
    // 2 kg charge × 15 %/a over 100 trips of 10 t, for 1.07 kg shipped; up to 50 %/a in the range
    assert.ok(Math.abs(row('refrigerant-leak').amount - ((2 * 0.15) / 100 / 10_000) * 1.07) < 1e-15);
    assert.ok(Math.abs(entry('refrigerant-leak').uncertainty!.high - 0.5 / 0.15) < 1e-12);
    assert.match(
      entry('refrigerant-leak').evidence!.reference,
      /15 % annual leakage of a 2 kg charge over 100 trips of 10 t/,
    );
    assert.ok(row('fertiliser-p').amount > 0 && row('fertiliser-k').amount > 0);
    assert.equal(row('fertiliser-p').amount, parameter('p2o5_kg_ha').value / 15_000);
  });

  test('every IPCC Tier 1 parameter names its table row and is drawn in Monte Carlo', () => {
    const rows: Record<string, [string, number, number, number]> = {
      ef1_direct: ['Table 11.1', 0.016, 0.013, 0.019],
      frac_gasf: ['Table 11.3', 0.11, 0.02, 0.33],
      ef4_volatilised: ['Table 11.3', 0.014, 0.011, 0.017],
      frac_leach: ['Table 11.3', 0.24, 0.01, 0.73],
      ef5_leached: ['Table 11.3', 0.011, 0, 0.02],
    };
    for (const [name, [table, value, low, high]] of Object.entries(rows)) {
      const p = parameter(name);
      assert.deepEqual([p.value, p.uncertainty?.low, p.uncertainty?.high], [value, low, high], name);
      assert.ok(p.uncertainty!.source.includes(table) && /row /.test(p.uncertainty!.source), name);
      assert.match(p.uncertainty!.source, /unverified/);
    }
    const r = calculateStudy(study, bg, { iterations: 300, seed: 5 });
    const drawn = new Set(r.uncertainty!.contributions!.filter((c) => c.kind === 'parameter').map((c) => c.id));
    for (const name of Object.keys(rows)) assert.ok(drawn.has(name), `${name} is drawn`);
  });

  test('the fruit carries its biogenic carbon; dLUC is assessed and stated; the fresh fruit rule finds nothing missing', () => {
    const c = study.product.carbonContent!;
    // USDA SR pulp: carbohydrate 27.09 g as sucrose, fat 5.33 g as triolein, protein 1.47 g at 0.53 C
    const byHand = (27.09 * (144.13 / 342.3) + 5.33 * (684.6 / 885.4) + 1.47 * 0.53) / 100;
    assert.ok(Math.abs(c.biogenicKgC - byHand) < 1e-4);
    assert.equal(c.fossilKgC, 0);
    assert.match(study.product.description, /per kg of whole fresh fruit.*unverified/);
    assert.equal(calculateStudy(study, bg).carbonContent!.biogenicKgC, c.biogenicKgC);
    assert.match(study.limitations, /Direct land use change \(dLUC\): assessed, none.*20 years/);
    assert.match(study.conclusions!, /2 kg CO2e per kg/);
    const check = checkStudyAgainstPcr(study, calculateStudy(study, bg, { iterations: 200, seed: 1 }));
    assert.deepEqual(blockingFindings(check), []);
    assert.ok(check.findings.some((f) => f.requirement === 'land-use-change' && f.status === 'ok'));
  });
});
