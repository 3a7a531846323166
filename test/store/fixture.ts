import type { Factor } from '../../src/model/factor.ts';
import type { LciDatabase } from '../../src/model/lci.ts';

/**
 * A small database that uses every field the store must keep: unit conversion audit fields, all
 * four distributions, pedigree, providers, avoided products, multi-output allocation (physical
 * and causal), validity dates, locations, exchange ids both numbered and not, and a provenance with
 * every field (and one with a copyright-only licence). Its sources and
 * origin are what formats/jsonld.ts writes for a zip named `${ZIP_NAME}`, so an export re-imports equal.
 */

export const ZIP_NAME = 'fixture.zip';
const src = (id: string) => `${ZIP_NAME}:processes/${id}.json`;

export function fixture(): LciDatabase {
  return {
    name: 'fixture',
    origin: `openLCA JSON-LD: ${ZIP_NAME}`,
    unitGroups: [
      {
        id: 'ug-mass',
        name: 'Units of mass',
        referenceUnit: 'kg',
        units: [
          { id: 'u-kg', name: 'kg', factor: 1 },
          { id: 'u-g', name: 'g', factor: 0.001 },
          { id: 'u-t', name: 't', factor: 1000 },
        ],
      },
      {
        id: 'ug-energy',
        name: 'Units of energy',
        referenceUnit: 'MJ',
        units: [
          { id: 'u-mj', name: 'MJ', factor: 1 },
          { id: 'u-kwh', name: 'kWh', factor: 3.6 },
        ],
      },
    ],
    flowProperties: [
      { id: 'fp-mass', name: 'Mass', unitGroupId: 'ug-mass' },
      { id: 'fp-energy', name: 'Energy', unitGroupId: 'ug-energy' },
    ],
    flows: [
      {
        id: 'f-steel',
        name: 'steel, hot rolled',
        kind: 'product',
        category: ['Metals', 'Steel'],
        propertyId: 'fp-mass',
        unit: 'kg',
      },
      {
        id: 'f-slag',
        name: 'slag',
        kind: 'product',
        category: ['Metals', 'By-products'],
        propertyId: 'fp-mass',
        unit: 'kg',
      },
      {
        id: 'f-elec',
        name: 'electricity, medium voltage',
        kind: 'product',
        category: ['Energy', 'Electricity/grid'],
        propertyId: 'fp-energy',
        unit: 'MJ',
        location: 'CN-SC',
      },
      {
        id: 'f-waste',
        name: 'scrap for treatment',
        kind: 'waste',
        category: ['Waste'],
        propertyId: 'fp-mass',
        unit: 'kg',
      },
      {
        id: 'f-co2',
        name: 'Carbon dioxide, fossil',
        kind: 'elementary',
        cas: '124-38-9',
        formula: 'CO2',
        category: ['Elementary flows', 'air', 'unspecified'],
        propertyId: 'fp-mass',
        unit: 'kg',
      },
      {
        id: 'f-ch4',
        name: 'Methane, fossil',
        kind: 'elementary',
        cas: '74-82-8',
        formula: 'CH4',
        category: ['Elementary flows', 'air', 'low population density'],
        propertyId: 'fp-mass',
        unit: 'kg',
      },
      {
        id: 'f-coal',
        name: 'Coal, hard, unspecified, in ground',
        kind: 'elementary',
        category: ['Elementary flows', 'resource', 'in ground'],
        propertyId: 'fp-mass',
        unit: 'kg',
      },
    ],
    processes: [
      {
        id: 'p-elec',
        name: 'electricity production, hard coal',
        location: 'CN-SC',
        category: ['Energy', 'Electricity/grid'],
        description: 'Sichuan "grid", with a comma, and 中文',
        validFrom: '2022-01-01',
        validUntil: '2022-12-31',
        exchanges: [
          {
            id: '1',
            flowId: 'f-elec',
            amount: 3.6,
            input: false,
            avoided: false,
            reference: true,
            originalAmount: 1,
            originalUnit: 'kWh',
          },
          {
            id: '2',
            flowId: 'f-coal',
            amount: 0.35,
            input: true,
            avoided: false,
            reference: false,
            uncertainty: { type: 'uniform', min: 0.3, max: 0.4 },
          },
          {
            id: '3',
            flowId: 'f-co2',
            amount: 0.98,
            input: false,
            avoided: false,
            reference: false,
            uncertainty: { type: 'lognormal', gm: 0.98, gsd: 1.1 },
            pedigree: { reliability: 2, completeness: 1, temporal: 3, geographical: 2, technological: 4 },
          },
          {
            id: '4',
            flowId: 'f-ch4',
            amount: 0.002,
            input: false,
            avoided: false,
            reference: false,
            uncertainty: { type: 'triangular', min: 0.001, mode: 0.002, max: 0.004 },
          },
        ],
        allocationFactors: [],
        source: src('p-elec'),
        provenance: {
          publication:
            'China Electricity Council (2023): China Electric Power Statistical Yearbook 2023, https://example.org/cec',
          sources: [
            'China Electricity Council (2023): China Electric Power Statistical Yearbook 2023, https://example.org/cec',
            'IPCC (2006): 2006 IPCC Guidelines, vol. 2',
          ],
          generator: 'Sichuan grid study team',
          technology: 'Subcritical pulverised coal units,\nwith flue gas desulphurisation',
          geography: 'Sichuan provincial grid',
          time: 'annual average of 2022',
          referenceYear: 2022,
          licence: 'CC-BY-4.0; attribution required. Copyright protected.',
          reviewer: 'Reviewer One; Reviewer Two',
          pedigree: { reliability: 2, completeness: 1, temporal: 1, geographical: 2, technological: 3 },
          dqr: 1.8,
        },
      },
      {
        id: 'p-steel',
        name: 'steel production, converter',
        location: 'CN',
        category: ['Metals', 'Steel'],
        defaultAllocation: 'physical',
        exchanges: [
          { id: 'a1b2', flowId: 'f-steel', amount: 1, input: false, avoided: false, reference: true },
          { id: 'c3d4', flowId: 'f-slag', amount: 0.12, input: false, avoided: false, reference: false },
          {
            id: 'e5f6',
            flowId: 'f-elec',
            amount: 1.8,
            input: true,
            avoided: false,
            reference: false,
            providerId: 'p-elec',
            originalAmount: 0.5,
            originalUnit: 'kWh',
            uncertainty: { type: 'normal', mean: 1.8, sd: 0.36 },
          },
          { id: 'g7h8', flowId: 'f-co2', amount: 1.85, input: false, avoided: false, reference: false },
          { id: 'i9j0', flowId: 'f-waste', amount: 0.05, input: false, avoided: false, reference: false },
        ],
        allocationFactors: [
          { method: 'physical', productId: 'f-steel', value: 0.893 },
          { method: 'physical', productId: 'f-slag', value: 0.107 },
          { method: 'causal', productId: 'f-steel', value: 1, exchangeId: 'g7h8' },
          { method: 'causal', productId: 'f-slag', value: 0, exchangeId: 'g7h8' },
        ],
        source: src('p-steel'),
        provenance: { technology: 'basic oxygen furnace', licence: 'Copyright protected.' },
      },
      {
        id: 'p-scrap',
        name: 'scrap treatment, recycling',
        category: [],
        exchanges: [
          { id: '1', flowId: 'f-waste', amount: 1, input: true, avoided: false, reference: true },
          { id: '2', flowId: 'f-steel', amount: 0.9, input: true, avoided: true, reference: false },
          { id: '3', flowId: 'f-elec', amount: 0.4, input: true, avoided: false, reference: false },
        ],
        allocationFactors: [],
        source: src('p-scrap'),
      },
    ],
  };
}

export function factor(id: string, over: Partial<Factor> = {}): Factor {
  return {
    id,
    kind: 'electricity-footprint',
    name: 'grid electricity carbon footprint',
    nameZh: '电力碳足迹因子',
    perUnit: 'kWh',
    value: 0.5366,
    unit: 'kg CO2e/kWh',
    gases: 'CO2e',
    gwpSet: 'AR5',
    region: 'CN',
    year: 2023,
    source: { title: 'test publication', publisher: 'test publisher', documentNumber: 'T-1' },
    dataQuality: {
      pedigree: { reliability: 1, completeness: 1, temporal: 1, geographical: 1, technological: 2 },
      dqr: 1.3,
    },
    licence: 'CC-BY-4.0',
    status: 'verified',
    ...over,
  };
}

/** What a database reads back as: JSON drops undefined fields, as the store does. */
export function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
