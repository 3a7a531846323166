import { dqrLevel } from '../../src/engine/uncertainty.ts';
import type { GhgLine } from '../../src/model/method.ts';
import { headlineOf } from '../../src/model/headline.ts';
import {
  PRIMARY_EVIDENCE,
  type Entry,
  type EntryProvenance,
  type EntryResult,
  type SensitivityCase,
  type Study,
  type StudyResult,
} from '../../src/model/study.ts';

/**
 * A durian study written by hand: 1 kg of fresh durian from a Hainan orchard, packed, flown to
 * Beijing. Six entries over three stages; each entry's result is amount × conversion × factor,
 * the totals, stages and shares are summed from them here, so the fixture stays consistent when an
 * entry changes. Orchard uptake is a removal: on its own line, not in the total.
 */

const AR6 = 'IPCC AR6 WG1 (2021), Table 7.SM.7';

interface Row {
  entry: Entry;
  line: GhgLine;
  provenance: Omit<EntryProvenance, 'conversion'>;
  dqr: number;
}

const rows: Row[] = [
  {
    entry: {
      id: 'urea',
      stage: 'raw-materials',
      kind: 'material',
      name: 'Urea fertiliser',
      amount: 0.12,
      unit: 'kg',
      source: { type: 'background', dataset: { type: 'factor', release: '2026.1', id: 'cn-fertiliser-urea/CN/2022' } },
      evidence: { type: 'invoice', reference: 'INV-2024-0311', date: '2024-03-11' },
    },
    line: 'fossil',
    provenance: {
      type: 'factor',
      release: '2026.1',
      id: 'cn-fertiliser-urea/CN/2022',
      name: 'Urea, at plant / 尿素',
      source: 'China Nitrogen Fertilizer Industry Association, Fertiliser footprint factors 2022',
      year: 2022,
      region: 'CN',
      gwpSet: 'AR6',
      kgCo2ePerUnit: 2.9,
      perUnit: 'kg',
      status: 'verified',
      notes: [],
    },
    dqr: 1.8,
  },
  {
    entry: {
      id: 'field-n2o',
      stage: 'raw-materials',
      kind: 'emission',
      name: 'Field N2O from fertiliser',
      amount: 0.0025,
      unit: 'kg',
      source: { type: 'direct', gas: 'N2O' },
      evidence: { type: 'calculation', reference: 'IPCC 2019 Tier 1, EF1 = 1 % of N applied' },
      pedigree: { reliability: 2, completeness: 3, temporal: 2, geographical: 3, technological: 2 },
    },
    line: 'fossil',
    provenance: {
      type: 'direct',
      name: 'nitrous oxide',
      source: AR6,
      gwpSet: 'AR6',
      kgCo2ePerUnit: 273,
      perUnit: 'kg',
      notes: [],
    },
    dqr: 2.4,
  },
  {
    entry: {
      id: 'uptake',
      stage: 'raw-materials',
      kind: 'removal',
      name: 'Orchard biomass CO2 uptake',
      amount: 0.9,
      unit: 'kg',
      source: { type: 'direct', gas: 'CO2-biogenic' },
      evidence: { type: 'measurement', reference: 'Nanjing Agricultural University orchard survey 2024' },
    },
    line: 'biogenicRemovals',
    provenance: {
      type: 'direct',
      name: 'carbon dioxide (biogenic, taken up)',
      source: AR6,
      gwpSet: 'AR6',
      kgCo2ePerUnit: -1,
      perUnit: 'kg',
      notes: [],
    },
    dqr: 2.2,
  },
  {
    entry: {
      id: 'electricity',
      stage: 'manufacturing',
      kind: 'energy',
      name: 'Electricity, packing house',
      amount: 0.35,
      unit: 'kWh',
      source: {
        type: 'background',
        dataset: { type: 'factor', release: '2026.1', id: 'cn-electricity-footprint/CN-HI/2023' },
      },
      evidence: { type: 'meter-reading', reference: 'Meter HK-07, March 2024' },
    },
    line: 'fossil',
    provenance: {
      type: 'factor',
      release: '2026.1',
      id: 'cn-electricity-footprint/CN-HI/2023',
      name: 'Electricity carbon footprint factor, Hainan (derived) / 海南电力碳足迹因子',
      source: 'Ministry of Ecology and Environment (生态环境部), 2023年全国电力碳足迹因子',
      year: 2023,
      region: 'CN-HI',
      gwpSet: 'AR6',
      kgCo2ePerUnit: 0.5862,
      perUnit: 'kWh',
      status: 'derived',
      notes: ['derived: national footprint × provincial CO2 factor ÷ national CO2 factor'],
    },
    dqr: 1.6,
  },
  {
    entry: {
      id: 'carton',
      stage: 'manufacturing',
      kind: 'material',
      name: 'Corrugated carton',
      amount: 0.08,
      unit: 'kg',
      source: {
        type: 'supplier',
        supplier: 'Haikou Paper Co.',
        kgCo2ePerUnit: 0.95,
        line: 'biogenic',
        evidence: { type: 'supplier-statement', reference: 'PCF statement HP-2024-17', date: '2024-02-01' },
      },
      evidence: { type: 'invoice', reference: 'INV-2024-0402' },
    },
    line: 'biogenic',
    provenance: {
      type: 'supplier',
      name: 'Haikou Paper Co.: supplier-specific footprint',
      source: 'supplier-statement PCF statement HP-2024-17',
      kgCo2ePerUnit: 0.95,
      perUnit: 'kg',
      notes: [],
    },
    dqr: 1.5,
  },
  {
    entry: {
      id: 'air-freight',
      stage: 'distribution',
      kind: 'transport',
      name: 'Air freight Haikou to Beijing',
      amount: 2.3,
      unit: 't*km',
      transport: { massKg: 1, distanceKm: 2300, mode: 'air', refrigerated: false },
      source: { type: 'background', dataset: { type: 'process', release: 'uslci', id: 'a1b2c3d4-air-freight' } },
      evidence: { type: 'estimate', reference: 'great-circle distance HAK–PEK' },
    },
    line: 'aircraft',
    provenance: {
      type: 'process',
      release: 'uslci',
      id: 'a1b2c3d4-air-freight',
      name: 'Transport, aircraft, freight',
      source: 'USLCI: National Renewable Energy Laboratory',
      year: 2019,
      region: 'US',
      gwpSet: 'AR6',
      kgCo2ePerUnit: 1.13,
      perUnit: 't*km',
      notes: ['LCI process characterised with IPCC AR6 GWP100'],
    },
    dqr: 3,
  },
];

export function fixtureStudy(): Study {
  return {
    id: 'study-durian',
    companyId: 'company-1',
    version: 3,
    updatedAt: '2026-11-20T08:00:00.000Z',
    updatedBy: 'practitioner@example.cn',
    name: 'Durian PCF 2024',
    product: {
      name: 'Musang King durian',
      description: 'Fresh whole durian, grade A, packed in a carton',
      classification: 'HS 0810.60',
    },
    unit: { kind: 'declared', amount: 1, unit: 'kg', description: '1 kg of fresh durian, packed' },
    referenceFlow: '1 kg of fresh durian, packed, delivered to the Beijing distribution centre',
    boundary: 'cradle-to-gate',
    region: 'CN-HI',
    year: 2024,
    method: 'ipcc-ar6-gwp100',
    releases: { lci: 'uslci', factors: '2026.1' },
    cutoff: 'Orchard tools and buildings left out (below 1 % of the footprint together).',
    allocation: 'No co-products in the orchard or the packing house: no allocation.',
    electricity: 'Packing house grid electricity: the derived Hainan life-cycle factor; no green certificates claimed.',
    limitations: 'One orchard, one season (2024). Soil carbon change not assessed.',
    conclusions: 'Air freight dominates the footprint; sea freight would cut it most.',
    entries: rows.map((r) => structuredClone(r.entry)),
  };
}

function entryResult(r: Row): Omit<EntryResult, 'share'> {
  const amount = r.entry.transport ? (r.entry.transport.massKg / 1000) * r.entry.transport.distanceKm : r.entry.amount;
  const value = amount * r.provenance.kgCo2ePerUnit;
  const lines = { fossil: 0, biogenic: 0, landUseChange: 0, aircraft: 0, biogenicRemovals: 0 };
  lines[r.line] = value;
  return {
    entryId: r.entry.id,
    name: r.entry.name,
    stage: r.entry.stage,
    kind: r.entry.kind,
    amount,
    unit: r.entry.unit,
    total: r.line === 'biogenicRemovals' ? 0 : value,
    lines,
    primary: r.entry.source.type === 'supplier' || PRIMARY_EVIDENCE.includes(r.entry.evidence?.type ?? 'estimate'),
    dqr: r.dqr,
    provenance: { ...structuredClone(r.provenance), conversion: 1 },
  };
}

export function fixtureResult(): StudyResult {
  const partial = rows.map(entryResult);
  const abs = partial.reduce((s, e) => s + Math.abs(e.total), 0);
  const entries: EntryResult[] = partial.map((e) => ({ ...e, share: Math.abs(e.total) / abs }));
  const sum = (f: (e: EntryResult) => number) => entries.reduce((s, e) => s + f(e), 0);
  const byStage = { 'raw-materials': 0, manufacturing: 0, distribution: 0, use: 0, 'end-of-life': 0 };
  for (const e of entries) byStage[e.stage] += e.total;
  const total = sum((e) => e.total);
  const dqr = sum((e) => e.dqr * Math.abs(e.total)) / abs;
  const result: StudyResult = {
    studyId: 'study-durian',
    version: 3,
    computedAt: '2026-11-20T08:05:00.000Z',
    method: 'ipcc-ar6-gwp100',
    gwpSet: 'AR6',
    releases: { lci: 'uslci', factors: '2026.1' },
    unit: 'kg CO2e',
    total,
    lines: {
      fossil: sum((e) => e.lines.fossil),
      biogenic: sum((e) => e.lines.biogenic),
      landUseChange: sum((e) => e.lines.landUseChange),
      aircraft: sum((e) => e.lines.aircraft),
      biogenicRemovals: sum((e) => e.lines.biogenicRemovals),
    },
    byStage,
    entries,
    hotspots: [...entries].sort((a, b) => Math.abs(b.total) - Math.abs(a.total)).map((e) => e.entryId),
    sankey: { nodes: [], links: [] },
    tree: { name: 'Musang King durian', value: total, unit: 'kg CO2e', children: [] },
    uncertainty: {
      iterations: 1000,
      seed: 42,
      mean: 3.95,
      sd: 0.41,
      p2_5: 3.24,
      p50: 3.91,
      p97_5: 4.83,
      histogram: { edges: [3, 3.5, 4, 4.5, 5], counts: [120, 410, 350, 120] },
      method: 'Monte Carlo: activity amounts and factor values lognormal, pedigree-widened',
    },
    primaryDataShare: sum((e) => (e.primary ? Math.abs(e.total) : 0)) / abs,
    dqr,
    dqrLevel: dqrLevel(dqr),
    warnings: [],
    sensitivity: {
      method: 'one-at-a-time',
      baseTotal: total,
      baseCfp: total + sum((e) => e.lines.biogenicRemovals),
      // the largest entry moved over the 95 % interval of its default spread (×0.8–×1.25), worked out from the entry
      cases: [sensitivityCase(entries, total + sum((e) => e.lines.biogenicRemovals))],
    },
  };
  return { ...result, headline: headlineOf(result) };
}

function sensitivityCase(entries: EntryResult[], cfp: number): SensitivityCase {
  const e = [...entries].sort((a, b) => Math.abs(b.total) - Math.abs(a.total))[0]!;
  return {
    kind: 'entry',
    id: e.entryId,
    name: e.name,
    base: e.amount,
    low: e.amount * 0.8,
    high: e.amount * 1.25,
    unit: e.unit,
    rangeBasis: 'uncertainty-95',
    totalLow: cfp - 0.2 * e.total,
    totalHigh: cfp + 0.25 * e.total,
    cfpLow: cfp - 0.2 * e.total,
    cfpHigh: cfp + 0.25 * e.total,
  };
}
