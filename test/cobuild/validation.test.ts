import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBalances } from '../../src/cobuild/balance.ts';
import { factorPlausibility, processPlausibility } from '../../src/cobuild/plausibility.ts';
import { validateSubmission } from '../../src/cobuild/validation.ts';
import { applyDefaults, checkStructure } from '../../src/cobuild/validate.ts';
import { factor, HAINAN, process, SEED } from './fixtures.ts';
import { render } from '../../src/i18n/catalogue.ts';
import { messageText } from '../../src/model/message.ts';

const confidential = { sharing: 'confidential' as const };
const now = new Date('2026-03-01T00:00:00Z');
const fields = (errors: { field: string }[]) => errors.map((e) => e.field).sort();

test('a factor in g CO2e is converted to kg with a note; region names become codes and the id follows', () => {
  const f = factor({ id: 'cn-electricity-footprint/海南/2024', region: '海南', value: 612, unit: 'g CO2e/kWh' });
  const { dataset, errors, notes } = checkStructure({ type: 'factor', factor: f }, confidential, now);
  assert.deepEqual(errors, []);
  assert.equal(dataset.type === 'factor' && dataset.factor.value, 0.612);
  assert.equal(dataset.type === 'factor' && dataset.factor.unit, 'kg CO2e/kWh');
  assert.equal(dataset.type === 'factor' && dataset.factor.id, 'cn-electricity-footprint/CN-HI/2024');
  assert.ok(notes.some((n) => /converted from 612 g CO2e\/kWh to 0.612 kg CO2e\/kWh/.test(n.message)));
  assert.ok(notes.some((n) => /region "海南" read as CN-HI/.test(n.message)));
  assert.ok(notes.some((n) => render(n, 'zh') === '地区「海南」识别为 CN-HI'));
});

test('units that do not agree and missing metadata are errors, each on its field', () => {
  const f = factor({
    unit: 'kg CO2/MWh',
    perUnit: 'kWh',
    technology: ' ',
    source: { title: '', publisher: 'X' },
    year: 1970,
    id: 'x/CN-HI/1970',
    licence: '',
  });
  const { errors } = checkStructure({ type: 'factor', factor: f }, { sharing: 'public' }, now);
  assert.deepEqual(fields(errors), [
    'factor.gases',
    'factor.licence',
    'factor.source.title',
    'factor.technology',
    'factor.unit',
    'factor.year',
  ]);
  const year = errors.find((e) => e.field === 'factor.year')!;
  assert.deepEqual(
    [year.code, year.params],
    ['year.out-of-range', { year: 1970, first: 1990, last: 2027 }],
    'a code and its params besides the message',
  );
  assert.equal(year.message, 'year 1970 is outside 1990–2027');
  const per = checkStructure(
    { type: 'factor', factor: factor({ perUnit: 'barrel', unit: 'kg CO2e/barrel' }) },
    confidential,
    now,
  );
  assert.deepEqual(fields(per.errors), ['factor.perUnit']);
  const kind = checkStructure({ type: 'factor', factor: factor({ kind: 'electricity-co2' }) }, confidential, now);
  assert.match(kind.errors[0].message, /CO2 only/);
});

test('a process must reference its flows, have one product reference and its metadata; defaults fill what a file lacks', () => {
  const d = process(
    'p',
    [{ id: 'lime', name: 'Lime', unit: 'kg', kind: 'product' }],
    [
      { flowId: 'lime', amount: 1, input: false, reference: true },
      { flowId: 'ghost', amount: 2, input: true, reference: false },
    ],
    {
      location: undefined,
      provenance: {},
    },
  );
  const { errors } = checkStructure(d, confidential, now);
  assert.deepEqual(fields(errors), [
    'process.exchanges[1].flowId',
    'process.location',
    'process.provenance.publication',
    'process.provenance.referenceYear',
    'process.provenance.technology',
  ]);
  const filled = applyDefaults(d, { region: 'CN-GX', year: 2024, technology: 'vertical mill', source: 'Plant report' });
  assert.deepEqual(fields(checkStructure(filled, confidential, now).errors), ['process.exchanges[1].flowId']);
});

test('mass balance: a process losing a third of its mass is flagged; one within 10 % gets a note', () => {
  const flows = [
    { id: 'stone', name: 'Limestone', unit: 'kg', kind: 'product' as const },
    { id: 'powder', name: 'Calcium carbonate powder', unit: 'kg', kind: 'product' as const },
    { id: 'dust', name: 'Particulates', unit: 'kg', kind: 'elementary' as const },
  ];
  const lossy = process('p', flows, [
    { flowId: 'powder', amount: 1, input: false, reference: true },
    { flowId: 'stone', amount: 1.5, input: true, reference: false },
  ]);
  const flagged = checkBalances(lossy).flags[0];
  assert.equal(flagged.check, 'mass-balance');
  assert.match(flagged.message, /1\.5 kg in, 1 kg out \(33\.33 % apart\)/);
  const tight = process('p', flows, [
    { flowId: 'powder', amount: 1, input: false, reference: true },
    { flowId: 'stone', amount: 1.05, input: true, reference: false },
    { flowId: 'dust', amount: 0.02, input: false, reference: false },
  ]);
  assert.deepEqual(checkBalances(tight).flags, []);
});

test('energy balance: electricity out of fewer MJ of fuel than it holds is flagged, in any energy unit', () => {
  const flows = [
    { id: 'el', name: 'Electricity', unit: 'kWh', kind: 'product' as const },
    { id: 'gas', name: 'Natural gas, energy content', unit: 'MJ', kind: 'product' as const },
  ];
  const impossible = process('p', flows, [
    { flowId: 'el', amount: 1, input: false, reference: true },
    { flowId: 'gas', amount: 3, input: true, reference: false },
  ]);
  const [flag] = checkBalances(impossible).flags;
  assert.equal(flag.check, 'energy-balance');
  assert.ok(Math.abs(flag.ratio! - 1.2) < 1e-12, '3.6 MJ out of 3 MJ in');
  const ccgt = process('p', flows, [
    { flowId: 'el', amount: 1, input: false, reference: true },
    { flowId: 'gas', amount: 6.5, input: true, reference: false },
  ]);
  assert.deepEqual(checkBalances(ccgt).flags, []);
});

test('plausibility: a factor 10× below the provincial median is flagged with the numbers that explain it', () => {
  const low = factorPlausibility(factor({ value: 0.03 }), SEED, '2026.1', 10);
  assert.equal(low.flags.length, 2);
  const [median, own] = low.flags;
  const provinces = SEED.filter((f) => /^cn-electricity-footprint\/CN-[A-Z]{2}\/2024$/.test(f.id))
    .map((f) => f.value)
    .sort((a, b) => a - b);
  assert.equal(provinces.length, 30, 'every province but Tibet, which has no factor of its own');
  assert.equal(median.peers, 30);
  assert.equal(median.reference, (provinces[14] + provinces[15]) / 2);
  assert.match(
    median.message,
    /^0\.03 kg CO2e\/kWh is \d+(\.\d+)?× below the provincial median \(30 provinces\) of cn-electricity-footprint in release 2026\.1 \(0\.\d+, 2024\)$/,
  );
  assert.equal(median.code, 'plausibility.factor-median');
  assert.deepEqual(
    { ...median.params, fold: undefined },
    {
      value: 0.03,
      unit: 'kg CO2e/kWh',
      fold: undefined,
      direction: 'below',
      basis: 'provinces',
      peers: 30,
      series: 'cn-electricity-footprint',
      release: '2026.1',
      median: median.reference,
      year: 2024,
    },
  );
  assert.equal(own.code, 'plausibility.factor-region');
  assert.equal(own.reference, HAINAN.value);
  const fine = factorPlausibility(factor({ value: 0.6 }), SEED, '2026.1', 10);
  assert.deepEqual(fine.flags, []);
  assert.equal(
    factorPlausibility(factor({ value: 0.03 }), SEED, '2026.1', 100).flags.length,
    0,
    'the ratio is a setting',
  );
  const unknown = factorPlausibility(
    factor({ id: 'material-clinker/CN-HI/2024', perUnit: 't', unit: 'kg CO2e/t' }),
    SEED,
    '2026.1',
    10,
  );
  assert.match(unknown.notes[0].message, /not checked: release 2026\.1 has no factor of series material-clinker/);
});

test('plausibility: each exchange of a process per unit of product is compared with the release’s processes of the same product', () => {
  const flows = [
    { id: 'powder', name: 'Powder', unit: 'kg', kind: 'product' as const },
    { id: 'el', name: 'Electricity', unit: 'kWh', kind: 'product' as const },
  ];
  const current = process('plant', flows, [
    { flowId: 'powder', amount: 1000, input: false, reference: true },
    { flowId: 'el', amount: 50, input: true, reference: false },
  ]);
  const db = {
    name: 'r',
    origin: '',
    processes: [current.process],
    flows: current.flows,
    unitGroups: current.unitGroups,
    flowProperties: current.flowProperties,
  };
  const submitted = process('new', flows, [
    { flowId: 'powder', amount: 1, input: false, reference: true },
    { flowId: 'el', amount: 1.2, input: true, reference: false },
  ]);
  const [flag] = processPlausibility(submitted, db, 'r', 10).flags;
  assert.equal(flag.field, 'process.exchanges[1].amount');
  assert.ok(Math.abs(flag.ratio! - 24) < 1e-12, '1.2 kWh/kg against 0.05 kWh/kg');
});

test('validation puts it together: structure errors stop the checks, a missing production volume is noted', () => {
  const ok = validateSubmission(
    { dataset: { type: 'factor', factor: factor({ value: 0.02 }) }, meta: confidential },
    { factors: { release: '2026.1', factors: SEED }, ratio: 10, now },
  );
  assert.equal(ok.report.release, '2026.1');
  assert.equal(ok.report.flags.length, 2);
  assert.ok(ok.report.notes.some((n) => /no production volume/.test(messageText(n))));
  const bad = validateSubmission(
    {
      dataset: { type: 'factor', factor: factor({ value: -1 }) },
      meta: { ...confidential, productionVolume: { amount: 5, unit: 'barrels' } },
    },
    { ratio: 10, now },
  );
  assert.deepEqual(fields(bad.report.errors), ['factor.value', 'meta.productionVolume.unit']);
  assert.deepEqual(bad.report.flags, []);
});

test('a provider named on an exchange must be a process of the current LCI release that provides its flow', () => {
  const flows = [
    { id: 'lime', name: 'Lime', unit: 'kg', kind: 'product' as const },
    { id: 'power', name: 'Electricity', unit: 'kWh', kind: 'product' as const },
  ];
  const grid = process('grid', flows, [{ flowId: 'power', amount: 1, input: false, reference: true }]);
  const kiln = process('kiln', flows, [{ flowId: 'lime', amount: 1, input: false, reference: true }]);
  const db = {
    name: 'lci',
    origin: 'test',
    flows: grid.flows,
    processes: [grid.process, kiln.process],
    unitGroups: grid.unitGroups,
    flowProperties: grid.flowProperties,
  };
  const ctx = { lci: { release: 'lci-1', db }, ratio: 10, now };
  const using = (providerId: string) =>
    validateSubmission(
      {
        dataset: process('mill', flows, [
          { flowId: 'lime', amount: 1, input: false, reference: true },
          { flowId: 'power', amount: 30, input: true, reference: false, providerId },
        ]),
        meta: confidential,
      },
      ctx,
    ).report.errors;
  assert.deepEqual(using('grid'), []);
  const [unknown] = using('gird');
  assert.equal(unknown.field, 'process.exchanges[1].providerId');
  assert.match(unknown.message, /gird is not a process of release lci-1/);
  assert.deepEqual([unknown.code, unknown.params], ['provider.unknown', { provider: 'gird', release: 'lci-1' }]);
  assert.match(using('kiln')[0].message, /"kiln" \(kiln\) does not provide flow power/);
});
