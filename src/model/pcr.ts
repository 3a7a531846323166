import { z } from 'zod';
import { LifeCycleStageSchema } from './lci.ts';
import { EntryKindSchema, ParameterSchema, StudyPcrSchema, SystemBoundarySchema } from './study.ts';

/**
 * A product category rule (PCR) as data: what a footprint of one kind of product must contain
 * and how it is declared. One versioned JSON file per rule (`src/rules/pcr/`), parsed with
 * `PcrSchema` when loaded, so a broken file is refused with the field named. A product rule
 * `extends` the general rule (GB/T 24067) and inherits its report items.
 *
 * Every rule cites the document it encodes; every figure carries `verified`: true only when it
 * was confirmed from a public source (named in `source`), false when it is the rule author's
 * reading that still needs checking against the published text. Nothing is invented silently.
 */

export const TextSchema = z.object({ zh: z.string().min(1).max(2000), en: z.string().min(1).max(2000) });
export type PcrText = z.infer<typeof TextSchema>;

/** Where a requirement or value comes from: the clause of the encoded document, and whether it was confirmed. */
export const SourceNoteSchema = z.object({
  clause: z.string().max(200).optional(),
  /** true: checked against a public text; false: to be confirmed against the published document */
  verified: z.boolean(),
  note: z.string().max(1000).optional(),
});
export type SourceNote = z.infer<typeof SourceNoteSchema>;

export const PcrDocumentSchema = z.object({
  issuer: TextSchema,
  title: TextSchema,
  /** the document's own number, e.g. "GB/T 24067-2024", "Regulation (EU) 2023/1542" */
  number: z.string().min(1).max(200),
  /** publication or adoption date, YYYY, YYYY-MM or YYYY-MM-DD */
  date: z.string().regex(/^\d{4}(-\d{2}){0,2}$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD'),
  status: z.enum(['in-force', 'adopted', 'draft', 'trial', 'guidance']),
  url: z.url().optional(),
  /** false when number, title or date could not be confirmed from a public source */
  verified: z.boolean(),
  note: z.string().max(1000).optional(),
});
export type PcrDocument = z.infer<typeof PcrDocumentSchema>;

/** A product parameter the declared unit is a formula of (capacity, cycles, years, peak power, mileage). */
export const PcrParameterSchema = z
  .object({
    name: ParameterSchema.shape.name,
    unit: z.string().max(32),
    label: TextSchema,
    description: TextSchema.optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    default: z.number().finite().optional(),
    /** when the rule fixes the value to one of a list (full equivalent cycles per year by vehicle category) */
    choices: z
      .array(z.object({ value: z.number().finite(), label: TextSchema }))
      .min(1)
      .max(20)
      .optional(),
    source: SourceNoteSchema,
  })
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, {
    message: 'min exceeds max',
    path: ['max'],
  })
  .refine(
    (p) =>
      p.default === undefined ||
      ((p.min === undefined || p.default >= p.min) && (p.max === undefined || p.default <= p.max)),
    {
      message: 'the default lies outside min–max',
      path: ['default'],
    },
  );
export type PcrParameter = z.infer<typeof PcrParameterSchema>;

/**
 * A unit the result is declared in, as a formula of the parameters (src/engine/formula.ts): how
 * many declared units one inventory (one `referenceFlow`) delivers. The first is the declared
 * value; others are reported beside it (a vehicle per km and per vehicle).
 */
export const DeclaredUnitRuleSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** e.g. "kWh", "kWp", "km", "vehicle", "kg" */
  unit: z.string().min(1).max(32),
  label: TextSchema,
  formula: z.string().min(1).max(500),
  source: SourceNoteSchema,
});
export type DeclaredUnitRule = z.infer<typeof DeclaredUnitRuleSchema>;

/** A life cycle stage as the rule names it, and the Tanji stages its entries sit in. */
export const PcrStageSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: TextSchema,
  maps: z.array(LifeCycleStageSchema).min(1),
  /** required: the declaration reports it and it must hold entries */
  required: z.boolean(),
  /** several rule stages share a Tanji stage (PV: polysilicon, wafer, cell, module are all production): entries name theirs */
  source: SourceNoteSchema,
});
export type PcrStage = z.infer<typeof PcrStageSchema>;

export const ExcludedStageSchema = z.object({
  name: TextSchema,
  maps: z.array(LifeCycleStageSchema),
  reason: TextSchema,
  source: SourceNoteSchema,
});

/** Data the rule requires: an entry of this stage and kind, site-specific when `primary`. */
export const MandatoryDataSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: TextSchema,
  stage: LifeCycleStageSchema,
  /** the rule stage it belongs to, when the rule splits a Tanji stage */
  pcrStage: z.string().optional(),
  kind: EntryKindSchema,
  /** the unit the placeholder entry is created in */
  unit: z.string().min(1).max(32),
  /** the amount as a formula of the parameters, when the rule fixes how it is worked out (driving electricity over the lifetime) */
  formula: z.string().max(500).optional(),
  /** must be backed by a meter reading, invoice, measurement or supplier statement */
  primary: z.boolean(),
  note: TextSchema.optional(),
  source: SourceNoteSchema,
});
export type MandatoryData = z.infer<typeof MandatoryDataSchema>;

/** A performance class or threshold, best first: a declared value strictly below `below` reaches it. */
export const PerformanceClassSchema = z.object({
  label: z.string().min(1).max(40),
  below: z.number().positive(),
  meaning: TextSchema,
});

export const PcrSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id is lower case letters, digits and -'),
    version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'a version is MAJOR.MINOR or MAJOR.MINOR.PATCH'),
    title: TextSchema,
    summary: TextSchema,
    /** the rule this one refines; its report items and general requirements apply too */
    extends: z.string().optional(),
    document: PcrDocumentSchema,
    /** further documents the rule draws on (JRC report, standards it refers to) */
    related: z
      .array(PcrDocumentSchema.extend({ relation: TextSchema }))
      .max(20)
      .default([]),
    scope: z.object({
      description: TextSchema,
      /** UN Central Product Classification codes */
      cpc: z.array(z.string().regex(/^\d{1,5}$/)).max(20),
      /** GB/T 4754-2017 industry codes */
      gbt4754: z.array(z.string().regex(/^[A-T]?\d{0,4}$/)).max(20),
      source: SourceNoteSchema,
    }),
    parameters: z.array(PcrParameterSchema).max(20).default([]),
    /** absent in the general rule: the study's own unit applies */
    declaredUnits: z.array(DeclaredUnitRuleSchema).max(4).default([]),
    /** what one inventory of the study describes: "one battery pack", "one module" */
    referenceFlow: TextSchema.optional(),
    boundary: z.object({ type: SystemBoundarySchema.optional(), description: TextSchema, source: SourceNoteSchema }),
    stages: z.array(PcrStageSchema).max(12).default([]),
    excludedStages: z.array(ExcludedStageSchema).max(6).default([]),
    cutoff: z.object({ text: TextSchema, source: SourceNoteSchema }),
    allocation: z.object({ text: TextSchema, source: SourceNoteSchema }),
    electricity: z.object({
      text: TextSchema,
      /** the production stage's electricity must be metered on site */
      metered: z.boolean().default(false),
      /** the rule asks for a residual mix when no contractual instrument qualifies (Tanji's releases carry location-based averages) */
      residualMix: z.boolean().default(false),
      source: SourceNoteSchema,
    }),
    mandatoryData: z.array(MandatoryDataSchema).max(40).default([]),
    dataQuality: z.object({
      text: TextSchema,
      /** the study DQR must not exceed this (1 excellent … 5 poor) */
      maxDqr: z.number().min(1).max(5).optional(),
      /** share of the total from primary data the rule expects at least */
      minPrimaryShare: z.number().min(0).max(1).optional(),
      source: SourceNoteSchema,
    }),
    /** biogenic carbon, removals and land use change reported on their own lines, as the rule asks */
    separateReporting: z
      .object({ removals: z.boolean(), landUseChange: z.boolean(), text: TextSchema, source: SourceNoteSchema })
      .optional(),
    /** ISO 14067 report items (src/rules/iso14067.ts ids) the rule requires; children add to their parent's */
    reportItems: z.array(z.string()).max(40).default([]),
    /** further items the declaration states (text only: the report lists them) */
    declarationItems: z.array(TextSchema).max(20).default([]),
    performanceClasses: z
      .object({
        unit: z.string(),
        classes: z.array(PerformanceClassSchema).min(1).max(10),
        text: TextSchema,
        source: SourceNoteSchema,
      })
      .optional(),
    /** how this rule differs from another one, stated side by side */
    differences: z
      .array(z.object({ topic: TextSchema, this: TextSchema, other: TextSchema, otherRule: z.string() }))
      .max(20)
      .default([]),
  })
  .superRefine((r, ctx) => {
    const names = new Set(r.parameters.map((p) => p.name));
    if (names.size !== r.parameters.length)
      ctx.addIssue({ code: 'custom', path: ['parameters'], message: 'parameter names repeat' });
    const stageIds = new Set(r.stages.map((s) => s.id));
    r.mandatoryData.forEach((m, i) => {
      if (m.pcrStage && !stageIds.has(m.pcrStage))
        ctx.addIssue({
          code: 'custom',
          path: ['mandatoryData', i, 'pcrStage'],
          message: `"${m.pcrStage}" is not a stage of this rule`,
        });
      const stage = r.stages.find((s) => s.id === m.pcrStage);
      if (stage && !stage.maps.includes(m.stage))
        ctx.addIssue({
          code: 'custom',
          path: ['mandatoryData', i, 'stage'],
          message: `stage "${m.pcrStage}" does not cover ${m.stage}`,
        });
    });
    const ids = r.mandatoryData.map((m) => m.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['mandatoryData'], message: 'mandatory data ids repeat' });
    const classes = r.performanceClasses?.classes ?? [];
    classes.forEach((c, i) => {
      if (i > 0 && c.below <= classes[i - 1]!.below)
        ctx.addIssue({
          code: 'custom',
          path: ['performanceClasses', 'classes', i, 'below'],
          message: 'class bounds must increase',
        });
    });
  });
export type Pcr = z.infer<typeof PcrSchema>;
export type PcrInput = z.input<typeof PcrSchema>;

/** A finding of the check of a study against its rule: coded (src/i18n/pcr.ts), with what is at fault. */
export const PcrFindingSchema = z.object({
  requirement: z.string(),
  /** which rule states it (a product rule or the general rule it extends) */
  rule: z.string(),
  clause: z.string().optional(),
  status: z.enum(['ok', 'missing', 'warning']),
  /** a failing mandatory requirement blocks verification */
  mandatory: z.boolean(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
  /** rendered texts, for readers without the catalogue */
  text: TextSchema,
});
export type PcrFinding = z.infer<typeof PcrFindingSchema>;

/** The result in the rule's units: value per declared unit, split by the rule's stages. */
export const DeclaredResultSchema = z.object({
  pcr: StudyPcrSchema,
  units: z.array(
    z.object({
      id: z.string(),
      unit: z.string(),
      label: TextSchema,
      formula: z.string(),
      /** declared units one inventory delivers (the formula evaluated) */
      perInventory: z.number(),
      /** kg CO2e per declared unit, removals excluded */
      value: z.number(),
      /** biogenic removals per declared unit (negative, reported apart) */
      removals: z.number(),
      byStage: z.array(z.object({ stage: z.string(), name: TextSchema, value: z.number() })),
    }),
  ),
  performanceClass: z.string().nullable(),
});
export type DeclaredResult = z.infer<typeof DeclaredResultSchema>;

export const PcrCheckSchema = z.object({
  pcr: StudyPcrSchema.extend({ title: TextSchema }),
  studyId: z.string(),
  version: z.number(),
  /** no failing mandatory requirement: the study may go to verification */
  conforms: z.boolean(),
  findings: z.array(PcrFindingSchema),
  declared: DeclaredResultSchema.nullable(),
});
export type PcrCheck = z.infer<typeof PcrCheckSchema>;
