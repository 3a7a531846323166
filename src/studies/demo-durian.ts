import { UREA_N_SHARE } from '../factors/fertilisers.ts';
import type { Entry, Parameter, Scenario, StudyInput } from '../model/study.ts';

/**
 * DEMONSTRATION STUDY — 1 kg of fresh durian from an orchard in Hainan, packed and delivered by
 * cold chain to a distribution centre in Guangzhou. The activity data are illustrative round
 * numbers for a mature orchard (yield 15 t/ha·a), not measurements of a real farm; the evidence
 * references are made up to show the workflow. The factors are real and sourced: Chinese
 * fertiliser manufacture (Chen, Lu & Wang 2015), China life-cycle electricity and CPCD transport
 * factors, IPCC 2006 fuel factors and IPCC 2019 Tier 1 field emissions, and US LCI processes for
 * packaging. What could not be read in a source is said to be unverified where it is used.
 */

export const DEMO_STUDY_NAME = '演示：海南榴莲 1 kg（Demo: 1 kg Hainan durian）';

const PER_KG = 1 / 15_000; // the orchard's per-hectare annual inputs, per kg of a 15 t/ha harvest
const N_PER_KG = 300 * PER_KG; // 300 kg N/ha·a
/** N share of urea by its formula (the seed factors' value), so the urea mass is N / UREA_N. */
const UREA_N = Number(UREA_N_SHARE.toFixed(4));
/** Direct and indirect N2O at the IPCC wet-climate defaults below (the parameters ef1_direct … ef5_leached) */
const N2O_PER_KG = N_PER_KG * (0.016 + 0.11 * 0.014 + 0.24 * 0.011) * (44 / 28);
/** IPCC 2019 Refinement Vol. 4 Ch. 11 Eq. 11.13: CO2-C = urea × EF, EF 0.20 t C per t urea (the carbon of urea, CO(NH2)2) */
const UREA_EF_C = 0.2;
const DIESEL_DENSITY = 0.84; // kg/L
const SHIPPED_KG = 1.07; // durian plus its packaging

/**
 * P and K of a bearing durian orchard: the International Tropical Fruits Network's durian page
 * (itfnet.org, "Durian – Agronomy – Fertiliser", a general recommendation, "not absolute
 * figures") gives bearing trees NPK 12:12:17:2 + TE, 6–8 kg per tree and year rising with age; the
 * 8 kg of trees above 11 years is taken. Trees per hectare are not in that page: 100 (10 m × 10 m)
 * is an assumption, so the per-hectare amounts are unverified.
 */
const NPK_KG_PER_TREE = 8;
const TREES_PER_HA = 100;
const P2O5_KG_HA = NPK_KG_PER_TREE * TREES_PER_HA * 0.12;
const K2O_KG_HA = NPK_KG_PER_TREE * TREES_PER_HA * 0.17;

/**
 * The reefer's refrigerant, as the entry's evidence states it: a 2 kg R-134a charge losing 15 % a
 * year, over 100 trips a year of 10 t payload, charged to the 1.07 kg shipped. 15–50 % of the
 * charge a year is the operating emission factor of transport refrigeration in IPCC 2006 Vol. 3
 * Ch. 7 Table 7.9 as transcribed (printed table not read, unverified); the low end is taken and the
 * range kept as the entry's uncertainty. The charge and trips are illustrative (unverified).
 */
const REEFER_CHARGE_KG = 2;
const REEFER_LEAK_PER_YEAR = 0.15;
const REEFER_LEAK_HIGH = 0.5;
const REEFER_TRIPS_PER_YEAR = 100;
const REEFER_PAYLOAD_KG = 10_000;
const REFRIGERANT_PER_KG_SHIPPED =
  (REEFER_CHARGE_KG * REEFER_LEAK_PER_YEAR) / REEFER_TRIPS_PER_YEAR / REEFER_PAYLOAD_KG;

/**
 * The fruit's biogenic carbon, per kg of fresh durian. Pulp composition per 100 g: USDA National
 * Nutrient Database for Standard Reference, "Durian, raw or frozen" (water 64.99 g, i.e. 35.0 %
 * dry matter; carbohydrate by difference 27.09 g, fat 5.33 g, protein 1.47 g, ash 1.12 g), as
 * printed in Siddiq (ed.), Tropical and Subtropical Fruits: Postharvest Physiology, Processing and
 * Packaging (Wiley-Blackwell 2012), Table 30.4. Carbon fractions by formula: carbohydrate as
 * sucrose C12H22O11 (144.13/342.30), fat as triolein C57H104O6 (684.6/885.4), protein 0.53 (a
 * typical value, not read in a source). This gives 0.466 kg C per kg of dry matter. The declared
 * unit is the whole fruit; the husk and seeds are not analysed in the sources read, so the pulp's
 * carbon per kg is taken for the whole fruit (unverified).
 */
const PULP_G_PER_100G = { carbohydrate: 27.09, fat: 5.33, protein: 1.47 };
const CARBON_FRACTION = { carbohydrate: 144.13 / 342.3, fat: 684.6 / 885.4, protein: 0.53 };
const FRUIT_KG_C_PER_KG =
  (PULP_G_PER_100G.carbohydrate * CARBON_FRACTION.carbohydrate +
    PULP_G_PER_100G.fat * CARBON_FRACTION.fat +
    PULP_G_PER_100G.protein * CARBON_FRACTION.protein) /
  100;

/**
 * IPCC Tier 1 defaults for N2O from managed soils: 2019 Refinement to the 2006 IPCC Guidelines,
 * Vol. 4 Ch. 11, Table 11.1 (direct) and Table 11.3 (indirect), wet climate (Hainan). The printed
 * tables were not read here: values and ranges agree with independent transcriptions of the
 * tables, and stay unverified until checked against the printed page. Table 11.3 also gives
 * FracGASF by fertiliser type (urea 0.15 in the transcriptions); its range was not read, so the
 * aggregated FracGASF is used.
 */
const IPCC_N2O = 'IPCC 2019 Refinement, Vol. 4 Ch. 11';
const IPCC_UNVERIFIED = 'printed table not read; agrees with independent transcriptions (unverified)';
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
    description: 'Nitrogen applied per hectare and year, as urea 施氮量（尿素）',
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
    name: 'p2o5_kg_ha',
    value: P2O5_KG_HA,
    unit: 'kg P2O5/ha',
    min: 0,
    max: 200,
    description:
      'Phosphate applied per hectare and year 施磷量: ITFNet durian recommendation, 8 kg NPK 12:12:17 per bearing tree × 100 trees/ha (tree density assumed, unverified)',
  },
  {
    name: 'k2o_kg_ha',
    value: K2O_KG_HA,
    unit: 'kg K2O/ha',
    min: 0,
    max: 300,
    description:
      'Potash applied per hectare and year 施钾量: ITFNet durian recommendation, 8 kg NPK 12:12:17 per bearing tree × 100 trees/ha (tree density assumed, unverified)',
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
      source: `${IPCC_N2O} Table 11.1, row EF1 synthetic fertiliser inputs in wet climates: 0.016 (0.013–0.019); ${IPCC_UNVERIFIED}`,
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
      source: `${IPCC_N2O} Table 11.3, row FracGASF (volatilisation from synthetic fertiliser, aggregated): 0.11 (0.02–0.33); ${IPCC_UNVERIFIED}`,
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
      source: `${IPCC_N2O} Table 11.3, row EF4 (volatilisation and re-deposition) in wet climates: 0.014 (0.011–0.017); ${IPCC_UNVERIFIED}`,
    },
  },
  {
    name: 'frac_leach',
    value: 0.24,
    unit: 'kg N/kg N',
    description: 'FracLEACH-(H), share of N leached in wet climates 淋溶比例',
    uncertainty: {
      distribution: 'triangular',
      low: 0.01,
      high: 0.73,
      source: `${IPCC_N2O} Table 11.3, row FracLEACH-(H) (leaching and runoff, wet climates): 0.24 (0.01–0.73); ${IPCC_UNVERIFIED}`,
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
      source: `${IPCC_N2O} Table 11.3, row EF5 (leaching and runoff): 0.011 (0.000–0.020); ${IPCC_UNVERIFIED}`,
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
    name: 'Nitrogen fertiliser (urea) 氮肥（尿素）',
    amount: N_PER_KG / UREA_N,
    formula: `n_rate_kg_ha / ${UREA_N} ${PER_KG_FORMULA}`,
    unit: 'kg',
    source: {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'cn-fertiliser-urea/CN/2015' },
    },
    evidence: { type: 'invoice', reference: 'DEMO-INV-2025-031 (urea, 300 kg N/ha·a)' },
    comment:
      'Urea carrying 300 kg N per hectare and year over a 15 t/ha harvest; Chinese urea manufacture (Chen, Lu & Wang 2015): TianGong has no usable urea record (census records without energy inputs)',
  },
  {
    id: 'urea-co2',
    pcr: { stage: 'orchard' },
    stage: 'raw-materials',
    kind: 'emission',
    name: 'CO2 from urea application 尿素施用CO2排放',
    amount: (N_PER_KG / UREA_N) * UREA_EF_C * (44 / 12),
    formula: `n_rate_kg_ha / ${UREA_N} ${PER_KG_FORMULA} * ${UREA_EF_C} * 44 / 12`,
    unit: 'kg',
    source: { type: 'direct', gas: 'CO2-fossil' },
    evidence: {
      type: 'calculation',
      reference:
        'IPCC 2019 Refinement Vol.4 Ch.11 Eq. 11.13, Tier 1 EF 0.20 t C per t urea; urea = N / 0.4665 (CO(NH2)2); CO2 = C × 44/12',
    },
    comment:
      'The CO2 fixed in urea at the plant is released in the field and counted there (as Zhang W. et al. 2013, New technologies reduce greenhouse gas emissions from nitrogenous fertilizer in China, PNAS, leave it out of manufacture). Whether Chen, Lu & Wang deduct it from the manufacture factor was not read: if they do not, this line counts that CO2 twice (at most this amount).',
  },
  {
    id: 'fertiliser-p',
    pcr: { stage: 'orchard' },
    stage: 'raw-materials',
    kind: 'material',
    name: 'Phosphate fertiliser 磷肥',
    amount: P2O5_KG_HA * PER_KG,
    formula: `p2o5_kg_ha ${PER_KG_FORMULA}`,
    unit: 'kg P2O5',
    source: {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'cn-fertiliser-phosphate-fertiliser-general-per-p2o5/CN/2015' },
    },
    evidence: {
      type: 'literature',
      reference:
        'ITFNet, Durian – Agronomy – Fertiliser: bearing trees NPK 12:12:17:2 + TE, 6–8 kg/tree·a (general recommendation); 100 trees/ha assumed',
    },
    comment: 'P2O5 of 8 kg NPK 12:12:17 per tree and year at 100 trees/ha; tree density assumed (unverified)',
  },
  {
    id: 'fertiliser-k',
    pcr: { stage: 'orchard' },
    stage: 'raw-materials',
    kind: 'material',
    name: 'Potash fertiliser 钾肥',
    amount: K2O_KG_HA * PER_KG,
    formula: `k2o_kg_ha ${PER_KG_FORMULA}`,
    unit: 'kg K2O',
    source: {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'cn-fertiliser-potash-fertiliser-general-per-k2o/CN/2015' },
    },
    evidence: {
      type: 'literature',
      reference:
        'ITFNet, Durian – Agronomy – Fertiliser: bearing trees NPK 12:12:17:2 + TE, 6–8 kg/tree·a (general recommendation); 100 trees/ha assumed',
    },
    comment: 'K2O of 8 kg NPK 12:12:17 per tree and year at 100 trees/ha; tree density assumed (unverified)',
  },
  {
    id: 'fertiliser-transport',
    stage: 'raw-materials',
    kind: 'transport',
    name: 'Fertiliser delivery by truck 化肥运输',
    amount: ((N_PER_KG / UREA_N + NPK_KG_PER_TREE * TREES_PER_HA * PER_KG) * 300) / 1000,
    formula: `(n_rate_kg_ha / ${UREA_N} + k2o_kg_ha / 0.17) ${PER_KG_FORMULA} / 1000 * 300`,
    unit: 't*km',
    transport: {
      massKg: N_PER_KG / UREA_N + NPK_KG_PER_TREE * TREES_PER_HA * PER_KG,
      distanceKm: 300,
      mode: 'road',
      refrigerated: false,
    },
    source: {
      type: 'background',
      dataset: { type: 'factor', release: '2026.1', id: 'cn-transport-road-medium-diesel-truck/CN/2022' },
    },
    evidence: { type: 'estimate', reference: 'Haikou depot to orchard, about 300 km' },
    comment: 'Urea and the NPK 12:12:17 compound (its mass from the K2O applied)',
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
        'IPCC 2019 Refinement Vol.4 Ch.11 Tier 1, wet climate: direct (EF1, Table 11.1), indirect volatilisation and leaching (FracGASF, EF4, FracLEACH-(H), EF5, Table 11.3)',
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
    amount: REFRIGERANT_PER_KG_SHIPPED * SHIPPED_KG,
    unit: 'kg',
    source: { type: 'direct', gas: 'HFC-134a' },
    evidence: {
      type: 'estimate',
      reference: '15 % annual leakage of a 2 kg charge over 100 trips of 10 t, for 1.07 kg shipped',
    },
    uncertainty: {
      distribution: 'triangular',
      low: 1,
      high: REEFER_LEAK_HIGH / REEFER_LEAK_PER_YEAR,
      source:
        'IPCC 2006 Vol. 3 Ch. 7 Table 7.9, transport refrigeration, operation emissions 15–50 % of the charge a year (as transcribed, unverified)',
    },
    comment:
      '2 kg × 15 % / 100 trips / 10,000 kg × 1.07 kg; leakage at the low end of the IPCC range, charge and trip count illustrative (unverified)',
  },
];

export function durianStudy(): StudyInput {
  return {
    name: DEMO_STUDY_NAME,
    product: {
      name: 'Fresh durian 鲜榴莲',
      description:
        'Fresh durian (Musang King type) from a Hainan orchard, packed in cartons with PE foam nets; UN CPC 2.1 class 01319 (other tropical fruits). DEMONSTRATION DATA. ' +
        'Biogenic carbon content per kg of whole fresh fruit, taken from the pulp (USDA SR "Durian, raw or frozen": 35.0 % dry matter, 0.466 kg C per kg dry matter from its composition); husk and seeds not analysed (unverified).',
      classification: '01319',
      carbonContent: { fossilKgC: 0, biogenicKgC: Number(FRUIT_KG_C_PER_KG.toFixed(4)) },
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
      'Field N2O from nitrogen fertiliser, the manufacture of the urea (Chinese coal-based production, about 7.5 kg CO2e per kg N), the corrugated carton and the cold-chain truck dominate; yield, the nitrogen rate and the orchard sink move the CFP most, and the IPCC leaching share (FracLEACH-(H) 0.01–0.73) and EF1 dominate the Monte Carlo variance. ' +
      'Orchard sequestration is a land management removal, reported apart and counted in the CFP as ISO 14067 defines it. ' +
      'Compared with the about 2 kg CO2e per kg of Hainan durian that Nanjing Agricultural University reported (press report; boundary, yield and treatment of the orchard sink not stated there), this cradle-to-gate result is lower: about 60 % of it is the orchard, and the orchard share scales with the yield (10 t/ha in the low-yield scenario raises it by half); a young Hainan orchard with a small harvest, orchard establishment, or a different N2O method would bring it closer. Demonstration data: not for a public claim.',
    cutoff:
      'Inputs below 1 % of mass and of the footprint may be left out, 5 % in total at most; pesticides, organic manure, orchard establishment and capital goods are left out.',
    allocation: 'None: the orchard has one product (durian); prunings stay in the orchard.',
    electricity:
      'Grid electricity from meters, with the derived life-cycle factor of Hainan (CN-HI, 2024): national MEE life-cycle factor scaled by the provincial CO2 factor. No green electricity certificates.',
    limitations:
      "Demonstration data, not a real farm. Fertiliser manufacture uses Chinese factors read from a paper's abstract (Chen, Lu & Wang 2015; GWP set and whether urea's fixed CO2 is deducted not read, so the urea CO2 line may count that CO2 twice); P and K amounts follow a general durian recommendation with an assumed tree density; packaging uses US LCI processes. Diesel covers combustion only. IPCC Tier 1 values are checked against transcriptions, not the printed tables. Orchard sequestration is a literature estimate and reported apart. Use and end-of-life are outside a cradle-to-gate boundary. " +
      'Direct land use change (dLUC): assessed, none. ISO 14067 and PAS 2050 count dLUC that happened within 20 years before the assessment; the demo orchard is taken to have been planted on land already in orchard use before 2005, so no conversion falls in 2005–2025. This is an illustrative assumption of the demo, to be replaced by the planting record and land title of a real orchard; a conversion from forest within the period would add a CO2-luc entry (IPCC 2019 Vol. 4 Ch. 2 and 5 stock-difference method).',
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
