import type { Flow } from '../model/lci.ts';
import type { FlowCharacterization, GhgLine, GwpEntry, ImpactMethod, UnmatchedGhgFlow } from '../model/method.ts';

/**
 * Matches elementary flows to the substances of a GWP table and assigns each an ISO 14067 line.
 *
 * Matching, in order: the flow's id when it is a reference flow the table lists (ILCD's); the flow name with its origin qualifiers (", fossil", ", biogenic",
 * ", from soil or biomass stock", ...) and bracketed notes removed, against each substance's name
 * and aliases; the refrigerant code in the name ("…, HFC-134a"); the CAS number; the formula (only
 * for formulas with no isomer in the table's neighbourhood, and only when the flow has no CAS).
 *
 * Compartment: only emissions to air are characterised, plus CO2 taken from air (a resource,
 * −1 on biogenicRemovals: B is positive for extractions, so the uptake comes out negative).
 * Emissions to the stratosphere go to the aircraft line.
 *
 * Lines: fossil and unspecified origin → fossil (non-CO2 gases of unspecified origin too, e.g.
 * N2O); biogenic / non-fossil → biogenic (methane with the non-fossil GWP); "from soil or biomass
 * stock" / "land transformation" → landUseChange (methane with the fossil GWP, as its carbon
 * counts as emitted); "to soil or biomass stock" CO2 → −1 on landUseChange.
 *
 * Direction: an emission flow taken up (an input, or a negative output, such as USLCI's PLA resin
 * taking "Carbon dioxide, biogenic" from air) has a row of its own in B (see system.ts) and is
 * characterised by `characterize(…, { uptake: true })`: CO2 taken up is a removal, −1 on
 * biogenicRemovals, never netted against emissions; another gas taken up gets no credit and is
 * listed as unmatched.
 *
 * Flows that look like greenhouse gases but get no factor are listed in `unmatched` with a reason.
 */

type Origin = 'fossil' | 'biogenic' | 'landUseChange' | 'lucUptake' | 'inAir' | 'unspecified';

const ORIGIN_PATTERNS: [RegExp, Origin][] = [
  [/\bnon[- ]?fossil\b/g, 'biogenic'],
  [/\bbiogenic\b/g, 'biogenic'],
  [/\bfrom soil or biomass stocks?\b/g, 'landUseChange'],
  [/\bland[- ](?:use[- ])?(?:transformation|change)\b/g, 'landUseChange'],
  [/\bto soil or biomass stocks?\b/g, 'lucUptake'],
  [/\bin air\b/g, 'inAir'],
  [/\bfossil\b/g, 'fossil'],
  [/\bunspecified\b/g, 'unspecified'],
  [/\bresource correction\b/g, 'unspecified'],
];

/** Origin qualifier of a name and the name without it. */
function splitOrigin(lowerName: string): { origin: Origin; rest: string } {
  let origin: Origin = 'unspecified';
  let rest = lowerName;
  for (const [re, o] of ORIGIN_PATTERNS) {
    if (re.test(rest)) {
      re.lastIndex = 0;
      if (origin === 'unspecified') origin = o;
      rest = rest.replace(re, ' ');
    }
    re.lastIndex = 0;
  }
  return { origin, rest };
}

const SUBSCRIPTS: Record<string, string> = {
  '₀': '0',
  '₁': '1',
  '₂': '2',
  '₃': '3',
  '₄': '4',
  '₅': '5',
  '₆': '6',
  '₇': '7',
  '₈': '8',
  '₉': '9',
};

function lower(s: string): string {
  return s
    .toLowerCase()
    .replace(/[₀-₉]/g, (c) => SUBSCRIPTS[c] ?? c)
    .replace(/sulphur/g, 'sulfur');
}

/** Letters and digits only: "Ethane, 1,1,1,2-tetrafluoro-" → "ethane1112tetrafluoro". */
function compact(s: string): string {
  return s.replace(/[^a-z0-9]+/g, '');
}

/** Refrigerant / halocarbon code in a name: "HFC-134a", "CFC-14", "Halon 1301", "R-40". */
const CODE = /\b(hcfc|cfc|hfc|pfc|hfe|hcc|fc|halon|r)[- ]?(\d[\d-]*[a-z]*)\b/;

function codeKey(prefix: string, rest: string): string {
  return compact(prefix + rest);
}

interface NameKey {
  origin: Origin;
  /** compact name, origin qualifiers and bracketed notes removed */
  base: string;
  /** compact name without a trailing ", CODE" segment as well */
  baseWithoutCode: string;
  code?: string;
}

function nameKey(name: string): NameKey {
  const { origin, rest } = splitOrigin(lower(name));
  // bracketed notes: "[Inorganic emissions to air]", "(laughing gas)", "(in MJ)"
  const stripped = rest.replace(/\[[^\]]*\]/g, ' ').replace(/\(([^)]*)\)/g, ' ');
  const m = CODE.exec(stripped);
  const code = m ? codeKey(m[1], m[2]) : undefined;
  // drop a trailing ", HFC-134a" segment for the chemical name
  const withoutCode = m ? stripped.replace(/,\s*[^,]*$/, (seg) => (CODE.test(seg) ? '' : seg)) : stripped;
  return { origin, base: compact(stripped), baseWithoutCode: compact(withoutCode), code };
}

// ---------------------------------------------------------------- formulas

/** Hill-order formula ("CH2FCF3" → "C2H2F4"), or undefined when it cannot be read. */
function hill(formula: string): string | undefined {
  const f = formula.replace(/[₀-₉]/g, (c) => SUBSCRIPTS[c] ?? c).replace(/\s+/g, '');
  if (!/^([A-Z][a-z]?\d*)+$/.test(f)) return undefined;
  const counts = new Map<string, number>();
  for (const m of f.matchAll(/([A-Z][a-z]?)(\d*)/g))
    counts.set(m[1], (counts.get(m[1]) ?? 0) + (m[2] ? Number(m[2]) : 1));
  const order = [...counts.keys()].sort((a, b) => {
    if (counts.has('C')) {
      const rank = (x: string) => (x === 'C' ? 0 : x === 'H' ? 1 : 2);
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return order.map((el) => el + (counts.get(el) === 1 ? '' : String(counts.get(el)))).join('');
}

/** Formulas safe to match on: one carbon at most, or no hydrogen (perfluorinated), so no isomer of another table gas. */
function formulaIsUnambiguous(h: string): boolean {
  const c = /C(\d*)(?![a-z])/.exec(h);
  const carbons = c ? (c[1] ? Number(c[1]) : 1) : 0;
  return carbons <= 1 || !/H(?![a-z])/.test(h);
}

function normCas(cas: string | undefined): string | undefined {
  if (!cas) return undefined;
  const t = cas.trim().replace(/^0+/, '');
  return /^\d+-\d{2}-\d$/.test(t) ? t : undefined;
}

// ---------------------------------------------------------------- the table index

interface Candidate {
  entry: GwpEntry;
  origin: Origin;
}

interface Index {
  byId: Map<string, Candidate[]>;
  byName: Map<string, Candidate[]>;
  byCode: Map<string, Candidate[]>;
  byCas: Map<string, Candidate[]>;
  byFormula: Map<string, Candidate[]>;
}

function add(map: Map<string, Candidate[]>, key: string | undefined, c: Candidate) {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [c]);
  else if (!list.some((x) => x.entry === c.entry)) list.push(c);
}

const indexCache = new WeakMap<ImpactMethod, Index>();

function indexOf(method: ImpactMethod): Index {
  const cached = indexCache.get(method);
  if (cached) return cached;
  const idx: Index = { byId: new Map(), byName: new Map(), byCode: new Map(), byCas: new Map(), byFormula: new Map() };
  for (const entry of method.entries) {
    const origin = splitOrigin(lower(entry.substance)).origin;
    const cand: Candidate = { entry, origin };
    for (const id of entry.flowIds ?? []) add(idx.byId, id, cand);
    for (const name of [entry.substance, ...(entry.aliases ?? [])]) {
      const k = nameKey(name);
      add(idx.byName, k.base, cand);
      add(idx.byName, k.baseWithoutCode, cand);
      // "PFC-14 (tetrafluoromethane)": the part in brackets is a synonym
      for (const m of lower(name).matchAll(/\(([^)]*)\)/g))
        if (splitOrigin(m[1]).origin === 'unspecified') add(idx.byName, compact(m[1]), cand);
      if (k.code && compact(lower(name)) === k.code) add(idx.byCode, k.code, cand);
    }
    add(idx.byCas, normCas(entry.cas), cand);
    const h = hill(entry.formula);
    if (h) add(idx.byFormula, h, cand);
  }
  indexCache.set(method, idx);
  return idx;
}

/** Among the table's variants of one substance (methane), the one for the flow's origin. */
function pick(cands: Candidate[], origin: Origin): GwpEntry {
  if (cands.length === 1) return cands[0].entry;
  const want: Origin =
    origin === 'biogenic' ? 'biogenic' : origin === 'fossil' || origin === 'landUseChange' ? 'fossil' : 'unspecified';
  return (cands.find((c) => c.origin === want) ?? cands.find((c) => c.origin === 'unspecified') ?? cands[0]).entry;
}

// ---------------------------------------------------------------- compartments and units

type Compartment = 'air' | 'stratosphere' | 'resource' | 'water' | 'soil' | 'other' | 'none';

function compartmentOf(flow: Flow): { compartment: Compartment; resourceInAir: boolean } {
  // drop leading "Elementary flows" levels (openLCA, NETL's "NETL Coal Elementary Flows")
  const path = flow.category.map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
  let k = 0;
  while (k < path.length && /elementary flows?$/.test(path[k])) k++;
  const rest = path.slice(k);
  if (!rest.length) return { compartment: 'none', resourceInAir: false };
  const joined = rest.join('/');
  if (/^(resource|natural resource|raw)/.test(rest[0]))
    return { compartment: 'resource', resourceInAir: /\bair\b/.test(joined) };
  if (/stratosphere/.test(joined)) return { compartment: 'stratosphere', resourceInAir: false };
  if (/\bair\b/.test(joined)) return { compartment: 'air', resourceInAir: false };
  if (/water|ocean|river|lake|sea\b/.test(joined)) return { compartment: 'water', resourceInAir: false };
  if (/soil|agricultur|forestry|industrial/.test(joined)) return { compartment: 'soil', resourceInAir: false };
  return { compartment: 'other', resourceInAir: false };
}

/** kg per one unit of the flow's reference unit; undefined for non-mass or ambiguous units. */
const KG_PER_UNIT: Record<string, number> = {
  kg: 1,
  kilogram: 1,
  kilograms: 1,
  g: 1e-3,
  gram: 1e-3,
  grams: 1e-3,
  mg: 1e-6,
  milligram: 1e-6,
  µg: 1e-9,
  μg: 1e-9,
  ug: 1e-9,
  ng: 1e-12,
  t: 1e3,
  tonne: 1e3,
  tonnes: 1e3,
  'metric ton': 1e3,
  'metric tonne': 1e3,
  kt: 1e6,
  lb: 0.45359237,
  lbs: 0.45359237,
  'lb av': 0.45359237,
  pound: 0.45359237,
  oz: 0.028349523125,
  'oz av': 0.028349523125,
  'sh tn': 907.18474,
  'short ton': 907.18474,
  'ton (us)': 907.18474,
  'long ton': 1016.0469088,
  'lg tn': 1016.0469088,
};

function kgPerUnit(unit: string): number | undefined {
  const u = unit.trim();
  // "Mg" (megagram) and "mg" (milligram) differ only in case; "Mt" is a megatonne
  if (u === 'Mg') return 1e3;
  if (u === 'Mt') return 1e9;
  if (u.toLowerCase() === 'mt') return undefined; // ambiguous: metric ton or megatonne
  return KG_PER_UNIT[u.toLowerCase()];
}

// ---------------------------------------------------------------- GHG-like

/** Names that look like greenhouse gases, whether or not the table has them. */
export function isGhgLike(name: string): boolean {
  const n = lower(name).replace(/non-?methane|other than methane/g, ' ');
  return (
    /carbon dioxide|\bco2\b|\bmethane\b|\bch4\b|nitrous oxide|dinitrogen (mon)?oxide|\bn2o\b|carbon monoxide/.test(n) ||
    /sulfur hexafluoride|\bsf6\b|nitrogen (tri)?fluoride|\bnf3\b|sulfuryl fluoride|trifluoromethyl sulfur pentafluoride/.test(
      n,
    ) ||
    /fluoro|\bhalon|chloroform|carbon tetra(chloride|fluoride)/.test(n) ||
    /\b(h?cfc|hfc|pfc|hfe|hcc|hbfc)s?\b|\b(h?cfc|hfc|pfc|fc)[- ]?\d/.test(n) ||
    (/(chloro|bromo|iodo)/.test(n) && /(meth|eth|prop|but|pent)an/.test(n))
  );
}

// ---------------------------------------------------------------- characterize

export interface CharacterizationResult {
  factors: FlowCharacterization[];
  unmatched: UnmatchedGhgFlow[];
}

export interface CharacterizeOptions {
  /** the flows are taken up from the environment by the exchanges' direction, not emitted */
  uptake?: boolean;
}

export function characterize(
  method: ImpactMethod,
  flows: Flow[],
  opts: CharacterizeOptions = {},
): CharacterizationResult {
  const idx = indexOf(method);
  const factors: FlowCharacterization[] = [];
  const unmatched: UnmatchedGhgFlow[] = [];
  for (const flow of flows) {
    if (flow.kind !== 'elementary') continue;
    const r = characterizeFlow(method, idx, flow, opts.uptake ?? false);
    if (r === null) continue;
    if (typeof r === 'string')
      unmatched.push({ flowId: flow.id, name: flow.name, category: flow.category.join('/'), reason: r });
    else factors.push(r);
  }
  return { factors, unmatched };
}

/** A factor, an unmatched reason, or null for a flow that is not a greenhouse gas at all. */
function characterizeFlow(
  method: ImpactMethod,
  idx: Index,
  flow: Flow,
  uptake: boolean,
): FlowCharacterization | string | null {
  const key = nameKey(flow.name);
  const cas = normCas(flow.cas);
  // a reference flow's id names its substance for certain
  let cands: Candidate[] | undefined = idx.byId.get(flow.id);
  if (!cands && key.code) {
    // a code in the name decides: "Ethane, trifluoro-, HFC-143" is not HFC-143a
    cands = idx.byCode.get(key.code);
    if (!cands) {
      const byName = idx.byName.get(key.baseWithoutCode);
      const codes = byName?.flatMap((c) => (c.entry.aliases ?? []).map((a) => nameKey(a).code).filter(Boolean)) ?? [];
      if (byName && !codes.length) cands = byName;
    }
  } else if (!cands) cands = idx.byName.get(key.base) ?? idx.byName.get(key.baseWithoutCode);
  if (!cands && cas) cands = idx.byCas.get(cas);
  if (!cands && !cas && flow.formula) {
    const h = hill(flow.formula);
    if (h && formulaIsUnambiguous(h)) cands = idx.byFormula.get(h);
  }
  if (!cands && !key.code) {
    // a name that is a formula: "CO2", "N2O"
    const h = hill(flow.name.trim());
    if (h && formulaIsUnambiguous(h)) cands = idx.byFormula.get(h);
  }

  const ghgLike = Boolean(cands) || isGhgLike(flow.name);
  if (!ghgLike) return null;
  if (!cands) {
    return key.code
      ? `no ${method.gwpSet} GWP100 in ${method.id} for ${key.code.toUpperCase()}: the table holds CO2, CH4, N2O, SF6, NF3 and selected HFCs and PFCs; CFCs, HCFCs and halons are not in it`
      : `no ${method.gwpSet} GWP100 in ${method.id} for this substance (not in the table by name, CAS or formula)`;
  }

  const { compartment, resourceInAir } = compartmentOf(flow);
  // a name without an origin qualifier ("甲烷") matched by id takes the origin of its substance
  const origin = key.origin === 'unspecified' && idx.byId.has(flow.id) ? cands[0].origin : key.origin;
  const entry = pick(cands, origin);
  const isCo2 = normCas(entry.cas) === '124-38-9' || entry.formula === 'CO2';

  let line: GhgLine;
  let sign = 1;
  if (uptake) {
    if (!isCo2)
      return `${entry.substance} taken up by an input of an emission flow (${flow.category.join('/')}): only CO2 uptake is credited, as a removal`;
    // fossil CO2 taken in (captured CO2 used as a feedstock) is no biogenic removal: its carbon is credited nowhere
    if (origin === 'fossil')
      return `fossil CO2 taken in by an input of an emission flow (${flow.category.join('/')}): not a biogenic removal, so not credited`;
    line = 'biogenicRemovals';
    sign = -1;
  } else if (isCo2 && origin === 'lucUptake') {
    // "Carbon dioxide, to soil or biomass stock": carbon stored by land use change
    line = 'landUseChange';
    sign = -1;
  } else if (compartment === 'resource') {
    if (!isCo2)
      return `a resource extraction (${flow.category.join('/')}), not an emission; only CO2 taken from air is characterised`;
    if (!resourceInAir && origin !== 'inAir')
      return `CO2 extracted from ${flow.category.join('/')}, not from air: no uptake to credit`;
    line = 'biogenicRemovals';
    sign = -1;
  } else if (isCo2 && origin === 'inAir') {
    // named "in air" but not filed as a resource: the sign of its B row is that of an emission
    return `"${flow.name}" is CO2 taken from air but its category (${flow.category.join('/') || 'none'}) does not mark it as a resource, so the sign of its amount is unknown`;
  } else if (compartment === 'none' || compartment === 'other') {
    return `the category (${flow.category.join('/') || 'none'}) gives no compartment, so it is not known to be an emission to air`;
  } else if (compartment !== 'air' && compartment !== 'stratosphere') {
    return `emission to ${compartment} (${flow.category.join('/')}), not to air: GWP100 applies to emissions to air only`;
  } else if (compartment === 'stratosphere') {
    line = 'aircraft';
  } else if (origin === 'biogenic') {
    line = 'biogenic';
  } else if (origin === 'landUseChange') {
    line = 'landUseChange';
  } else {
    line = 'fossil';
  }

  const perUnit = kgPerUnit(flow.unit);
  if (perUnit === undefined)
    return `unit "${flow.unit}" is not a mass unit Tanji can convert; ${method.id} factors are per kg`;
  return { flowId: flow.id, factor: sign * entry.gwp100 * perUnit, line, substance: entry.substance };
}
