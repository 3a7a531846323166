import type { Factor, ProvinceElectricity } from '../model/factor.ts';
import { seriesOf } from './common.ts';
import { REGIONS, regionChain } from './regions.ts';

/**
 * The grid-average life-cycle electricity factor of every province, for a map: each province
 * answers with its own factor or, walking the region chain, its grid's or the country's, and
 * the year used is the requested one or the nearest earlier (else later) one available.
 */

export const ELECTRICITY_SERIES = 'cn-electricity-footprint';

export function provincialElectricity(factors: Factor[], year?: number): ProvinceElectricity[] {
  const series = factors.filter((f) => seriesOf(f.id) === ELECTRICITY_SERIES);
  const out: ProvinceElectricity[] = [];
  for (const province of REGIONS.filter((r) => r.level === 'province')) {
    for (const region of regionChain(province.code)) {
      const f = pickYear(
        series.filter((s) => s.region === region.code),
        year,
      );
      if (!f) continue;
      out.push({
        region: province.code,
        nameZh: province.nameZh,
        nameEn: province.nameEn,
        value: f.value,
        unit: f.unit,
        year: f.year,
        status: f.status,
        factorId: f.id,
        resolvedRegion: region.code,
      });
      break;
    }
  }
  return out;
}

function pickYear(candidates: Factor[], year?: number): Factor | undefined {
  if (!candidates.length) return undefined;
  const sorted = [...candidates].sort((a, b) => b.year - a.year);
  if (year === undefined) return sorted[0];
  return sorted.find((f) => f.year <= year) ?? sorted[sorted.length - 1];
}
