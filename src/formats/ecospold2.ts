import { basename } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  FlowSchema,
  ProcessSchema,
  type Exchange,
  type Flow,
  type FlowKind,
  type LciDatabase,
  type Pedigree,
  type Process,
  type ProcessProvenance,
  type Uncertainty,
} from '../model/lci.ts';
import { ELEMENTARY_ROOT, compartmentFromName, elementaryCategory } from './compartments.ts';
import { coded, ImportError } from './errors.ts';
import { Fields, normaliseCas, ordered, parsePedigree } from './fields.ts';
import { compartmentFromId } from './name-ids.ts';
import type { ImportOptions } from './options.ts';
import { citation, licence, provenance, referenceYear } from './provenance.ts';
import { dimensionsOf, namedUnit } from './units.ts';
import { readZip } from './zip.ts';

/**
 * EcoSpold2 zips: one .spold file per activity, optionally a MasterData folder. Flows are built
 * from the exchanges (names, units, CAS, compartments), completed from MasterData files or from
 * `masterFlows` by id. Amounts are converted to openLCA's reference units (see units.ts) so that
 * both importers give every flow the same unit.
 */
export interface EcoSpold2Options extends ImportOptions {
  /**
   * Flows of the same database from another export (e.g. its openLCA JSON-LD), used by id for
   * categories, compartments, CAS numbers and formulas the EcoSpold2 files do not carry.
   */
  masterFlows?: Flow[];
}

type Xml = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // the only option that decodes character references (&#xD;), which openLCA writes in comments and attributes
  htmlEntities: true,
  isArray: (name) =>
    name === 'intermediateExchange' || name === 'elementaryExchange' || name === 'text' || name === 'review',
});

/** What the exchanges (and master data) say about one flow. */
interface FlowDraft {
  id: string;
  name: string;
  kind: FlowKind;
  propertyId: string;
  unit: string;
  cas?: string;
  formula?: string;
  compartment?: string[];
  /** unit names as written, for recovering compartments from name-based ids */
  unitNames: string[];
  /** an elementary flow only taken from the environment is a resource */
  input: boolean;
  output: boolean;
}

export async function importEcoSpold2(path: string, opts: EcoSpold2Options = {}): Promise<LciDatabase> {
  const file = basename(path);
  const zip = await readZip(
    path,
    (name) => /\.spold$/i.test(name) || /(^|\/)(Elementary|Intermediate)Exchanges\.xml$/i.test(name),
  );
  const spold = [...zip.keys()].filter((n) => /\.spold$/i.test(n)).sort();
  if (spold.length === 0) throw new ImportError(coded('import.not-ecospold2', {}), file);
  const drafts = new Map<string, FlowDraft>();
  const master = readMasterData(file, zip);
  const processes: Process[] = [];
  for (const entry of spold) {
    const process = readActivity(file, entry, zip.get(entry)!, drafts, opts);
    if (process) processes.push(process);
    opts.onProgress?.(processes.length, spold.length);
  }
  const masterFlows = new Map((opts.masterFlows ?? []).map((f) => [f.id, f]));
  const masterByName = compartmentsByName(opts.masterFlows ?? []);
  const flows = [...drafts.values()].map((d) => {
    const known = masterFlows.get(d.id);
    const md = master.get(d.id);
    const compartment =
      d.compartment ??
      md?.compartment ??
      (d.kind === 'elementary' && !known ? compartmentFromId(d.id, d.name, [...d.unitNames, d.unit]) : undefined);
    const category =
      d.kind !== 'elementary'
        ? (known?.category ?? [])
        : compartment
          ? elementaryCategory(compartment)
          : (known?.category ??
            masterByName.get(nameKey(d.name)) ??
            compartmentFromName(d.name) ?? [
              ELEMENTARY_ROOT,
              d.input && !d.output ? 'resource' : 'unspecified',
              'unspecified',
            ]);
    const flow: Flow = {
      id: d.id,
      name: d.name,
      kind: d.kind,
      cas: d.cas ?? md?.cas ?? known?.cas,
      formula: d.formula ?? md?.formula ?? known?.formula,
      category,
      propertyId: d.propertyId,
      unit: d.unit,
    };
    return new Fields(file, `flow ${d.id} "${d.name}"`).valid(FlowSchema, flow);
  });
  return {
    name: opts.name ?? file.replace(/\.zip$/i, ''),
    origin: `EcoSpold2: ${file}`,
    flows,
    processes,
    ...dimensionsOf(new Set(flows.map((f) => f.propertyId))),
  };
}

const decoder = new TextDecoder();

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * For elementary flows whose id the master flows lack (USLCI's EcoSpold2 export gives 85 common
 * flows, e.g. "Methane, fossil", other ids than its JSON-LD export): the compartment of the master
 * flows of the same name, when they all agree on it.
 */
function compartmentsByName(master: Flow[]): Map<string, string[]> {
  const seen = new Map<string, string[][]>();
  for (const f of master) {
    if (f.kind !== 'elementary') continue;
    const list = seen.get(nameKey(f.name)) ?? [];
    list.push(f.category);
    seen.set(nameKey(f.name), list);
  }
  const out = new Map<string, string[]>();
  for (const [name, paths] of seen) {
    if (paths.some((p) => p[1] !== paths[0][1])) continue;
    const sub = paths.every((p) => p[2] === paths[0][2]) ? (paths[0][2] ?? 'unspecified') : 'unspecified';
    out.set(name, [ELEMENTARY_ROOT, paths[0][1], sub]);
  }
  return out;
}

/** The parsed document up to the end of its activity dataset, and the unparsed text after it. */
function parse(file: string, entry: string, bytes: Uint8Array): { doc: Xml; rest: string } {
  const xml = decoder.decode(bytes);
  if (!xml.trimStart().startsWith('<')) throw new ImportError(coded('import.not-xml', {}), file, entry);
  const { activity, rest } = activityPart(xml);
  try {
    return { doc: parser.parse(activity) as Xml, rest };
  } catch (e) {
    throw new ImportError(coded('import.xml-malformed', { detail: (e as Error).message }), file, entry);
  }
}

/**
 * The document up to the end of its activity dataset: the usedUserMasterData after it repeats
 * every exchange (the "doubled exchanges" a naive count sees) and is half of the parsing time.
 */
function activityPart(xml: string): { activity: string; rest: string } {
  const end = /<\/(?:[\w.-]+:)?(?:childActivityDataset|activityDataset)\s*>/.exec(xml);
  const root = /<((?:[\w.-]+:)?ecoSpold)[\s>]/.exec(xml);
  if (!end || !root) return { activity: xml, rest: '' };
  const cut = end.index + end[0].length;
  return { activity: `${xml.slice(0, cut)}</${root[1]}>`, rest: xml.slice(cut) };
}

/**
 * The attributes of one person or source in the usedUserMasterData, found by id without parsing
 * the rest of it: openLCA's export names the data generator and the publication's title only there.
 */
function userMasterData(rest: string, tag: 'person' | 'source', id: string | undefined): Xml {
  if (!id) return {};
  // attribute values may hold ">", so the element's end is found attribute by attribute
  const elements = new RegExp(`<(?:[\\w.-]+:)?${tag}(?:\\s+[\\w:.-]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*\\/?>`, 'g');
  for (const [element] of rest.matchAll(elements)) {
    const attributes = child(child(parser.parse(element.replace(/\s*\/?>$/, '/>')))[tag]);
    if (attributes['@id'] === id) return attributes;
  }
  return {};
}

/** Text of an element that may carry attributes (xml:lang) or repeat per language. */
function text(v: unknown): string | undefined {
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    const t = (v as Xml)['#text'];
    return typeof t === 'string' ? t : undefined;
  }
  return undefined;
}

function child(v: unknown): Xml {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Xml) : {};
}

interface MasterEntry {
  compartment?: string[];
  cas?: string;
  formula?: string;
}

/** MasterData/ElementaryExchanges.xml and IntermediateExchanges.xml, when the zip has them. */
function readMasterData(file: string, zip: Map<string, Uint8Array>): Map<string, MasterEntry> {
  const out = new Map<string, MasterEntry>();
  for (const [entry, bytes] of zip) {
    if (!/\.xml$/i.test(entry)) continue;
    const root = Object.values(parse(file, entry, bytes).doc).find((v) => typeof v === 'object') as Xml | undefined;
    for (const tag of ['elementaryExchange', 'intermediateExchange']) {
      const list = (root?.[tag] as Xml[] | undefined) ?? [];
      list.forEach((x, i) => {
        const id = new Fields(file, entry).str(x['@id'], `${tag}[${i}]@id`);
        out.set(id, {
          compartment: compartmentOf(x),
          cas: normaliseCas(x['@casNumber'] as string | undefined),
          formula: (x['@formula'] as string | undefined) || undefined,
        });
      });
    }
  }
  return out;
}

function compartmentOf(x: Xml): string[] | undefined {
  const c = child(x.compartment);
  const top = text(c.compartment);
  return top ? [top, text(c.subcompartment) ?? 'unspecified'] : undefined;
}

function readActivity(
  file: string,
  entry: string,
  bytes: Uint8Array,
  drafts: Map<string, FlowDraft>,
  opts: ImportOptions,
): Process | undefined {
  const { doc: parsed, rest } = parse(file, entry, bytes);
  const doc = child(parsed.ecoSpold);
  // only the activity dataset: usedUserMasterData repeats every exchange as master data
  const ds = child(doc.activityDataset ?? doc.childActivityDataset);
  const description = child(ds.activityDescription);
  const activity = child(description.activity);
  const name = text(activity.activityName)?.trim();
  const f = new Fields(file, name ? `${entry} "${name}"` : entry);
  const id = f.str(activity['@id'], 'activityDescription.activity@id');
  const flowData = child(ds.flowData);
  const exchanges: Exchange[] = [];
  for (const tag of ['intermediateExchange', 'elementaryExchange'] as const) {
    ((flowData[tag] as Xml[] | undefined) ?? []).forEach((x, i) =>
      exchanges.push(readExchange(f, x, `flowData.${tag}[${i}]`, tag, drafts)),
    );
  }
  if (!exchanges.some((e) => e.reference)) {
    opts.onWarning?.(`${f.record}: left out, it has no reference product (intermediate exchange with outputGroup 0)`);
    return undefined;
  }
  // several reference products (an unallocated multi-output dataset): the first is the quantitative reference
  exchanges
    .filter((e) => e.reference)
    .slice(1)
    .forEach((e) => (e.reference = false));
  const period = child(description.timePeriod);
  const validFrom = (period['@startDate'] as string | undefined)?.slice(0, 10);
  const process: Process = {
    id,
    name: f.str(name, 'activityDescription.activity.activityName'),
    location: text(child(description.geography).shortname),
    category: [],
    description: paragraphs(activity.generalComment),
    validFrom,
    validUntil: (period['@endDate'] as string | undefined)?.slice(0, 10),
    exchanges,
    allocationFactors: [],
    source: `${file}:${entry}`,
    provenance: readProvenance(ds, rest, validFrom),
  };
  return f.valid(ProcessSchema, process);
}

/** A TextAndImage element's text paragraphs in their index order. */
function paragraphs(v: unknown): string | undefined {
  const list = (child(v).text as Xml[] | undefined) ?? [];
  const ordered =
    list.length > 1
      ? [...list].sort((a, b) => Number(child(a)['@index'] ?? 0) - Number(child(b)['@index'] ?? 0))
      : list;
  return ordered.map(text).filter(Boolean).join('\n') || undefined;
}

const TECHNOLOGY_LEVELS: Record<string, string> = {
  '1': 'new',
  '2': 'modern',
  '3': 'current',
  '4': 'old',
  '5': 'outdated',
};
const ACCESS: Record<string, string> = {
  '0': 'Public.',
  '1': 'Licensees only.',
  '2': 'Results only.',
  '3': 'Restricted.',
};

/** Process-level data quality has no place in EcoSpold2 (the pedigree matrix is per exchange), so there is no pedigree. */
function readProvenance(ds: Xml, rest: string, validFrom: string | undefined): ProcessProvenance | undefined {
  const description = child(ds.activityDescription);
  const technology = child(description.technology);
  const period = child(description.timePeriod);
  const admin = child(child(ds.administrativeInformation).dataGeneratorAndPublication);
  const attr = (x: Xml, k: string) => (x[`@${k}`] as string | undefined)?.trim() || undefined;
  const level = TECHNOLOGY_LEVELS[attr(technology, 'technologyLevel') ?? ''];
  // openLCA's export writes the e-mail address as the generator's name
  const generatorName =
    attr(admin, 'personName') === attr(admin, 'personEmail')
      ? attr(userMasterData(rest, 'person', attr(admin, 'personId')), 'name')
      : undefined;
  const source = userMasterData(rest, 'source', attr(admin, 'publishedSourceId'));
  const reviews = ((child(ds.modellingAndValidation).review as Xml[] | undefined) ?? [])
    .map((r) => attr(r, 'reviewerName'))
    .filter(Boolean);
  return provenance({
    publication: citation({
      name: attr(admin, 'publishedSourceFirstAuthor') ?? attr(source, 'firstAuthor'),
      year: Number(attr(admin, 'publishedSourceYear') ?? attr(source, 'year')),
      reference: attr(source, 'title'),
    }),
    generator: generatorName ?? attr(admin, 'personName'),
    technology: [paragraphs(technology.comment), level && `Technology level: ${level}.`].filter(Boolean).join('\n'),
    geography: paragraphs(child(description.geography).comment),
    time: [
      paragraphs(period.comment),
      attr(period, 'isDataValidForEntirePeriod') === 'false' && 'The data are not valid for the entire period.',
    ]
      .filter(Boolean)
      .join('\n'),
    referenceYear: referenceYear(validFrom),
    licence: licence(ACCESS[attr(admin, 'accessRestrictedTo') ?? ''], attr(admin, 'isCopyrightProtected') === 'true'),
    reviewer: reviews.length ? reviews.join('; ') : undefined,
  });
}

function readExchange(
  f: Fields,
  x: Xml,
  at: string,
  tag: 'intermediateExchange' | 'elementaryExchange',
  drafts: Map<string, FlowDraft>,
): Exchange {
  const elementary = tag === 'elementaryExchange';
  const flowId = f.str(x[elementary ? '@elementaryExchangeId' : '@intermediateExchangeId'], `${at}@${tag}Id`);
  const flowName = f.str(text(x.name), `${at}.name`).trim();
  const unitName = f.str(text(x.unitName), `${at}.unitName`);
  const unit =
    namedUnit(unitName) ?? f.fail(`${at}.unitName`, coded('import.unknown-unit', { unit: String(unitName) }));
  const amount = f.num(x['@amount'], `${at}@amount`);
  const outputGroup = text(x.outputGroup)?.trim();
  const inputGroup = text(x.inputGroup)?.trim();
  if ((outputGroup === undefined) === (inputGroup === undefined)) f.fail(at, coded('import.one-group', {}));
  const group = Number(outputGroup ?? inputGroup);
  const written = inputGroup !== undefined;
  const valid = elementary ? group === 4 : written ? [1, 2, 3, 5].includes(group) : [0, 2, 3, 5].includes(group);
  if (!valid)
    f.fail(
      `${at}.${written ? 'inputGroup' : 'outputGroup'}`,
      coded('import.group-invalid', { group: String(outputGroup ?? inputGroup), exchange: tag }),
    );
  // a treatment activity's reference product is negative: the waste it takes in
  const treatment = !elementary && !written && group === 0 && amount < 0;
  const input = written || treatment;
  // outputGroup 3 is material for treatment: the flow is a waste
  const kind: FlowKind = elementary ? 'elementary' : treatment || (!input && group === 3) ? 'waste' : 'product';
  noteFlow(f, at, drafts, {
    id: flowId,
    name: flowName,
    kind,
    propertyId: unit.property.id,
    unit: unit.referenceUnit,
    cas: normaliseCas(x['@casNumber'] as string | undefined),
    formula: (x['@formula'] as string | undefined) || undefined,
    compartment: compartmentOf(x),
    unitNames: [unitName],
    input,
    output: !input,
  });
  const uncertainty = child(x.uncertainty);
  return {
    id: f.str(x['@id'], `${at}@id`),
    flowId,
    amount: (treatment ? -amount : amount) * unit.factor,
    input,
    avoided: false,
    reference: !elementary && group === 0 && !written,
    providerId: (x['@activityLinkId'] as string | undefined) || undefined,
    originalAmount: unit.factor === 1 ? undefined : amount,
    originalUnit: unit.factor === 1 ? undefined : unitName,
    uncertainty: readUncertainty(f, uncertainty, `${at}.uncertainty`, unit.factor),
    pedigree: readPedigree(child(uncertainty.pedigreeMatrix)),
  };
}

/** One flow seen from many exchanges: they must agree on its kind of unit; a waste use anywhere makes it a waste. */
function noteFlow(f: Fields, at: string, drafts: Map<string, FlowDraft>, seen: FlowDraft) {
  const d = drafts.get(seen.id);
  if (!d) {
    drafts.set(seen.id, seen);
    return;
  }
  if (d.propertyId !== seen.propertyId)
    f.fail(
      `${at}.unitName`,
      coded('import.unit-conflict', { id: seen.id, flow: seen.name, unit: d.unit, other: seen.unit }),
    );
  if ((d.kind === 'elementary') !== (seen.kind === 'elementary'))
    f.fail(at, coded('import.kind-conflict', { id: seen.id, flow: seen.name }));
  if (seen.kind === 'waste') d.kind = 'waste';
  d.cas ??= seen.cas;
  d.formula ??= seen.formula;
  d.compartment ??= seen.compartment;
  if (!d.unitNames.includes(seen.unitNames[0])) d.unitNames.push(seen.unitNames[0]);
  d.input ||= seen.input;
  d.output ||= seen.output;
}

/** Parameters are in the exchange's unit like the amount; variances are of ln(x) for the lognormal. */
function readUncertainty(f: Fields, u: Xml, at: string, factor: number): Uncertainty | undefined {
  const n = (d: Xml, k: string, path: string) => f.num(d[`@${k}`], `${path}@${k}`) * factor;
  if (u.lognormal !== undefined) {
    const d = child(u.lognormal);
    const variance = Number(d['@variance']);
    // USLCI writes variance="Infinity" where openLCA has geomSd 0: no distribution was given
    if (!Number.isFinite(variance) || variance < 0) return undefined;
    const gm =
      d['@meanValue'] !== undefined
        ? n(d, 'meanValue', `${at}.lognormal`)
        : Math.exp(f.num(d['@mu'], `${at}.lognormal@mu`)) * factor;
    return { type: 'lognormal', gm, gsd: Math.exp(Math.sqrt(variance)) };
  }
  if (u.normal !== undefined) {
    const d = child(u.normal);
    return {
      type: 'normal',
      mean: n(d, 'meanValue', `${at}.normal`),
      sd: Math.sqrt(f.num(d['@variance'], `${at}.normal@variance`)) * factor,
    };
  }
  if (u.triangular !== undefined) {
    const d = child(u.triangular);
    const p = `${at}.triangular`;
    return { type: 'triangular', ...ordered(n(d, 'minValue', p), n(d, 'mostLikelyValue', p), n(d, 'maxValue', p)) };
  }
  if (u.uniform !== undefined) {
    const d = child(u.uniform);
    const { min, max } = ordered(
      n(d, 'minValue', `${at}.uniform`),
      n(d, 'minValue', `${at}.uniform`),
      n(d, 'maxValue', `${at}.uniform`),
    );
    return { type: 'uniform', min, max };
  }
  return undefined;
}

function readPedigree(p: Xml): Pedigree | undefined {
  const keys = [
    'reliability',
    'completeness',
    'temporalCorrelation',
    'geographicalCorrelation',
    'furtherTechnologyCorrelation',
  ];
  return parsePedigree(keys.map((k) => p[`@${k}`] as string | undefined));
}
