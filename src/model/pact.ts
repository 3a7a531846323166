import { z } from 'zod';

/**
 * PACT Technical Specifications (WBCSD): the ProductFootprint exchanged between a data owner and
 * its data recipients, in v3.0 (openapi 3.0.3) and v2.3 (openapi 2.3.3), written by hand from
 * the OpenAPI files. Neither version sets `additionalProperties: false`, and the published
 * examples carry properties of other versions (`biogenicAccountingMethodology`,
 * `otherOperatorName` on the pcf), so every object is loose: unknown properties are kept, known
 * ones are checked. Rules the spec states in prose with MUST (geography scope, validity period,
 * DQR range, packaging) are refinements here.
 */

// ---- simple types, v3 components/schemas (v2 "format: decimal" strings follow the same grammar)

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** The message a number gets where the spec wants a decimal string: the commonest mistake. */
function decimalString(range: string) {
  const got = (input: unknown) => (typeof input === 'number' ? `the JSON number ${input}` : JSON.stringify(input));
  return z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? undefined
          : `expected a decimal string (${range}) such as "1.5", got ${got(iss.input)}`,
    })
    .regex(DECIMAL, {
      error: (iss) =>
        `expected a decimal string (${range}): digits with optional sign and fraction, no exponent, got ${got(iss.input)}`,
    });
}

/** v3 `Decimal` */
export const DecimalSchema = decimalString('any sign');
/** v3 `PositiveNonZeroDecimal` (its published pattern lacks a group around the alternation; this is the `> 0` it means) */
export const PositiveNonZeroDecimalSchema = decimalString('> 0').refine((s) => Number(s) > 0, 'must be greater than 0');
/** v3 `PositiveOrZeroDecimal` */
export const PositiveOrZeroDecimalSchema = decimalString('>= 0').refine((s) => Number(s) >= 0, 'must be 0 or more');
/** v3 `NegativeOrZeroDecimal`: uptakes and removals are written negative */
export const NegativeOrZeroDecimalSchema = decimalString('<= 0').refine(
  (s) => Number(s) <= 0,
  'must be 0 or less (uptake and removals are negative)',
);

function decimalBetween(min: number, max: number) {
  return decimalString(`${min} to ${max}`).refine(
    (s) => Number(s) >= min && Number(s) <= max,
    `must be between ${min} and ${max} inclusive`,
  );
}

/** v3 `Urn`: RFC 8141, checked as the spec's pattern does (scheme only) plus a namespace and a rest */
export const UrnSchema = z
  .string()
  .regex(
    /^[uU][rR][nN]:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:\S+$/,
    'expected a URN such as "urn:pact:example.com:product-id:1234" (RFC 8141)',
  );

/** `format: uuid`; any hex GUID, as JSON Schema validators accept (v3 example-1 uses a non-RFC-4122 version digit) */
export const UuidSchema = z.guid('expected a UUID such as "f4b1225a-bd44-4c8e-861d-079e4e1dfd69"');

/** `format: date-time`, RFC 3339 with a time zone */
export const DateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'expected an RFC 3339 date-time with time zone, such as "2024-12-31T00:00:00Z"',
});

export const SpecVersionSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+(-\d{8})?$/, 'expected "major.minor.patch", such as "3.0.0"');
export const UriSchema = z.url('expected an absolute URI');
const NonEmptyString = z.string().min(1, 'must not be empty');

/** `uniqueItems: true` with `minItems: 1`; the issue names the repeated item. */
function nonEmptySet<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .min(1, 'must have at least one item')
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((v, i) => {
        const key = JSON.stringify(v);
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `duplicate of an earlier item (${key}); items must be unique`,
          });
        seen.add(key);
      });
    });
}

// ---- shared between the versions

export const StatusSchema = z.enum(['Active', 'Deprecated']);

/** CarbonFootprint.geographyRegionOrSubregion: UN geographic regions and subregions */
export const UnRegionSchema = z.enum([
  'Africa',
  'Americas',
  'Asia',
  'Europe',
  'Oceania',
  'Australia and New Zealand',
  'Central Asia',
  'Eastern Asia',
  'Eastern Europe',
  'Latin America and the Caribbean',
  'Melanesia',
  'Micronesia',
  'Northern Africa',
  'Northern America',
  'Northern Europe',
  'Polynesia',
  'South-eastern Asia',
  'Southern Asia',
  'Southern Europe',
  'Sub-Saharan Africa',
  'Western Asia',
  'Western Europe',
]);
export type UnRegion = z.infer<typeof UnRegionSchema>;

/** ISO 3166-1 alpha-2 and ISO 3166-2 as the spec's patterns write them */
export const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "CN"');
export const CountrySubdivisionSchema = z
  .string()
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'expected an ISO 3166-2 code such as "CN-GD"');

const geography = {
  geographyRegionOrSubregion: UnRegionSchema.optional(),
  geographyCountry: CountrySchema.optional(),
  geographyCountrySubdivision: CountrySubdivisionSchema.optional(),
};

/** DataModelExtension (both versions) */
export const DataModelExtensionSchema = z.looseObject({
  specVersion: z.string(),
  dataSchema: UriSchema,
  documentation: UriSchema.optional(),
  data: z.record(z.string(), z.unknown()),
});

/** ProductOrSectorSpecificRule (both versions) */
export const ProductOrSectorSpecificRuleSchema = z.looseObject({
  operator: z.enum(['PEF', 'EPD International', 'Other']),
  ruleNames: nonEmptySet(NonEmptyString),
  otherOperatorName: NonEmptyString.optional(),
});

/** EmissionFactorSource (v3) / EmissionFactorDatabases (v2) */
export const EmissionFactorSourceSchema = z.looseObject({ name: NonEmptyString, version: NonEmptyString });

/** Error (both versions): the body of every 4xx/5xx response and of RequestRejectedEvent.data.error */
export const PactErrorSchema = z.looseObject({
  code: z.enum(['BadRequest', 'AccessDenied', 'TokenExpired', 'NotFound', 'InternalError', 'NotImplemented']),
  message: z.string(),
});
export type PactError = z.infer<typeof PactErrorSchema>;

type Ctx = z.core.$RefinementCtx;

/** CarbonFootprint scope: `oneOf [oneOf required-one-geography, not anyOf]`, i.e. at most one. */
function atMostOneGeography(pcf: Record<string, unknown>, ctx: Ctx) {
  const set = Object.keys(geography).filter((k) => pcf[k] !== undefined);
  if (set.length > 1)
    ctx.addIssue({
      code: 'custom',
      path: [set[1]],
      message: `only one of geographyRegionOrSubregion, geographyCountry, geographyCountrySubdivision may be given (also got ${set[0]})`,
    });
}

/** referencePeriodStart is inclusive and referencePeriodEnd exclusive, so the period is not empty. */
function referencePeriodOrdered(pcf: { referencePeriodStart: string; referencePeriodEnd: string }, ctx: Ctx) {
  if (Date.parse(pcf.referencePeriodEnd) <= Date.parse(pcf.referencePeriodStart)) {
    ctx.addIssue({
      code: 'custom',
      path: ['referencePeriodEnd'],
      message: `must be after referencePeriodStart (${pcf.referencePeriodStart})`,
    });
  }
}

function validityEndAfterStart(pf: { validityPeriodStart?: string; validityPeriodEnd?: string }, ctx: Ctx) {
  if (
    pf.validityPeriodStart &&
    pf.validityPeriodEnd &&
    Date.parse(pf.validityPeriodEnd) <= Date.parse(pf.validityPeriodStart)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['validityPeriodEnd'],
      message: `must be after validityPeriodStart (${pf.validityPeriodStart})`,
    });
  }
}

// ---- v3.0

/** v3 DataQualityIndicators: each DQR "MUST be between 1 and 5 inclusive" */
export const DataQualityIndicatorsV3Schema = z.looseObject({
  technologicalDQR: decimalBetween(1, 5),
  geographicalDQR: decimalBetween(1, 5),
  temporalDQR: decimalBetween(1, 5),
});

/** v3 Verification (renamed from Assurance) */
export const VerificationV3Schema = z.looseObject({
  coverage: z.enum(['PCF calculation model', 'PCF program', 'product level']).optional(),
  providerName: z.string().optional(),
  completedAt: DateTimeSchema.optional(),
  standardName: z.string().optional(),
  comments: z.string().optional(),
});

/** v3 CarbonFootprint */
export const CarbonFootprintV3Schema = z
  .looseObject({
    declaredUnitOfMeasurement: z.enum([
      'liter',
      'kilogram',
      'cubic meter',
      'kilowatt hour',
      'megajoule',
      'ton kilometer',
      'square meter',
      'piece',
      'hour',
      'megabit second',
    ]),
    declaredUnitAmount: PositiveNonZeroDecimalSchema,
    productMassPerDeclaredUnit: DecimalSchema,
    referencePeriodStart: DateTimeSchema,
    referencePeriodEnd: DateTimeSchema,
    ...geography,
    boundaryProcessesDescription: z.string().optional(),
    pcfExcludingBiogenicUptake: DecimalSchema,
    pcfIncludingBiogenicUptake: DecimalSchema,
    fossilCarbonContent: PositiveOrZeroDecimalSchema,
    biogenicCarbonContent: PositiveOrZeroDecimalSchema.optional(),
    recycledCarbonContent: PositiveOrZeroDecimalSchema.optional(),
    fossilGhgEmissions: PositiveOrZeroDecimalSchema,
    landUseChangeGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    landCarbonLeakage: PositiveOrZeroDecimalSchema.optional(),
    landManagementFossilGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    landManagementBiogenicCO2Emissions: PositiveOrZeroDecimalSchema.optional(),
    landManagementBiogenicCO2Removals: NegativeOrZeroDecimalSchema.optional(),
    biogenicCO2Uptake: NegativeOrZeroDecimalSchema.optional(),
    biogenicNonCO2Emissions: PositiveOrZeroDecimalSchema.optional(),
    landAreaOccupation: PositiveOrZeroDecimalSchema.optional(),
    aircraftGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    packagingEmissionsIncluded: z.boolean().optional(),
    packagingGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    packagingBiogenicCarbonContent: PositiveOrZeroDecimalSchema.optional(),
    outboundLogisticsGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    ccsTechnologicalCO2CaptureIncluded: z.boolean().optional(),
    ccsTechnologicalCO2Capture: NegativeOrZeroDecimalSchema.optional(),
    technologicalCO2CaptureOrigin: z.string().optional(),
    technologicalCO2Removals: NegativeOrZeroDecimalSchema.optional(),
    ccuCarbonContent: PositiveOrZeroDecimalSchema.optional(),
    ccuCalculationApproach: z.enum(['Cut-off', 'Credit']).optional(),
    ccuCreditCertification: UriSchema.optional(),
    ipccCharacterizationFactors: nonEmptySet(
      z.string().regex(/^AR\d+$/, 'expected "AR" and the IPCC report number, such as "AR6"'),
    ),
    /** x-enum only: later revisions may add standards, which a host MUST accept */
    crossSectoralStandards: nonEmptySet(NonEmptyString),
    productOrSectorSpecificRules: nonEmptySet(ProductOrSectorSpecificRuleSchema).optional(),
    /** no upper bound since 3.0 (was at most 5 % in 2.x); a percentage all the same */
    exemptedEmissionsPercent: decimalBetween(0, 100),
    exemptedEmissionsDescription: z.string().optional(),
    allocationRulesDescription: z.string().optional(),
    secondaryEmissionFactorSources: z
      .array(EmissionFactorSourceSchema)
      .min(1, 'must have at least one item, or be left out when no secondary data was used')
      .optional(),
    /** percent of pcfExcludingBiogenicUptake */
    primaryDataShare: decimalBetween(0, 100).optional(),
    dqi: DataQualityIndicatorsV3Schema.optional(),
    verification: VerificationV3Schema.optional(),
  })
  .superRefine((pcf, ctx) => {
    atMostOneGeography(pcf, ctx);
    referencePeriodOrdered(pcf, ctx);
    // "MUST be undefined if packagingEmissionsIncluded is false": a packaging figure needs the flag set
    if (pcf.packagingGhgEmissions !== undefined && pcf.packagingEmissionsIncluded !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['packagingGhgEmissions'],
        message: 'may only be given when packagingEmissionsIncluded is true',
      });
    }
    if (pcf.ccsTechnologicalCO2CaptureIncluded === false) {
      for (const k of [
        'ccsTechnologicalCO2Capture',
        'technologicalCO2Removals',
        'technologicalCO2CaptureOrigin',
      ] as const) {
        if (pcf[k] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: 'must be left out when ccsTechnologicalCO2CaptureIncluded is false',
          });
      }
    }
  });
export type CarbonFootprintV3 = z.infer<typeof CarbonFootprintV3Schema>;

/** v3 ProductFootprint */
export const ProductFootprintV3Schema = z
  .looseObject({
    id: UuidSchema,
    specVersion: SpecVersionSchema.refine((v) => v.startsWith('3.'), 'a v3 ProductFootprint has specVersion 3.x.y'),
    precedingPfIds: nonEmptySet(UuidSchema).optional(),
    created: DateTimeSchema,
    /** v2.x properties the v3 schema keeps commented out: still checked when a document carries them */
    updated: DateTimeSchema.optional(),
    version: z.literal(1, 'deprecated in 3.0: when given it MUST be 1').optional(),
    status: StatusSchema,
    validityPeriodStart: DateTimeSchema.optional(),
    validityPeriodEnd: DateTimeSchema.optional(),
    companyName: NonEmptyString,
    companyIds: nonEmptySet(UrnSchema),
    productDescription: z.string(),
    productIds: nonEmptySet(UrnSchema),
    productClassifications: nonEmptySet(UrnSchema).optional(),
    productNameCompany: NonEmptyString,
    comment: z.string().optional(),
    pcf: CarbonFootprintV3Schema,
    extensions: z.array(DataModelExtensionSchema).optional(),
  })
  .superRefine(validityEndAfterStart);
export type ProductFootprintV3 = z.infer<typeof ProductFootprintV3Schema>;

// ---- v2.3

/** v2 FloatBetween1And3 */
const Dqr2 = z.number().min(1, 'must be between 1 and 3').max(3, 'must be between 1 and 3');
const Percent = z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100');

/** v2 DataQualityIndicators */
export const DataQualityIndicatorsV2Schema = z.looseObject({
  coveragePercent: Percent,
  technologicalDQR: Dqr2,
  temporalDQR: Dqr2,
  geographicalDQR: Dqr2,
  completenessDQR: Dqr2,
  reliabilityDQR: Dqr2,
});

/** v2 Assurance */
export const AssuranceV2Schema = z.looseObject({
  assurance: z.boolean(),
  coverage: z.enum(['corporate level', 'product line', 'PCF system', 'product level']).optional(),
  level: z.enum(['limited', 'reasonable']).optional(),
  boundary: z.enum(['Gate-to-Gate', 'Cradle-to-Gate']).optional(),
  providerName: z.string(),
  completedAt: DateTimeSchema.optional(),
  standardName: z.string().optional(),
  comments: z.string().optional(),
});

/** v2 CarbonFootprint; the yaml's x-comment sign rules ('>= 0', '<= 0', '> 0') are the tech spec's MUSTs */
export const CarbonFootprintV2Schema = z
  .looseObject({
    declaredUnit: z.enum([
      'liter',
      'kilogram',
      'cubic meter',
      'kilowatt hour',
      'megajoule',
      'ton kilometer',
      'square meter',
    ]),
    unitaryProductAmount: PositiveNonZeroDecimalSchema,
    productMassPerDeclaredUnit: DecimalSchema.optional(),
    pCfExcludingBiogenic: PositiveOrZeroDecimalSchema,
    pCfIncludingBiogenic: DecimalSchema.optional(),
    fossilGhgEmissions: PositiveOrZeroDecimalSchema,
    fossilCarbonContent: PositiveOrZeroDecimalSchema,
    biogenicCarbonContent: PositiveOrZeroDecimalSchema,
    dLucGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    landManagementGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    otherBiogenicGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    iLucGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    biogenicCarbonWithdrawal: NegativeOrZeroDecimalSchema.optional(),
    aircraftGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    packagingEmissionsIncluded: z.boolean(),
    packagingGhgEmissions: PositiveOrZeroDecimalSchema.optional(),
    /** deprecated in 2.3, still required */
    characterizationFactors: z.enum(['AR6', 'AR5']),
    ipccCharacterizationFactorsSources: nonEmptySet(
      z.string().regex(/^AR\d+$/, 'expected "AR" and the IPCC report number, such as "AR6"'),
    ),
    /** deprecated in 2.3, still required */
    crossSectoralStandardsUsed: nonEmptySet(
      z.enum(['GHG Protocol Product standard', 'ISO Standard 14067', 'ISO Standard 14044']),
    ),
    crossSectoralStandards: nonEmptySet(
      z.enum(['ISO14067', 'ISO14083', 'ISO14040-44', 'GHGP-Product', 'PEF', 'PACT-1.0', 'PACT-2.0', 'PACT-3.0']),
    ).optional(),
    productOrSectorSpecificRules: nonEmptySet(ProductOrSectorSpecificRuleSchema).optional(),
    biogenicAccountingMethodology: z.enum(['PEF', 'ISO', 'GHGP', 'Quantis']).optional(),
    boundaryProcessesDescription: z.string(),
    referencePeriodStart: DateTimeSchema,
    referencePeriodEnd: DateTimeSchema,
    ...geography,
    secondaryEmissionFactorSources: z
      .array(EmissionFactorSourceSchema)
      .min(1, 'must have at least one item')
      .optional(),
    exemptedEmissionsPercent: Percent,
    exemptedEmissionsDescription: z.string(),
    allocationRulesDescription: z.string().optional(),
    uncertaintyAssessmentDescription: z.string().optional(),
    primaryDataShare: Percent.optional(),
    dqi: DataQualityIndicatorsV2Schema.optional(),
    assurance: AssuranceV2Schema.optional(),
  })
  .superRefine((pcf, ctx) => {
    atMostOneGeography(pcf, ctx);
    referencePeriodOrdered(pcf, ctx);
    if (pcf.packagingGhgEmissions !== undefined && !pcf.packagingEmissionsIncluded) {
      ctx.addIssue({
        code: 'custom',
        path: ['packagingGhgEmissions'],
        message: 'may only be given when packagingEmissionsIncluded is true',
      });
    }
  });
export type CarbonFootprintV2 = z.infer<typeof CarbonFootprintV2Schema>;

const THREE_YEARS_MS = (3 * 365 + 1) * 24 * 3600 * 1000;

/** v2 ProductFootprint; validity period rules of ProductFootprint/validityPeriodStart */
export const ProductFootprintV2Schema = z
  .looseObject({
    id: UuidSchema,
    specVersion: SpecVersionSchema,
    precedingPfIds: nonEmptySet(UuidSchema).optional(),
    version: z.int32().min(0, 'must be 0 or more'),
    created: DateTimeSchema,
    updated: DateTimeSchema.optional(),
    status: StatusSchema,
    statusComment: z.string().optional(),
    validityPeriodStart: DateTimeSchema.optional(),
    validityPeriodEnd: DateTimeSchema.optional(),
    companyName: NonEmptyString,
    companyIds: nonEmptySet(UrnSchema),
    productDescription: z.string(),
    productIds: nonEmptySet(UrnSchema),
    productClassifications: nonEmptySet(UrnSchema).optional(),
    productCategoryCpc: NonEmptyString,
    productNameCompany: NonEmptyString,
    comment: z.string(),
    pcf: CarbonFootprintV2Schema,
    extensions: z.array(DataModelExtensionSchema).optional(),
  })
  .superRefine((pf, ctx) => {
    validityEndAfterStart(pf, ctx);
    const refEnd = Date.parse(pf.pcf.referencePeriodEnd);
    if (pf.validityPeriodStart && Date.parse(pf.validityPeriodStart) < refEnd) {
      ctx.addIssue({
        code: 'custom',
        path: ['validityPeriodStart'],
        message: `must not be before pcf.referencePeriodEnd (${pf.pcf.referencePeriodEnd})`,
      });
    }
    if (pf.validityPeriodEnd && Date.parse(pf.validityPeriodEnd) > refEnd + THREE_YEARS_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['validityPeriodEnd'],
        message: `must be at most 3 years after pcf.referencePeriodEnd (${pf.pcf.referencePeriodEnd})`,
      });
    }
  });
export type ProductFootprintV2 = z.infer<typeof ProductFootprintV2Schema>;

// ---- responses and events

/** ListFootprints 200: `data` MUST be an array, possibly empty, never null */
export const ListFootprintsResponseV3Schema = z.looseObject({ data: z.array(ProductFootprintV3Schema) });
/** GetFootprint 200 */
export const GetFootprintResponseV3Schema = z.looseObject({ data: ProductFootprintV3Schema });
export const ListFootprintsResponseV2Schema = z.looseObject({ data: z.array(ProductFootprintV2Schema) });
export const GetFootprintResponseV2Schema = z.looseObject({ data: ProductFootprintV2Schema });

/** CloudEvents envelope (BaseEvent) */
const eventBase = { specversion: z.string(), id: z.string(), source: z.string(), time: DateTimeSchema };

/** v3 events: the `type` constants end in `.3` */
export const EventV3Schema = z.discriminatedUnion('type', [
  z.looseObject({
    ...eventBase,
    type: z.literal('org.wbcsd.pact.ProductFootprint.PublishedEvent.3'),
    data: z.looseObject({ pfIds: z.array(UuidSchema).optional() }),
  }),
  z.looseObject({
    ...eventBase,
    type: z.literal('org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3'),
    data: z.looseObject({
      productId: z.array(UrnSchema).optional(),
      companyId: z.array(UrnSchema).optional(),
      geography: z.array(z.string()).optional(),
      classification: z.array(UrnSchema).optional(),
      validOn: DateTimeSchema.optional(),
      validAfter: DateTimeSchema.optional(),
      validBefore: DateTimeSchema.optional(),
      status: StatusSchema.optional(),
      comment: z.string().optional(),
    }),
  }),
  z.looseObject({
    ...eventBase,
    type: z.literal('org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3'),
    data: z.looseObject({
      requestEventId: z.string(),
      pfs: z
        .array(ProductFootprintV3Schema)
        .min(1, 'must have at least one footprint; send a RequestRejectedEvent instead'),
    }),
  }),
  z.looseObject({
    ...eventBase,
    type: z.literal('org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3'),
    data: z.looseObject({ requestEventId: z.string(), error: PactErrorSchema }),
  }),
]);
export type EventV3 = z.infer<typeof EventV3Schema>;

/** v2 events (`source` is a uri-reference; not checked further) */
export const EventV2Schema = z.discriminatedUnion('type', [
  z.looseObject({
    ...eventBase,
    type: z.literal('org.wbcsd.pathfinder.ProductFootprint.Published.v1'),
    data: z.looseObject({ pfIds: z.array(UuidSchema).optional() }),
  }),
  z.looseObject({
    ...eventBase,
    type: z.literal('org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1'),
    data: z.looseObject({ pf: z.record(z.string(), z.unknown()), comment: z.string().optional() }),
  }),
  z.looseObject({
    ...eventBase,
    type: z.literal('org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1'),
    data: z.looseObject({ requestEventId: z.string(), pfs: z.array(ProductFootprintV2Schema) }),
  }),
  z.looseObject({
    ...eventBase,
    type: z.literal('org.wbcsd.pathfinder.ProductFootprintRequest.Rejected.v1'),
    data: z.looseObject({ requestEventId: z.string(), error: PactErrorSchema }),
  }),
]);
export type EventV2 = z.infer<typeof EventV2Schema>;

export type PactVersion = '2.3' | '3.0';
export type ProductFootprintOf<V extends PactVersion> = V extends '3.0' ? ProductFootprintV3 : ProductFootprintV2;
