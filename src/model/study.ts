import { z } from 'zod';
import { LifeCycleStageSchema, PedigreeSchema } from './lci.ts';
import { GhgLineSchema } from './method.ts';
import { StoredMessageSchema } from './message.ts';
import { boundedAmount, codeText, freeText, nameText, PER_UNIT_MAX, TEXT_LIMITS } from './limits.ts';

/**
 * A product study (ISO 14067 / GB/T 24067): the product, its functional or declared unit, the
 * system boundary, the pinned background releases, and an inventory of entries grouped by life
 * cycle stage. Every entry is an activity amount (how much electricity, fertiliser, t·km…) times
 * a per-unit footprint that comes from one place only: a background dataset, a supplier's own
 * footprint, or the GWP of the gas when the entry is a direct emission or removal.
 */

export const SystemBoundarySchema = z.enum(['cradle-to-gate', 'cradle-to-grave']);
export type SystemBoundary = z.infer<typeof SystemBoundarySchema>;

export const StudyMethodSchema = z.enum(['ipcc-ar6-gwp100', 'ipcc-ar5-gwp100']);
export type StudyMethod = z.infer<typeof StudyMethodSchema>;

export const EntryKindSchema = z.enum(['material', 'energy', 'transport', 'waste', 'emission', 'removal']);
export type EntryKind = z.infer<typeof EntryKindSchema>;

/** Where an activity amount or a supplier footprint comes from. */
export const EvidenceTypeSchema = z.enum([
  'meter-reading',
  'invoice',
  'supplier-statement',
  'measurement',
  'calculation',
  'literature',
  'estimate',
]);
export type EvidenceType = z.infer<typeof EvidenceTypeSchema>;

/** Evidence types that make an entry primary (site-specific) data, as PACT's primary data share counts it. */
export const PRIMARY_EVIDENCE: readonly EvidenceType[] = [
  'meter-reading',
  'invoice',
  'supplier-statement',
  'measurement',
];

export const EvidenceSchema = z.object({
  type: EvidenceTypeSchema,
  /** document number, meter id, file name */
  reference: z.string().min(1).max(TEXT_LIMITS.text),
  date: z.string().max(TEXT_LIMITS.code).optional(),
  note: freeText().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** A background dataset: a factor of a factor release, or a process of an LCI release. */
export const DatasetRefSchema = z.object({
  type: z.enum(['factor', 'process']),
  release: codeText(),
  id: z.string().min(1).max(TEXT_LIMITS.text),
});
export type DatasetRef = z.infer<typeof DatasetRefSchema>;

/**
 * A background dataset offered for an entry (search hit or resolved reference): what the entry
 * will be multiplied by, and where it comes from.
 */
export const DatasetHitSchema = z.object({
  type: DatasetRefSchema.shape.type,
  release: z.string(),
  id: z.string(),
  name: z.string(),
  nameZh: z.string().optional(),
  perUnit: z.string(),
  kgCo2ePerUnit: z.number(),
  /** CO2e, or CO2 only (then the footprint misses CH4 and N2O) */
  gases: z.enum(['CO2', 'CO2e']),
  region: z.string(),
  /** the region whose factor answered when the asked one has none (province → grid → national) */
  resolvedRegion: z.string().optional(),
  year: z.number().optional(),
  source: z.string(),
  status: z.string().optional(),
  /** a factor verified against its source (a derived one: every input is) */
  verified: z.boolean().optional(),
  /** a process the release's quality screen quarantined: why, one message per finding */
  screenFlags: z.array(StoredMessageSchema).optional(),
  notes: z.array(StoredMessageSchema),
});
export type DatasetHit = z.infer<typeof DatasetHitSchema>;

/** Greenhouse gases an entry may emit or remove directly, characterised with the study's GWP set. */
export const DirectGasSchema = z.enum([
  'CO2-fossil',
  'CO2-biogenic',
  'CO2-luc',
  'CH4-fossil',
  'CH4-biogenic',
  'N2O',
  'SF6',
  'NF3',
  'HFC-134a',
]);
export type DirectGas = z.infer<typeof DirectGasSchema>;

export const EntrySourceSchema = z.discriminatedUnion('type', [
  /** secondary data: a dataset of the pinned background releases, chosen by search */
  z.object({ type: z.literal('background'), dataset: DatasetRefSchema }),
  /** a supplier's own footprint per unit of what it sells, with the statement behind it */
  z.object({
    type: z.literal('supplier'),
    supplier: nameText(),
    /** kg CO2e per entry unit, excluding biogenic removals */
    kgCo2ePerUnit: boundedAmount(PER_UNIT_MAX).nonnegative(),
    line: GhgLineSchema.default('fossil'),
    evidence: EvidenceSchema,
    /** the PACT ProductFootprint the value was taken from, when it came over PACT */
    pact: z
      .object({
        footprintId: z.string(),
        spec: z.enum(['3.0', '2.3']),
        productIds: z.array(z.string()),
        received: z.string(),
      })
      .optional(),
  }),
  /** the entry amount is kg of this gas, emitted (kind emission) or taken up (kind removal) */
  z.object({ type: z.literal('direct'), gas: DirectGasSchema }),
  /** a component or sub-assembly: another study of the same company, per its functional unit, calculated on this study's releases */
  z.object({ type: z.literal('study'), studyId: z.string().min(1).max(100) }),
  /** a mandatory entry a product category rule put in the study, still to be given a dataset, supplier footprint or study */
  z.object({ type: z.literal('placeholder') }),
]);
export type EntrySource = z.infer<typeof EntrySourceSchema>;

/**
 * Where the carbon of a removal is stored: `land` is a net increase of carbon in land-based pools
 * (soil, trees of an orchard: PACT's land management removals), `product` is biogenic carbon taken
 * up in the biomass of the product or its inputs (PACT's biogenic CO2 uptake).
 */
export const RemovalPoolSchema = z.enum(['land', 'product']);
export type RemovalPool = z.infer<typeof RemovalPoolSchema>;

/** kg of carbon, fossil and biogenic, in one unit of a product or an input that ends up in it. */
export const CarbonContentSchema = z.object({
  fossilKgC: z.number().finite().min(0).max(1e6),
  biogenicKgC: z.number().finite().min(0).max(1e6),
});
export type CarbonContent = z.infer<typeof CarbonContentSchema>;

export const TransportLegSchema = z.object({
  massKg: boundedAmount().positive(),
  distanceKm: boundedAmount().positive(),
  mode: z.enum(['road', 'rail', 'sea', 'inland-water', 'air']),
  refrigerated: z.boolean().default(false),
});
export type TransportLeg = z.infer<typeof TransportLegSchema>;

/** Shapes a stated range may take; for lognormal and normal, low and high are the 2.5 and 97.5 percentiles. */
export const RangeDistributionSchema = z.enum(['lognormal', 'normal', 'triangular', 'uniform']);
export type RangeDistribution = z.infer<typeof RangeDistributionSchema>;

/**
 * A sourced range: lognormal and normal read low–high as the 95 % interval around the value,
 * triangular and uniform as the bounds (triangular with its mode at the value).
 */
export const SourcedRangeSchema = z
  .object({
    distribution: RangeDistributionSchema,
    low: z.number().finite(),
    high: z.number().finite(),
    /** where the range comes from, e.g. "IPCC 2019 Refinement Vol. 4 Ch. 11 Table 11.1, EF1 wet climate" */
    source: z.string().min(1).max(500),
  })
  .refine((r) => r.low < r.high, { message: 'low must be below high', path: ['high'] })
  .refine((r) => r.distribution !== 'lognormal' || r.low > 0, {
    message: 'a lognormal range lies above zero',
    path: ['low'],
  });
export type SourcedRange = z.infer<typeof SourcedRangeSchema>;

export const EntrySchema = z
  .object({
    id: codeText(),
    stage: LifeCycleStageSchema,
    kind: EntryKindSchema,
    name: nameText(),
    /** activity amount per functional unit, in `unit`; for transport legs massKg/1000 × distanceKm in t·km */
    amount: boundedAmount(),
    /** when set, the amount is this formula of the study's parameters (src/engine/formula.ts), re-evaluated on every calculation */
    formula: z.string().max(500).optional(),
    unit: codeText(),
    /** where this activity happens (province or country code), when not where the product is made: a multi-site product's orchard and cold store; absent means the study's region */
    region: codeText().optional(),
    transport: TransportLegSchema.optional(),
    source: EntrySourceSchema,
    /** where the activity amount comes from; meter readings, invoices and measurements make it primary */
    evidence: EvidenceSchema.optional(),
    /** pedigree of the activity amount, for data quality and uncertainty */
    pedigree: PedigreeSchema.optional(),
    /**
     * the range of the entry's emission (amount × factor) as multiples of its value, e.g. 0.8–1.2,
     * from a source; replaces the pedigree-based spread of the amount and of the factor
     */
    uncertainty: SourcedRangeSchema.optional(),
    comment: freeText().optional(),
    /** removal entries: where the carbon is stored (default land) */
    removalPool: RemovalPoolSchema.optional(),
    /** carbon per entry unit of an input that ends up in the product (reported as the product's carbon content) */
    carbonContent: CarbonContentSchema.optional(),
    /** what of the study's product category rule the entry answers: the rule's own stage, the mandatory data item it fills */
    pcr: z.object({ stage: z.string().max(64).optional(), requirement: z.string().max(64).optional() }).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'transport' && !e.transport && e.source.type !== 'placeholder')
      ctx.addIssue({
        code: 'custom',
        path: ['transport'],
        message: 'a transport entry needs its leg: massKg, distanceKm, mode',
      });
    if ((e.kind === 'emission' || e.kind === 'removal') !== (e.source.type === 'direct')) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'emission and removal entries, and only they, take a direct gas source',
      });
    }
    if (e.kind === 'removal' && e.source.type === 'direct' && e.source.gas !== 'CO2-biogenic') {
      ctx.addIssue({
        code: 'custom',
        path: ['source', 'gas'],
        message: 'a removal is biogenic CO2 taken up (gas CO2-biogenic)',
      });
    }
    if (e.uncertainty && !(e.uncertainty.low <= 1 && 1 <= e.uncertainty.high)) {
      ctx.addIssue({
        code: 'custom',
        path: ['uncertainty'],
        message: 'an entry range is multiples of its value and must hold 1 (e.g. 0.8–1.25)',
      });
    }
    if (e.removalPool && e.kind !== 'removal')
      ctx.addIssue({ code: 'custom', path: ['removalPool'], message: 'only a removal entry has a removal pool' });
    if (e.amount < 0)
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'amounts are positive; a removal is its own kind, not a negative emission',
      });
  });
export type Entry = z.infer<typeof EntrySchema>;

export const DeclaredUnitSchema = z.object({
  kind: z.enum(['functional', 'declared']),
  amount: boundedAmount().positive(),
  unit: codeText(),
  description: freeText().default(''),
});
export type DeclaredUnit = z.infer<typeof DeclaredUnitSchema>;

/**
 * A named quantity of the study (yield, distance, share of green electricity, a battery's usable
 * capacity…) that entry amounts and the declared unit may use in formulas. `min`/`max` bound what
 * is allowed (a product category rule's range) and span a sensitivity analysis.
 */
export const ParameterSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a parameter name is letters, digits and _, not starting with a digit')
      .max(64),
    value: z.number().finite(),
    unit: z.string().max(32).default(''),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    description: z.string().max(500).default(''),
    /** the parameter's uncertainty, drawn in Monte Carlo (absolute values, in `unit`) */
    uncertainty: SourcedRangeSchema.optional(),
  })
  .refine((p) => (p.min === undefined || p.min <= p.value) && (p.max === undefined || p.value <= p.max), {
    message: 'the value lies outside min–max',
    path: ['value'],
  })
  .refine(
    (p) =>
      !p.uncertainty ||
      p.uncertainty.distribution === 'lognormal' ||
      p.uncertainty.distribution === 'normal' ||
      (p.uncertainty.low <= p.value && p.value <= p.uncertainty.high),
    {
      message: 'a triangular or uniform range must hold the value',
      path: ['uncertainty'],
    },
  );
export type Parameter = z.infer<typeof ParameterSchema>;

/** A named variant of the study: parameter values that differ from the base, calculated beside it. */
export const ScenarioSchema = z.object({
  name: z.string().min(1).max(100),
  description: z.string().max(1000).default(''),
  /** parameter name → value in this scenario; parameters not named keep their base value */
  values: z.record(z.string().max(64), z.number().finite()),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
/** The product category rule a study follows (src/rules/pcr/), with the version it was built to. */
export const StudyPcrSchema = z.object({ id: z.string().min(1).max(100), version: z.string().min(1).max(20) });
export type StudyPcr = z.infer<typeof StudyPcrSchema>;

/** What a practitioner writes; the server adds id, company, version and audit fields. */
export const StudyInputSchema = z.object({
  name: nameText(),
  product: z.object({
    name: nameText(),
    description: freeText().default(''),
    classification: codeText().optional(),
    /** carbon per declared unit of the product's own making (e.g. a fruit grown on site), besides what its entries bring */
    carbonContent: CarbonContentSchema.optional(),
  }),
  unit: DeclaredUnitSchema,
  /** the reference flow, e.g. "1 kg of fresh durian, packed, at the distribution centre" */
  referenceFlow: z.string().min(1).max(TEXT_LIMITS.text),
  boundary: SystemBoundarySchema,
  /** province or country code where the product is made (region-aware background search) */
  region: codeText().default('CN'),
  /** reference year of the primary data */
  year: z.number().int().min(1900).max(2200),
  method: StudyMethodSchema.default('ipcc-ar6-gwp100'),
  /** pinned background releases: the LCI database and the factor release */
  releases: z.object({ lci: z.string().min(1), factors: z.string().min(1) }),
  cutoff: freeText().default('Inputs below 1 % of mass and of the footprint may be left out, 5 % in total at most.'),
  allocation: freeText().default('No multi-output processes in the foreground; background datasets as published.'),
  electricity: freeText().default(
    'Grid electricity: the life-cycle factor of the province, else its regional grid, else the national average.',
  ),
  limitations: freeText().default(''),
  /** absent means none (studies written before parameters existed) */
  parameters: z.array(ParameterSchema).max(200).optional(),
  /** absent means none; calculated side by side with the base */
  scenarios: z.array(ScenarioSchema).max(20).optional(),
  /** the practitioner's interpretation and conclusions (ISO 14067 clause 7), beside those the report derives */
  conclusions: z.string().max(20_000).optional(),
  /** the product category rule the study is built and checked by; absent: the general rule (GB/T 24067) */
  pcr: StudyPcrSchema.optional(),
  entries: z.array(EntrySchema).max(5000),
});
export type StudyInput = z.infer<typeof StudyInputSchema>;

export const StudySchema = StudyInputSchema.extend({
  id: z.string(),
  companyId: z.string(),
  version: z.number().int().positive(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Study = z.infer<typeof StudySchema>;

const LinesSchema = z.object({
  fossil: z.number(),
  biogenic: z.number(),
  landUseChange: z.number(),
  aircraft: z.number(),
  biogenicRemovals: z.number(),
});

/** Provenance of the per-unit footprint an entry used: what a verifier traces a number back to. */
export const EntryProvenanceSchema = z.object({
  type: z.enum(['factor', 'process', 'supplier', 'direct', 'study']),
  release: z.string().optional(),
  id: z.string().optional(),
  /** a dataset's own name and source as they are; what the calculation says of a supplier's or a component's figure, coded */
  name: StoredMessageSchema,
  source: StoredMessageSchema,
  year: z.number().optional(),
  region: z.string().optional(),
  gwpSet: z.string().optional(),
  /** kg CO2e per `perUnit` of the dataset */
  kgCo2ePerUnit: z.number(),
  perUnit: z.string(),
  /** how the entry amount was converted to the dataset's unit */
  conversion: z.number(),
  status: z.string().optional(),
  /** a factor verified against its source (a derived one: every input is); approval by a steward is not verification */
  verified: z.boolean().optional(),
  /** a process the quality screen quarantined: the findings' messages, shown wherever the entry is */
  screenFlags: z.array(StoredMessageSchema).optional(),
  notes: z.array(StoredMessageSchema),
});
export type EntryProvenance = z.infer<typeof EntryProvenanceSchema>;

/**
 * PACT counts primary data by where the emission factor comes from, not by how the activity amount
 * was measured: a supplier's own footprint and emissions measured at the site are primary; an
 * invoiced amount times an industry-average dataset is secondary.
 */
export const PrimaryBasisSchema = z.enum([
  /** primary: the supplier's own footprint of what it sells */
  'supplier-specific',
  /** primary: a gas emitted or removed at the site, measured, metered or taken from purchase records */
  'site-specific',
  /** secondary: an industry-average or generic dataset of a background release */
  'background-dataset',
  /** secondary: a direct emission or removal estimated with default factors or from literature */
  'default-estimate',
  /** secondary, for now: the footprint of another study of the company (its own primary share is not carried over) */
  'component-study',
]);
export type PrimaryBasis = z.infer<typeof PrimaryBasisSchema>;

export const EntryResultSchema = z.object({
  entryId: z.string(),
  name: z.string(),
  stage: LifeCycleStageSchema,
  kind: EntryKindSchema,
  amount: z.number(),
  unit: z.string(),
  /** where the activity happens: the entry's own region, else the study's */
  region: z.string().optional(),
  /** kg CO2e excluding removals (removal entries: 0) */
  total: z.number(),
  lines: LinesSchema,
  /** |total| over the sum of |total| of all entries */
  share: z.number(),
  primary: z.boolean(),
  /** why the entry counts as primary or secondary data (PACT: by where its emission factor comes from) */
  primaryBasis: PrimaryBasisSchema.optional(),
  /** PEF data quality rating of the entry, 1 (excellent) to 5 */
  dqr: z.number(),
  /** the pedigree of the activity amount the rating used: the entry's own, else the default for its evidence type */
  pedigree: PedigreeSchema.optional(),
  provenance: EntryProvenanceSchema,
});
export type EntryResult = z.infer<typeof EntryResultSchema>;

export interface TreeNode {
  name: string;
  /** kg CO2e, this node and everything below it */
  value: number;
  unit?: string;
  children: TreeNode[];
}
/** Recursive through a getter, with an id, so OpenAPI generation emits one $ref'd component. */
export const TreeNodeSchema: z.ZodType<TreeNode> = z
  .object({
    name: z.string(),
    value: z.number(),
    unit: z.string().optional(),
    get children() {
      return z.array(TreeNodeSchema);
    },
  })
  .meta({ id: 'TreeNode' });

/** An input of the calculation that a sensitivity or uncertainty analysis varies. */
export const InputRefSchema = z.object({
  kind: z.enum(['parameter', 'entry', 'background']),
  /** parameter name or entry id; 'lci' for the background processes' own exchange uncertainty */
  id: z.string(),
  name: z.string(),
});
export type InputRef = z.infer<typeof InputRefSchema>;

/** What a scenario or a sensitivity case changes the footprint to, in the terms of the headline. */
export const VariantOutcomeSchema = z.object({
  /** GHG emissions, removals excluded */
  total: z.number(),
  /** removals, negative */
  removals: z.number(),
  byStage: z.record(LifeCycleStageSchema, z.number()),
});

export const ScenarioResultSchema = VariantOutcomeSchema.extend({
  name: z.string(),
  description: z.string(),
  /** every parameter value the scenario ran with */
  values: z.record(z.string(), z.number()),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;

/** One input moved to its low and its high end, everything else at its base value. */
export const SensitivityCaseSchema = InputRefSchema.extend({
  /** the input's base, low and high values (a parameter's own unit; an entry's amount) */
  base: z.number(),
  low: z.number(),
  high: z.number(),
  unit: z.string(),
  /** where the range comes from: the parameter's min–max, its stated uncertainty, or the entry's 95 % interval */
  rangeBasis: z.enum(['min-max', 'stated-range', 'uncertainty-95', 'default-spread']),
  /** GHG emissions (removals excluded) with the input at its low and at its high end */
  totalLow: z.number(),
  totalHigh: z.number(),
  /** the same with removals counted (the ISO 14067 CFP) */
  cfpLow: z.number(),
  cfpHigh: z.number(),
});
export type SensitivityCase = z.infer<typeof SensitivityCaseSchema>;

export const SensitivityResultSchema = z.object({
  method: z.literal('one-at-a-time'),
  /** the base total the cases are compared with */
  baseTotal: z.number(),
  baseCfp: z.number(),
  /** largest swing of the CFP (|cfpHigh − cfpLow|) first: the order of a tornado chart */
  cases: z.array(SensitivityCaseSchema),
});
export type SensitivityResult = z.infer<typeof SensitivityResultSchema>;

export const VarianceContributionSchema = InputRefSchema.extend({
  /** a parameter's description or an entry's name as the user wrote them; the background's words, coded */
  name: StoredMessageSchema,
  /** squared Pearson correlation of the input's draws with the result: its first-order share of the variance */
  share: z.number(),
});
export type VarianceContribution = z.infer<typeof VarianceContributionSchema>;

export const UncertaintyResultSchema = z.object({
  iterations: z.number(),
  seed: z.number(),
  mean: z.number(),
  sd: z.number(),
  p2_5: z.number(),
  p50: z.number(),
  p97_5: z.number(),
  /** histogram of the draws: bin edges (n+1) and counts (n) */
  histogram: z.object({ edges: z.array(z.number()), counts: z.array(z.number()) }),
  method: z.string(),
  /** each uncertain input's first-order share of the variance (squared correlation with the result), largest first */
  contributions: z.array(VarianceContributionSchema).optional(),
});
export type UncertaintyResult = z.infer<typeof UncertaintyResultSchema>;

/** The headline values, each as its standard defines it; computed by `headlineOf` (src/model/headline.ts). */
export const HeadlineSchema = z.object({
  /** GHG emissions, removals excluded */
  emissions: z.number(),
  removals: z.object({ biogenicUptake: z.number(), landManagement: z.number(), total: z.number() }),
  /** ISO 14067:2018 3.1.1.1: the sum of GHG emissions and removals */
  cfp: z.number(),
  pact: z.object({
    v3: z.object({ excludingBiogenicUptake: z.number(), includingBiogenicUptake: z.number() }),
    v2: z.object({ excludingBiogenic: z.number(), includingBiogenic: z.number() }),
  }),
});

export const StudyResultSchema = z.object({
  studyId: z.string(),
  version: z.number(),
  computedAt: z.string(),
  method: StudyMethodSchema,
  gwpSet: z.string(),
  releases: z.object({ lci: z.string(), factors: z.string() }),
  unit: z.literal('kg CO2e'),
  /** per functional/declared unit: every GHG emission, removals excluded (ISO 14067 reports them apart) */
  total: z.number(),
  lines: LinesSchema,
  byStage: z.record(LifeCycleStageSchema, z.number()),
  entries: z.array(EntryResultSchema),
  /** entry ids by |total|, largest first */
  hotspots: z.array(z.string()),
  sankey: z.object({
    nodes: z.array(z.object({ name: z.string() })),
    links: z.array(z.object({ source: z.string(), target: z.string(), value: z.number() })),
  }),
  tree: TreeNodeSchema,
  uncertainty: UncertaintyResultSchema.nullable(),
  /** share of the total from primary (site-specific or supplier-specific) data, 0..1 */
  primaryDataShare: z.number(),
  /**
   * The parts ISO 14067 and PACT report apart, kg CO2e per declared unit: biogenic emissions split
   * into CO2 and other gases (their sum is lines.biogenic), removals split by where the carbon is
   * stored (their sum is lines.biogenicRemovals, ≤ 0). Absent in results stored before the split.
   */
  parts: z
    .object({
      biogenicCO2: z.number(),
      biogenicNonCO2: z.number(),
      landRemovals: z.number(),
      productUptake: z.number(),
    })
    .optional(),
  /** kg C per declared unit in the product: its own, plus what entries stating a carbon content bring */
  carbonContent: CarbonContentSchema.optional(),
  /** contribution-weighted PEF data quality rating, 1 (excellent) to 5 */
  dqr: z.number(),
  dqrLevel: z.string(),
  warnings: z.array(StoredMessageSchema),
  /** CFP, emissions, removals and PACT's values (absent in results stored before it existed: `headlineOf` derives it) */
  headline: HeadlineSchema.optional(),
  /** the parameter values the entry formulas were evaluated with */
  parameters: z.record(z.string(), z.number()).optional(),
  scenarios: z.array(ScenarioResultSchema).optional(),
  sensitivity: SensitivityResultSchema.optional(),
});
export type StudyResult = z.infer<typeof StudyResultSchema>;

export const RoleSchema = z.enum(['enterprise', 'steward', 'verifier', 'admin', 'public']);
export type Role = z.infer<typeof RoleSchema>;

/** The result's Sankey node that removals flow through, named like its "[stage]" nodes so the web app names it in the reader's language. */
export const REMOVALS_NODE = '[removals]';
/** The contribution tree's node of the upstream processes below the cut-off; the web app names it in the reader's language. */
export const CUTOFF_NODE = 'other (below cut-off)';
