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
  /** the Chinese name, when the data has one (ILCD baseName xml:lang="zh") */
  nameZh: z.string().optional(),
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

/**
 * Where a unit process's numbers come from, as its own documentation says: every field is
 * optional because importers fill only what the data gives (texts trimmed, empty ones dropped,
 * nothing inferred). The release a process belongs to is the store's, not the process's.
 */
export const ProcessProvenanceSchema = z.object({
  /**
   * The publication the dataset is documented in, written "<name> (<year>): <full reference>, <url>"
   * with the parts the data has (openLCA: processDocumentation.publication and its sources/ record;
   * EcoSpold2: publishedSourceFirstAuthor and Year, with the source's title from the file's master data).
   */
  publication: z.string().optional(),
  /** every source the dataset cites, each written like `publication` (openLCA processDocumentation.sources) */
  sources: z.array(z.string()).optional(),
  /** who generated the data: a person or an organisation */
  generator: z.string().optional(),
  /** the technology the data represent (openLCA technologyDescription; EcoSpold2 technology comment and level) */
  technology: z.string().optional(),
  /** the geography the data represent, in words (openLCA geographyDescription; EcoSpold2 geography comment) */
  geography: z.string().optional(),
  /** the time period in words (openLCA timeDescription; EcoSpold2 timePeriod comment) */
  time: z.string().optional(),
  /** the year of validFrom; absent without one, or for the "no date" placeholders 1900-01-01 and 9999-01-01 (any year outside 1901–2099) */
  referenceYear: z.number().int().optional(),
  /**
   * Terms of use: the data's restrictions text (openLCA restrictionsDescription; EcoSpold2
   * accessRestrictedTo), followed by COPYRIGHT_PROTECTED when the data says so.
   */
  licence: z.string().optional(),
  /** the reviewers' names, "; " between them */
  reviewer: z.string().optional(),
  /** the process-level data quality entry, when the data has one (openLCA dqEntry; EcoSpold2 has none per activity) */
  pedigree: PedigreeSchema.optional(),
  /** the mean of the pedigree scores, 1 (best) to 5; present exactly when pedigree is */
  dqr: z.number().min(1).max(5).optional(),
});
export type ProcessProvenance = z.infer<typeof ProcessProvenanceSchema>;

/** The sentence a licence ends with when the dataset is marked copyright protected. */
export const COPYRIGHT_PROTECTED = 'Copyright protected.';

/**
 * An exchange that cannot enter the matrices: its flow is not in the imported archive (TianGong
 * refers to 132 flows its repository lacks) or it has no amount. It is kept on its process and
 * listed as a cut-off, never dropped in silence.
 */
export const LeftOutExchangeSchema = z.object({
  exchangeId: z.string(),
  /** absent when the reference names no data set */
  flowId: z.string().optional(),
  /** the flow's name, or the name the reference carries (ILCD shortDescription) when the flow is missing */
  name: z.string().optional(),
  /** as written (in the missing flow's unknown reference unit); absent when the data gives none */
  amount: z.number().optional(),
  input: z.boolean(),
  reason: z.enum(['missing-flow', 'no-amount']),
});
export type LeftOutExchange = z.infer<typeof LeftOutExchangeSchema>;

export const ProcessSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** the Chinese name, when the data has one */
  nameZh: z.string().optional(),
  location: z.string().optional(),
  category: z.array(z.string()),
  description: z.string().optional(),
  descriptionZh: z.string().optional(),
  /** reference period, when the data says */
  validFrom: z.string().optional(),
  validUntil: z.string().optional(),
  exchanges: z.array(ExchangeSchema),
  defaultAllocation: AllocationMethodSchema.optional(),
  allocationFactors: z.array(AllocationFactorSchema).default([]),
  stage: LifeCycleStageSchema.optional(),
  /** where the record came from: "<zip file>:<entry>" */
  source: z.string(),
  provenance: ProcessProvenanceSchema.optional(),
  /**
   * The quantitative reference the data set itself names, when Tanji had to use another: ILCD
   * allows a product input or an elementary flow as reference (TianGong does so in 980 data
   * sets), which no other process can link to, so the process is scaled to its one product output
   * (or waste input) instead when it has one. Exactly the same exchanges; only the unit the
   * process is counted in.
   */
  writtenReference: z.object({ exchangeId: z.string(), reason: z.string() }).optional(),
  /** exchanges left out because their flow is not in the archive or they have no amount: listed cut-offs */
  leftOut: z.array(LeftOutExchangeSchema).optional(),
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
