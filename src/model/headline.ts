import type { z } from 'zod';
import type { EntryResult, HeadlineSchema, StudyResult } from './study.ts';

/**
 * The headline values of a result, each as the standard that defines it computes it. One place,
 * so the results page, the report, the CLI, the API and the PACT export never disagree:
 *
 *   emissions   = Σ GHG emissions (fossil + biogenic + dLUC + aircraft), removals excluded
 *   removals    = biogenic uptake in the product + land management removals (both ≤ 0)
 *   CFP         = emissions + removals                     ISO 14067:2018 3.1.1.1 (sum of emissions and removals)
 *   PACT excl.  = emissions + land management removals     PACT v3 pcfExcludingBiogenicUptake
 *   PACT incl.  = PACT excl. + biogenic uptake             PACT v3 pcfIncludingBiogenicUptake
 *
 * PACT v3 (Tech Spec 3.0, Methodology 3.3.1) keeps land management removals in the value that
 * excludes uptake; v2.3 has no such field, so its pCfExcludingBiogenic is the emissions alone and
 * pCfIncludingBiogenic adds every removal.
 */

export type Headline = z.infer<typeof HeadlineSchema>;
export type Removals = Headline['removals'];

/** The standard each headline value is defined by, as labels name it. */
export const HEADLINE_STANDARDS = {
  cfp: 'ISO 14067:2018 3.1.1.1',
  emissions: 'ISO 14067:2018 7.2',
  removals: 'ISO 14067:2018 7.2',
  pactExcluding: 'PACT Tech Spec v3.0 pcfExcludingBiogenicUptake',
  pactIncluding: 'PACT Tech Spec v3.0 pcfIncludingBiogenicUptake',
} as const;

/**
 * Removals of removal entries go where their `removalType` says; every other negative
 * biogenicRemovals line (an LCI process whose biomass takes up CO2, or a result from before
 * removal types) is uptake in the product.
 */
export function removalsOf(entries: readonly Pick<EntryResult, 'lines' | 'removalType'>[]): Removals {
  let biogenicUptake = 0;
  let landManagement = 0;
  for (const e of entries) {
    if (e.removalType === 'land-management') landManagement += e.lines.biogenicRemovals;
    else biogenicUptake += e.lines.biogenicRemovals;
  }
  return { biogenicUptake, landManagement, total: biogenicUptake + landManagement };
}

export function headlineOf(result: Pick<StudyResult, 'total' | 'entries'>): Headline {
  const removals = removalsOf(result.entries);
  const emissions = result.total;
  const excluding = emissions + removals.landManagement;
  return {
    emissions,
    removals,
    cfp: emissions + removals.total,
    pact: {
      v3: { excludingBiogenicUptake: excluding, includingBiogenicUptake: excluding + removals.biogenicUptake },
      v2: { excludingBiogenic: emissions, includingBiogenic: emissions + removals.total },
    },
  };
}
