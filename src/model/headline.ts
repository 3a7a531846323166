import type { z } from 'zod';
import type { HeadlineSchema, StudyResult } from './study.ts';

/**
 * The headline values of a result, each as the standard that defines it computes it. One place,
 * so the results page, the report, the CLI, the API and the PACT export never disagree:
 *
 *   emissions   = Σ GHG emissions (fossil + biogenic + dLUC + aircraft), removals excluded
 *   removals    = biogenic uptake in the product + land management removals (both ≤ 0)
 *   CFP         = emissions + removals        ISO 14067:2018 3.1.1.1 (sum of emissions and removals)
 *   PACT        = `pactGhgFields`: v3 pcfExcludingBiogenicUptake keeps land management removals
 *                 and leaves out the product's uptake, pcfIncludingBiogenicUptake adds it (the
 *                 spec's x-comment sums); v2.3 as its fields define them
 */

export type Headline = z.infer<typeof HeadlineSchema>;
export type Removals = Headline['removals'];

/** The standard each headline value is defined by, as labels name it. */
export const HEADLINE_STANDARDS = {
  cfp: 'ISO 14067:2018 3.1.1.1',
  emissions: 'ISO 14067:2018 7.2',
  removals: 'ISO 14067:2018 7.2',
  pactExcluding: 'PACT 3.0 pcfExcludingBiogenicUptake',
  pactIncluding: 'PACT 3.0 pcfIncludingBiogenicUptake',
} as const;

type Source = Pick<StudyResult, 'total' | 'lines' | 'parts'>;

/** Results stored before the split carry no parts: the biogenic line is taken as CO2 and the removals as product uptake. */
function partsOf(result: Source): NonNullable<StudyResult['parts']> {
  const l = result.lines;
  return (
    result.parts ?? { biogenicCO2: l.biogenic, biogenicNonCO2: 0, landRemovals: 0, productUptake: l.biogenicRemovals }
  );
}

/**
 * The study's GHG lines as each PACT version's fields, by their definitions (README, "PACT fields"):
 * fossil and aircraft emissions are fossil (kerosene is fossil; aircraft is reported again
 * apart); carbon stored by land use change is a land removal, not a negative LUC emission;
 * removals in land-based pools (an orchard's soil and trees) are land management removals, carbon
 * taken up in a product's biomass is biogenic CO2 uptake; biogenic CH4 is biogenic non-CO2.
 * v3's two PCFs are the sums of its openapi.yaml `x-comment`s (CCS terms are 0: Tanji models none);
 * v2.3's exclude biogenic CO2 emissions and removals, which only the including value carries.
 * Kept in the model (formats/pact.ts re-exports it) so that the headline and the export share it.
 */
export function pactGhgFields(result: Source) {
  const l = result.lines;
  const parts = partsOf(result);
  const fossil = l.fossil + l.aircraft;
  const lucEmissions = Math.max(0, l.landUseChange);
  const landRemovals = parts.landRemovals + Math.min(0, l.landUseChange);
  const biogenicCO2 = Math.max(0, parts.biogenicCO2);
  const biogenicNonCO2 = Math.max(0, parts.biogenicNonCO2);
  const excluding = fossil + lucEmissions + biogenicCO2 + landRemovals + biogenicNonCO2;
  const v2Excluding = fossil + lucEmissions + biogenicNonCO2;
  return {
    v3: {
      fossilGhgEmissions: fossil,
      landUseChangeGhgEmissions: lucEmissions,
      landManagementBiogenicCO2Emissions: biogenicCO2,
      landManagementBiogenicCO2Removals: landRemovals,
      biogenicNonCO2Emissions: biogenicNonCO2,
      biogenicCO2Uptake: parts.productUptake,
      aircraftGhgEmissions: l.aircraft,
      pcfExcludingBiogenicUptake: excluding,
      pcfIncludingBiogenicUptake: excluding + parts.productUptake,
    },
    v2: {
      fossilGhgEmissions: fossil,
      dLucGhgEmissions: lucEmissions,
      otherBiogenicGhgEmissions: biogenicNonCO2,
      biogenicCarbonWithdrawal: parts.productUptake,
      aircraftGhgEmissions: l.aircraft,
      pCfExcludingBiogenic: v2Excluding,
      pCfIncludingBiogenic: v2Excluding + biogenicCO2 + landRemovals + parts.productUptake,
    },
  };
}

export function headlineOf(result: Source): Headline {
  const parts = partsOf(result);
  const pact = pactGhgFields(result);
  const removals = {
    biogenicUptake: parts.productUptake,
    landManagement: parts.landRemovals,
    total: parts.productUptake + parts.landRemovals,
  };
  return {
    emissions: result.total,
    removals,
    cfp: result.total + removals.total,
    pact: {
      v3: {
        excludingBiogenicUptake: pact.v3.pcfExcludingBiogenicUptake,
        includingBiogenicUptake: pact.v3.pcfIncludingBiogenicUptake,
      },
      v2: { excludingBiogenic: pact.v2.pCfExcludingBiogenic, includingBiogenic: pact.v2.pCfIncludingBiogenic },
    },
  };
}
