import { PactRequestError } from './errors.ts';

/**
 * ListFootprints filters of Tech Spec v3 (also the criteria of a RequestCreatedEvent): OR among
 * the values of one criterion, AND across criteria, case-insensitive matches.
 */

const THREE_YEARS_MS = 3 * 365.25 * 24 * 3600 * 1000;

/** What filters look at, worked out once per footprint. */
export interface FilterFacts {
  productIds: string[];
  companyIds: string[];
  /** the footprint's geography and every larger one it lies within (CN-HI is within CN) */
  geographies: string[];
  classifications: string[];
  status: string;
  /** validity period in ms; when the document gives none, reference period end + 3 years (spec §validity-period) */
  validFrom: number;
  validUntil: number;
}

export interface FootprintFilter {
  productId?: string[];
  companyId?: string[];
  geography?: string[];
  classification?: string[];
  validOn?: number;
  validAfter?: number;
  validBefore?: number;
  status?: string;
}

const lower = (xs: unknown): string[] =>
  Array.isArray(xs) ? xs.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase()) : [];

/** The facts of a v3 ProductFootprint (v2 documents carry the same fields under the same names). */
export function filterFacts(doc: Record<string, any>): FilterFacts {
  const pcf = doc.pcf ?? {};
  const geographies = lower([pcf.geographyCountrySubdivision, pcf.geographyCountry, pcf.geographyRegionOrSubregion]);
  if (typeof pcf.geographyCountrySubdivision === 'string')
    geographies.push(pcf.geographyCountrySubdivision.slice(0, 2).toLowerCase());
  const refEnd = Date.parse(pcf.referencePeriodEnd);
  return {
    productIds: lower(doc.productIds),
    companyIds: lower(doc.companyIds),
    geographies,
    classifications: lower(doc.productClassifications),
    status: String(doc.status).toLowerCase(),
    validFrom: doc.validityPeriodStart ? Date.parse(doc.validityPeriodStart) : refEnd,
    validUntil: doc.validityPeriodEnd ? Date.parse(doc.validityPeriodEnd) : refEnd + THREE_YEARS_MS,
  };
}

const anyOf = (wanted: string[] | undefined, have: string[]) => !wanted || wanted.some((w) => have.includes(w));

export function matches(f: FootprintFilter, facts: FilterFacts): boolean {
  return (
    anyOf(f.productId, facts.productIds) &&
    anyOf(f.companyId, facts.companyIds) &&
    anyOf(f.geography, facts.geographies) &&
    anyOf(f.classification, facts.classifications) &&
    (f.status === undefined || f.status === facts.status) &&
    (f.validOn === undefined || (facts.validFrom <= f.validOn && f.validOn <= facts.validUntil)) &&
    (f.validAfter === undefined || facts.validFrom > f.validAfter) &&
    (f.validBefore === undefined || facts.validUntil < f.validBefore)
  );
}

const ARRAYS = ['productId', 'companyId', 'geography', 'classification'] as const;
const DATES = ['validOn', 'validAfter', 'validBefore'] as const;

function date(name: string, value: unknown): number {
  const t =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/i.test(value)
      ? Date.parse(value)
      : NaN;
  if (Number.isNaN(t))
    throw new PactRequestError(
      'BadRequest',
      `${name}: expected an RFC 3339 date-time such as 2025-04-01T00:00:00Z, got ${JSON.stringify(value)}`,
    );
  return t;
}

/**
 * A footprint's status is Active or Deprecated; any other value is still a well-formed filter,
 * one that matches nothing (a partner probing with it learns exactly that: an empty list).
 */
const status = (value: unknown): string => String(value).toLowerCase();

/** The filter of a ListFootprints query string (parameters may repeat; names match case-insensitively). */
export function filterFromQuery(params: URLSearchParams): FootprintFilter {
  const f: FootprintFilter = {};
  const byName = new Map<string, string[]>();
  for (const [k, v] of params) byName.set(k.toLowerCase(), [...(byName.get(k.toLowerCase()) ?? []), v]);
  for (const name of ARRAYS) {
    const values = (byName.get(name.toLowerCase()) ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
    if (values.length) f[name] = values;
  }
  for (const name of DATES) {
    const values = byName.get(name.toLowerCase());
    if (values?.length) f[name] = date(name, values.at(-1));
  }
  const s = byName.get('status');
  if (s?.length) f.status = status(s.at(-1));
  return f;
}

/** The filter of a v3 RequestCreatedEvent's data (validated by the event schema already). */
export function filterFromRequest(data: Record<string, unknown>): FootprintFilter {
  const f: FootprintFilter = {};
  for (const name of ARRAYS)
    if (Array.isArray(data[name]) && (data[name] as unknown[]).length) f[name] = lower(data[name]);
  for (const name of DATES) if (data[name] !== undefined) f[name] = date(name, data[name]);
  if (data.status !== undefined) f.status = status(data.status);
  return f;
}
