import type { Factor } from '../model/factor.ts';
import { commentWith, num, readCsv } from './csv.ts';
import { dataQuality, factorId, slug } from './common.ts';

/**
 * Freight transport factors (kg CO2e per t·km) from data/transport.csv, an extract of the China
 * Products Carbon Footprint Factors Database (CPCD) as printed in public tables. The table asks
 * for a cross-check before use as a default, so every value is status "check".
 */

const TABLE = 'transport.csv';

const MODE_ZH: Record<string, string> = {
  road: '公路',
  rail: '铁路',
  air: '航空',
  sea: '海运',
  'inland water': '内河',
};

const VEHICLE_ZH: Record<string, string> = {
  'diesel truck (all sizes)': '柴油货车（全部车型）',
  'heavy diesel truck': '重型柴油货车',
  'medium diesel truck': '中型柴油货车',
  'light diesel truck': '轻型柴油货车',
  'battery-electric truck (all sizes)': '纯电动货车（全部车型）',
  'freight train': '货运列车',
  'air freight': '航空货运',
  'coastal/ocean shipping average': '沿海及远洋运输平均',
  'container ship': '集装箱船',
  'dry bulk carrier': '干散货船',
  'inland container ship': '内河集装箱船',
};

/** CPCD's first public release; the seed table gives no reference year per row. */
const YEAR = 2022;

export function transportFactors(): Factor[] {
  const table = readCsv(TABLE);
  const provenance = commentWith(table, 'China Products Carbon Footprint Factors Database (CPCD)');
  const caveat = commentWith(table, 'Cross-check before use');
  return table.rows.map((row) => {
    const { mode, vehicle } = row.values;
    const modeZh = MODE_ZH[mode];
    const vehicleZh = VEHICLE_ZH[vehicle];
    if (!modeZh || !vehicleZh)
      throw new Error(`${TABLE} line ${row.line}: no Chinese name for "${mode}, ${vehicle}"; add it to transport.ts`);
    return {
      id: factorId(`cn-transport-${slug(mode)}-${slug(vehicle)}`, 'CN', YEAR),
      kind: 'transport',
      name: `${mode} freight transport, ${vehicle}`,
      nameZh: `${modeZh}货运，${vehicleZh}`,
      perUnit: 't·km',
      value: num(table, row, 'kgco2e_per_tkm'),
      unit: 'kg CO2e/t·km',
      gases: 'CO2e',
      region: 'CN',
      year: YEAR,
      technology: vehicle,
      source: {
        title:
          'China Products Carbon Footprint Factors Database (CPCD, 中国产品全生命周期温室气体排放系数库), extract in public tables',
        publisher: 'CPCD',
      },
      dataQuality: dataQuality(
        { reliability: 3, completeness: 3, temporal: 2, geographical: 1, technological: 2 },
        `${provenance} ${caveat} Reference year not given in the extract; ${YEAR} assumed.`,
      ),
      licence: 'Public table extract; check the CPCD terms before redistribution',
      status: 'check',
    } satisfies Factor;
  });
}
