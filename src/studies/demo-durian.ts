import type { Entry, Parameter, Scenario, StudyInput } from '../model/study.ts';

/**
 * DEMONSTRATION STUDY — 1 kg of fresh durian from an orchard in Hainan, packed and delivered by
 * cold chain to a distribution centre in Guangzhou. The activity data are illustrative round
 * numbers for a mature orchard (yield 15 t/ha·a), not measurements of a real farm; the evidence
 * references are made up to show the workflow. The factors and processes are real: China
 * life-cycle electricity and CPCD transport factors from release 2026.1, IPCC 2006 fuel factors,
 * and US LCI processes for fertiliser and packaging (no Chinese LCI data is loaded yet).
 */

export const DEMO_STUDY_NAME = '演示：海南榴莲 1 kg（Demo: 1 kg Hainan durian）';

const PER_KG = 1 / 15_000; // the orchard's per-hectare annual inputs, per kg of a 15 t/ha harvest
const N_PER_KG = 300 * PER_KG; // 300 kg N/ha·a
/** IPCC 2019 Refinement Vol.4 Ch.11 Tier 1: direct EF1 (wet climate) 0.016, indirect 0.11×0.014 + 0.24×0.011 kg N2O-N per kg N */
const N2O_PER_KG = N_PER_KG * (0.016 + 0.11 * 0.014 + 0.24 * 0.011) * (44 / 28);
const DIESEL_DENSITY = 0.84; // kg/L
const SHIPPED_KG = 1.07; // durian plus its packaging

/** Per-hectare orchard figures and the IPCC Tier 1 N2O factors, so that yield, nitrogen and diesel can be varied. */
const IPCC_N2O = 'IPCC 2019 Refinement, Vol. 4 Ch. 11';
const parameters: Parameter[] = [
  {
    name: 'yield_t_ha',
    value: 15,
    unit: 't/ha',
    min: 10,
    max: 25,
    description: 'Marketable yield of a mature orchard 果园单产',
  },
  {
    name: 'n_rate_kg_ha',
    value: 300,
    unit: 'kg N/ha',
    min: 200,
    max: 400,
    description: 'Nitrogen applied per hectare and year 施氮量',
  },
  {
    name: 'diesel_l_ha',
    value: 150,
    unit: 'L/ha',
    min: 100,
    max: 200,
    description: 'Orchard machinery diesel per hectare and year 果园柴油用量',
  },
  {
    name: 'sequestration_kg_ha',
    value: 2500,
    unit: 'kg CO2/ha',
    min: 1000,
    max: 4000,
    description: 'Tree biomass carbon increment per hectare and year 果树生物量固碳',
  },
  {
    name: 'ef1_direct',
    value: 0.016,
    unit: 'kg N2O-N/kg N',
    description: 'EF1, direct N2O of synthetic fertiliser, wet climate 直接N2O排放因子',
    uncertainty: {
      distribution: 'normal',
      low: 0.013,
      high: 0.019,
      source: `${IPCC_N2O} Table 11.1, EF1 wet climates, synthetic fertiliser: 0.016 (0.013–0.019)`,
    },
  },
  {
    name: 'frac_gasf',
    value: 0.11,
    unit: 'kg N/kg N',
    description: 'FracGASF, share of synthetic N volatilised 挥发比例',
    uncertainty: {
      distribution: 'triangular',
      low: 0.02,
      high: 0.33,
      source: `${IPCC_N2O} Table 11.3, FracGASF synthetic fertiliser: 0.11 (0.02–0.33)`,
    },
  },
  {
    name: 'ef4_volatilised',
    value: 0.014,
    unit: 'kg N2O-N/kg N',
    description: 'EF4, N2O of volatilised and redeposited N, wet climate 挥发再沉降N2O排放因子',
    uncertainty: {
      distribution: 'normal',
      low: 0.011,
      high: 0.017,
      source: `${IPCC_N2O} Table 11.3, EF4 wet climates: 0.014 (0.011–0.017)`,
    },
  },
  {
    name: 'frac_leach',
    value: 0.24,
    unit: 'kg N/kg N',
    description: 'FracLEACH, share of N leached in wet climates 淋溶比例',
    uncertainty: {
      distribution: 'triangular',
      low: 0.01,
      high: 0.73,
      source: `${IPCC_N2O} Table 11.3, FracLEACH-(H): 0.24 (0.01–0.73)`,
    },
  },
  {
    name: 'ef5_leached',
    value: 0.011,
    unit: 'kg N2O-N/kg N',
    description: 'EF5, N2O of leached N 淋溶N2O排放因子',
    uncertainty: {
      distribution: 'triangular',
      low: 0,
      high: 0.02,
      source: `${IPCC_N2O} Table 11.3, EF5: 0.011 (0.000–0.020)`,
    },
  },
];
const PER_KG_FORMULA = '/ (yield_t_ha * 1000)';

const scenarios: Scenario[] = [
  {
    name: 'High yield 高产 (20 t/ha)',
    description: 'A good year: the same inputs over a larger harvest',
    values: { yield_t_ha: 20 },
  },
  {
    name: 'Low yield 低产 (10 t/ha)',
    description: 'A poor year: the same inputs over a smaller harvest',
    values: { yield_t_ha: 10 },
  },
  {
    name: 'Reduced nitrogen 减氮 (200 kg N/ha)',
    description: 'Fertiliser cut by a third at the same yield',
    values: { n_rate_kg_ha: 200 },
  },
];

const entries: Entry[] = [
  {
    id: 'fertiliser-n',
    pcr: { stage: 'orchard', requirement: 'fertiliser' },
    stage: 'raw-materials',
    kind: 'material',
    name: 'Nitrogen fertiliser 氮肥',
    amount: N_PER_KG,
    formula: `n_rate_kg_ha ${PER_KG_FORMULA}`,
    unit: 'kg',
    source: {
      type: 'background',
      dataset: { type: 'process', release: 'uslci', id: 'dacaeae9-aeed-3366-912d-6a31de09eef9' },
    },
    evidence: { type: 'invoice', reference: 'DEMO-INV-2025-031 (urea, 300 kg N/ha·a)' },
    comment: '300 kg N per hectare and year over a 15 t/ha harvest',
  },
  {
    id: 'fertiliser-transport',
    stage: 'raw-materials',
    kind: 'transport',
    name: 'Fertiliser delivery by truck 化肥运输',
    amount: ((N_PER_KG / 0.46) * 300) / 1000,
    formula: `n_rate_kg_ha / 0.46 ${PER_KG_FORMULA} / 1000 * 300`,
    unit: 't*km',
    transport: { massKg: N_PER_KG / 0.46, distanceKm: 300, mode: 'road', refrigerated: false },
    source: {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'cn-transport-road-medium-diesel-truck/CN/2022' },
    },
    evidence: { type: 'estimate', reference: 'Haikou depot to orchard, about 300 km' },
  },
  {
    id: 'field-n2o',
    pcr: { stage: 'orchard', requirement: 'field-n2o' },
    stage: 'raw-materials',
    kind: 'emission',
    name: 'Field N2O from fertiliser 施肥田间N2O排放',
    amount: N2O_PER_KG,
    formula: `n_rate_kg_ha ${PER_KG_FORMULA} * (ef1_direct + frac_gasf * ef4_volatilised + frac_leach * ef5_leached) * 44 / 28`,
    unit: 'kg',
    source: { type: 'direct', gas: 'N2O' },
    evidence: {
      type: 'calculation',
      reference:
        'IPCC 2019 Refinement Vol.4 Ch.11 Tier 1, wet climate: direct 0.016, indirect volatilisation and leaching',
    },
  },
  {
    id: 'orchard-diesel',
    pcr: { stage: 'orchard', requirement: 'orchard-energy' },
    stage: 'raw-materials',
    kind: 'energy',
    name: 'Diesel for orchard machinery 果园机械柴油',
    amount: 150 * DIESEL_DENSITY * PER_KG,
    formula: `diesel_l_ha * ${DIESEL_DENSITY} ${PER_KG_FORMULA}`,
    unit: 'kg',
    source: {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'fuel-ipcc2006-gas-diesel-oil-co2e-per-kg/GLO/2006' },
    },
    evidence: { type: 'invoice', reference: 'DEMO-FUEL-2025 (150 L/ha·a)' },
  },
  {
    id: 'irrigation-electricity',
    stage: 'raw-materials',
    kind: 'energy',
    name: 'Irrigation electricity 灌溉用电',
    amount: 0.05,
    unit: 'kWh',
    source: {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'cn-electricity-footprint/CN-HI/2024' },
    },
    evidence: { type: 'meter-reading', reference: 'DEMO-METER-PUMP-01, 2025' },
  },
  {
    id: 'orchard-sequestration',
    stage: 'raw-materials',
    kind: 'removal',
    name: 'Orchard carbon sequestration 果园碳汇',
    amount: 2500 * PER_KG,
    formula: `sequestration_kg_ha ${PER_KG_FORMULA}`,
    unit: 'kg',
    source: { type: 'direct', gas: 'CO2-biogenic' },
    removalPool: 'land',
    evidence: {
      type: 'literature',
      reference: 'tree biomass increment of a growing tropical orchard, about 2.5 t CO2/ha·a',
    },
    comment: 'Reported as a separate removal line, not netted into the footprint',
  },
  {
    id: 'packing-electricity',
    stage: 'manufacturing',
    kind: 'energy',
    name: 'Packing house and cold room electricity 包装车间与冷库用电',
    amount: 0.03,
    unit: 'kWh',
    source: {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'cn-electricity-footprint/CN-HI/2024' },
    },
    evidence: { type: 'meter-reading', reference: 'DEMO-METER-PACK-02, 2025' },
  },
  {
    id: 'carton',
    stage: 'manufacturing',
    kind: 'material',
    name: 'Corrugated carton 瓦楞纸箱',
    amount: 0.06,
    unit: 'kg',
    source: {
      type: 'background',
      dataset: { type: 'process', release: 'uslci', id: '7fd53cbd-975a-3737-bf3a-bfa3285833ed' },
    },
    evidence: { type: 'invoice', reference: 'DEMO-INV-2025-112 (0.6 kg carton per 10 kg)' },
  },
  {
    id: 'pe-net',
    stage: 'manufacturing',
    kind: 'material',
    name: 'PE foam net 聚乙烯网套',
    amount: 0.01,
    unit: 'kg',
    source: {
      type: 'background',
      dataset: { type: 'process', release: 'uslci', id: '05561830-e889-31a3-b2be-7c52ee2ea545' },
    },
    evidence: { type: 'invoice', reference: 'DEMO-INV-2025-113' },
  },
  {
    id: 'cold-chain-truck',
    stage: 'distribution',
    kind: 'transport',
    name: 'Cold-chain truck Haikou → Guangzhou 冷链运输',
    amount: (SHIPPED_KG / 1000) * 550,
    unit: 't*km',
    transport: { massKg: SHIPPED_KG, distanceKm: 550, mode: 'road', refrigerated: true },
    source: {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'cn-transport-road-medium-diesel-truck/CN/2022' },
    },
    evidence: { type: 'invoice', reference: 'DEMO-WAYBILL-2025-0718' },
  },
  {
    id: 'reefer-diesel',
    stage: 'distribution',
    kind: 'energy',
    name: 'Refrigeration unit diesel 冷机柴油',
    amount: (30 * DIESEL_DENSITY) / 10_000,
    unit: 'kg',
    source: {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'fuel-ipcc2006-gas-diesel-oil-co2e-per-kg/GLO/2006' },
    },
    evidence: { type: 'estimate', reference: '2.5 L/h over a 12 h trip, 10 t payload' },
  },
  {
    id: 'refrigerant-leak',
    stage: 'distribution',
    kind: 'emission',
    name: 'Refrigerant leakage (R-134a) 制冷剂泄漏',
    amount: 2e-6,
    unit: 'kg',
    source: { type: 'direct', gas: 'HFC-134a' },
    evidence: { type: 'estimate', reference: '10 % annual leakage of a 2 kg charge over 100 trips of 10 t' },
  },
];

export function durianStudy(): StudyInput {
  return {
    name: DEMO_STUDY_NAME,
    product: {
      name: 'Fresh durian 鲜榴莲',
      description:
        'Fresh durian (Musang King type) from a Hainan orchard, packed in cartons with PE foam nets; UN CPC 2.1 class 01319 (other tropical fruits). DEMONSTRATION DATA.',
      classification: '01319',
    },
    unit: {
      kind: 'declared',
      amount: 1,
      unit: 'kg',
      description: '1 kg of fresh durian, packed, delivered to the distribution centre',
    },
    referenceFlow: '1 kg fresh durian with 0.07 kg packaging at the Guangzhou distribution centre',
    boundary: 'cradle-to-gate',
    region: 'CN-HI',
    year: 2025,
    method: 'ipcc-ar6-gwp100',
    releases: { lci: 'uslci', factors: '2026.1' },
    // mass_kg: the fresh fruit rule's declared unit (1 kg of fruit per inventory)
    parameters: [
      ...parameters,
      {
        name: 'mass_kg',
        value: 1,
        unit: 'kg',
        min: 0.001,
        max: 1e9,
        description: 'Mass of fruit declared 声明的果实质量',
      },
    ],
    scenarios,
    conclusions:
      'Field N2O from nitrogen fertiliser (about a third of the emissions), the corrugated carton and the cold-chain truck dominate; yield, the nitrogen rate and the orchard sink move the CFP most, and the IPCC leaching share dominates the Monte Carlo variance. ' +
      'Orchard sequestration is a land management removal, reported apart and counted in the CFP as ISO 14067 defines it. Demonstration data: not for a public claim.',
    cutoff:
      'Inputs below 1 % of mass and of the footprint may be left out, 5 % in total at most; pesticides, orchard establishment and capital goods are left out.',
    allocation: 'None: the orchard has one product (durian); prunings stay in the orchard.',
    electricity:
      'Grid electricity from meters, with the derived life-cycle factor of Hainan (CN-HI, 2024): national MEE life-cycle factor scaled by the provincial CO2 factor. No green electricity certificates.',
    limitations:
      'Demonstration data, not a real farm. Fertiliser and packaging use US LCI processes (no Chinese LCI data loaded). Diesel covers combustion only. Orchard sequestration is a literature estimate and reported apart. Use and end-of-life are outside a cradle-to-gate boundary. Direct land use change: none within the 20-year assessment period (the demo orchard is taken to have been planted before 2005, an illustrative assumption).',
    pcr: { id: 'fresh-fruit', version: '1.0' },
    entries,
  };
}

/** The same orchard's study for an earlier harvest year, so that the demo has several footprints to exchange. */
export function durianHarvest(year: number): StudyInput {
  return {
    ...durianStudy(),
    name: `演示：海南榴莲 1 kg，${year} 年采收（Demo: 1 kg Hainan durian, ${year} harvest）`,
    year,
  };
}
