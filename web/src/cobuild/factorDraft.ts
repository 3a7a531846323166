import type { Factor } from '../../../src/model/factor.ts';
import type { SubmissionInput } from '../api/cobuild.ts';

/**
 * A factor as the submission form edits it: strings while typed, a Factor and its metadata when
 * sent. The server validates; this only assembles (the id is series/region/year, the unit follows
 * the gases and what the factor is per, the rating is the PEF DQR of the pedigree).
 */

export const PEDIGREE = ['reliability', 'completeness', 'temporal', 'geographical', 'technological'] as const;
export type PedigreeKey = (typeof PEDIGREE)[number];

export interface FactorDraft {
  series: string;
  name: string;
  nameZh: string;
  kind: Factor['kind'];
  value: string;
  perUnit: string;
  gases: Factor['gases'];
  gwpSet: '' | NonNullable<Factor['gwpSet']>;
  region: string;
  year: string;
  technology: string;
  sourceTitle: string;
  publisher: string;
  documentNumber: string;
  pedigree: Record<PedigreeKey, number>;
  licence: string;
  volume: string;
  volumeUnit: string;
  sharing: 'confidential' | 'public';
  note: string;
}

export function emptyDraft(): FactorDraft {
  return {
    series: '',
    name: '',
    nameZh: '',
    kind: 'material',
    value: '',
    perUnit: 'kg',
    gases: 'CO2e',
    gwpSet: 'AR6',
    region: 'CN',
    year: String(new Date().getFullYear() - 1),
    technology: '',
    sourceTitle: '',
    publisher: '',
    documentNumber: '',
    pedigree: { reliability: 2, completeness: 2, temporal: 2, geographical: 2, technological: 2 },
    licence: '',
    volume: '',
    volumeUnit: 't',
    sharing: 'confidential',
    note: '',
  };
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

export function draftToInput(d: FactorDraft): SubmissionInput {
  const p = d.pedigree;
  const factor: Factor = {
    id: `${d.series.trim()}/${d.region}/${d.year.trim()}`,
    kind: d.kind,
    name: d.name.trim(),
    nameZh: opt(d.nameZh),
    perUnit: d.perUnit.trim(),
    value: Number(d.value),
    unit: `kg ${d.gases}/${d.perUnit.trim()}`,
    gases: d.gases,
    gwpSet: d.gwpSet || undefined,
    region: d.region,
    year: Number(d.year),
    technology: d.technology.trim(),
    source: { title: d.sourceTitle.trim(), publisher: d.publisher.trim(), documentNumber: opt(d.documentNumber) },
    dataQuality: { pedigree: p, dqr: (p.technological + p.geographical + p.temporal + p.reliability) / 4 },
    licence: d.licence.trim(),
    status: 'check',
  };
  const volume = Number(d.volume);
  return {
    dataset: { type: 'factor', factor },
    meta: {
      sharing: d.sharing,
      productionVolume: d.volume.trim() && volume > 0 ? { amount: volume, unit: d.volumeUnit.trim() } : undefined,
      note: opt(d.note),
    },
  };
}
