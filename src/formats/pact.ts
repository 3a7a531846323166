import type { z } from 'zod';
import {
  EventV2Schema,
  EventV3Schema,
  GetFootprintResponseV2Schema,
  GetFootprintResponseV3Schema,
  ListFootprintsResponseV2Schema,
  ListFootprintsResponseV3Schema,
  PactErrorSchema,
  ProductFootprintV2Schema,
  ProductFootprintV3Schema,
  UnRegionSchema,
  type PactVersion,
  type ProductFootprintOf,
  type ProductFootprintV2,
  type ProductFootprintV3,
} from '../model/pact.ts';
import { coder, type CodedMessage } from '../i18n/define.ts';
import { PACT_TEXTS } from '../i18n/pact.ts';
import { DomainError } from '../model/errors.ts';
import { pactGhgFields } from '../model/headline.ts';
import type { Study, StudyResult } from '../model/study.ts';

/**
 * PACT exchange: checking documents against the v2.3 / v3.0 schemas of `src/model/pact.ts` with
 * errors a person can act on, and writing a Tanji study result as a ProductFootprint.
 */

export type PactDocumentKind = 'footprint' | 'list' | 'get' | 'event' | 'error';

const SCHEMAS: Record<PactVersion, Record<PactDocumentKind, z.ZodType>> = {
  '3.0': {
    footprint: ProductFootprintV3Schema,
    list: ListFootprintsResponseV3Schema,
    get: GetFootprintResponseV3Schema,
    event: EventV3Schema,
    error: PactErrorSchema,
  },
  '2.3': {
    footprint: ProductFootprintV2Schema,
    list: ListFootprintsResponseV2Schema,
    get: GetFootprintResponseV2Schema,
    event: EventV2Schema,
    error: PactErrorSchema,
  },
};

export type PactValidation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Any PACT document of a version: a footprint, a list or get response, an event, an error body. */
export function validatePactDocument(
  json: unknown,
  kind: PactDocumentKind,
  version: PactVersion,
): PactValidation<unknown> {
  const r = SCHEMAS[version][kind].safeParse(json, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: r.error.issues.map(describeIssue) };
}

export function validatePactFootprint<V extends PactVersion>(
  json: unknown,
  version: V,
): { ok: true; footprint: ProductFootprintOf<V> } | { ok: false; errors: string[] } {
  const r = validatePactDocument(json, 'footprint', version);
  return r.ok ? { ok: true, footprint: r.value as ProductFootprintOf<V> } : r;
}

/** `pcf.dqi.technologicalDQR`, `data[0].companyIds[1]` */
function jsonPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : p ? `${p}.${String(k)}` : String(k)), '') ||
    '(document)'
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const at = jsonPath(issue.path);
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${at}: required property is missing`;
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input'))
    return `${at}: expected ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}, got ${JSON.stringify(issue.input)}`;
  if (issue.code === 'invalid_union' && 'discriminator' in issue)
    return `${at}: ${JSON.stringify((issue.input as { type?: unknown })?.type)} is not an event type of this version`;
  return `${at}: ${issue.message}`;
}

// ---- Tanji study → ProductFootprint

const coded = coder(PACT_TEXTS);

/** A problem of the mapping: Tanji's own in the catalogue's words; the spec validator's as it words them. */
export type MappingProblem = string | CodedMessage;

/**
 * A study the Tech Spec cannot express as it is. `errors` (the API's details) lists every problem
 * in English, as before; a single problem is also nested in the message, so it reads in the
 * reader's language.
 */
export class PactMappingError extends DomainError {
  readonly errors: string[];

  constructor(problems: MappingProblem[]) {
    const errors = problems.map((p) => (typeof p === 'string' ? p : p.message));
    const listed = problems.length === 1 ? problems[0]! : errors.join('\n  ');
    super('invalid', 'not-pact-conformant', coded('pact.not-conformant', { problems: listed }), errors);
    this.errors = errors;
  }
}

export interface PactExportOptions<V extends PactVersion = PactVersion> {
  version: V;
  /** the footprint's id (a UUID); a new one for every change, as both versions want */
  id: string;
  companyName: string;
  companyIds: string[];
  productIds: string[];
  created: string;
  status?: 'Active' | 'Deprecated';
  /** v2.3 `version`; defaults to the study's version */
  footprintVersion?: number;
  referencePeriod: { start: string; end: string };
  /** ISO 3166-1 country, ISO 3166-2 subdivision or UN region name; defaults to study.region */
  geography?: string;
  /** kg per declared unit, needed when the declared unit is not a mass, energy, transport or time unit */
  productMassPerDeclaredUnit?: number;
  /** kg C per declared unit; defaults to the result's (the product's and its entries' stated carbon), else 0 */
  carbonContent?: { fossil: number; biogenic: number };
  /** whether packaging is in the inventory; defaults to an entry named packaging (包装) */
  packagingEmissionsIncluded?: boolean;
  /** the footprints this one replaces */
  precedingPfIds?: string[];
  validityPeriod?: { start: string; end: string };
  /** the third-party verification of the result (v3 pcf.verification, v2 pcf.assurance) */
  verification?: { providerName: string; completedAt: string; comments: string };
}

const UNITS: Record<string, { v3: ProductFootprintV3['pcf']['declaredUnitOfMeasurement']; massless?: true }> = {
  kg: { v3: 'kilogram' },
  l: { v3: 'liter' },
  liter: { v3: 'liter' },
  m3: { v3: 'cubic meter' },
  m2: { v3: 'square meter' },
  kwh: { v3: 'kilowatt hour', massless: true },
  mj: { v3: 'megajoule', massless: true },
  't*km': { v3: 'ton kilometer', massless: true },
  tkm: { v3: 'ton kilometer', massless: true },
  h: { v3: 'hour', massless: true },
  piece: { v3: 'piece' },
  item: { v3: 'piece' },
  'item(s)': { v3: 'piece' },
  p: { v3: 'piece' },
  pcs: { v3: 'piece' },
};

const STAGE_NAMES: Record<string, string> = {
  'raw-materials': 'Raw material acquisition',
  manufacturing: 'Production',
  distribution: 'Distribution',
  use: 'Use',
  'end-of-life': 'End of life',
};

/**
 * Decimal string of a number: 12 significant digits (drops float noise such as 0.1 + 0.2 while
 * keeping tiny per-unit values), never in exponent notation, which the Decimal pattern refuses.
 */
export function toPactDecimal(x: number): string {
  if (!Number.isFinite(x)) throw new PactMappingError([coded('pact.map.not-finite', { value: String(x) })]);
  const r = Number(x.toPrecision(12));
  if (r === 0) return '0';
  const s = r.toFixed(Math.min(100, Math.max(0, 11 - Math.floor(Math.log10(Math.abs(r))))));
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function geographyOf(code: string): Record<string, string> {
  if (/^[A-Z]{2}$/.test(code)) return { geographyCountry: code };
  if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) return { geographyCountrySubdivision: code };
  if (UnRegionSchema.safeParse(code).success) return { geographyRegionOrSubregion: code };
  throw new PactMappingError([coded('pact.map.geography', { code })]);
}

/** Tanji's DQR and PACT v3's are both 1 (best) to 5; v2's run 1 to 3, so the scale is stretched linearly. */
const dqrV2 = (dqr: number) => Math.round((1 + (dqr - 1) / 2) * 100) / 100;

function boundaryDescription(study: Study): string {
  const stages = new Map<string, string[]>();
  for (const e of study.entries) stages.set(e.stage, [...(stages.get(e.stage) ?? []), e.name]);
  const parts = [...stages].map(([stage, names]) => `${STAGE_NAMES[stage] ?? stage}: ${names.join(', ')}`);
  return `${study.boundary}, reference flow ${study.referenceFlow}. ${parts.join('; ')}.`;
}

function secondarySources(result: StudyResult) {
  const seen = new Map<string, { name: string; version: string }>();
  for (const { provenance: p } of result.entries) {
    if ((p.type === 'factor' || p.type === 'process') && p.release) {
      const name = p.type === 'factor' ? 'Tanji factor release' : 'LCI database release';
      seen.set(`${name}\n${p.release}`, { name, version: p.release });
    }
  }
  return seen.size ? [...seen.values()] : undefined;
}

const BIOGENIC_CO2_NOTE =
  'Biogenic CO2 emissions are reported as landManagementBiogenicCO2Emissions: v3 counts all biogenic CO2 emissions in the PCF and that is the only field its PCF sums carry for them.';

/** the GHG fields of both versions: src/model/headline.ts, where the CFP headline reads them too */
export { pactGhgFields };

/** Whatever both versions say the same way, in Tanji's terms. */
function common(study: Study, result: StudyResult, opts: PactExportOptions) {
  const problems: MappingProblem[] = [];
  if (result.studyId !== study.id || result.version !== study.version)
    problems.push(
      coded('pact.map.other-result', {
        resultStudy: result.studyId,
        resultVersion: result.version,
        study: study.id,
        version: study.version,
      }),
    );
  const unit = UNITS[study.unit.unit.toLowerCase()];
  if (!unit) problems.push(coded('pact.map.unit', { unit: study.unit.unit }));
  const mass = unit?.v3 === 'kilogram' ? study.unit.amount : unit?.massless ? 0 : opts.productMassPerDeclaredUnit;
  if (unit && mass === undefined)
    problems.push(coded('pact.map.mass', { unit: study.unit.unit, amount: study.unit.amount }));
  if (problems.length) throw new PactMappingError(problems);
  const assessed =
    opts.carbonContent ??
    (result.carbonContent && { fossil: result.carbonContent.fossilKgC, biogenic: result.carbonContent.biogenicKgC });
  return {
    unit: unit!.v3,
    mass,
    geography: geographyOf(opts.geography ?? study.region),
    ar: result.method === 'ipcc-ar6-gwp100' ? ('AR6' as const) : ('AR5' as const),
    ghg: pactGhgFields(result),
    carbon: assessed ?? { fossil: 0, biogenic: 0 },
    packaging: opts.packagingEmissionsIncluded ?? study.entries.some((e) => /packag|包装/i.test(e.name)),
    comment: [
      `${study.name}: calculated with Tanji to ISO 14067 / GB/T 24067, ${result.gwpSet}; LCI release ${result.releases.lci}, factor release ${result.releases.factors}.`,
      assessed ? '' : 'Carbon content was not assessed in the study and is reported as 0.',
      study.limitations,
    ]
      .filter(Boolean)
      .join(' '),
  };
}

/**
 * A Tanji study result as a PACT ProductFootprint of `opts.version`, checked against its schema.
 * Throws PactMappingError listing what the study lacks or what the schema refuses.
 */
export function studyToPactFootprint<V extends PactVersion>(
  study: Study,
  result: StudyResult,
  opts: PactExportOptions<V>,
): ProductFootprintOf<V> {
  const doc = opts.version === '3.0' ? toV3(study, result, opts) : toV2(study, result, opts);
  const checked = validatePactFootprint(doc, opts.version);
  if (!checked.ok) throw new PactMappingError(checked.errors);
  return checked.footprint;
}

const validity = (opts: PactExportOptions) =>
  opts.validityPeriod
    ? { validityPeriodStart: opts.validityPeriod.start, validityPeriodEnd: opts.validityPeriod.end }
    : {};

/** v2 assurance boundary lists Cradle-to-Gate and Gate-to-Gate only: a cradle-to-grave study has neither */
const boundaryV2 = (study: Study) =>
  study.boundary === 'cradle-to-gate' ? { boundary: 'Cradle-to-Gate' as const } : {};

function classificationUrn(c: string | undefined): string | undefined {
  if (!c) return undefined;
  if (/^urn:/i.test(c)) return c;
  return /^\d{1,5}$/.test(c) ? `urn:pact:productclassification:un-cpc:${c}` : undefined;
}

function toV3(study: Study, result: StudyResult, opts: PactExportOptions): ProductFootprintV3 {
  const c = common(study, result, opts);
  const d = toPactDecimal;
  const urn = classificationUrn(study.product.classification);
  const sources = secondarySources(result);
  return {
    id: opts.id,
    specVersion: '3.0.3',
    ...(opts.precedingPfIds?.length ? { precedingPfIds: opts.precedingPfIds } : {}),
    created: opts.created,
    status: opts.status ?? 'Active',
    ...validity(opts),
    companyName: opts.companyName,
    companyIds: opts.companyIds,
    productDescription: study.product.description || study.product.name,
    productIds: opts.productIds,
    ...(urn ? { productClassifications: [urn] } : {}),
    productNameCompany: study.product.name,
    comment: c.ghg.v3.landManagementBiogenicCO2Emissions > 0 ? `${c.comment} ${BIOGENIC_CO2_NOTE}` : c.comment,
    pcf: {
      declaredUnitOfMeasurement: c.unit,
      declaredUnitAmount: d(study.unit.amount),
      productMassPerDeclaredUnit: d(c.mass!),
      referencePeriodStart: opts.referencePeriod.start,
      referencePeriodEnd: opts.referencePeriod.end,
      ...c.geography,
      boundaryProcessesDescription: boundaryDescription(study),
      pcfExcludingBiogenicUptake: d(c.ghg.v3.pcfExcludingBiogenicUptake),
      pcfIncludingBiogenicUptake: d(c.ghg.v3.pcfIncludingBiogenicUptake),
      fossilCarbonContent: d(c.carbon.fossil),
      biogenicCarbonContent: d(c.carbon.biogenic),
      fossilGhgEmissions: d(c.ghg.v3.fossilGhgEmissions),
      landUseChangeGhgEmissions: d(c.ghg.v3.landUseChangeGhgEmissions),
      landManagementBiogenicCO2Emissions: d(c.ghg.v3.landManagementBiogenicCO2Emissions),
      landManagementBiogenicCO2Removals: d(c.ghg.v3.landManagementBiogenicCO2Removals),
      biogenicCO2Uptake: d(c.ghg.v3.biogenicCO2Uptake),
      biogenicNonCO2Emissions: d(c.ghg.v3.biogenicNonCO2Emissions),
      aircraftGhgEmissions: d(c.ghg.v3.aircraftGhgEmissions),
      packagingEmissionsIncluded: c.packaging,
      ipccCharacterizationFactors: [c.ar],
      crossSectoralStandards: ['ISO14067'],
      exemptedEmissionsPercent: '0',
      exemptedEmissionsDescription: study.cutoff,
      allocationRulesDescription: study.allocation,
      ...(sources ? { secondaryEmissionFactorSources: sources } : {}),
      primaryDataShare: d(result.primaryDataShare * 100),
      dqi: { technologicalDQR: d(result.dqr), geographicalDQR: d(result.dqr), temporalDQR: d(result.dqr) },
      ...(opts.verification
        ? { verification: { coverage: 'product level' as const, standardName: 'ISO 14067', ...opts.verification } }
        : {}),
    },
  };
}

function toV2(study: Study, result: StudyResult, opts: PactExportOptions): ProductFootprintV2 {
  const c = common(study, result, opts);
  const cpc = study.product.classification?.match(/^(?:urn:pact:productclassification:un-cpc:)?(\d{1,5})$/i)?.[1];
  if (!cpc)
    throw new PactMappingError([coded('pact.map.cpc', { got: JSON.stringify(study.product.classification ?? null) })]);
  if (c.unit === 'piece' || c.unit === 'hour' || c.unit === 'megabit second')
    throw new PactMappingError([coded('pact.map.v2-unit', { unit: c.unit })]);
  const d = toPactDecimal;
  const dqr = dqrV2(result.dqr);
  const sources = secondarySources(result);
  return {
    id: opts.id,
    specVersion: '2.3.0',
    ...(opts.precedingPfIds?.length ? { precedingPfIds: opts.precedingPfIds } : {}),
    version: opts.footprintVersion ?? study.version,
    created: opts.created,
    status: opts.status ?? 'Active',
    ...validity(opts),
    companyName: opts.companyName,
    companyIds: opts.companyIds,
    productDescription: study.product.description || study.product.name,
    productIds: opts.productIds,
    productCategoryCpc: cpc,
    productNameCompany: study.product.name,
    comment: c.comment,
    pcf: {
      declaredUnit: c.unit,
      unitaryProductAmount: d(study.unit.amount),
      ...(c.mass !== undefined ? { productMassPerDeclaredUnit: d(c.mass) } : {}),
      pCfExcludingBiogenic: d(c.ghg.v2.pCfExcludingBiogenic),
      pCfIncludingBiogenic: d(c.ghg.v2.pCfIncludingBiogenic),
      fossilGhgEmissions: d(c.ghg.v2.fossilGhgEmissions),
      fossilCarbonContent: d(c.carbon.fossil),
      biogenicCarbonContent: d(c.carbon.biogenic),
      dLucGhgEmissions: d(c.ghg.v2.dLucGhgEmissions),
      otherBiogenicGhgEmissions: d(c.ghg.v2.otherBiogenicGhgEmissions),
      biogenicCarbonWithdrawal: d(c.ghg.v2.biogenicCarbonWithdrawal),
      aircraftGhgEmissions: d(c.ghg.v2.aircraftGhgEmissions),
      packagingEmissionsIncluded: c.packaging,
      characterizationFactors: c.ar,
      ipccCharacterizationFactorsSources: [c.ar],
      crossSectoralStandardsUsed: ['ISO Standard 14067'],
      crossSectoralStandards: ['ISO14067'],
      biogenicAccountingMethodology: 'ISO',
      boundaryProcessesDescription: boundaryDescription(study),
      referencePeriodStart: opts.referencePeriod.start,
      referencePeriodEnd: opts.referencePeriod.end,
      ...c.geography,
      ...(sources ? { secondaryEmissionFactorSources: sources } : {}),
      exemptedEmissionsPercent: 0,
      exemptedEmissionsDescription: study.cutoff,
      allocationRulesDescription: study.allocation,
      primaryDataShare: result.primaryDataShare * 100,
      // Tanji's DQR covers every entry, so the assessment covers the whole footprint
      dqi: {
        coveragePercent: 100,
        technologicalDQR: dqr,
        temporalDQR: dqr,
        geographicalDQR: dqr,
        completenessDQR: dqr,
        reliabilityDQR: dqr,
      },
      ...(opts.verification
        ? {
            assurance: {
              assurance: true,
              coverage: 'product level' as const,
              ...boundaryV2(study),
              standardName: 'ISO 14067',
              ...opts.verification,
            },
          }
        : {}),
    },
  };
}
