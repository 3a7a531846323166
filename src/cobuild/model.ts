import { z } from 'zod';
import { FactorSchema } from '../model/factor.ts';
import { StoredMessageSchema } from '../model/message.ts';
import {
  FlowPropertySchema,
  FlowSchema,
  PedigreeSchema,
  ProcessSchema,
  UncertaintySchema,
  UnitGroupSchema,
} from '../model/lci.ts';
import { ISSUE_CODES } from '../i18n/cobuild.ts';

/**
 * What parties submit to the co-constructed background database, and what the review,
 * aggregation and release steps make of it. A submission holds one dataset: a factor, or a unit
 * process with the flows, flow properties and unit groups it needs to stand on its own.
 */

export const FactorDatasetSchema = z.object({ type: z.literal('factor'), factor: FactorSchema });

export const ProcessDatasetSchema = z.object({
  type: z.literal('process'),
  process: ProcessSchema,
  flows: z.array(FlowSchema),
  flowProperties: z.array(FlowPropertySchema),
  unitGroups: z.array(UnitGroupSchema),
});

export const DatasetSchema = z.discriminatedUnion('type', [FactorDatasetSchema, ProcessDatasetSchema]);
export type FactorDataset = z.infer<typeof FactorDatasetSchema>;
export type ProcessDataset = z.infer<typeof ProcessDatasetSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;

/** confidential: primary data only the contributor and the stewards read, published only inside an aggregate; public: may be published as it is */
export const SharingSchema = z.enum(['confidential', 'public']);
export type Sharing = z.infer<typeof SharingSchema>;

export const ProductionVolumeSchema = z.object({
  /** annual output the dataset represents, the weight of the dataset in an average */
  amount: z.number().positive(),
  unit: z.string().min(1),
});
export type ProductionVolume = z.infer<typeof ProductionVolumeSchema>;

export const SubmissionMetaSchema = z.object({
  sharing: SharingSchema.default('confidential'),
  productionVolume: ProductionVolumeSchema.optional(),
  note: z.string().optional(),
});
export type SubmissionMeta = z.infer<typeof SubmissionMetaSchema>;

export const SubmissionInputSchema = z.object({
  dataset: DatasetSchema,
  meta: SubmissionMetaSchema.default({ sharing: 'confidential' }),
});
export type SubmissionInput = z.infer<typeof SubmissionInputSchema>;

export const ReviewStateSchema = z.enum(['submitted', 'under-review', 'changes-requested', 'approved', 'rejected']);
export type ReviewState = z.infer<typeof ReviewStateSchema>;

export const ReviewActionSchema = z.enum(['start-review', 'request-changes', 'approve', 'reject']);
export type ReviewAction = z.infer<typeof ReviewActionSchema>;

/**
 * What an issue says, for machines and for people: a stable code with its params (numbers, names,
 * fields), which the web app renders in the reader's language, and the English text. Reports
 * stored before issues carried codes have the message only.
 */
const IssueCodeSchema = z.enum(ISSUE_CODES).meta({
  id: 'IssueCode',
  description: 'stable code of the problem or flag; its params fill in the text (src/i18n/cobuild.ts)',
});
const Coded = {
  code: IssueCodeSchema.optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** the English text, written from the code and params */
  message: z.string(),
};

/** A problem that stops a dataset at the door; `field` is a path into the dataset, e.g. "factor.unit", "process.exchanges[3].amount". */
export const IssueSchema = z.object({ field: z.string(), ...Coded });
export type Issue = z.infer<typeof IssueSchema>;

export const FlagCheckSchema = z.enum(['plausibility', 'mass-balance', 'energy-balance']);

/** Something a reviewer must look at and accept explicitly: the dataset is kept, not silently accepted. */
export const FlagSchema = z.object({
  check: FlagCheckSchema,
  field: z.string(),
  ...Coded,
  value: z.number().optional(),
  /** the value it was compared with (a median, the other side of a balance) */
  reference: z.number().optional(),
  ratio: z.number().optional(),
  peers: z.number().optional(),
  release: z.string().optional(),
});
export type Flag = z.infer<typeof FlagSchema>;

export const ValidationReportSchema = z.object({
  /** the release plausibility was checked against; null when the store has none of the kind */
  release: z.string().nullable(),
  errors: z.array(IssueSchema),
  flags: z.array(FlagSchema),
  /** what was checked, converted or could not be checked, for the record; plain text in reports stored before notes were coded */
  notes: z.array(StoredMessageSchema),
});
export type ValidationReport = z.infer<typeof ValidationReportSchema>;

/** The spread of the contributors' values of one quantity, production-volume weighted. */
export const ValueSpreadSchema = z.object({
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  sd: z.number(),
  /** coefficient of variation sd / mean */
  cv: z.number(),
  /** geometric standard deviation of the values (lognormal); absent when a value is not positive */
  gsd: z.number().optional(),
});
export type ValueSpread = z.infer<typeof ValueSpreadSchema>;

export const ExchangeSpreadSchema = ValueSpreadSchema.extend({
  flowId: z.string(),
  name: z.string(),
  input: z.boolean(),
  unit: z.string(),
});
export type ExchangeSpread = z.infer<typeof ExchangeSpreadSchema>;

/** What an aggregate was built from and how much its contributors disagree: the basis of its uncertainty and data quality. */
export const AggregateStatsSchema = z.object({
  /** distinct contributing organisations */
  contributors: z.number().int(),
  datasets: z.number().int(),
  totalVolume: z.number(),
  volumeUnit: z.string(),
  /** total volume over the market's, when the steward gave the market's */
  coverage: z.number().optional(),
  /** a factor's value */
  value: ValueSpreadSchema.optional(),
  /** a factor's uncertainty, derived from the spread */
  uncertainty: UncertaintySchema.optional(),
  /** a process's exchanges per unit of product (their uncertainty is on the exchanges) */
  exchanges: z.array(ExchangeSpreadSchema).optional(),
  pedigree: PedigreeSchema,
  dqr: z.number(),
});
export type AggregateStats = z.infer<typeof AggregateStatsSchema>;

export const SettingsSchema = z.object({
  /** an aggregate is published only when this many organisations contributed to it */
  minContributors: z.number().int().min(1).max(100),
  /** a value further than this factor from the release's median is flagged */
  plausibilityRatio: z.number().min(1.5).max(1000),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { minContributors: 3, plausibilityRatio: 10 };
