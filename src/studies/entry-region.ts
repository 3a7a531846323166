import type { EntryResult, StudyInput } from '../model/study.ts';
import { getRegion, regionChain, UnknownRegionError } from '../factors/regions.ts';
import { CALCULATION_TEXTS } from '../i18n/calculation.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';
import { DomainError } from '../model/errors.ts';

const studyCoded = coder(STUDY_TEXTS);

/**
 * A region per entry: a multi-site product (a Hainan orchard, a Guangzhou cold store) has each
 * entry where it happens. The entry's region replaces the study's for its dataset search, so the
 * province → grid → national fallback runs per entry; these checks keep the saved study and the
 * chosen datasets consistent with it.
 */

/** The region codes written on the study and its entries that name no known region, each with its path. */
export function unknownRegions(study: Pick<StudyInput, 'region' | 'entries'>): CodedMessage[] {
  const problems: CodedMessage[] = [];
  const check = (path: string, code: string) => {
    try {
      getRegion(code);
    } catch (e) {
      if (!(e instanceof UnknownRegionError)) throw e;
      problems.push(studyCoded('region.unknown-at', { path, code }));
    }
  };
  check('region', study.region);
  study.entries.forEach((e, i) => e.region !== undefined && check(`entries[${i}].region`, e.region));
  return problems;
}

/** A study naming regions that do not exist is refused (400), every unknown code named by its path. */
export class UnknownRegionsError extends DomainError {
  constructor(problems: CodedMessage[]) {
    super(
      'bad-request',
      'invalid-request',
      studyCoded('study.unknown-regions', { count: problems.length, first: problems[0]! }),
      { problems: problems.map((p) => p.message) },
    );
  }
}

/** The study as it came, or UnknownRegionsError. */
export function knownRegions<T extends Pick<StudyInput, 'region' | 'entries'>>(study: T): T {
  const problems = unknownRegions(study);
  if (problems.length) throw new UnknownRegionsError(problems);
  return study;
}

/** A Chinese province or grid by code, or undefined for a code outside the hierarchy (US, RER, a typo). */
function chineseRegion(code: string | undefined) {
  if (!code) return undefined;
  try {
    const r = getRegion(code);
    return r.level === 'province' || r.level === 'grid' ? r : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Entries whose dataset is for a province or grid that the entry's own region does not fall back
 * to: a Guangdong cold store on Hainan's electricity factor. A national or foreign dataset is a
 * fallback, already stated in its notes, and not flagged here.
 */
export function regionWarnings(entries: readonly EntryResult[]): CodedMessage[] {
  const out: CodedMessage[] = [];
  for (const e of entries) {
    const dataset = chineseRegion(e.provenance.region);
    if (!dataset || !e.region) continue;
    const chain = regionChain(e.region).map((r) => r.code);
    if (!chain.includes(dataset.code)) {
      out.push(
        coder(CALCULATION_TEXTS)('entry.region-mismatch', {
          entry: e.name,
          region: e.region,
          dataset: dataset.code,
          datasetName: dataset.nameEn,
        }),
      );
    }
  }
  return out;
}
