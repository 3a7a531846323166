import { PRODUCT_FOOTPRINT_KINDS, type Factor, type FactorKind, type RegionLevel } from '../model/factor.ts';
import { seriesOf } from './common.ts';
import { coverage, isCo2OnlyElectricity, isElectricity, isEstimate, isVerified, unverifiedNote } from './integrity.ts';
import { fallbackNote, getRegion, regionChain, regionInText } from './regions.ts';
import { SEED_RELEASE } from './seed.ts';
import { coder } from '../i18n/define.ts';
import { FACTOR_TEXTS } from '../i18n/factors.ts';
import { messageText, type StoredMessage } from '../model/message.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';
import { STUDY_TEXTS } from '../i18n/studies.ts';
import { render } from '../i18n/catalogue.ts';

const coded = coder(FACTOR_TEXTS);
const refusal = coder(STUDY_TEXTS);

/**
 * Finding a factor for (what, region, year).
 *
 * Region: walk the chain province → grid → national → global (regions.ts) and answer at the
 * first level that has the factor. Year: the exact year, else the nearest earlier one, else (no
 * earlier data at all) the nearest later one; every departure is written into `notes`.
 * Factors of one "series" (id `<series>/<region>/<year>`) are the same quantity for different
 * regions and years, so fallback happens within a series, never from one fuel to another.
 *
 * Purpose: a product footprint (ISO 14067 / GB/T 24067) needs life-cycle factors, so a
 * CO2-only `electricity-co2` factor is refused with `FactorUseError`.
 */

export type Purpose = 'product-footprint' | 'organisational';

export interface FactorMatch {
  factor: Factor;
  requestedRegion: string;
  resolvedRegion: string;
  /** level of the region that answered */
  level: RegionLevel;
  requestedYear?: number;
  yearUsed: number;
  notes: StoredMessage[];
  /** the Tanji estimate an official factor was preferred to, for the caller to offer */
  alternative?: FactorMatch;
}

/** A factor that may not enter a product footprint (422 factor-unusable), with the one to use instead when known. */
export class FactorUseError extends DomainError {
  constructor(
    message: ErrorText,
    readonly factor: Factor,
    /** the factor to use instead, when there is one */
    readonly suggestion?: FactorMatch,
  ) {
    super('invalid', 'factor-unusable', message);
  }
}

export class FactorNotFoundError extends DomainError {
  constructor(message: ErrorText) {
    super('not-found', 'no-factor', message);
  }
}

/** Query words in Chinese or English mapped to words that occur in factor names. */
const SYNONYMS: Record<string, string[]> = {
  电力: ['electricity'],
  电: ['electricity'],
  用电: ['electricity'],
  电网: ['electricity', 'grid'],
  grid: ['electricity'],
  power: ['electricity'],
  电力碳足迹: ['electricity carbon footprint'],
  碳足迹: ['carbon footprint'],
  排放因子: ['emission factor'],
  柴油: ['diesel'],
  汽油: ['gasoline'],
  petrol: ['gasoline'],
  燃料油: ['fuel oil'],
  液化石油气: ['liquefied petroleum gas'],
  lpg: ['liquefied petroleum gas'],
  天然气: ['natural gas'],
  煤: ['coal'],
  原煤: ['raw coal'],
  煤炭: ['coal'],
  焦炭: ['coke'],
  燃料: ['combustion'],
  燃烧: ['combustion'],
  fuel: ['combustion'],
  运输: ['freight'],
  货运: ['freight'],
  物流: ['freight'],
  transport: ['freight'],
  公路: ['road'],
  卡车: ['truck'],
  货车: ['truck'],
  lorry: ['truck'],
  铁路: ['rail'],
  火车: ['train'],
  航空: ['air'],
  空运: ['air freight'],
  海运: ['sea'],
  船: ['ship'],
  shipping: ['sea', 'ship'],
  内河: ['inland water'],
  水运: ['sea', 'inland water'],
  水电: ['hydropower'],
  核电: ['nuclear'],
  风电: ['wind'],
  光伏: ['photovoltaic'],
  solar: ['photovoltaic', 'solar thermal'],
  pv: ['photovoltaic'],
  光热: ['solar thermal'],
  生物质: ['biomass'],
  煤电: ['coal power'],
  火电: ['coal power', 'natural gas power'],
  输配电: ['transmission and distribution'],
};

/** How well a factor's text matches a query: 0 = no match; empty query matches everything with 1. */
function matchScore(f: Factor, query: string): number {
  const tokens = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return 1;
  const names = `${f.name} ${f.nameZh ?? ''}`.toLowerCase();
  const other = `${f.technology ?? ''} ${f.kind} ${f.id}`.toLowerCase();
  let score = 0;
  for (const t of tokens) {
    const expansions = SYNONYMS[t] ?? [];
    const s = names.includes(t)
      ? 3
      : expansions.some((x) => names.includes(x))
        ? 2
        : other.includes(t) || expansions.some((x) => other.includes(x))
          ? 1
          : 0;
    if (s === 0) return 0;
    score += s;
  }
  return score;
}

/** A series without a technology (the grid average, not coal power) answers a plain query first. */
function isDefault(f: Factor): boolean {
  return f.technology === undefined;
}

/**
 * What a product footprint needs: life-cycle factors rank above the CO2-only grid factors of
 * organisational inventories, which come first only when that purpose is asked for.
 */
function isLifeCycle(f: Factor): boolean {
  return f.kind !== 'electricity-co2';
}

function yearPick(factors: Factor[], year: number | undefined): { factor: Factor; note?: StoredMessage } {
  const byYear = [...factors].sort((a, b) => a.year - b.year);
  if (year === undefined) {
    const latest = byYear.at(-1)!;
    return { factor: latest, note: byYear.length > 1 ? coded('lookup.latest-year', { year: latest.year }) : undefined };
  }
  const exact = byYear.find((f) => f.year === year);
  if (exact) return { factor: exact };
  const earlier = byYear.filter((f) => f.year < year).at(-1);
  if (earlier) return { factor: earlier, note: coded('lookup.earlier-year', { asked: year, used: earlier.year }) };
  const later = byYear[0];
  return { factor: later, note: coded('lookup.later-year', { asked: year, used: later.year }) };
}

function statusNotes(f: Factor, purpose: Purpose | undefined): StoredMessage[] {
  const notes: StoredMessage[] = [];
  const unverified = unverifiedNote(f);
  if (unverified) notes.push(unverified);
  if (f.status === 'derived') notes.push(coded('lookup.derived', { method: f.method ?? '' }));
  if (f.approval) notes.push(coded('lookup.approved', { by: f.approval.by, date: f.approval.at.slice(0, 10) }));
  if (isCo2OnlyElectricity(f)) notes.push(coded('lookup.co2-only-grid', {}));
  if (purpose === 'organisational' && isElectricity(f) && coverage(f) === 'CO2e')
    notes.push(coded('lookup.life-cycle-for-organisational', {}));
  if (purpose === 'product-footprint' && f.kind === 'fuel-combustion')
    notes.push(coded(coverage(f) === 'CO2' ? 'lookup.combustion-co2-only' : 'lookup.combustion-only', {}));
  return notes;
}

/**
 * Resolves one series along the region chain. A Tanji estimate (a derived provincial factor) gives
 * way to an official factor further up the chain unless the caller prefers estimates; the match
 * then carries the estimate as `alternative`, and both say which was chosen over which.
 */
function resolveSeries(
  series: Factor[],
  region: string,
  year: number | undefined,
  purpose: Purpose | undefined,
  preferEstimates = false,
): FactorMatch | null {
  const chain = regionChain(region);
  const at = (k: number, extra: StoredMessage[] = []): FactorMatch => {
    const r = chain[k];
    const { factor, note } = yearPick(
      series.filter((f) => f.region === r.code),
      year,
    );
    const notes: StoredMessage[] = [];
    if (k > 0) {
      notes.push(
        coded('lookup.region-fallback', {
          requested: chain[0].code,
          requestedEn: chain[0].nameEn,
          requestedZh: chain[0].nameZh,
          level: r.level,
          answered: r.code,
          answeredEn: r.nameEn,
          answeredZh: r.nameZh,
        }),
      );
      const why = fallbackNote(chain[0].code);
      if (why) notes.push(why);
    }
    if (note) notes.push(note);
    notes.push(...extra, ...statusNotes(factor, purpose));
    return {
      factor,
      requestedRegion: chain[0].code,
      resolvedRegion: r.code,
      level: r.level,
      requestedYear: year,
      yearUsed: factor.year,
      notes,
    };
  };
  const levels = chain.map((r, k) => (series.some((f) => f.region === r.code) ? k : -1)).filter((k) => k >= 0);
  if (!levels.length) return null;
  const first = at(levels[0]);
  if (!isEstimate(first.factor)) return first;
  const officialLevel = levels.find((k) => !isEstimate(at(k).factor));
  if (officialLevel === undefined) return first;
  const official = at(officialLevel);
  const o = official.factor,
    e = first.factor;
  const estimate = at(levels[0], [
    preferEstimates
      ? coded('lookup.estimate-chosen', { official: o.id, value: o.value, unit: o.unit })
      : coded('lookup.estimate-offered', { region: chain[0].code, official: o.id, value: o.value, unit: o.unit }),
  ]);
  if (preferEstimates) return estimate;
  official.notes.unshift(coded('lookup.official-preferred', { estimate: e.id, value: e.value, unit: e.unit }));
  return { ...official, alternative: estimate };
}

function groupBySeries(factors: Factor[]): Map<string, Factor[]> {
  const groups = new Map<string, Factor[]>();
  for (const f of factors) {
    const key = seriesOf(f.id);
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

/**
 * Throws FactorUseError unless the factor may enter a product footprint; names the replacement
 * when `factors` are given. A CO2-only electricity factor is recognised by its gases and unit,
 * whatever kind it was filed under.
 */
export function assertUsableInProductFootprint(factor: Factor, factors?: Factor[]): void {
  const co2Only = isCo2OnlyElectricity(factor);
  if (PRODUCT_FOOTPRINT_KINDS.includes(factor.kind) && !co2Only) return;
  if (!co2Only) {
    throw new FactorUseError(
      refusal('factor-use.not-emission-factor', { factor: factor.id, kind: factor.kind }),
      factor,
    );
  }
  let suggestion: FactorMatch | undefined;
  if (factors) {
    try {
      suggestion = lookupFactor(factors, {
        kind: 'electricity-footprint',
        region: factor.region,
        year: factor.year,
        purpose: 'product-footprint',
      });
    } catch (e) {
      if (!(e instanceof FactorNotFoundError)) throw e;
    }
  }
  const instead = suggestion
    ? refusal('factor-use.use-instead', {
        factor: suggestion.factor.id,
        value: suggestion.factor.value,
        unit: suggestion.factor.unit,
        status: suggestion.factor.status,
        notesEn: suggestion.notes.map(messageText).join(' '),
        notesZh: suggestion.notes.map((n) => render(n, 'zh')).join(''),
      })
    : refusal('factor-use.use-footprint', { region: factor.region, year: factor.year });
  throw new FactorUseError(
    refusal('factor-use.co2-only-electricity', { factor: factor.id, value: factor.value, unit: factor.unit, instead }),
    factor,
    suggestion,
  );
}

export interface LookupQuery {
  kind?: FactorKind;
  /** words in Chinese or English, matched against names (see SYNONYMS) */
  query?: string;
  /** e.g. "coal" for coal power; by default factors without a technology (grid averages) come first */
  technology?: string;
  perUnit?: string;
  region: string;
  year?: number;
  purpose?: Purpose;
  /** use a Tanji estimate (derived provincial factor) even where an official factor answers further up the region chain */
  preferEstimates?: boolean;
}

/** A query that names CO2-only factors asks for them: they then rank by their match like any other. */
const ASKS_FOR_CO2_ONLY = /(^|\s)(co2|二氧化碳|scope\s*2|范围二|organisational|组织)/i;

function compare(q: LookupQuery, chainIndex: Map<string, number>) {
  const { purpose } = q;
  const lifeCycleFirst =
    purpose !== 'organisational' && q.kind !== 'electricity-co2' && !ASKS_FOR_CO2_ONLY.test(q.query ?? '');
  return (a: { m: FactorMatch; score: number }, b: { m: FactorMatch; score: number }) =>
    (lifeCycleFirst ? Number(isLifeCycle(b.m.factor)) - Number(isLifeCycle(a.m.factor)) : 0) ||
    b.score - a.score ||
    Number(isDefault(b.m.factor)) - Number(isDefault(a.m.factor)) ||
    (purpose === 'product-footprint' ? Number(b.m.factor.gases === 'CO2e') - Number(a.m.factor.gases === 'CO2e') : 0) ||
    chainIndex.get(a.m.resolvedRegion)! - chainIndex.get(b.m.resolvedRegion)! ||
    Number(b.m.yearUsed === b.m.requestedYear) - Number(a.m.yearUsed === a.m.requestedYear) ||
    a.m.factor.id.localeCompare(b.m.factor.id);
}

function rankedMatches(factors: Factor[], q: LookupQuery): { m: FactorMatch; score: number }[] {
  const region = getRegion(q.region).code;
  const chainIndex = new Map(regionChain(region).map((r, i) => [r.code, i]));
  const scored = new Map<Factor, number>();
  for (const f of factors) {
    if (q.kind && f.kind !== q.kind) continue;
    if (q.technology && f.technology?.toLowerCase() !== q.technology.toLowerCase()) continue;
    if (q.perUnit && f.perUnit !== q.perUnit) continue;
    if (q.purpose === 'product-footprint' && (!PRODUCT_FOOTPRINT_KINDS.includes(f.kind) || isCo2OnlyElectricity(f)))
      continue;
    const s = matchScore(f, q.query ?? '');
    if (s > 0) scored.set(f, s);
  }
  const out: { m: FactorMatch; score: number }[] = [];
  for (const series of groupBySeries([...scored.keys()]).values()) {
    const m = resolveSeries(series, region, q.year, q.purpose, q.preferEstimates);
    if (m) out.push({ m, score: scored.get(m.factor)! });
  }
  return out.sort(compare(q, chainIndex));
}

/** The best factor for the query, resolved through the region chain and years. */
export function lookupFactor(factors: Factor[], q: LookupQuery): FactorMatch {
  if (q.purpose === 'product-footprint' && q.kind === 'electricity-co2') {
    const m = lookupFactor(factors, { ...q, purpose: 'organisational' });
    assertUsableInProductFootprint(m.factor, factors);
  }
  const ranked = rankedMatches(factors, q);
  if (ranked.length === 0) {
    const what =
      [q.kind, q.query && `"${q.query}"`, q.technology, q.perUnit && `per ${q.perUnit}`].filter(Boolean).join(', ') ||
      'any factor';
    const regions = regionChain(q.region)
      .map((r) => r.code)
      .join(' → ');
    const whatZh =
      [q.kind, q.query && `「${q.query}」`, q.technology, q.perUnit && `每 ${q.perUnit}`].filter(Boolean).join('、') ||
      '不限';
    const params = { whatEn: what, whatZh, regions };
    throw new FactorNotFoundError(
      q.purpose === 'product-footprint'
        ? refusal('factor-use.not-found-for-product', params)
        : refusal('factor-use.not-found', params),
    );
  }
  const best = ranked[0].m;
  const tie =
    ranked.filter((r) => r.score === ranked[0].score && isDefault(r.m.factor) === isDefault(best.factor)).length - 1;
  if (tie > 0) {
    best.notes.push(coded('lookup.tie', { count: tie, example: ranked[1].m.factor.id }));
  }
  return best;
}

/** A search hit, flat for JSON output: `region` is the region asked for, `resolvedRegion` the one that answered. */
export interface SearchResult extends Omit<Factor, 'region'> {
  region: string;
  resolvedRegion: string;
  level: RegionLevel;
  requestedYear?: number;
  release: string;
  notes: StoredMessage[];
  /** verified against its source (a derived factor: every input is); see factors/integrity.ts */
  verified: boolean;
  score: number;
}

export interface SearchOptions {
  /** default CN */
  region?: string;
  year?: number;
  kind?: FactorKind;
  purpose?: Purpose;
  release?: string;
}

/**
 * Every factor series matching the text, each resolved for the region and year, best first; a
 * Tanji estimate an official factor was preferred to follows it. A region named in the text
 * (「广东电力」, "electricity Guangdong") is searched instead of `opts.region`; a text that is only
 * a region lists the factors published for that region itself.
 */
export function searchFactors(factors: Factor[], text: string, opts: SearchOptions = {}): SearchResult[] {
  const named = regionInText(text);
  const region = named.region?.code ?? opts.region ?? 'CN';
  const onlyRegion = named.region !== undefined && named.rest === '';
  const hit = (m: FactorMatch, score: number): SearchResult => ({
    ...m.factor,
    region: m.requestedRegion,
    resolvedRegion: m.resolvedRegion,
    level: m.level,
    requestedYear: m.requestedYear,
    release: opts.release ?? SEED_RELEASE,
    notes: m.notes,
    verified: isVerified(m.factor),
    score,
  });
  const hits = rankedMatches(factors, {
    query: named.rest,
    region,
    year: opts.year,
    kind: opts.kind,
    purpose: opts.purpose,
  }).flatMap(({ m, score }) => (m.alternative ? [hit(m, score), hit(m.alternative, score)] : [hit(m, score)]));
  if (!named.region) return hits;
  // a region the user names is chosen: its own factors first (alone when the text is only the region)
  const own = hits.filter((h) => h.resolvedRegion === region);
  return onlyRegion ? own : [...own, ...hits.filter((h) => h.resolvedRegion !== region)];
}

/**
 * The official factor a Tanji estimate stands in for: the same series further up the estimate's
 * region chain, nearest its year. Undefined for an official factor or when none exists.
 */
export function officialInsteadOf(factors: Factor[], estimate: Factor): Factor | undefined {
  if (!isEstimate(estimate)) return undefined;
  const series = seriesOf(estimate.id);
  const same = factors.filter((f) => seriesOf(f.id) === series && !isEstimate(f));
  for (const r of regionChain(estimate.region).slice(1)) {
    const here = same.filter((f) => f.region === r.code);
    if (here.length) return yearPick(here, estimate.year).factor;
  }
  return undefined;
}
