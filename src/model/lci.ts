import { z } from 'zod';

/**
 * The in-memory life cycle inventory database every importer produces and the engine reads.
 * Amounts on exchanges are already converted to the flow's reference unit, so nothing below the
 * importers needs to know about unit groups; the original unit is kept for display and audit.
 */

export const FlowKindSchema = z.enum(['product', 'waste', 'elementary']);
export type FlowKind = z.infer<typeof FlowKindSchema>;

export const UnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** how many reference units of the group one of this unit is (e.g. MJ in an energy group with reference kWh: 1/3.6) */
  factor: z.number(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  referenceUnit: z.string(),
  units: z.array(UnitSchema),
});
export type UnitGroup = z.infer<typeof UnitGroupSchema>;

export const FlowPropertySchema = z.object({
  id: z.string(),
  name: z.string(),
  unitGroupId: z.string(),
});
export type FlowProperty = z.infer<typeof FlowPropertySchema>;

export const FlowSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: FlowKindSchema,
  /** CAS number normalised to digits and dashes without leading zeros, when given */
  cas: z.string().optional(),
  formula: z.string().optional(),
  /** category path, e.g. ["Elementary flows", "air", "unspecified"]; compartments of elementary flows live here */
  category: z.array(z.string()),
  /** the reference flow property and its reference unit: every exchange amount is in this unit */
  propertyId: z.string(),
  unit: z.string(),
  location: z.string().optional(),
});
export type Flow = z.infer<typeof FlowSchema>;

export const UncertaintySchema = z.discriminatedUnion('type', [
  /** gm: geometric mean, gsd: geometric standard deviation (>1) */
  z.object({ type: z.literal('lognormal'), gm: z.number(), gsd: z.number() }),
  z.object({ type: z.literal('normal'), mean: z.number(), sd: z.number() }),
  z.object({ type: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() }),
  z.object({ type: z.literal('uniform'), min: z.number(), max: z.number() }),
]);
export type Uncertainty = z.infer<typeof UncertaintySchema>;

/** Pedigree matrix scores 1 (best) to 5 (worst), as in ecoinvent's data quality system. */
export const PedigreeSchema = z.object({
  reliability: z.number().int().min(1).max(5),
  completeness: z.number().int().min(1).max(5),
  temporal: z.number().int().min(1).max(5),
  geographical: z.number().int().min(1).max(5),
  technological: z.number().int().min(1).max(5),
});
export type Pedigree = z.infer<typeof PedigreeSchema>;

export const ExchangeSchema = z.object({
  /** exchange id inside its process (openLCA internal id or EcoSpold2 exchange id) */
  id: z.string(),
  flowId: z.string(),
  /** amount in the flow's reference unit (see Flow.unit), always the magnitude as written: direction is in `input` */
  amount: z.number(),
  input: z.boolean(),
  /** an output product that this process avoids (substitution); written as an input in openLCA */
  avoided: z.boolean().default(false),
  /** the process's quantitative reference */
  reference: z.boolean().default(false),
  /** a provider chosen in the data; linking falls back to the rule in engine/linking when absent */
  providerId: z.string().optional(),
  /** original amount and unit before conversion, for audit */
  originalAmount: z.number().optional(),
  originalUnit: z.string().optional(),
  uncertainty: UncertaintySchema.optional(),
  pedigree: PedigreeSchema.optional(),
});
export type Exchange = z.infer<typeof ExchangeSchema>;

export const AllocationMethodSchema = z.enum(['physical', 'economic', 'causal']);
export type AllocationMethod = z.infer<typeof AllocationMethodSchema>;

export const AllocationFactorSchema = z.object({
  method: AllocationMethodSchema,
  /** the co-product (output product flow) the share goes to */
  productId: z.string(),
  value: z.number(),
  /** causal factors apply to one exchange only; physical and economic factors to every non-product exchange */
  exchangeId: z.string().optional(),
});
export type AllocationFactor = z.infer<typeof AllocationFactorSchema>;

export const LifeCycleStageSchema = z.enum(['raw-materials', 'manufacturing', 'distribution', 'use', 'end-of-life']);
export type LifeCycleStage = z.infer<typeof LifeCycleStageSchema>;

export const ProcessSchema = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string().optional(),
  category: z.array(z.string()),
  description: z.string().optional(),
  /** reference period, when the data says */
  validFrom: z.string().optional(),
  validUntil: z.string().optional(),
  exchanges: z.array(ExchangeSchema),
  defaultAllocation: AllocationMethodSchema.optional(),
  allocationFactors: z.array(AllocationFactorSchema).default([]),
  stage: LifeCycleStageSchema.optional(),
  /** where the record came from: "<zip file>:<entry>" */
  source: z.string(),
});
export type Process = z.infer<typeof ProcessSchema>;

export const LciDatabaseSchema = z.object({
  name: z.string(),
  /** format and file it was imported from */
  origin: z.string(),
  flows: z.array(FlowSchema),
  processes: z.array(ProcessSchema),
  unitGroups: z.array(UnitGroupSchema),
  flowProperties: z.array(FlowPropertySchema),
});
export type LciDatabase = z.infer<typeof LciDatabaseSchema>;
