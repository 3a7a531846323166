import { z } from 'zod';

/**
 * Impact assessment: one climate indicator (GWP100, kg CO2e), reported on the separate lines
 * ISO 14067 asks for. Factors are per kg of substance.
 */

/**
 * ISO 14067 separate reporting lines:
 * fossil, biogenic (biogenic emissions), biogenicRemovals (uptake, negative, not netted into the
 * total), landUseChange (dLUC emissions), aircraft (emissions at altitude).
 */
export const GhgLineSchema = z.enum(['fossil', 'biogenic', 'biogenicRemovals', 'landUseChange', 'aircraft']);
export type GhgLine = z.infer<typeof GhgLineSchema>;

/** One substance of a GWP table. */
export const GwpEntrySchema = z.object({
  /** name as in the source table, e.g. "methane (fossil)" */
  substance: z.string(),
  formula: z.string(),
  /** kg CO2e per kg of substance */
  gwp100: z.number(),
  note: z.string().optional(),
  /** other names the substance goes by in LCI databases (USLCI, ecoinvent, openLCA) */
  aliases: z.array(z.string()).optional(),
  /** CAS registry number, digits and dashes without leading zeros */
  cas: z.string().optional(),
  /** ids of reference elementary flows that are this substance (ILCD's), matched before any name */
  flowIds: z.array(z.string()).optional(),
});
export type GwpEntry = z.infer<typeof GwpEntrySchema>;

export const GwpSetSchema = z.enum(['AR6', 'AR5']);
export type GwpSet = z.infer<typeof GwpSetSchema>;

export const ImpactMethodSchema = z.object({
  /** e.g. "ipcc-ar6-gwp100" */
  id: z.string(),
  name: z.string(),
  unit: z.literal('kg CO2e'),
  gwpSet: GwpSetSchema,
  /** citation of the table the factors come from */
  source: z.string(),
  entries: z.array(GwpEntrySchema),
});
export type ImpactMethod = z.infer<typeof ImpactMethodSchema>;

/** The factor of one elementary flow under a method: kg CO2e per reference unit of the flow. */
export const FlowCharacterizationSchema = z.object({
  flowId: z.string(),
  /** already scaled to the flow's unit (per g: gwp100 / 1000), signed (−1 for CO2 taken from air) */
  factor: z.number(),
  line: GhgLineSchema,
  /** the GwpEntry.substance it matched */
  substance: z.string(),
});
export type FlowCharacterization = z.infer<typeof FlowCharacterizationSchema>;

/** A flow that looks like a greenhouse gas but gets no factor, with why; never silently dropped. */
export const UnmatchedGhgFlowSchema = z.object({
  flowId: z.string(),
  name: z.string(),
  /** category path joined with "/" */
  category: z.string(),
  reason: z.string(),
});
export type UnmatchedGhgFlow = z.infer<typeof UnmatchedGhgFlowSchema>;
