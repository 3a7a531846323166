import { z } from 'zod';
import { PedigreeSchema } from './lci.ts';

/**
 * Emission factors of the background database, each with its provenance. The kind says what a
 * factor may be used for: `electricity-co2` factors are CO2-only organisational (scope 2)
 * factors and must never enter a product footprint; `electricity-footprint` factors are the
 * life-cycle ones ISO 14067 asks for.
 */

export const FactorKindSchema = z.enum([
  'electricity-co2',
  'electricity-footprint',
  'fuel-combustion',
  'transport',
  'material',
  'gwp',
]);
export type FactorKind = z.infer<typeof FactorKindSchema>;

/** Kinds that may be used in a product carbon footprint. */
export const PRODUCT_FOOTPRINT_KINDS: readonly FactorKind[] = [
  'electricity-footprint',
  'fuel-combustion',
  'transport',
  'material',
];

export const SourceSchema = z.object({
  /** publication title */
  title: z.string(),
  /** issuing body, e.g. Ministry of Ecology and Environment (生态环境部) */
  publisher: z.string(),
  /** announcement or document number, e.g. "MEE/NBS announcement 2024 No.12" */
  documentNumber: z.string().optional(),
  url: z.string().optional(),
  published: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const DataQualitySchema = z.object({
  pedigree: PedigreeSchema,
  /** PEF data quality rating, 1 (excellent) to 5 (very poor) */
  dqr: z.number(),
  comment: z.string().optional(),
});
export type DataQuality = z.infer<typeof DataQualitySchema>;

/**
 * verified: seen in the published source; check: recalled or submitted, to verify; derived:
 * computed by Tanji with a documented method (verified only when its inputs are: see
 * `unverifiedInputs`). A steward's approval is recorded in `approval`, never as a status.
 */
export const FactorStatusSchema = z.enum(['verified', 'check', 'derived']);
export type FactorStatus = z.infer<typeof FactorStatusSchema>;

export const FactorSchema = z.object({
  /** stable id, e.g. "cn-electricity-co2/CN-SC/2022" */
  id: z.string(),
  kind: FactorKindSchema,
  name: z.string(),
  nameZh: z.string().optional(),
  /** what the factor is per, e.g. kWh, t·km, kg */
  perUnit: z.string(),
  value: z.number(),
  /** unit of the value, e.g. "kg CO2/kWh" or "kg CO2e/kWh" */
  unit: z.string(),
  /** gases covered: CO2 only, or CO2e under a GWP set */
  gases: z.enum(['CO2', 'CO2e']),
  gwpSet: z.enum(['AR4', 'AR5', 'AR6']).optional(),
  /** region code: CN, CN-SOUTHWEST, CN-SC, GLO */
  region: z.string(),
  year: z.number().int(),
  technology: z.string().optional(),
  source: SourceSchema,
  dataQuality: DataQualitySchema,
  licence: z.string(),
  validFrom: z.string().optional(),
  validUntil: z.string().optional(),
  status: FactorStatusSchema,
  /** how a derived value was computed; required when status is "derived" */
  method: z.string().optional(),
  /** a derived factor's inputs: the ids of the factors (or source rows) it was computed from */
  derivedFrom: z.array(z.string()).optional(),
  /**
   * the inputs behind a derived factor that are not verified against their source, transitively;
   * a derived factor with any is unverified (src/factors/integrity.ts)
   */
  unverifiedInputs: z.array(z.string()).optional(),
  /** a steward's acceptance in a co-construction review: a separate fact from verification against the source */
  approval: z.object({ by: z.string(), at: z.string(), submission: z.string().optional() }).optional(),
});
export type Factor = z.infer<typeof FactorSchema>;

export const RegionLevelSchema = z.enum(['province', 'grid', 'national', 'global']);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;

export const RegionSchema = z.object({
  code: z.string(),
  level: RegionLevelSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  /** the next region up in the fallback chain; none for GLO */
  parent: z.string().optional(),
});
export type Region = z.infer<typeof RegionSchema>;

/** A province's grid-average life-cycle electricity factor, as the electricity map shows it. */
export const ProvinceElectricitySchema = z.object({
  region: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  value: z.number(),
  unit: z.string(),
  year: z.number(),
  status: z.string(),
  factorId: z.string(),
  /** the region whose factor answered (the province itself, its grid, or CN) */
  resolvedRegion: z.string(),
});
export type ProvinceElectricity = z.infer<typeof ProvinceElectricitySchema>;
