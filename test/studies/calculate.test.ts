import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getMethod } from '../../src/factors/gwp.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { importDatabase } from '../../src/formats/index.ts';
import { characterizationVector, factorizeSystem, impact, inventory } from '../../src/engine/lca.ts';
import { buildSystem } from '../../src/engine/system.ts';
import type { Entry, Study } from '../../src/model/study.ts';
import { backgroundOf, type Background } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { searchDatasets } from '../../src/studies/datasets.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { render } from '../../src/i18n/catalogue.ts';
import { conversion, EntryError, perUnitOf, type ComponentFootprint } from '../../src/studies/per-unit.ts';
import { USLCI_JSONLD } from '../uslci.ts';
import { messageText } from '../../src/model/message.ts';

/**
 * Study calculation on the real background (China seed factors, US LCI), against numbers worked
 * out by hand from the published factor values, and against the engine's own single-process LCA.
 */

let bg: Background;
const GRID_US = 'Electricity, at Grid, US, 2008';

before(async () => {
  bg = backgroundOf(await importDatabase(USLCI_JSONLD), seedFactors(), 'uslci', '2026.1', getMethod('ipcc-ar6-gwp100'));
});

const factor = (id: string) => ({
  type: 'background' as const,
  dataset: { type: 'factor' as const, release: '2026.1', id },
});

function study(entries: Entry[], over: Partial<Study> = {}): Study {
  return {
    id: 's',
    companyId: 'c',
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: 'test',
    name: 'test',
    product: { name: 'P', description: '' },
    unit: { kind: 'declared', amount: 1, unit: 'kg', description: '' },
    referenceFlow: '1 kg',
    boundary: 'cradle-to-gate',
    region: 'CN-GD',
    year: 2025,
    method: 'ipcc-ar6-gwp100',
    releases: { lci: 'uslci', factors: '2026.1' },
    cutoff: '',
    allocation: '',
    electricity: '',
    limitations: '',
    entries,
    ...over,
  };
}

const electricity: Entry = {
  id: 'el',
  stage: 'manufacturing',
  kind: 'energy',
  name: 'Electricity',
  amount: 7.2,
  unit: 'MJ',
  source: factor('cn-electricity-footprint/CN-GD/2024'),
  evidence: { type: 'meter-reading', reference: 'M1' },
};
const truck: Entry = {
  id: 'truck',
  stage: 'distribution',
  kind: 'transport',
  name: 'Truck',
  amount: 100,
  unit: 't*km',
  transport: { massKg: 500, distanceKm: 200, mode: 'road', refrigerated: false },
  source: factor('cn-transport-road-heavy-diesel-truck/CN/2022'),
};
const n2o: Entry = {
  id: 'n2o',
  stage: 'raw-materials',
  kind: 'emission',
  name: 'N2O',
  amount: 0.01,
  unit: 'kg',
  source: { type: 'direct', gas: 'N2O' },
};
const uptake: Entry = {
  id: 'up',
  stage: 'raw-materials',
  kind: 'removal',
  name: 'Uptake',
  amount: 3,
  unit: 'kg',
  source: { type: 'direct', gas: 'CO2-biogenic' },
};
const supplier: Entry = {
  id: 'sup',
  stage: 'raw-materials',
  kind: 'material',
  name: 'Part',
  amount: 2,
  unit: 'kg',
  source: {
    type: 'supplier',
    supplier: 'ACME',
    kgCo2ePerUnit: 1.5,
    line: 'fossil',
    evidence: { type: 'supplier-statement', reference: 'PCF-1' },
  },
};

describe('known answers worked out by hand', () => {
  test('factors, a transport leg, a direct gas, a removal and a supplier footprint', () => {
    const r = calculateStudy(study([electricity, truck, n2o, uptake, supplier]), bg);
    // 7.2 MJ = 2 kWh × 0.4811; 500 kg × 200 km = 100 t·km × 0.0978; 0.01 kg N2O × 273; 2 kg × 1.5
    const expected = { el: 2 * 0.4811, truck: 100 * 0.0978, n2o: 0.01 * 273, sup: 3, up: 0 };
    for (const e of r.entries)
      assert.ok(Math.abs(e.total - expected[e.entryId as keyof typeof expected]) < 1e-12, e.entryId);
    const total = 0.9622 + 9.78 + 2.73 + 3;
    assert.ok(Math.abs(r.total - total) < 1e-9);
    assert.equal(r.lines.biogenicRemovals, -3, 'the uptake is reported apart');
    assert.ok(Math.abs(r.lines.fossil - total) < 1e-9, 'and not netted into the total');
    assert.ok(Math.abs(r.byStage['raw-materials'] - 5.73) < 1e-9);
    assert.ok(Math.abs(r.byStage.distribution - 9.78) < 1e-9);
    assert.deepEqual(r.hotspots.slice(0, 3), ['truck', 'sup', 'n2o']);
    // primary by where the factor comes from (PACT): only the supplier footprint (3); the metered
    // electricity times the provincial grid factor is secondary, the N2O has no site evidence
    assert.ok(Math.abs(r.primaryDataShare - 3 / total) < 1e-9);
    assert.deepEqual(Object.fromEntries(r.entries.map((e) => [e.entryId, e.primaryBasis])), {
      el: 'background-dataset',
      truck: 'background-dataset',
      n2o: 'default-estimate',
      up: 'default-estimate',
      sup: 'supplier-specific',
    });
    const el = r.entries.find((e) => e.entryId === 'el')!;
    assert.equal(el.provenance.conversion, 1 / 3.6);
    assert.equal(el.provenance.region, 'CN-GD');
    assert.equal(el.provenance.year, 2024);
    assert.equal(el.provenance.release, '2026.1');
    assert.equal(r.uncertainty, null);
  });

  test('the data quality rating is weighted by contribution', () => {
    const r = calculateStudy(study([electricity, truck]), bg);
    // electricity: (meter 1 + factor 3) / 2 = 2; truck: (no evidence (4+5+3+3+3)/5 = 3.6 + factor 2) / 2 = 2.8
    const e = 0.9622;
    const t = 9.78;
    assert.ok(Math.abs(r.dqr - (2 * e + 2.8 * t) / (e + t)) < 1e-9);
  });

  test('an LCI process entry equals the engine’s own LCA of that process', () => {
    const hit = searchDatasets(bg, { q: GRID_US, type: 'process' }).find((h) => h.name === GRID_US)!;
    const entry: Entry = {
      id: 'us',
      stage: 'manufacturing',
      kind: 'energy',
      name: 'US grid',
      amount: 10,
      unit: 'kWh',
      source: { type: 'background', dataset: { type: 'process', release: 'uslci', id: hit.id } },
    };
    const r = calculateStudy(study([entry]), bg);
    const system = buildSystem(bg.db);
    const j = system.index.providers.find((p) => p.process.name === GRID_US && p.exchange.reference)!.index;
    const direct = impact(inventory(system, factorizeSystem(system), j, 36), characterizationVector(system, bg.method));
    assert.ok(Math.abs(r.total - direct.total) / direct.total < 1e-12, `${r.total} vs ${direct.total}`);
    assert.equal(r.entries[0].provenance.conversion, 3.6, 'kWh converted to the MJ of the dataset');
    assert.equal(r.tree.children[0].children[0].name, 'US grid');
    assert.ok(r.tree.children[0].children[0].children.length > 0, 'the tree goes upstream into the LCI');
    // the grid's system chooses among several providers six times, and each choice is a listed warning
    const choices = r.warnings.map(messageText).filter((w) => w.startsWith('provider chosen among'));
    assert.equal(choices.length, 6, r.warnings.map(messageText).join('\n'));
    assert.ok(
      choices.some((w) =>
        /takes "Diesel, at refinery" from "Petroleum refining, at refinery" \(RNA\) by rule lowest-id/.test(w),
      ),
    );
    assert.ok(
      r.warnings
        .map(messageText)
        .some((w) =>
          /^55 inputs of the background processes have no provider in release uslci and are cut off: /.test(w),
        ),
    );
    // an entry from the factor seed alone runs no background process: nothing to warn about
    assert.deepEqual(
      calculateStudy(study([electricity]), bg)
        .warnings.map(messageText)
        .filter((w) => /provider|cut off/.test(w)),
      [],
    );
  });
});

describe('the durian demonstration', () => {
  test('stages, lines and the Sankey add up; Monte Carlo is reproducible and brackets the result', () => {
    const s = study(durianStudy().entries, {
      ...durianStudy(),
      id: 'd',
      companyId: 'c',
      version: 1,
      updatedAt: '',
      updatedBy: '',
    });
    const r = calculateStudy(s, bg, { iterations: 400, seed: 3 });
    const stages = Object.values(r.byStage).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(stages - r.total) < 1e-12);
    assert.ok(r.lines.biogenicRemovals < 0);
    const intoProduct = r.sankey.links.filter((l) => l.target === s.product.name).reduce((a, l) => a + l.value, 0);
    assert.ok(
      Math.abs(intoProduct - r.total) < 1e-12,
      'no negative entries in the demo: the Sankey carries the whole total',
    );
    assert.ok(r.uncertainty!.p2_5 < r.total && r.total < r.uncertainty!.p97_5);
    const again = calculateStudy(s, bg, { iterations: 400, seed: 3 });
    assert.equal(again.uncertainty!.mean, r.uncertainty!.mean);
    assert.equal(
      r.uncertainty!.histogram.counts.reduce((a, b) => a + b, 0),
      r.uncertainty!.iterations,
    );
  });
});

describe('what the calculation names, in the reader’s language', () => {
  test('a direct gas line: the gas and its GWP100, in words in Chinese', () => {
    const r = calculateStudy(study([n2o, { ...n2o, id: 'ch4', source: { type: 'direct', gas: 'CH4-biogenic' } }]), bg);
    const [n2oLine, ch4Line] = r.entries.map((e) => e.provenance.name);
    assert.equal(render(n2oLine!, 'en'), 'N2O, GWP100 273');
    assert.equal(render(n2oLine!, 'zh'), 'N2O，GWP100 = 273');
    assert.match(render(ch4Line!, 'en'), /^CH4-biogenic, GWP100 [\d.]+$/);
    assert.match(render(ch4Line!, 'zh'), /^CH4（生物源），GWP100 = [\d.]+$/);
  });

  test('a component study: its name and version', () => {
    const component: ComponentFootprint = {
      study: {
        id: 'comp',
        name: 'Carton 纸箱',
        version: 3,
        unit: { kind: 'declared', amount: 1, unit: 'kg', description: '' },
      },
      result: {
        lines: { fossil: 2, biogenic: 0, landUseChange: 0, aircraft: 0, biogenicRemovals: 0 },
        dqr: 2,
        releases: { lci: 'uslci', factors: '2026.1' },
        uncertainty: null,
      },
    };
    const per = perUnitOf(
      { ...supplier, source: { type: 'study', studyId: 'comp' } },
      bg,
      new Map([['comp', component]]),
    );
    assert.equal(render(per.provenance.name, 'en'), 'Carton 纸箱 (v3)');
    assert.equal(render(per.provenance.name, 'zh'), 'Carton 纸箱（第 3 版）');
  });

  test('the Monte Carlo contributor of the LCI processes', () => {
    const hit = searchDatasets(bg, { q: GRID_US, type: 'process' }).find((h) => h.name === GRID_US)!;
    const grid: Entry = {
      ...electricity,
      amount: 2,
      unit: 'kWh',
      source: { type: 'background', dataset: { type: 'process', release: 'uslci', id: hit.id } },
    };
    const r = calculateStudy(study([grid]), bg, { iterations: 200, seed: 1 });
    const lci = r.uncertainty!.contributions!.find((c) => c.kind === 'background')!;
    assert.equal(render(lci.name, 'en'), 'uslci: exchange uncertainty of the LCI processes');
    assert.equal(render(lci.name, 'zh'), 'uslci：生命周期清单过程的交换量不确定性');
  });
});

describe('entries the calculation refuses, named', () => {
  test('a CO2-only grid factor in a product footprint', () => {
    const bad = { ...electricity, source: factor('cn-electricity-co2/CN-GD/2022') };
    assert.throws(
      () => calculateStudy(study([bad]), bg),
      (e: Error) =>
        e instanceof EntryError && /Electricity/.test(e.message) && /cn-electricity-footprint/.test(e.message),
    );
  });

  test('units that measure different things, and datasets from another release', () => {
    assert.throws(
      () => calculateStudy(study([{ ...electricity, unit: 'kg' }]), bg),
      /unit kg cannot be converted to kWh/,
    );
    assert.throws(
      () =>
        calculateStudy(
          study([
            { ...electricity, source: { type: 'background', dataset: { type: 'factor', release: '2025.9', id: 'x' } } },
          ]),
          bg,
        ),
      /release 2025.9, the study pins 2026.1/,
    );
  });

  test('unit conversion', () => {
    assert.equal(conversion('t·km', 't*km'), 1);
    assert.equal(conversion('kg*km', 't*km'), 1e-3);
    assert.equal(conversion('MWh', 'kWh'), 1000);
    assert.equal(conversion('L', 'm3'), 1e-3);
    assert.equal(conversion('kg', 'kWh'), undefined);
  });
});
