import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import { importDatabase } from '../../src/formats/index.ts';
import { COPYRIGHT_PROTECTED, type Process } from '../../src/model/lci.ts';
import { timed, USLCI_JSONLD } from '../uslci.ts';
import { rejectsNaming, writeFile, writeZip } from './helpers.ts';

const ref = (type: string, id: string, name = id) => ({ '@type': type, '@id': id, name });

/** A minimal olca 1.x database: energy in MJ (reference) and kWh, one flow measured by mass with a heating value. */
function olca(processOverride: (p: any) => void = () => {}): Record<string, string> {
  const energy = {
    '@id': 'ug-e',
    name: 'Units of energy',
    units: [
      { '@id': 'u-mj', name: 'MJ', conversionFactor: 1, referenceUnit: true },
      { '@id': 'u-kwh', name: 'kWh', conversionFactor: 3.6 },
    ],
  };
  const mass = {
    '@id': 'ug-m',
    name: 'Units of mass',
    units: [
      { '@id': 'u-kg', name: 'kg', conversionFactor: 1, referenceUnit: true },
      { '@id': 'u-g', name: 'g', conversionFactor: 0.001 },
    ],
  };
  const fpE = { '@id': 'fp-e', name: 'Energy', unitGroup: ref('UnitGroup', 'ug-e') };
  const fpM = { '@id': 'fp-m', name: 'Mass', unitGroup: ref('UnitGroup', 'ug-m') };
  // 1 kg of fuel = 40 MJ
  const fuel = {
    '@id': 'f-fuel',
    name: 'Fuel ',
    flowType: 'PRODUCT_FLOW',
    flowProperties: [
      { referenceFlowProperty: true, conversionFactor: 1, flowProperty: ref('FlowProperty', 'fp-m') },
      { conversionFactor: 40, flowProperty: ref('FlowProperty', 'fp-e') },
    ],
  };
  const heat = {
    '@id': 'f-heat',
    name: 'Heat',
    flowType: 'PRODUCT_FLOW',
    flowProperties: [{ referenceFlowProperty: true, conversionFactor: 1, flowProperty: ref('FlowProperty', 'fp-e') }],
  };
  const co2 = {
    '@id': 'f-co2',
    name: 'Carbon dioxide, fossil',
    flowType: 'ELEMENTARY_FLOW',
    cas: '000124-38-9',
    category: ref('Category', 'c-air-u'),
    flowProperties: [{ referenceFlowProperty: true, conversionFactor: 1, flowProperty: ref('FlowProperty', 'fp-m') }],
  };
  const cats = [
    { '@id': 'c-root', name: 'Elementary Flows' },
    { '@id': 'c-air', name: 'air', category: ref('Category', 'c-root') },
    { '@id': 'c-air-u', name: 'unspecified', category: ref('Category', 'c-air') },
  ];
  const ex = (
    internalId: number,
    flow: string,
    unit: string,
    fp: string,
    amount: unknown,
    input: boolean,
    extra: object = {},
  ) => ({
    internalId,
    flow: ref('Flow', flow),
    unit: ref('Unit', unit),
    flowProperty: ref('FlowProperty', fp),
    amount,
    input,
    ...extra,
  });
  const boiler: any = {
    '@id': 'p-boiler',
    name: 'Boiler',
    location: ref('Location', 'loc-us', 'United States'),
    category: 'Utilities/Heat',
    processDocumentation: { validFrom: '2010-01-01T00:00:00-07:00' },
    exchanges: [
      ex(1, 'f-heat', 'u-kwh', 'fp-e', 10, false, { quantitativeReference: true }),
      // 80 MJ of fuel written in the energy property: 80 / 40 = 2 kg
      ex(2, 'f-fuel', 'u-mj', 'fp-e', 80, true, {
        uncertainty: { distributionType: 'TRIANGLE_DISTRIBUTION', minimum: 88, mode: 80, maximum: 72 },
      }),
      ex(3, 'f-co2', 'u-g', 'fp-m', 5000, false, {
        uncertainty: { distributionType: 'LOG_NORMAL_DISTRIBUTION', geomMean: 5000, geomSd: 1.5 },
        dqEntry: '(1;2;3;4;5)',
      }),
    ],
  };
  processOverride(boiler);
  const files: Record<string, string> = {};
  const put = (dir: string, o: { '@id': string }) => (files[`${dir}/${o['@id']}.json`] = JSON.stringify(o));
  [energy, mass].forEach((o) => put('unit_groups', o));
  [fpE, fpM].forEach((o) => put('flow_properties', o));
  [fuel, heat, co2].forEach((o) => put('flows', o));
  cats.forEach((o) => put('categories', o));
  put('locations', { '@id': 'loc-us', name: 'United States', code: 'US' } as any);
  put('processes', boiler);
  return files;
}

test('USLCI JSON-LD imports completely, consistently and fast', async () => {
  const { result: db, cpuSeconds, seconds } = await timed(() => importJsonLd(USLCI_JSONLD));
  assert.equal(db.processes.length, 766);
  assert.equal(db.flows.length, 4601);
  const flows = new Set(db.flows.map((f) => f.id));
  for (const p of db.processes) {
    assert.equal(p.exchanges.filter((e) => e.reference).length, 1, p.name);
    for (const e of p.exchanges) assert.ok(flows.has(e.flowId), `${p.name}: ${e.flowId}`);
  }
  for (const f of db.flows) if (f.kind === 'elementary') assert.equal(f.category[0], 'Elementary flows');
  assert.ok(cpuSeconds < 6, `import took ${cpuSeconds.toFixed(2)} s of CPU (${seconds.toFixed(2)} s wall)`);
});

test('USLCI: a kWh input is converted to MJ, with its lognormal unchanged in gsd', async () => {
  const db = await importJsonLd(USLCI_JSONLD);
  const kwh = db.processes
    .flatMap((p) => p.exchanges)
    .find((e) => e.originalUnit === 'kWh' && e.uncertainty?.type === 'lognormal')!;
  assert.ok(kwh, 'some exchange is written in kWh with a lognormal');
  assert.equal(kwh.amount, kwh.originalAmount! * 3.6);
  assert.equal(db.flows.find((f) => f.id === kwh.flowId)!.unit, 'MJ');
  const u = kwh.uncertainty as { gm: number; gsd: number };
  assert.ok(Math.abs(u.gm - kwh.amount) <= 1e-12 * Math.abs(kwh.amount));
  assert.ok(u.gsd >= 1);
  // USLCI writes geomSd 0 for "no distribution"; none may come through as a lognormal with gsd < 1
  for (const p of db.processes)
    for (const e of p.exchanges) if (e.uncertainty?.type === 'lognormal') assert.ok(e.uncertainty.gsd >= 1);
});

test('units, flow properties, categories, CAS, location, pedigree and swapped triangles', async () => {
  const db = await importJsonLd(writeZip('mini.zip', olca()));
  const boiler = db.processes[0];
  const [heat, fuel, co2] = boiler.exchanges;
  assert.equal(heat.amount, 36);
  assert.equal(fuel.amount, 2);
  assert.deepEqual(fuel.uncertainty, { type: 'triangular', min: 72 / 40, mode: 2, max: 88 / 40 });
  assert.equal(co2.amount, 5);
  assert.deepEqual(co2.uncertainty, { type: 'lognormal', gm: 5, gsd: 1.5 });
  assert.deepEqual(co2.pedigree, { reliability: 1, completeness: 2, temporal: 3, geographical: 4, technological: 5 });
  const flow = db.flows.find((f) => f.id === 'f-co2')!;
  assert.deepEqual(flow.category, ['Elementary flows', 'air', 'unspecified']);
  assert.equal(flow.cas, '124-38-9');
  assert.equal(db.flows.find((f) => f.id === 'f-fuel')!.name, 'Fuel');
  assert.equal(boiler.location, 'US');
  assert.deepEqual(boiler.category, ['Utilities', 'Heat']);
  assert.equal(boiler.validFrom, '2010-01-01');
  assert.equal(boiler.source, 'mini.zip:processes/p-boiler.json');
});

test('USLCI: every process carries the provenance its documentation gives', async () => {
  const db = await importJsonLd(USLCI_JSONLD);
  const count = (k: keyof NonNullable<Process['provenance']>) =>
    db.processes.filter((p) => p.provenance?.[k] !== undefined).length;
  const coverage = Object.fromEntries(
    (
      [
        'publication',
        'sources',
        'generator',
        'technology',
        'geography',
        'time',
        'referenceYear',
        'licence',
        'reviewer',
        'pedigree',
        'dqr',
      ] as const
    ).map((k) => [k, count(k)]),
  );
  // 26 processes say validFrom 9999-01-01 and 2 say 1900-01-01 ("Unspecified"): no reference year; USLCI has no process-level data quality entry
  assert.deepEqual(coverage, {
    publication: 749,
    sources: 766,
    generator: 766,
    technology: 759,
    geography: 749,
    time: 151,
    referenceYear: 738,
    licence: 766,
    reviewer: 110,
    pedigree: 0,
    dqr: 0,
  });
  const truck = db.processes.find((p) => p.id === 'c2a7ddaa-164e-3a05-b063-221f68080142')!;
  assert.equal(truck.name, 'Transport, single unit truck, long-haul, diesel powered, West');
  const { sources, ...rest } = truck.provenance!;
  assert.deepEqual(rest, {
    // the source's name is cut at 40 characters in USLCI; its record adds the year and the full reference
    publication: 'U.S. Environmental Protection Agency (EP (2010): MOVES 2010a',
    generator: 'Nathan Hardesty',
    technology: 'Combustion of diesel in a single unit, long-haul truck.',
    geography: 'US',
    referenceYear: 2010,
    licence: 'All information can be accessed by everybody.',
  });
  assert.equal(sources!.length, 11);
  assert.equal(
    sources![8],
    'Wang, M. (2010): The Greenhouse Gases, Regulated Emissions, and Energy Use in Transportation Model (GREET) 1.8d.1',
  );
  const board = db.processes.find((p) => p.name === 'Containerboard, average production, at mill, 2010')!.provenance!;
  assert.equal(board.reviewer, 'Jamie Meil');
  assert.equal(board.licence, `All information can be accessed by everybody. ${COPYRIGHT_PROTECTED}`);
  assert.equal(
    board.time,
    'Primary data was collected from participating companies and associations for their operational activities representative of 2010.',
  );
  for (const p of db.processes)
    if (p.provenance?.referenceYear !== undefined)
      assert.equal(p.provenance.referenceYear, Number(p.validFrom!.slice(0, 4)), p.name);
});

test('provenance in olca-schema 2.x names, with a process data quality entry and sources from the sources folder', async () => {
  const files = olca((p) => {
    p.dqEntry = '(1;2;3;4;4)';
    p.processDocumentation = {
      validFrom: '2016-01-01',
      technologyDescription: '  Gas boiler,\ncondensing  ',
      geographyDescription: '',
      timeDescription: '   ',
      restrictionsDescription: 'Free for LCA studies.',
      isCopyrightProtected: true,
      dataGenerator: ref('Actor', 'a-1', 'Boiler Lab '),
      publication: ref('Source', 's-1', 'Boiler report, cut at for'),
      sources: [ref('Source', 's-1', 'Boiler report, cut at for'), ref('Source', 's-missing', 'Handbook')],
      reviews: [{ reviewers: [ref('Actor', 'a-2', 'R. One'), ref('Actor', 'a-3', 'R. Two')] }, { reviewers: [] }],
    };
  });
  files['sources/s-1.json'] = JSON.stringify({
    '@id': 's-1',
    name: 'Boiler report, cut at for',
    textReference: 'Boiler report,\n  full title',
    year: 2015,
    url: 'https://example.org/b',
  });
  const [boiler] = (await importJsonLd(writeZip('olca2.zip', files))).processes;
  assert.deepEqual(boiler.provenance, {
    publication: 'Boiler report, cut at for (2015): Boiler report, full title, https://example.org/b',
    sources: ['Boiler report, cut at for (2015): Boiler report, full title, https://example.org/b', 'Handbook'],
    generator: 'Boiler Lab',
    technology: 'Gas boiler,\ncondensing',
    referenceYear: 2016,
    licence: `Free for LCA studies. ${COPYRIGHT_PROTECTED}`,
    reviewer: 'R. One; R. Two',
    pedigree: { reliability: 1, completeness: 2, temporal: 3, geographical: 4, technological: 4 },
    dqr: 2.8,
  });
  // a process documenting only its validity has only its reference year
  assert.deepEqual((await importJsonLd(writeZip('mini.zip', olca()))).processes[0].provenance, { referenceYear: 2010 });
  const bad = writeZip(
    'bad-copyright.zip',
    olca((p) => (p.processDocumentation.copyright = 'yes')),
  );
  await rejectsNaming(importJsonLd(bad), [
    'bad-copyright.zip',
    '"Boiler"',
    'field "processDocumentation.copyright"',
    'expected true or false',
  ]);
});

test('a non-numeric amount names file, record and field', async () => {
  const file = writeZip(
    'bad-amount.zip',
    olca((p) => (p.exchanges[2].amount = 'abc')),
  );
  await rejectsNaming(importJsonLd(file), [
    'bad-amount.zip',
    'processes/p-boiler.json',
    '"Boiler"',
    'field "exchanges[2].amount"',
    'expected a number, got "abc"',
  ]);
});

test('a reference to a missing flow names file, record and field', async () => {
  const file = writeZip(
    'bad-flow.zip',
    olca((p) => (p.exchanges[1].flow = ref('Flow', 'f-nowhere', 'Ghost'))),
  );
  await rejectsNaming(importJsonLd(file), [
    'bad-flow.zip',
    'processes/p-boiler.json',
    'field "exchanges[1].flow"',
    'unknown flow f-nowhere',
  ]);
});

test("a unit outside the flow property's unit group is refused", async () => {
  const file = writeZip(
    'bad-unit.zip',
    olca((p) => (p.exchanges[2].unit = ref('Unit', 'u-mj'))),
  );
  await rejectsNaming(importJsonLd(file), [
    'bad-unit.zip',
    'processes/p-boiler.json',
    'field "exchanges[2].unit"',
    'unknown unit u-mj',
  ]);
});

test('a process without a quantitative reference is refused', async () => {
  const file = writeZip(
    'no-ref.zip',
    olca((p) => (p.exchanges[0].quantitativeReference = false)),
  );
  await rejectsNaming(importJsonLd(file), [
    'no-ref.zip',
    'processes/p-boiler.json',
    'field "exchanges"',
    'exactly one quantitative reference',
  ]);
});

test('a file that is not a zip, and a zip of something else, are named', async () => {
  await rejectsNaming(importJsonLd(writeFile('not-a-zip.zip', 'hello')), ['not-a-zip.zip', 'not a readable zip']);
  await rejectsNaming(importDatabase(writeFile('not-a-zip.zip', 'hello')), ['not-a-zip.zip', 'not a readable zip']);
  await rejectsNaming(importDatabase(writeZip('other.zip', { 'docs/readme.txt': 'x', 'data.csv': 'a,b' })), [
    'other.zip',
    'not a known LCI database format',
    'docs/',
    'data.csv',
  ]);
});

test('importDatabase recognises JSON-LD by its processes folder', async () => {
  const db = await importDatabase(writeZip('mini.zip', olca()), { name: 'mini' });
  assert.equal(db.name, 'mini');
  assert.match(db.origin, /JSON-LD/);
});
