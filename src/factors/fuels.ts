import type { Factor, FactorStatus, Source } from '../model/factor.ts';
import { commentWith, num, readCsv, type CsvTable } from './csv.ts';
import { dataQuality, factorId, round, slug } from './common.ts';
import { getMethod } from './gwp.ts';

/**
 * Fuel combustion factors from data/fuels.csv.
 *
 * IPCC 2006 rows give CO2, CH4 and N2O per TJ and the NCV in TJ/Gg (= MJ/kg); Tanji adds
 * CO2 per kg, and CO2e per TJ and per kg with the AR6 GWP100 of fossil methane and of N2O,
 * read from data/gwp100.csv through gwp.ts.
 * China guideline rows give NCV (GJ/t, natural gas GJ/10^4 Nm3), carbon content CC (tC/TJ) and
 * oxidation fraction OF; the CO2 factor is the guideline's own formula EF = NCV × CC × OF × 44/12.
 * They carry no CH4/N2O defaults, so they stay CO2-only.
 *
 * Status: a value the file gives keeps the file's status; a value Tanji computes is "derived",
 * unless an input is unverified, in which case it stays "check" so the flag is never lost.
 */

const TABLE = 'fuels.csv';
const C_TO_CO2 = 44 / 12;
const STATIONARY = 'CH4 and N2O are the stationary-combustion defaults (Table 2.2); vehicles emit more of both.';

const ZH: Record<string, string> = {
  'gas/diesel oil': '柴油',
  'motor gasoline': '车用汽油',
  'residual fuel oil': '残渣燃料油',
  'liquefied petroleum gas': '液化石油气',
  'natural gas': '天然气',
  'other bituminous coal': '其他烟煤',
  anthracite: '无烟煤',
  lignite: '褐煤',
  'coke oven coke': '焦炭（焦炉焦炭）',
  'raw coal': '原煤',
  coke: '焦炭',
  'fuel oil': '燃料油',
  gasoline: '汽油',
  diesel: '柴油',
};

function ipccSource(table: CsvTable): Source {
  commentWith(table, 'IPCC 2006 Guidelines Vol.2 (Energy) Tables 1.2 and 2.2');
  return {
    title:
      '2006 IPCC Guidelines for National Greenhouse Gas Inventories, Vol.2 Energy, Table 1.2 (NCV, CO2) and Table 2.2 (stationary CH4, N2O)',
    publisher: 'Intergovernmental Panel on Climate Change (IPCC)',
    published: '2006',
    url: 'https://www.ipcc-nggip.iges.or.jp/public/2006gl/vol2.html',
  };
}

function chinaSource(table: CsvTable): Source {
  commentWith(table, 'China enterprise GHG accounting guideline defaults');
  return {
    title:
      '企业温室气体排放核算方法与报告指南 (China enterprise GHG emission accounting and reporting guidelines), default values for common fossil fuels',
    publisher: 'National Development and Reform Commission (国家发展和改革委员会), guideline series 2013–2015',
  };
}

function zhOf(fuel: string): string {
  const zh = ZH[fuel];
  if (!zh) throw new Error(`${TABLE}: no Chinese name for fuel "${fuel}"; add it to fuels.ts`);
  return zh;
}

function statusOfComputed(input: FactorStatus): FactorStatus {
  return input === 'check' ? 'check' : 'derived';
}

function rowStatus(table: CsvTable, row: CsvTable['rows'][number]): FactorStatus {
  const s = row.values.status;
  if (s !== 'verified' && s !== 'check')
    throw new Error(`${TABLE} line ${row.line}: status "${s}" is neither verified nor check`);
  return s;
}

export function fuelFactors(): Factor[] {
  const table = readCsv(TABLE);
  const ar6 = getMethod('ipcc-ar6-gwp100');
  const gwp = (substance: string) => {
    const e = ar6.entries.find((x) => x.substance === substance);
    if (!e) throw new Error(`gwp100.csv: no AR6 value for ${substance}`);
    return e.gwp100;
  };
  const gwpCh4 = gwp('methane (fossil)');
  const gwpN2o = gwp('nitrous oxide');
  const ipcc = ipccSource(table);
  const china = chinaSource(table);
  const out: Factor[] = [];
  for (const row of table.rows) {
    const fuel = row.values.fuel;
    const status = rowStatus(table, row);
    const ncv = num(table, row, 'ncv');
    const unverified =
      status === 'check'
        ? ' The seed table marks this row "check": verify against the original before relying on it.'
        : '';
    if (row.values.set === 'IPCC2006') {
      if (row.values.ncv_unit !== 'TJ/Gg') throw new Error(`${TABLE} line ${row.line}: IPCC NCV must be in TJ/Gg`);
      const co2 = num(table, row, 'co2_kg_per_tj');
      const ch4 = num(table, row, 'ch4_kg_per_tj');
      const n2o = num(table, row, 'n2o_kg_per_tj');
      const co2e = co2 + ch4 * gwpCh4 + n2o * gwpN2o;
      const perKg = ncv * 1e-6; // TJ/Gg = MJ/kg, so one kg is ncv × 10^-6 TJ
      const series = `fuel-ipcc2006-${slug(fuel)}`;
      const common = {
        kind: 'fuel-combustion' as const,
        region: 'GLO',
        year: 2006,
        source: ipcc,
        licence: 'IPCC Guidelines default value; free to use with citation',
      };
      const dq = (what: string) =>
        dataQuality(
          {
            reliability: status === 'verified' ? 2 : 3,
            completeness: 2,
            temporal: 4,
            geographical: 3,
            technological: 2,
          },
          `${what}${unverified}`,
        );
      const ncvText = `NCV ${ncv} TJ/Gg`;
      const co2eText = `${co2} + ${ch4} kg CH4 × ${gwpCh4} + ${n2o} kg N2O × ${gwpN2o} (IPCC AR6 GWP100, fossil methane)`;
      out.push(
        {
          ...common,
          id: factorId(`${series}-co2-per-tj`, 'GLO', 2006),
          name: `${fuel}, combustion CO2 per TJ (IPCC 2006 default)`,
          nameZh: `${zhOf(fuel)}燃烧二氧化碳排放因子（每TJ，IPCC 2006缺省值）`,
          perUnit: 'TJ',
          value: co2,
          unit: 'kg CO2/TJ',
          gases: 'CO2',
          dataQuality: dq('IPCC default, combustion only (no fuel supply chain).'),
          status,
        },
        {
          ...common,
          id: factorId(`${series}-co2-per-kg`, 'GLO', 2006),
          name: `${fuel}, combustion CO2 per kg (IPCC 2006 default)`,
          nameZh: `${zhOf(fuel)}燃烧二氧化碳排放因子（每千克，IPCC 2006缺省值）`,
          perUnit: 'kg',
          value: round(co2 * perKg),
          unit: 'kg CO2/kg',
          gases: 'CO2',
          dataQuality: dq('Computed by Tanji from IPCC defaults, combustion only.'),
          status: statusOfComputed(status),
          method: `${co2} kg CO2/TJ × ${ncvText} × 10^-6 TJ/MJ = ${round(co2 * perKg)} kg CO2/kg`,
        },
        {
          ...common,
          id: factorId(`${series}-co2e-per-tj`, 'GLO', 2006),
          name: `${fuel}, combustion CO2e per TJ incl. CH4 and N2O (IPCC 2006, AR6 GWP100)`,
          nameZh: `${zhOf(fuel)}燃烧温室气体排放因子（CO2e，每TJ）`,
          perUnit: 'TJ',
          value: round(co2e, 6),
          unit: 'kg CO2e/TJ',
          gases: 'CO2e',
          gwpSet: 'AR6',
          dataQuality: dq(
            `Computed by Tanji from IPCC defaults, combustion only (no fuel supply chain); ${STATIONARY}`,
          ),
          status: statusOfComputed(status),
          method: `${co2eText} = ${round(co2e, 6)} kg CO2e/TJ`,
        },
        {
          ...common,
          id: factorId(`${series}-co2e-per-kg`, 'GLO', 2006),
          name: `${fuel}, combustion CO2e per kg incl. CH4 and N2O (IPCC 2006, AR6 GWP100)`,
          nameZh: `${zhOf(fuel)}燃烧温室气体排放因子（CO2e，每千克）`,
          perUnit: 'kg',
          value: round(co2e * perKg),
          unit: 'kg CO2e/kg',
          gases: 'CO2e',
          gwpSet: 'AR6',
          dataQuality: dq(
            `Computed by Tanji from IPCC defaults, combustion only (no fuel supply chain); ${STATIONARY}`,
          ),
          status: statusOfComputed(status),
          method: `(${co2eText}) × ${ncvText} × 10^-6 TJ/MJ = ${round(co2e * perKg)} kg CO2e/kg`,
        },
      );
    } else if (row.values.set === 'CN-guideline') {
      const cc = num(table, row, 'carbon_content_tc_per_tj');
      const of = num(table, row, 'oxidation');
      const perTj = cc * of * C_TO_CO2 * 1000;
      // NCV [GJ] × 10^-3 TJ/GJ × CC [tC/TJ] × OF × 44/12 × 1000 kg/t = kg CO2 per t (or per 10^4 Nm3): the
      // 10^-3 and 1000 cancel, leaving NCV × CC × OF × 44/12, then ÷ 1000 kg/t or ÷ 10^4 Nm3
      const [perUnit, divisor] =
        row.values.ncv_unit === 'GJ/t' ? ['kg', 1000] : row.values.ncv_unit === 'GJ/10^4 Nm3' ? ['Nm3', 1e4] : [];
      if (!perUnit || !divisor) throw new Error(`${TABLE} line ${row.line}: unknown NCV unit "${row.values.ncv_unit}"`);
      const perPhysical = (ncv * cc * of * C_TO_CO2) / divisor;
      const series = `fuel-cn-guideline-${slug(fuel)}`;
      const common = {
        kind: 'fuel-combustion' as const,
        region: 'CN',
        year: 2015,
        gases: 'CO2' as const,
        source: china,
        licence: 'Public government guideline (PRC); free to reuse, cite the source',
        dataQuality: dataQuality(
          {
            reliability: status === 'verified' ? 2 : 3,
            completeness: 2,
            temporal: 3,
            geographical: 1,
            technological: 2,
          },
          `Chinese guideline default, CO2 from combustion only (no CH4/N2O, no fuel supply chain). Year 2015 stands for ` +
            `the 2013–2015 guideline series.${unverified}`,
        ),
        status: statusOfComputed(status),
      };
      const formula = `EF = NCV × CC × OF × 44/12`;
      out.push(
        {
          ...common,
          id: factorId(`${series}-co2-per-tj`, 'CN', 2015),
          name: `${fuel}, combustion CO2 per TJ (China enterprise guideline default)`,
          nameZh: `${zhOf(fuel)}燃烧二氧化碳排放因子（每TJ，企业核算指南缺省值）`,
          perUnit: 'TJ',
          value: round(perTj, 6),
          unit: 'kg CO2/TJ',
          method: `CC × OF × 44/12 × 1000 kg/t = ${cc} tC/TJ × ${of} × 44/12 × 1000 = ${round(perTj, 6)} kg CO2/TJ`,
        },
        {
          ...common,
          id: factorId(`${series}-co2-per-${perUnit.toLowerCase()}`, 'CN', 2015),
          name: `${fuel}, combustion CO2 per ${perUnit} (China enterprise guideline default)`,
          nameZh: `${zhOf(fuel)}燃烧二氧化碳排放因子（每${perUnit === 'kg' ? '千克' : '标准立方米'}，企业核算指南缺省值）`,
          perUnit,
          value: round(perPhysical),
          unit: `kg CO2/${perUnit}`,
          method:
            `${formula}: ${ncv} ${row.values.ncv_unit} × ${cc} tC/TJ × ${of} × 44/12` +
            (divisor === 1000 ? ' kg CO2/t ÷ 1000 kg/t' : ' kg CO2/10^4 Nm3 ÷ 10^4') +
            ` = ${round(perPhysical)} kg CO2/${perUnit}`,
        },
      );
    } else {
      throw new Error(`${TABLE} line ${row.line}: unknown set "${row.values.set}"`);
    }
  }
  return out;
}
