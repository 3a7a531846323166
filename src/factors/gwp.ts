import { ImpactMethodSchema, type GwpEntry, type ImpactMethod } from '../model/method.ts';
import { num, readCsv } from './csv.ts';

/**
 * The IPCC GWP100 tables as impact methods, read from data/gwp100.csv (one row per substance,
 * AR6 and AR5 values side by side). CAS numbers and the names LCI databases use for each
 * substance (USLCI, ecoinvent, openLCA reference flows) are added here so that
 * engine/characterization can match flows by name, CAS or formula.
 */

const SOURCES = {
  AR6:
    'IPCC AR6 WG1 (2021), Chapter 7 Supplementary Material, Table 7.SM.7 (GWP100, including carbon-cycle ' +
    'feedbacks for non-CO2 gases); methane fossil/non-fossil values from Table 7.15',
  AR5:
    'IPCC AR5 WG1 (2013), Chapter 8, Appendix 8.A, Table 8.A.1 (GWP100 without climate-carbon feedbacks); ' +
    'fossil methane including the CO2 from its oxidation (Myhre et al. 2013, Table 8.A.1 note)',
} as const;

/** CAS numbers and synonyms per CSV `substance`. Keep names as LCI databases spell them. */
const SYNONYMS: Record<string, { cas: string; aliases: string[] }> = {
  'carbon dioxide': {
    cas: '124-38-9',
    aliases: [
      'carbon dioxide',
      'CO2',
      'carbon dioxide, fossil',
      'carbon dioxide, non-fossil',
      'carbon dioxide, biogenic',
    ],
  },
  'methane (fossil)': { cas: '74-82-8', aliases: ['methane, fossil', 'fossil methane', 'methane (fossil)'] },
  'methane (non-fossil / biogenic)': {
    cas: '74-82-8',
    aliases: [
      'methane, non-fossil',
      'methane, biogenic',
      'biogenic methane',
      'non-fossil methane',
      'methane (biogenic)',
    ],
  },
  'methane (unspecified)': { cas: '74-82-8', aliases: ['methane', 'CH4'] },
  'nitrous oxide': {
    cas: '10024-97-2',
    aliases: ['nitrous oxide', 'dinitrogen monoxide', 'dinitrogen oxide', 'N2O', 'laughing gas'],
  },
  'sulfur hexafluoride': { cas: '2551-62-4', aliases: ['sulfur hexafluoride', 'sulphur hexafluoride', 'SF6'] },
  'nitrogen trifluoride': { cas: '7783-54-2', aliases: ['nitrogen trifluoride', 'nitrogen fluoride', 'NF3'] },
  'HFC-23': { cas: '75-46-7', aliases: ['HFC-23', 'R-23', 'trifluoromethane', 'methane, trifluoro-', 'fluoroform'] },
  'HFC-32': { cas: '75-10-5', aliases: ['HFC-32', 'R-32', 'difluoromethane', 'methane, difluoro-'] },
  'HFC-125': { cas: '354-33-6', aliases: ['HFC-125', 'R-125', 'pentafluoroethane', 'ethane, pentafluoro-'] },
  'HFC-134a': {
    cas: '811-97-2',
    aliases: ['HFC-134a', 'R-134a', '1,1,1,2-tetrafluoroethane', 'ethane, 1,1,1,2-tetrafluoro-'],
  },
  'HFC-143a': { cas: '420-46-2', aliases: ['HFC-143a', 'R-143a', '1,1,1-trifluoroethane', 'ethane, 1,1,1-trifluoro-'] },
  'HFC-152a': { cas: '75-37-6', aliases: ['HFC-152a', 'R-152a', '1,1-difluoroethane', 'ethane, 1,1-difluoro-'] },
  'HFC-227ea': {
    cas: '431-89-0',
    aliases: ['HFC-227ea', 'R-227ea', '1,1,1,2,3,3,3-heptafluoropropane', 'propane, 1,1,1,2,3,3,3-heptafluoro-'],
  },
  'HFC-236fa': {
    cas: '690-39-1',
    aliases: ['HFC-236fa', 'R-236fa', '1,1,1,3,3,3-hexafluoropropane', 'propane, 1,1,1,3,3,3-hexafluoro-'],
  },
  'HFC-245fa': {
    cas: '460-73-1',
    aliases: ['HFC-245fa', 'R-245fa', '1,1,1,3,3-pentafluoropropane', 'propane, 1,1,1,3,3-pentafluoro-'],
  },
  'HFC-365mfc': {
    cas: '406-58-6',
    aliases: ['HFC-365mfc', 'R-365mfc', '1,1,1,3,3-pentafluorobutane', 'butane, 1,1,1,3,3-pentafluoro-'],
  },
  'HFC-43-10mee': {
    cas: '138495-42-8',
    aliases: [
      'HFC-43-10mee',
      'HFC-4310mee',
      '1,1,1,2,3,4,4,5,5,5-decafluoropentane',
      'pentane, 1,1,1,2,3,4,4,5,5,5-decafluoro-',
    ],
  },
  'PFC-14 (tetrafluoromethane)': {
    cas: '75-73-0',
    // "CFC-14" and "FC-14" are old misnomers for CF4 still found in USLCI and ecoinvent v2 flow names
    aliases: [
      'PFC-14',
      'FC-14',
      'CFC-14',
      'R-14',
      'tetrafluoromethane',
      'carbon tetrafluoride',
      'perfluoromethane',
      'methane, tetrafluoro-',
      'CF4',
    ],
  },
  'PFC-116 (hexafluoroethane)': {
    cas: '76-16-4',
    aliases: [
      'PFC-116',
      'HFC-116',
      'FC-116',
      'CFC-116',
      'R-116',
      'hexafluoroethane',
      'perfluoroethane',
      'ethane, hexafluoro-',
      'C2F6',
    ],
  },
  'PFC-218 (octafluoropropane)': {
    cas: '76-19-7',
    aliases: [
      'PFC-218',
      'FC-218',
      'R-218',
      'octafluoropropane',
      'perfluoropropane',
      'propane, octafluoro-',
      'propane, perfluoro-',
      'C3F8',
    ],
  },
  'PFC-31-10 (perfluorobutane)': {
    cas: '355-25-9',
    aliases: [
      'PFC-31-10',
      'PFC-3110',
      'FC-31-10',
      'perfluorobutane',
      'decafluorobutane',
      'butane, decafluoro-',
      'butane, perfluoro-',
      'C4F10',
    ],
  },
};

interface GwpRow {
  substance: string;
  formula: string;
  ar6: number;
  ar5: number;
  note: string;
}

function readRows(): GwpRow[] {
  const table = readCsv('gwp100.csv');
  const missing = ['substance', 'formula', 'ar6_gwp100', 'ar5_gwp100', 'note'].filter((c) => !table.header.includes(c));
  if (missing.length) throw new Error(`${table.file}: missing column(s) ${missing.join(', ')}`);
  return table.rows.map((row) => ({
    substance: row.values.substance,
    formula: row.values.formula,
    ar6: num(table, row, 'ar6_gwp100'),
    ar5: num(table, row, 'ar5_gwp100'),
    note: row.values.note ?? '',
  }));
}

/**
 * ILCD reference elementary flows (the JRC's, ids 08a91e70-3ddc-11dd-… and kin, as the TianGong
 * archive uses them), each certainly this substance whatever its name says: matched by id first.
 * Their compartments (air unspecified, long-term, urban, high stacks, stratosphere) are in the
 * flow's own category, which decides the line as for any flow.
 */
const ILCD_FLOWS: Record<string, string[]> = {
  'carbon dioxide': [
    '08a91e70-3ddc-11dd-923d-0050c2490048',
    '08a91e70-3ddc-11dd-923e-0050c2490048',
    '08a91e70-3ddc-11dd-9c12-0050c2490048',
    '08a91e70-3ddc-11dd-9c13-0050c2490048',
    '08a91e70-3ddc-11dd-9c14-0050c2490048',
    '08a91e70-3ddc-11dd-9c15-0050c2490048',
    '08a91e70-3ddc-11dd-923f-0050c2490048',
    '08a91e70-3ddc-11dd-9240-0050c2490048',
  ],
  'methane (fossil)': [
    '08a91e70-3ddc-11dd-9610-0050c2490048',
    '08a91e70-3ddc-11dd-9611-0050c2490048',
    'fe0acd60-3ddc-11dd-a8e5-0050c2490048',
    'fe0acd60-3ddc-11dd-a8e6-0050c2490048',
  ],
  'methane (non-fossil / biogenic)': [
    'fe0acd60-3ddc-11dd-a8e8-0050c2490048',
    'fe0acd60-3ddc-11dd-a8e9-0050c2490048',
    'fe0acd60-3ddc-11dd-a8ea-0050c2490048',
    'fe0acd60-3ddc-11dd-a8eb-0050c2490048',
  ],
  'nitrous oxide': [
    '08a91e70-3ddc-11dd-94c3-0050c2490048',
    '08a91e70-3ddc-11dd-94c5-0050c2490048',
    '08a91e70-3ddc-11dd-94c6-0050c2490048',
    '29061478-6556-11dd-ad8b-0800200c9a66',
  ],
};

function entry(row: GwpRow, gwp100: number): GwpEntry {
  const syn = SYNONYMS[row.substance];
  const ilcd = ILCD_FLOWS[row.substance];
  return {
    substance: row.substance,
    formula: row.formula,
    gwp100,
    ...(row.note ? { note: row.note } : {}),
    ...(syn ? { aliases: syn.aliases, cas: syn.cas } : {}),
    ...(ilcd ? { flowIds: ilcd } : {}),
  };
}

let cache: ImpactMethod[] | undefined;

/** Both GWP100 methods, AR6 first. Read once per process; callers must not mutate the result. */
export function loadMethods(): ImpactMethod[] {
  if (cache) return cache;
  const rows = readRows();
  cache = [
    ImpactMethodSchema.parse({
      id: 'ipcc-ar6-gwp100',
      name: 'IPCC AR6 GWP100',
      unit: 'kg CO2e',
      gwpSet: 'AR6',
      source: SOURCES.AR6,
      entries: rows.map((r) => entry(r, r.ar6)),
    }),
    ImpactMethodSchema.parse({
      id: 'ipcc-ar5-gwp100',
      name: 'IPCC AR5 GWP100',
      unit: 'kg CO2e',
      gwpSet: 'AR5',
      source: SOURCES.AR5,
      entries: rows.map((r) => entry(r, r.ar5)),
    }),
  ];
  return cache;
}

export function getMethod(id: string): ImpactMethod {
  const methods = loadMethods();
  const m = methods.find((x) => x.id === id);
  if (!m) throw new Error(`unknown impact method "${id}"; known methods: ${methods.map((x) => x.id).join(', ')}`);
  return m;
}
