import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  PactMappingError,
  studyToPactFootprint,
  toPactDecimal,
  validatePactDocument,
  validatePactFootprint,
  type PactExportOptions,
} from '../../src/formats/pact.ts';
import type { EntryResult, Study, StudyResult } from '../../src/model/study.ts';
import { pcfSumsOracle } from '../pact/oracle.ts';

const example = (v: string, f: string) =>
  JSON.parse(readFileSync(`/work/shared/reference/pact/${v}/examples/${f}`, 'utf8'));

/**
 * 1 kg of durian. Lines per kg: fossil 1.2 (fertiliser 0.5 + diesel 0.4 + carton 0.3), biogenic
 * 0.05 (fertiliser: CO2 0.02 and CH4 0.03), dLUC 0.1 (fertiliser), aircraft 0.3 (air freight),
 * removals −0.5 (orchard −0.4 into land pools, carton fibre −0.1 of biogenic carbon in a product).
 * total = 1.2 + 0.05 + 0.1 + 0.3 = 1.65; with removals 1.15. Primary: diesel and carton, 0.7 of 1.65.
 * v3: fossil 1.5 (1.2 + aircraft 0.3); PCF excluding uptake = 1.5 + LUC 0.1 + land management CO2
 * 0.02 + land removals −0.4 + biogenic non-CO2 0.03 = 1.25; including = 1.25 + uptake −0.1 = 1.15.
 * v2.3: excluding biogenic = 1.5 + 0.1 + 0.03 = 1.63; including = 1.63 + 0.02 − 0.4 − 0.1 = 1.15.
 */
const study: Study = {
  id: 'study-1',
  companyId: 'co-1',
  version: 3,
  updatedAt: '2026-01-10T00:00:00Z',
  updatedBy: 'u-1',
  name: 'Hainan durian 2025',
  product: { name: 'Fresh durian', description: 'Musang King, whole fruit, packed', classification: '01319' },
  unit: { kind: 'declared', amount: 1, unit: 'kg', description: '' },
  referenceFlow: '1 kg of fresh durian, packed, at the distribution centre',
  boundary: 'cradle-to-gate',
  region: 'CN-HI',
  year: 2025,
  method: 'ipcc-ar6-gwp100',
  releases: { lci: 'uslci', factors: '2026.1' },
  cutoff: 'Inputs below 1 % of mass and of the footprint may be left out, 5 % in total at most.',
  allocation: 'No multi-output processes in the foreground.',
  electricity: 'Grid electricity of the province.',
  limitations: 'Illustrative activity data.',
  entries: [
    {
      id: 'e1',
      stage: 'raw-materials',
      kind: 'material',
      name: 'Compound fertiliser',
      amount: 0.2,
      unit: 'kg',
      source: { type: 'background', dataset: { type: 'factor', release: '2026.1', id: 'f-fert' } },
    },
    {
      id: 'e2',
      stage: 'raw-materials',
      kind: 'removal',
      name: 'Orchard sequestration',
      amount: 0.4,
      unit: 'kg',
      source: { type: 'direct', gas: 'CO2-biogenic' },
    },
    {
      id: 'e3',
      stage: 'manufacturing',
      kind: 'energy',
      name: 'Diesel',
      amount: 0.12,
      unit: 'kg',
      source: { type: 'background', dataset: { type: 'process', release: 'uslci', id: 'p-diesel' } },
      evidence: { type: 'invoice', reference: 'INV-7' },
    },
    {
      id: 'e4',
      stage: 'manufacturing',
      kind: 'material',
      name: 'Carton packaging',
      amount: 0.25,
      unit: 'kg',
      source: { type: 'background', dataset: { type: 'process', release: 'uslci', id: 'p-carton' } },
      evidence: { type: 'invoice', reference: 'INV-8' },
    },
    {
      id: 'e5',
      stage: 'distribution',
      kind: 'transport',
      name: 'Air freight to Shanghai',
      amount: 0.5,
      unit: 't*km',
      transport: { massKg: 1, distanceKm: 500, mode: 'air', refrigerated: false },
      source: { type: 'background', dataset: { type: 'factor', release: '2026.1', id: 'f-air' } },
    },
  ],
};

const zero = { fossil: 0, biogenic: 0, landUseChange: 0, aircraft: 0, biogenicRemovals: 0 };
function entry(
  e: Study['entries'][number],
  lines: Partial<typeof zero>,
  type: EntryResult['provenance']['type'],
  primary: boolean,
): EntryResult {
  const l = { ...zero, ...lines };
  const total = l.fossil + l.biogenic + l.landUseChange + l.aircraft;
  const release = type === 'factor' ? '2026.1' : type === 'process' ? 'uslci' : undefined;
  return {
    entryId: e.id,
    name: e.name,
    stage: e.stage,
    kind: e.kind,
    amount: e.amount,
    unit: e.unit,
    total,
    lines: l,
    share: 0,
    primary,
    dqr: 2,
    provenance: {
      type,
      release,
      id: e.id,
      name: e.name,
      source: 'test',
      kgCo2ePerUnit: total / e.amount,
      perUnit: e.unit,
      conversion: 1,
      notes: [],
    },
  };
}
const [fert, orchard, diesel, carton, air] = study.entries;
const result: StudyResult = {
  studyId: 'study-1',
  version: 3,
  computedAt: '2026-01-10T00:00:00Z',
  method: 'ipcc-ar6-gwp100',
  gwpSet: 'IPCC AR6 GWP100',
  releases: { lci: 'uslci', factors: '2026.1' },
  unit: 'kg CO2e',
  total: 1.65,
  lines: { fossil: 1.2, biogenic: 0.05, landUseChange: 0.1, aircraft: 0.3, biogenicRemovals: -0.5 },
  byStage: { 'raw-materials': 0.65, manufacturing: 0.7, distribution: 0.3, use: 0, 'end-of-life': 0 },
  entries: [
    entry(fert, { fossil: 0.5, biogenic: 0.05, landUseChange: 0.1 }, 'factor', false),
    entry(orchard, { biogenicRemovals: -0.4 }, 'direct', false),
    entry(diesel, { fossil: 0.4 }, 'process', true),
    entry(carton, { fossil: 0.3, biogenicRemovals: -0.1 }, 'process', true),
    entry(air, { aircraft: 0.3 }, 'factor', false),
  ],
  hotspots: ['e3', 'e1', 'e4', 'e5'],
  sankey: { nodes: [], links: [] },
  tree: { name: 'Fresh durian', value: 1.65, children: [] },
  uncertainty: null,
  primaryDataShare: 0.7 / 1.65,
  parts: { biogenicCO2: 0.02, biogenicNonCO2: 0.03, landRemovals: -0.4, productUptake: -0.1 },
  carbonContent: { fossilKgC: 0, biogenicKgC: 0.12 },
  dqr: 2.2,
  dqrLevel: 'good',
  warnings: [],
};

const base = {
  id: '0b7a3c9e-4f1d-4e8a-9c2b-6d5e4f3a2b1c',
  companyName: 'Hainan Orchard Co.',
  companyIds: ['urn:uscc:91460000MA5T000000'],
  productIds: ['urn:gtin:6901234567892'],
  created: '2026-01-12T08:00:00Z',
  referencePeriod: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
} satisfies Omit<PactExportOptions, 'version'>;

test('v3: the study result maps to a valid footprint with the numbers worked out by hand', () => {
  const pf = studyToPactFootprint(study, result, { ...base, version: '3.0' });
  assert.ok(validatePactFootprint(pf, '3.0').ok);
  const p = pf.pcf;
  assert.equal(p.declaredUnitOfMeasurement, 'kilogram');
  assert.equal(p.declaredUnitAmount, '1');
  assert.equal(p.productMassPerDeclaredUnit, '1');
  assert.equal(p.pcfExcludingBiogenicUptake, '1.25');
  assert.equal(p.pcfIncludingBiogenicUptake, '1.15', 'total + removals = 1.65 − 0.5');
  assert.equal(p.fossilGhgEmissions, '1.5', 'fossil 1.2 + aircraft 0.3');
  assert.equal(p.aircraftGhgEmissions, '0.3');
  assert.equal(p.landUseChangeGhgEmissions, '0.1');
  assert.equal(p.landManagementBiogenicCO2Emissions, '0.02');
  assert.equal(p.landManagementBiogenicCO2Removals, '-0.4', 'the orchard: carbon stored in land pools');
  assert.equal(p.biogenicNonCO2Emissions, '0.03', 'biogenic CH4 only');
  assert.equal(p.biogenicCO2Uptake, '-0.1', 'carbon in the carton fibre');
  assert.equal(p.biogenicCarbonContent, '0.12');
  assert.equal(p.fossilCarbonContent, '0');
  assert.deepEqual(pcfSumsOracle([pf]), [[]], "the spec's own sums");
  assert.equal(p.primaryDataShare, '42.4242424242', '0.7 / 1.65 in percent');
  assert.deepEqual(p.dqi, { technologicalDQR: '2.2', geographicalDQR: '2.2', temporalDQR: '2.2' });
  assert.deepEqual(p.ipccCharacterizationFactors, ['AR6']);
  assert.deepEqual(p.crossSectoralStandards, ['ISO14067']);
  assert.equal(p.exemptedEmissionsPercent, '0');
  assert.equal(p.exemptedEmissionsDescription, study.cutoff);
  assert.equal(p.geographyCountrySubdivision, 'CN-HI');
  assert.equal(p.packagingEmissionsIncluded, true, 'the carton entry');
  assert.deepEqual(p.secondaryEmissionFactorSources, [
    { name: 'Tanji factor release', version: '2026.1' },
    { name: 'LCI database release', version: 'uslci' },
  ]);
  assert.match(
    p.boundaryProcessesDescription ?? '',
    /^cradle-to-gate.*Raw material acquisition: Compound fertiliser, Orchard sequestration; Production: Diesel, Carton packaging; Distribution: Air freight/,
  );
  assert.deepEqual(pf.productClassifications, ['urn:pact:productclassification:un-cpc:01319']);
  assert.equal(pf.specVersion, '3.0.3');
});

test('v2.3: the same result, with v2 names, number types and the 1–3 DQR scale', () => {
  const pf = studyToPactFootprint(study, result, { ...base, version: '2.3', geography: 'CN' });
  assert.ok(validatePactFootprint(pf, '2.3').ok);
  const p = pf.pcf;
  assert.equal(pf.version, 3, 'the study version');
  assert.equal(pf.productCategoryCpc, '01319');
  assert.equal(p.declaredUnit, 'kilogram');
  assert.equal(p.unitaryProductAmount, '1');
  assert.equal(p.pCfExcludingBiogenic, '1.63');
  assert.equal(p.pCfIncludingBiogenic, '1.15');
  assert.equal(p.fossilGhgEmissions, '1.5');
  assert.equal(p.dLucGhgEmissions, '0.1');
  assert.equal(p.otherBiogenicGhgEmissions, '0.03');
  assert.equal(p.biogenicCarbonWithdrawal, '-0.1');
  assert.equal(p.biogenicCarbonContent, '0.12');
  assert.equal(p.aircraftGhgEmissions, '0.3');
  assert.equal(p.characterizationFactors, 'AR6');
  assert.deepEqual(p.crossSectoralStandardsUsed, ['ISO Standard 14067']);
  assert.equal(p.exemptedEmissionsPercent, 0);
  assert.ok(Math.abs((p.primaryDataShare ?? 0) - 42.424242) < 1e-4);
  assert.deepEqual(
    p.dqi,
    {
      coveragePercent: 100,
      technologicalDQR: 1.6,
      temporalDQR: 1.6,
      geographicalDQR: 1.6,
      completenessDQR: 1.6,
      reliabilityDQR: 1.6,
    },
    'DQR 2.2 on 1–5 is 1.6 on 1–3',
  );
  assert.equal(p.geographyCountry, 'CN');
});

test('AR5 studies say so; a result of another study version is refused', () => {
  const pf = studyToPactFootprint(
    { ...study, method: 'ipcc-ar5-gwp100' },
    { ...result, method: 'ipcc-ar5-gwp100' },
    { ...base, version: '3.0' },
  );
  assert.deepEqual(pf.pcf.ipccCharacterizationFactors, ['AR5']);
  assert.throws(
    () => studyToPactFootprint(study, { ...result, version: 2 }, { ...base, version: '3.0' }),
    /result is of study study-1 version 2/,
  );
});

test('what the study lacks is reported, not guessed', () => {
  const litre = { ...study, unit: { ...study.unit, unit: 'l' } };
  assert.throws(
    () => studyToPactFootprint(litre, result, { ...base, version: '3.0' }),
    /needs opts.productMassPerDeclaredUnit/,
  );
  assert.equal(
    studyToPactFootprint(litre, result, { ...base, version: '3.0', productMassPerDeclaredUnit: 1.1 }).pcf
      .productMassPerDeclaredUnit,
    '1.1',
  );
  assert.throws(
    () =>
      studyToPactFootprint({ ...study, product: { ...study.product, classification: undefined } }, result, {
        ...base,
        version: '2.3',
      }),
    /productCategoryCpc/,
  );
  assert.throws(
    () => studyToPactFootprint(study, result, { ...base, version: '3.0', geography: 'Hainan' }),
    /neither an ISO 3166/,
  );
  // the schema's own refusals come back as errors by path
  const err = (() => {
    try {
      studyToPactFootprint(study, result, { ...base, version: '3.0', productIds: ['6901234567892'] });
    } catch (e) {
      return e;
    }
  })();
  assert.ok(err instanceof PactMappingError);
  assert.deepEqual(err.errors, [
    'productIds[0]: expected a URN such as "urn:pact:example.com:product-id:1234" (RFC 8141)',
  ]);
});

test('a broken v3 document names each problem by its path', () => {
  const { pcf: _, ...noPcf } = example('v3', 'example-1.json');
  const r1 = validatePactFootprint({ ...noPcf, companyIds: ['urn:company:example:company1', 'company2'] }, '3.0');
  assert.ok(!r1.ok);
  assert.deepEqual(
    r1.errors,
    [
      'companyIds[1]: expected a URN such as "urn:pact:example.com:product-id:1234" (RFC 8141)',
      'pcf: required property is missing',
    ],
    r1.errors.join('\n'),
  );

  const ex = example('v3', 'example-2.json');
  const r2 = validatePactFootprint(
    {
      ...ex,
      pcf: {
        ...ex.pcf,
        pcfExcludingBiogenicUptake: 5.14,
        biogenicCO2Uptake: '19.36',
        dqi: { ...ex.pcf.dqi, temporalDQR: undefined },
      },
    },
    '3.0',
  );
  assert.ok(!r2.ok);
  assert.deepEqual(
    r2.errors,
    [
      'pcf.pcfExcludingBiogenicUptake: expected a decimal string (any sign) such as "1.5", got the JSON number 5.14',
      'pcf.biogenicCO2Uptake: must be 0 or less (uptake and removals are negative)',
      'pcf.dqi.temporalDQR: required property is missing',
    ],
    r2.errors.join('\n'),
  );
});

test('a broken v2.3 document: numbers where v2 wants numbers, decimal strings where it wants strings', () => {
  const pf = example('v2', 'get-footprint-response.json').data;
  const r = validatePactFootprint(
    { ...pf, version: '1', pcf: { ...pf.pcf, primaryDataShare: '12.9', fossilGhgEmissions: 1.5 } },
    '2.3',
  );
  assert.ok(!r.ok);
  assert.deepEqual(
    r.errors,
    [
      'version: expected a number, got "1"',
      'pcf.fossilGhgEmissions: expected a decimal string (>= 0) such as "1.5", got the JSON number 1.5',
      'pcf.primaryDataShare: expected a number, got "12.9"',
    ],
    r.errors.join('\n'),
  );
});

test('responses, events and errors validate through validatePactDocument', () => {
  assert.ok(validatePactDocument(example('v3', 'list-footprints-response.json'), 'list', '3.0').ok);
  assert.ok(validatePactDocument(example('v2', 'pf-response-event.json'), 'event', '2.3').ok);
  const v3Event = validatePactDocument(example('v2', 'pf-response-event.json'), 'event', '3.0');
  assert.deepEqual(v3Event.ok ? [] : v3Event.errors, [
    'type: "org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1" is not an event type of this version',
  ]);
  const bad = validatePactDocument({ code: 'Teapot', message: 'no' }, 'error', '3.0');
  assert.ok(!bad.ok && /^code: /.test(bad.errors[0]!), JSON.stringify(bad));
  const v2AsV3 = validatePactDocument(example('v2', 'list-footprints-response.json'), 'list', '3.0');
  assert.ok(
    !v2AsV3.ok && v2AsV3.errors.includes('data[0].specVersion: a v3 ProductFootprint has specVersion 3.x.y'),
    JSON.stringify(v2AsV3),
  );
});

test('decimal strings never use exponents and drop float noise', () => {
  assert.equal(toPactDecimal(0.1 + 0.2), '0.3');
  assert.equal(toPactDecimal(1.23e-7), '0.000000123');
  assert.equal(toPactDecimal(-0), '0');
  assert.equal(toPactDecimal(1234.5), '1234.5');
  assert.equal(toPactDecimal(-0.4), '-0.4');
});

test('results stored before the split keep their old reading; a negative LUC line is carbon stored in land', () => {
  const { parts: _, ...old } = result;
  const v3 = studyToPactFootprint(study, old, { ...base, version: '3.0' }).pcf;
  assert.equal(v3.landManagementBiogenicCO2Emissions, '0.05');
  assert.equal(v3.biogenicCO2Uptake, '-0.5');
  const stored = { ...result, lines: { ...result.lines, landUseChange: -0.2 }, total: 1.35 };
  const pf = studyToPactFootprint(study, stored, { ...base, version: '3.0' });
  assert.equal(pf.pcf.landUseChangeGhgEmissions, '0');
  assert.equal(pf.pcf.landManagementBiogenicCO2Removals, '-0.6');
  assert.deepEqual(pcfSumsOracle([pf]), [[]]);
});
