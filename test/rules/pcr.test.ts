import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getMethod } from '../../src/factors/gwp.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { PCR_TEXTS } from '../../src/i18n/pcr.ts';
import { StudyInputSchema, type Entry, type Study } from '../../src/model/study.ts';
import { checkStudyAgainstPcr, blockingFindings } from '../../src/rules/pcr-check.ts';
import { declaredResult } from '../../src/rules/pcr-declared.ts';
import { studyFromPcr, MissingParametersError, withDeclaredUnit } from '../../src/rules/pcr-study.ts';
import { getPcr, parsePcr, PcrFileError, PCRS, pcrRegistry } from '../../src/rules/pcr/index.ts';
import general from '../../src/rules/pcr/gbt-24067-general.json' with { type: 'json' };
import { backgroundOf, type Background } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { componentFootprints, ComponentError } from '../../src/studies/components.ts';
import { componentGsd, EntryError } from '../../src/studies/per-unit.ts';
import { co2Fossil, database, out, process, product, ref } from '../engine/fixtures.ts';

/**
 * Product category rules: the shipped files parse, a broken one is refused with its field named,
 * a 75 kWh LFP pack is declared per kWh of lifetime energy against numbers worked out by hand,
 * and every missing mandatory item is named. Test values (the aluminium process, supplier
 * footprints) are made up for the arithmetic; the electricity and truck factors are the seeded
 * China factors (CN-FJ 2024: 0.4585 kg CO2e/kWh; heavy truck 0.0978 kg CO2e/t·km).
 */

const aluminium = product('aluminium');
let bg: Background;

before(() => {
  // 1 kg aluminium emits 10 kg fossil CO2: a round test value
  const db = database([process('al', [ref(aluminium, 1), out(co2Fossil, 10)])], [aluminium, co2Fossil]);
  bg = backgroundOf(db, seedFactors(), 'test-lci', '2026.1', getMethod('ipcc-ar6-gwp100'));
});

const FJ = 'cn-electricity-footprint/CN-FJ/2024';
const factor = (id: string) => ({
  type: 'background' as const,
  dataset: { type: 'factor' as const, release: '2026.1', id },
});
const alProcess = { type: 'background' as const, dataset: { type: 'process' as const, release: 'test-lci', id: 'al' } };
const meter = { type: 'meter-reading' as const, reference: 'M-1' };
const invoice = { type: 'invoice' as const, reference: 'INV-1' };
const supplier = (name: string, kg: number) => ({
  type: 'supplier' as const,
  supplier: name,
  kgCo2ePerUnit: kg,
  line: 'fossil' as const,
  evidence: { type: 'supplier-statement' as const, reference: `${name}-2025` },
});

function asStudy(input: ReturnType<typeof studyFromPcr>, id: string, entries: Entry[]): Study {
  return {
    ...StudyInputSchema.parse({ ...input, entries }),
    id,
    companyId: 'c1',
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: 'test',
  };
}

const releases = { lci: 'test-lci', factors: '2026.1' };
const batteryParams = {
  capacity_kWh: 75,
  cycles_per_year: 60,
  warranty_years: 8,
  warranty_km: 160_000,
  km_per_year: 15_000,
};

/** One cell: 0.5 kg aluminium (5 kg) + 20 kWh in Fujian (9.17 kg) = 14.17 kg CO2e. */
function cellStudy(): Study {
  const s: Study = {
    ...asStudy(
      studyFromPcr(getPcr('gbt-24067-general'), {
        name: 'LFP cell',
        product: { name: 'LFP cell 280 Ah' },
        parameters: {},
        releases,
        year: 2025,
        lang: 'en',
      }),
      'cell',
      [],
    ),
    unit: { kind: 'declared', amount: 1, unit: 'piece', description: 'one cell' },
  };
  s.entries = [
    {
      id: 'al',
      stage: 'raw-materials',
      kind: 'material',
      name: 'Aluminium',
      amount: 0.5,
      unit: 'kg',
      source: alProcess,
      evidence: invoice,
    },
    {
      id: 'el',
      stage: 'manufacturing',
      kind: 'energy',
      name: 'Cell electricity',
      amount: 20,
      unit: 'kWh',
      source: factor(FJ),
      evidence: meter,
    },
  ];
  return s;
}

/** The pack per the EU rule, every mandatory item filled in; per pack 4728.93 kg CO2e (worked out below). */
function packEntries(): Entry[] {
  return [
    {
      id: 'cells',
      stage: 'raw-materials',
      kind: 'material',
      name: 'Cells',
      amount: 84,
      unit: 'piece',
      source: { type: 'study', studyId: 'cell' },
      pcr: { stage: 'raw-material' },
    }, // 84 × 14.17 = 1190.28
    {
      id: 'casing',
      stage: 'raw-materials',
      kind: 'material',
      name: 'Aluminium casing',
      amount: 40,
      unit: 'kg',
      source: alProcess,
      evidence: invoice,
      pcr: { requirement: 'bill-of-materials' },
    }, // 400
    {
      id: 'cam',
      stage: 'raw-materials',
      kind: 'material',
      name: 'LFP cathode',
      amount: 120,
      unit: 'kg',
      source: supplier('CAM Co', 8),
      pcr: { requirement: 'cathode-active-material' },
    }, // 960
    {
      id: 'aam',
      stage: 'raw-materials',
      kind: 'material',
      name: 'Graphite anode',
      amount: 60,
      unit: 'kg',
      source: supplier('AAM Co', 5),
      pcr: { requirement: 'anode-active-material' },
    }, // 300
    {
      id: 'cell-el',
      stage: 'manufacturing',
      kind: 'energy',
      name: 'Cell production electricity',
      amount: 3000,
      unit: 'kWh',
      source: factor(FJ),
      evidence: meter,
      pcr: { requirement: 'cell-production-electricity' },
    }, // 1375.5
    {
      id: 'pack-el',
      stage: 'manufacturing',
      kind: 'energy',
      name: 'Pack assembly electricity',
      amount: 500,
      unit: 'kWh',
      source: factor(FJ),
      evidence: meter,
      pcr: { requirement: 'pack-assembly-electricity' },
    }, // 229.25
    {
      id: 'truck',
      stage: 'distribution',
      kind: 'transport',
      name: 'Truck to the car plant',
      amount: 500,
      unit: 't*km',
      transport: { massKg: 500, distanceKm: 1000, mode: 'road', refrigerated: false },
      source: factor('cn-transport-road-heavy-diesel-truck/CN/2022'),
      evidence: invoice,
      pcr: { requirement: 'distribution-transport' },
    }, // 500 t·km × 0.0978 = 48.9
    {
      id: 'recycling',
      stage: 'end-of-life',
      kind: 'waste',
      name: 'Recycling',
      amount: 450,
      unit: 'kg',
      source: supplier('Recycler', 0.5),
      pcr: { requirement: 'end-of-life-recycling' },
    }, // 225
  ];
}

async function packWith(entries: Entry[], params = batteryParams) {
  const input = studyFromPcr(getPcr('eu-battery-ev'), {
    name: 'LFP pack 75 kWh',
    product: { name: 'LFP pack' },
    parameters: params,
    releases,
    year: 2025,
    lang: 'en',
  });
  const study = asStudy(
    { ...input, limitations: 'test', cutoff: 'c', allocation: 'a', electricity: 'e' },
    'pack',
    entries,
  );
  const cell = cellStudy();
  const components = await componentFootprints(async (id) => (id === 'cell' ? cell : undefined), study, bg);
  const result = calculateStudy(study, bg, { components, iterations: 0 });
  return { study, result, check: checkStudyAgainstPcr(study, result) };
}

describe('rule files', () => {
  test('every shipped rule parses, cites its document and resolves its parent', () => {
    assert.deepEqual([...PCRS.keys()].sort(), [
      'cn-miit-traction-battery',
      'eu-battery-ev',
      'fresh-fruit',
      'gbt-24067-general',
      'nev-passenger-vehicle',
      'pv-module',
    ]);
    for (const r of PCRS.values()) {
      assert.ok(r.document.number && r.document.issuer.zh && r.document.issuer.en, r.id);
      if (r.id !== 'gbt-24067-general') assert.equal(r.extends, 'gbt-24067-general', r.id);
    }
  });

  test('a broken rule file is refused with the file and the field named', () => {
    assert.throws(
      () => parsePcr({ ...general, version: 'one' }, 'broken.json'),
      (e: unknown) => e instanceof PcrFileError && /broken\.json: version: a version is MAJOR/.test(e.message),
    );
    const battery = PCRS.get('eu-battery-ev')!;
    const badStage = { ...battery, mandatoryData: [{ ...battery.mandatoryData[0], pcrStage: 'nowhere' }] };
    assert.throws(() => parsePcr(badStage, 'b.json'), /mandatoryData\.0\.pcrStage: "nowhere" is not a stage/);
    assert.throws(
      () => parsePcr({ ...battery, parameters: [{ ...battery.parameters[0], source: { clause: 'x' } }] }, 'c.json'),
      /parameters\.0\.source\.verified/,
    );
    assert.throws(
      () => pcrRegistry({ 'a.json': { ...general, id: 'child', extends: 'missing' } }),
      /a\.json: extends: no rule "missing"/,
    );
  });

  test('every finding code has its Chinese and English text', () => {
    const params = new Proxy({}, { get: () => 7 }) as never;
    for (const [code, t] of Object.entries(PCR_TEXTS)) {
      const [zh, en] = [(t.zh as (p: never) => string)(params), (t.en as (p: never) => string)(params)];
      assert.ok(zh && en && zh !== en, code);
    }
  });
});

describe('EU battery rule: a 75 kWh LFP pack', () => {
  test('a study from the rule: E_total worked out from the parameters, placeholders for every mandatory item', () => {
    const input = studyFromPcr(getPcr('eu-battery-ev'), {
      name: 'p',
      product: { name: 'p' },
      parameters: batteryParams,
      releases,
      year: 2025,
      lang: 'zh',
    });
    // 75 kWh × 60 cycles/a × min(8 a, 160 000 km / 15 000 km/a = 10.67 a) = 36 000 kWh
    assert.equal(input.unit.amount, 36_000);
    assert.equal(input.unit.unit, 'kWh');
    assert.equal(input.boundary, 'cradle-to-grave');
    assert.deepEqual(input.pcr, { id: 'eu-battery-ev', version: '1.0' });
    assert.equal(input.entries.length, 7);
    assert.ok(input.entries.every((e) => e.source.type === 'placeholder' && e.pcr?.requirement));
    StudyInputSchema.parse(input);
    assert.throws(
      () =>
        studyFromPcr(getPcr('eu-battery-ev'), {
          name: 'p',
          product: { name: 'p' },
          parameters: {},
          releases,
          year: 2025,
          lang: 'en',
        }),
      (e: unknown) => e instanceof MissingParametersError && e.names.join() === 'capacity_kWh,km_per_year',
    );
  });

  test('a mileage warranty that runs out first shortens the service life', () => {
    const input = studyFromPcr(getPcr('eu-battery-ev'), {
      name: 'p',
      product: { name: 'p' },
      parameters: { ...batteryParams, warranty_km: 100_000, km_per_year: 20_000 },
      releases,
      year: 2025,
      lang: 'en',
    });
    assert.equal(input.unit.amount, 75 * 60 * 5);
  });

  test('the placeholders are refused by the calculation and named by the check', () => {
    const input = studyFromPcr(getPcr('eu-battery-ev'), {
      name: 'p',
      product: { name: 'p' },
      parameters: batteryParams,
      releases,
      year: 2025,
      lang: 'en',
    });
    const study = asStudy(input, 'p', input.entries);
    assert.throws(
      () => calculateStudy(study, bg),
      (e: unknown) => e instanceof EntryError && /placeholder/.test(e.message),
    );
    const check = checkStudyAgainstPcr(study, null);
    assert.equal(check.conforms, false);
    const placeholders = check.findings.filter((f) => f.code === 'data.placeholder');
    assert.equal(placeholders.length, 7);
    assert.ok(
      placeholders.some((f) => f.text.zh.includes('正极活性材料') && f.text.en.includes('Cathode active material')),
    );
  });

  test('declared per kWh of lifetime energy with the four stages, by hand', async () => {
    const { result, check } = await packWith(packEntries());
    // per pack: cells 84 × (0.5 × 10 + 20 × 0.4585) = 1190.28; casing 400; cathode 960; anode 300;
    // electricity 3000 × 0.4585 + 500 × 0.4585 = 1604.75; truck 500 × 0.0978 = 48.9; recycling 225
    const stages = { raw: 1190.28 + 400 + 960 + 300, production: 1604.75, distribution: 48.9, eol: 225 };
    const perPack = stages.raw + stages.production + stages.distribution + stages.eol;
    assert.ok(Math.abs(result.total - perPack) < 1e-9 * perPack, `${result.total} vs ${perPack}`);
    const d = check.declared!.units[0]!;
    assert.equal(d.perInventory, 36_000);
    assert.ok(Math.abs(d.value - perPack / 36_000) < 1e-12, `${d.value}`);
    assert.ok(Math.abs(d.value - 0.13135917) < 1e-8);
    const by = Object.fromEntries(d.byStage.map((s) => [s.stage, s.value]));
    assert.deepEqual(Object.keys(by), ['raw-material', 'main-production', 'distribution', 'end-of-life']);
    assert.ok(Math.abs(by['raw-material']! - stages.raw / 36_000) < 1e-12);
    assert.ok(Math.abs(by['main-production']! - stages.production / 36_000) < 1e-12);
    assert.ok(Math.abs(by['distribution']! - stages.distribution / 36_000) < 1e-12);
    assert.ok(Math.abs(by['end-of-life']! - stages.eol / 36_000) < 1e-12);
    const ruleFindings = check.findings.filter((f) => f.rule === 'eu-battery-ev');
    assert.deepEqual(
      ruleFindings.filter((f) => f.status !== 'ok'),
      [],
      JSON.stringify(ruleFindings.filter((f) => f.status !== 'ok')),
    );
  });

  test('every missing mandatory item is named', async () => {
    for (const requirement of [
      'bill-of-materials',
      'cathode-active-material',
      'anode-active-material',
      'cell-production-electricity',
      'pack-assembly-electricity',
      'distribution-transport',
      'end-of-life-recycling',
    ]) {
      const { check } = await packWith(packEntries().filter((e) => e.pcr?.requirement !== requirement));
      const name = getPcr('eu-battery-ev').mandatoryData.find((m) => m.id === requirement)!.name;
      const missing = blockingFindings(check).filter((f) => f.code === 'data.missing');
      assert.equal(missing.length, 1, requirement);
      assert.equal(missing[0]!.text.en, `mandatory data missing: ${name.en}`);
      assert.equal(missing[0]!.text.zh, `缺少规则要求的数据：${name.zh}`);
      assert.equal(check.conforms, false);
    }
  });

  test('a missing stage, a use-stage entry, unmetered production electricity and a parameter out of range are each named', async () => {
    const noDistribution = await packWith(packEntries().filter((e) => e.stage !== 'distribution'));
    assert.ok(
      noDistribution.check.findings.some((f) => f.code === 'stage.empty' && f.params.nameEn === 'Distribution'),
    );

    const charging: Entry = {
      id: 'use',
      stage: 'use',
      kind: 'energy',
      name: 'Charging losses',
      amount: 10,
      unit: 'kWh',
      source: factor(FJ),
      evidence: meter,
    };
    const withUse = await packWith([...packEntries(), charging]);
    assert.ok(
      withUse.check.findings.some(
        (f) => f.code === 'stage.excluded-has-entries' && f.text.en.includes('"Charging losses"'),
      ),
    );

    const estimated = packEntries().map((e) =>
      e.id === 'pack-el' ? { ...e, evidence: { type: 'estimate' as const, reference: 'guess' } } : e,
    );
    const unmetered = await packWith(estimated);
    assert.ok(
      unmetered.check.findings.some(
        (f) => f.code === 'electricity.not-metered' && f.text.en.includes('"Pack assembly electricity"'),
      ),
    );
    assert.ok(unmetered.check.findings.some((f) => f.code === 'data.not-primary'));

    const { study, result } = await packWith(packEntries());
    const lowCapacity = {
      ...study,
      parameters: study.parameters!.map((p) => (p.name === 'capacity_kWh' ? { ...p, value: 1, min: undefined } : p)),
    };
    assert.ok(
      checkStudyAgainstPcr(lowCapacity, result).findings.some(
        (f) => f.code === 'param.out-of-range' && f.status === 'missing',
      ),
    );
    const noParam = { ...study, parameters: study.parameters!.filter((p) => p.name !== 'km_per_year') };
    const check = checkStudyAgainstPcr(noParam, result);
    assert.ok(check.findings.some((f) => f.code === 'param.missing' && f.params.name === 'km_per_year'));
    assert.ok(check.findings.some((f) => f.code === 'unit.formula-error'));
  });
});

describe('component studies', () => {
  test('a loop between studies is refused with the path that closes it', async () => {
    const cell = cellStudy();
    const pack = { ...cellStudy(), id: 'pack', entries: [{ ...packEntries()[0]! }] };
    const loopCell = {
      ...cell,
      entries: [
        ...cell.entries,
        { ...packEntries()[0]!, id: 'back', source: { type: 'study' as const, studyId: 'pack' } },
      ],
    };
    await assert.rejects(
      componentFootprints(async (id) => (id === 'cell' ? loopCell : undefined), pack, bg),
      (e: unknown) =>
        e instanceof ComponentError && e.message.includes('(pack)') && /cannot use itself/.test(e.message),
    );
  });

  test('a study of another company or on other releases is refused', async () => {
    const pack = { ...cellStudy(), id: 'pack', entries: [{ ...packEntries()[0]! }] };
    await assert.rejects(
      componentFootprints(async () => ({ ...cellStudy(), companyId: 'other' }), pack, bg),
      /no study of this company/,
    );
    await assert.rejects(
      componentFootprints(async () => ({ ...cellStudy(), releases: { lci: 'x', factors: '2026.1' } }), pack, bg),
      /pin the same releases/,
    );
  });
});

describe('a component study’s own uncertainty', () => {
  test('enters the parent as the lognormal of its Monte Carlo mean and sd', () => {
    // σ² = ln(1 + (5/10)²) = ln 1.25 = 0.22314, σ = 0.47238, GSD = e^σ = 1.60381
    assert.ok(Math.abs(componentGsd({ mean: 10, sd: 5 }) - 1.60381) < 1e-5);
    assert.equal(componentGsd(undefined), 1, 'no Monte Carlo: taken as exact');
    assert.equal(componentGsd({ mean: -2, sd: 1 }), 1, 'a net removal has no lognormal');
  });

  test('widens the parent’s Monte Carlo by the component’s spread', async () => {
    const cell = cellStudy();
    const pack = { ...cellStudy(), id: 'pack', entries: [{ ...packEntries()[0]! }] };
    const load = async (id: string) => (id === 'cell' ? cell : undefined);
    const mc = { iterations: 2000, seed: 3 };
    const spread = await componentFootprints(load, pack, bg, mc);
    const cellMc = spread.get('cell')!.result.uncertainty!;
    assert.ok(cellMc.sd > 0, 'the cell has a spread of its own');
    const exact = new Map([...spread].map(([id, c]) => [id, { ...c, result: { ...c.result, uncertainty: null } }]));
    const withSpread = calculateStudy(pack, bg, { components: spread, ...mc }).uncertainty!;
    const without = calculateStudy(pack, bg, { components: exact, ...mc }).uncertainty!;
    // 84 cells: the cell's relative spread carries over to the pack, on top of the pack's own
    const cv = (u: { mean: number; sd: number }) => u.sd / u.mean;
    assert.ok(cv(withSpread) > cv(without), `${cv(withSpread)} > ${cv(without)}`);
    assert.ok(cv(withSpread) >= 0.9 * cv(cellMc), 'at least about the cell’s own relative spread');
  });
});

describe('other rules', () => {
  test('PV module: per kWp of STC peak power, ECS thresholds as classes', () => {
    const rule = getPcr('pv-module');
    const input = studyFromPcr(rule, {
      name: 'm',
      product: { name: 'm' },
      parameters: { peak_power_W: 550 },
      releases,
      year: 2025,
      lang: 'en',
    });
    assert.equal(input.unit.amount, 0.55);
    // 220 kg CO2e per module / 0.55 kWp = 400 kg CO2e/kWp: below 450 (SOREN)
    const study = asStudy(input, 'm', []);
    const result = { ...calculateStudy({ ...study, entries: [] }, bg), total: 220 };
    const d = declaredResult(rule, study, result)!;
    assert.ok(Math.abs(d.units[0]!.value - 400) < 1e-9);
    assert.equal(d.performanceClass, 'ECS PPE2 < 450 (SOREN)');
    assert.equal(
      declaredResult(rule, study, { ...result, total: 0.55 * 500 })!.performanceClass,
      'ECS PPE2 < 550 (CRE)',
    );
    assert.equal(declaredResult(rule, study, { ...result, total: 0.55 * 600 })!.performanceClass, null);
  });

  test('passenger vehicle: per vehicle and per km; driving electricity worked out from the parameters', () => {
    const rule = getPcr('nev-passenger-vehicle');
    const input = studyFromPcr(rule, {
      name: 'v',
      product: { name: 'v' },
      parameters: { lifetime_km: 150_000, electricity_kWh_per_100km: 13 },
      releases,
      year: 2025,
      lang: 'en',
    });
    assert.equal(input.entries.find((e) => e.pcr?.requirement === 'driving-electricity')!.amount, 19_500);
    const study = asStudy(input, 'v', []);
    const d = declaredResult(rule, study, { ...calculateStudy({ ...study, entries: [] }, bg), total: 30_000 })!;
    assert.deepEqual(
      d.units.map((u) => [u.unit, u.value]),
      [
        ['vehicle', 30_000],
        ['km', 0.2],
      ],
    );
  });

  test('fresh fruit: land use change must be assessed, removals stay apart', () => {
    const rule = getPcr('fresh-fruit');
    const input = studyFromPcr(rule, {
      name: 'f',
      product: { name: 'f' },
      parameters: {},
      releases,
      year: 2025,
      lang: 'en',
    });
    assert.equal(input.unit.amount, 1);
    const study = asStudy(input, 'f', []);
    assert.ok(
      checkStudyAgainstPcr(study, null).findings.some((f) => f.code === 'luc.not-assessed' && f.status === 'missing'),
    );
    const stated = { ...study, limitations: 'The orchard was planted in 1990: no land use change within 20 years.' };
    assert.ok(checkStudyAgainstPcr(stated, null).findings.some((f) => f.code === 'luc.stated'));
  });
});

describe('declared unit on save', () => {
  test('follows the parameters of a product-rule study, leaves others alone', () => {
    const input = studyFromPcr(getPcr('eu-battery-ev'), {
      name: 'p',
      product: { name: 'p' },
      parameters: batteryParams,
      releases,
      year: 2025,
      lang: 'en',
    });
    const bigger = {
      ...input,
      parameters: input.parameters!.map((p) => (p.name === 'capacity_kWh' ? { ...p, value: 100 } : p)),
    };
    assert.equal(withDeclaredUnit(bigger, PCRS).unit.amount, 100 * 60 * 8);
    const broken = { ...input, parameters: input.parameters!.filter((p) => p.name !== 'km_per_year') };
    assert.equal(withDeclaredUnit(broken, PCRS).unit.amount, 36_000);
    const general = { ...input, pcr: undefined };
    assert.equal(withDeclaredUnit(general, PCRS), general);
  });
});
