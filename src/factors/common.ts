import type { Pedigree } from '../model/lci.ts';
import type { DataQuality } from '../model/factor.ts';

/**
 * Data quality of a seed factor: the pedigree scores and the PEF data quality rating computed
 * from them, DQR = (TeR + GeR + TiR + P) / 4, with P (precision) taken as the reliability score.
 */
export function dataQuality(pedigree: Pedigree, comment: string): DataQuality {
  const dqr = (pedigree.technological + pedigree.geographical + pedigree.temporal + pedigree.reliability) / 4;
  return { pedigree, dqr: Math.round(dqr * 100) / 100, comment };
}

/** Rounds a computed factor to a fixed number of significant digits (the tables give 3–5). */
export function round(value: number, digits = 4): number {
  return Number(value.toPrecision(digits));
}

/**
 * Seed factor ids are `<series>/<region>/<year>`: the same quantity for other regions and years
 * shares the series, which is what region and year fallback walk along.
 */
export function factorId(series: string, region: string, year: number): string {
  return `${series}/${region}/${year}`;
}

export function seriesOf(id: string): string {
  return id.split('/').slice(0, -2).join('/');
}

/** "gas/diesel oil" → "gas-diesel-oil", for ids. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
