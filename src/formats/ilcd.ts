import { basename } from 'node:path';
import {
  FlowSchema,
  ProcessSchema,
  type Exchange,
  type Flow,
  type FlowKind,
  type FlowProperty,
  type LciDatabase,
  type LeftOutExchange,
  type Process,
  type ProcessProvenance,
  type Uncertainty,
  type UnitGroup,
} from '../model/lci.ts';
import { ELEMENTARY_ROOT } from './compartments.ts';
import { coded, ImportError } from './errors.ts';
import { Fields, normaliseCas, ordered } from './fields.ts';
import { tanjiLocation } from './ilcd-locations.ts';
import type { ImportOptions } from './options.ts';
import { citation, licence, provenance, realYear } from './provenance.ts';
import { attr, kid, kids, ownText, parseXml, text, type XmlNode } from './xml.ts';
import { readZip } from './zip.ts';

/**
 * ILCD archives (the EU JRC's XML format, as the TianGong database publishes it): one XML data
 * set per process, flow, flow property, unit group, source and contact, in folders of those
 * names, usually under `ILCD/`, with `ILCDLocations.xml` beside them.
 *
 * Units: an ILCD exchange amount is in the reference unit of its flow's reference flow property,
 * so the amount stands as written; a unit group whose reference unit is not written with factor 1
 * (TianGong's time group: "a" = 365) has every factor divided by the reference's, so the group's
 * reference unit is 1 exactly. Names and descriptions keep English (`name`) and Chinese
 * (`nameZh`) both. Locations become Tanji's province codes (`SZ-JS-CN` → `CN-JS`), the ILCD code
 * staying in the provenance's geography.
 *
 * An exchange whose flow is not in the archive, or that has no amount, is left out of the
 * matrices and kept in the process's `leftOut` (a listed cut-off, reported through `onWarning`);
 * a process whose reference exchange is such a one, or that has no reference flow, cannot be
 * used and is left out with a warning. A reference that is an elementary flow or a product input
 * is counted per its amount as written when no product output can take its place. Anything
 * malformed refuses the whole archive (ImportError naming file, data set and element).
 */

const FOLDERS = ['processes', 'flows', 'flowproperties', 'unitgroups', 'sources', 'contacts'] as const;
type Folder = (typeof FOLDERS)[number];
const ENTRY = new RegExp(`(^|/)(${FOLDERS.join('|')})/[^/]+\\.xml$`, 'i');
const LOCATIONS = /(^|\/)ILCDLocations\.xml$/i;

// "Other flow" (ILCD: neither product, waste nor elementary, e.g. a service) links like a product
const KINDS: Record<string, FlowKind> = {
  'Elementary flow': 'elementary',
  'Product flow': 'product',
  'Waste flow': 'waste',
  'Other flow': 'product',
};

/** True when the zip's entries are an ILCD archive (a processes/ folder of XML data sets). */
export function isIlcd(entries: string[]): boolean {
  return entries.some((n) => /(^|\/)processes\/[^/]+\.xml$/i.test(n));
}

interface DataSet {
  entry: string;
  root: XmlNode;
}

interface Context {
  file: string;
  flows: Map<string, Flow>;
  sources: Map<string, string>;
  contacts: Map<string, string>;
  locationNames: Map<string, string>;
  warn: (message: string) => void;
}

export async function importIlcd(path: string, opts: ImportOptions = {}): Promise<LciDatabase> {
  const file = basename(path);
  const zip = await readZip(path, (name) => ENTRY.test(name) || LOCATIONS.test(name));
  const total = zip.size;
  const entries = new Map<Folder, string[]>(FOLDERS.map((f) => [f, []]));
  for (const entry of zip.keys()) {
    if (LOCATIONS.test(entry)) continue;
    entries.get(FOLDERS.find((f) => entry.toLowerCase().split('/').at(-2) === f)!)!.push(entry);
  }
  if (entries.get('processes')!.length === 0) throw new ImportError(coded('import.not-ilcd', {}), file);
  // zip order is the archive's; sorted, an import does not depend on how the zip was written
  for (const list of entries.values()) list.sort();
  let parsed = 0;
  /**
   * Data sets are parsed in the order the readers need them and each one's bytes are dropped once
   * parsed; processes (nine tenths of the XML) are read as they are parsed, so the trees of all
   * of them are never held at once: that garbage would be most of the import's time.
   */
  const parse = (entry: string): XmlNode => {
    const doc = parseXml(file, entry, zip.get(entry)!);
    zip.delete(entry);
    opts.onProgress?.(++parsed, total);
    return doc;
  };
  const dataSet = (entry: string): DataSet => {
    const doc = parse(entry);
    const rootTag = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
    if (!rootTag) throw new ImportError(coded('import.no-root', {}), file, entry);
    return { entry, root: kid(doc, rootTag) };
  };
  const folder = (f: Folder) => entries.get(f)!.map(dataSet);
  let locationNames = new Map<string, string>();
  for (const entry of [...zip.keys()].filter((e) => LOCATIONS.test(e))) {
    locationNames = new Map(
      kids(kid(parse(entry), 'ILCDLocations'), 'location').map((l) => [attr(l, 'value') ?? '', ownText(l) ?? '']),
    );
  }

  const unitGroups = folder('unitgroups').map((r) => readUnitGroup(file, r));
  const groupById = new Map(unitGroups.map((g) => [g.id, g]));
  const flowProperties = folder('flowproperties').map((r) => readFlowProperty(file, r, groupById));
  const propertyById = new Map(flowProperties.map((p) => [p.id, p]));
  const flows = new Map<string, Flow>();
  for (const entry of entries.get('flows')!) {
    const flow = readFlow(file, dataSet(entry), propertyById, groupById);
    flows.set(flow.id, flow);
  }
  const ctx: Context = {
    file,
    flows,
    sources: new Map(folder('sources').map((r) => readSource(file, r))),
    contacts: new Map(folder('contacts').map((r) => readContact(file, r))),
    locationNames,
    warn: (m) => opts.onWarning?.(m),
  };
  const processes: Process[] = [];
  for (const entry of entries.get('processes')!) {
    const p = readProcess(dataSet(entry), ctx);
    if (p) processes.push(p);
  }
  // only the properties and groups flows use: an archive carries many it never refers to
  const usedProperties = new Set([...flows.values()].map((f) => f.propertyId));
  const properties = flowProperties.filter((p) => usedProperties.has(p.id));
  const usedGroups = new Set(properties.map((p) => p.unitGroupId));
  return {
    name: opts.name ?? file.replace(/\.zip$/i, ''),
    origin: `ILCD: ${file}`,
    flows: [...flows.values()],
    processes,
    unitGroups: unitGroups.filter((g) => usedGroups.has(g.id)),
    flowProperties: properties,
  };
}

function uuidOf(f: Fields, info: XmlNode, at: string): string {
  return f.str(text(info, 'UUID'), `${at}.UUID`).toLowerCase();
}

function recordName(entry: string, name: string | undefined): string {
  return name ? `${entry} "${name}"` : entry;
}

function readUnitGroup(file: string, { entry, root }: DataSet): UnitGroup {
  const info = kid(root, 'unitGroupInformation', 'dataSetInformation');
  const name = text(info, 'name');
  const f = new Fields(file, recordName(entry, name));
  const id = uuidOf(f, info, 'unitGroupInformation.dataSetInformation');
  const refIndex = f.str(
    text(kid(root, 'unitGroupInformation', 'quantitativeReference'), 'referenceToReferenceUnit'),
    'quantitativeReference.referenceToReferenceUnit',
  );
  const raw = kids(kid(root, 'units'), 'unit').map((u, i) => ({
    internalId: f.str(attr(u, 'dataSetInternalID'), `units.unit[${i}]@dataSetInternalID`),
    name: f.str(text(u, 'name'), `units.unit[${i}].name`),
    meanValue: f.num(text(u, 'meanValue'), `units.unit[${i}].meanValue`),
  }));
  const reference =
    raw.find((u) => u.internalId === refIndex) ??
    f.fail('quantitativeReference.referenceToReferenceUnit', coded('import.no-unit-with-id', { id: refIndex }));
  if (reference.meanValue === 0) f.fail('units', coded('import.reference-unit-zero', { unit: reference.name }));
  return {
    id,
    name: f.str(name, 'unitGroupInformation.dataSetInformation.name'),
    referenceUnit: reference.name,
    units: raw.map((u) => ({ id: `${id}#${u.internalId}`, name: u.name, factor: u.meanValue / reference.meanValue })),
  };
}

function readFlowProperty(file: string, { entry, root }: DataSet, groups: Map<string, UnitGroup>): FlowProperty {
  const info = kid(root, 'flowPropertiesInformation', 'dataSetInformation');
  const name = text(info, 'name');
  const f = new Fields(file, recordName(entry, name));
  const ref = kid(root, 'flowPropertiesInformation', 'quantitativeReference', 'referenceToReferenceUnitGroup');
  const unitGroupId = f
    .str(attr(ref, 'refObjectId'), 'quantitativeReference.referenceToReferenceUnitGroup@refObjectId')
    .toLowerCase();
  if (!groups.has(unitGroupId))
    f.fail(
      'quantitativeReference.referenceToReferenceUnitGroup',
      coded('import.unit-group-missing', { id: unitGroupId }),
    );
  return {
    id: uuidOf(f, info, 'flowPropertiesInformation.dataSetInformation'),
    name: f.str(name, 'flowPropertiesInformation.dataSetInformation.name'),
    unitGroupId,
  };
}

/** An ILCD name's parts (baseName; treatment, standards, routes; mix and location; quantitative properties) in one language. */
function fullName(name: XmlNode, lang?: string): string | undefined {
  const base = text(name, 'baseName', lang);
  if (!base) return undefined;
  const rest = ['treatmentStandardsRoutes', 'mixAndLocationTypes', 'flowProperties', 'functionalUnitFlowProperties']
    .map((t) => text(name, t, lang))
    .filter(Boolean);
  return [base, ...rest].join('; ');
}

/** The Chinese name when there is one and it differs from the English. */
function zhName(name: XmlNode, en: string | undefined): string | undefined {
  const zh = fullName(name, 'zh');
  return zh !== en ? zh : undefined;
}

/** The Chinese text when there is one and it differs from the English. */
function zhOf(node: XmlNode, tag: string, en: string | undefined): string | undefined {
  const zh = text(node, tag, 'zh');
  return zh && zh !== en ? zh : undefined;
}

function classes(node: XmlNode, tag: string, item: string): string[] {
  return kids(kid(node, tag), item)
    .map((c) => ({ level: Number(attr(c, 'level') ?? 0), name: ownText(c) ?? '' }))
    .sort((a, b) => a.level - b.level)
    .map((c) => c.name)
    .filter((s) => s !== '');
}

const COMPARTMENTS: [RegExp, string][] = [
  [/^emissions to air$/i, 'air'],
  [/^emissions to (fresh |sea )?water$/i, 'water'],
  [/^emissions to soil$/i, 'soil'],
];

/**
 * ILCD elementary flow categories ("Emissions / Emissions to air / Emissions to air,
 * unspecified"; "Resources / Resources from air / Renewable material resources from air") in
 * Tanji's shape: ["Elementary flows", "air", "unspecified"], ["Elementary flows", "resource",
 * "from air", ...]; the characterisation and the resource test read that shape.
 */
export function ilcdElementaryCategory(levels: string[]): string[] {
  const [top, second, ...rest] = levels;
  if (!top) return [ELEMENTARY_ROOT, 'unspecified'];
  if (/^resources?$/i.test(top))
    return [
      ELEMENTARY_ROOT,
      'resource',
      ...[second?.replace(/^resources\s+/i, ''), ...rest].filter((s): s is string => Boolean(s)),
    ];
  const compartment = COMPARTMENTS.find(([re]) => re.test(second ?? ''))?.[1];
  if (compartment) {
    const sub = rest.map(
      (s) =>
        s.replace(new RegExp(`^emissions to ${compartment},?\\s*`, 'i'), '').replace(/^emissions to /i, '') ||
        'unspecified',
    );
    return [ELEMENTARY_ROOT, compartment, ...(sub.length ? sub : ['unspecified'])];
  }
  return [ELEMENTARY_ROOT, ...levels];
}

function readFlow(
  file: string,
  { entry, root }: DataSet,
  properties: Map<string, FlowProperty>,
  groups: Map<string, UnitGroup>,
): Flow {
  const info = kid(root, 'flowInformation', 'dataSetInformation');
  const nameNode = kid(info, 'name');
  const name = fullName(nameNode);
  const f = new Fields(file, recordName(entry, name));
  const id = uuidOf(f, info, 'flowInformation.dataSetInformation');
  const type = f.str(
    text(kid(root, 'modellingAndValidation', 'LCIMethod'), 'typeOfDataSet'),
    'modellingAndValidation.LCIMethod.typeOfDataSet',
  );
  const kind =
    KINDS[type] ??
    f.fail(
      'modellingAndValidation.LCIMethod.typeOfDataSet',
      coded('import.expected-one-of', {
        options: 'Elementary flow|Product flow|Waste flow|Other flow',
        value: String(type),
      }),
    );
  const refIndex = f.str(
    text(kid(root, 'flowInformation', 'quantitativeReference'), 'referenceToReferenceFlowProperty'),
    'quantitativeReference.referenceToReferenceFlowProperty',
  );
  const refProperty =
    kids(kid(root, 'flowProperties'), 'flowProperty').find((p) => attr(p, 'dataSetInternalID') === refIndex) ??
    f.fail('flowProperties', coded('import.no-flow-property-with-id', { id: refIndex }));
  const propertyId = f
    .str(
      attr(kid(refProperty, 'referenceToFlowPropertyDataSet'), 'refObjectId'),
      `flowProperties.flowProperty[${refIndex}].referenceToFlowPropertyDataSet@refObjectId`,
    )
    .toLowerCase();
  const property =
    properties.get(propertyId) ??
    f.fail(`flowProperties.flowProperty[${refIndex}]`, coded('import.flow-property-missing', { id: propertyId }));
  const classification = kid(info, 'classificationInformation');
  const flow: Flow = {
    id,
    name: f.str(name, 'flowInformation.dataSetInformation.name.baseName'),
    nameZh: zhName(nameNode, name),
    kind,
    cas: normaliseCas(text(info, 'CASNumber')),
    formula: text(info, 'sumFormula'),
    category:
      kind === 'elementary'
        ? ilcdElementaryCategory(classes(classification, 'elementaryFlowCategorization', 'category'))
        : classes(classification, 'classification', 'class'),
    propertyId,
    unit: groups.get(property.unitGroupId)!.referenceUnit,
  };
  return f.valid(FlowSchema, flow);
}

function readSource(file: string, { entry, root }: DataSet): [string, string] {
  const info = kid(root, 'sourceInformation', 'dataSetInformation');
  const name = text(info, 'shortName');
  const f = new Fields(file, recordName(entry, name));
  const reference = text(info, 'sourceCitation');
  return [
    uuidOf(f, info, 'sourceInformation.dataSetInformation'),
    citation({ name, reference: reference !== name ? reference : undefined }) ?? '',
  ];
}

function readContact(file: string, { entry, root }: DataSet): [string, string] {
  const info = kid(root, 'contactInformation', 'dataSetInformation');
  const en = text(info, 'name') ?? text(info, 'shortName');
  const f = new Fields(file, recordName(entry, en));
  const zh = text(info, 'name', 'zh') ?? text(info, 'shortName', 'zh');
  return [uuidOf(f, info, 'contactInformation.dataSetInformation'), bilingual(en, zh) ?? ''];
}

/** "English (中文)" when both exist and differ. */
function bilingual(en: string | undefined, zh: string | undefined): string | undefined {
  if (!en) return zh;
  return zh && zh !== en ? `${en} (${zh})` : en;
}

/** A text element in English and Chinese, as two paragraphs. */
function both(node: XmlNode, tag: string): string | undefined {
  const en = text(node, tag);
  const zh = zhOf(node, tag, en);
  return [en, zh].filter(Boolean).join('\n') || undefined;
}

/** The name a reference (to a source or contact) resolves to: the data set's, else the reference's own short description. */
function referenced(ref: XmlNode, known: Map<string, string>): string | undefined {
  const id = attr(ref, 'refObjectId')?.toLowerCase();
  return (
    (id && known.get(id)) ||
    bilingual(text(ref, 'shortDescription'), zhOf(ref, 'shortDescription', text(ref, 'shortDescription')))
  );
}

function readProcess({ entry, root }: DataSet, ctx: Context): Process | undefined {
  const pi = kid(root, 'processInformation');
  const info = kid(pi, 'dataSetInformation');
  const nameNode = kid(info, 'name');
  const name = fullName(nameNode);
  const f = new Fields(ctx.file, recordName(entry, name));
  const id = uuidOf(f, info, 'processInformation.dataSetInformation');
  const refs = kids(kid(pi, 'quantitativeReference'), 'referenceToReferenceFlow').map((r) => ownText(r));
  const exchanges: Exchange[] = [];
  const leftOut: LeftOutExchange[] = [];
  kids(kid(root, 'exchanges'), 'exchange').forEach((x, i) => {
    const at = `exchanges.exchange[${i}]`;
    const internalId = f.str(attr(x, 'dataSetInternalID'), `${at}@dataSetInternalID`);
    const flowRef = kid(x, 'referenceToFlowDataSet');
    const flowId = attr(flowRef, 'refObjectId')?.toLowerCase();
    const direction = text(x, 'exchangeDirection');
    if (direction !== 'Input' && direction !== 'Output')
      f.fail(
        `${at}.exchangeDirection`,
        coded('import.expected-one-of', { options: 'Input|Output', value: direction ?? '' }),
      );
    const written = text(x, 'resultingAmount') ?? text(x, 'meanAmount');
    const amount =
      written === undefined
        ? undefined
        : f.num(written, `${at}.${text(x, 'resultingAmount') === undefined ? 'meanAmount' : 'resultingAmount'}`);
    const flow = flowId === undefined ? undefined : ctx.flows.get(flowId);
    if (!flow || amount === undefined) {
      leftOut.push({
        exchangeId: internalId,
        flowId,
        name: flow?.name ?? text(flowRef, 'shortDescription'),
        amount,
        input: direction === 'Input',
        reason: flow ? 'no-amount' : 'missing-flow',
      });
      return;
    }
    exchanges.push({
      id: internalId,
      flowId: flow.id,
      amount,
      input: direction === 'Input',
      // Tanji's own ILCD export carries these in its namespace (formats/ilcd-export.ts)
      avoided: attr(x, 'avoided') === 'true',
      reference: refs[0] === internalId,
      providerId: attr(x, 'provider'),
      uncertainty: readUncertainty(f, x, at, amount),
    });
  });
  const record = f.record;
  const reference = leftOut.find((m) => m.exchangeId === refs[0]);
  if (reference) {
    ctx.warn(
      `${ctx.file}: ${record}: left out, its reference flow ${reference.flowId ?? '(no data set named)'}${reference.name ? ` "${reference.name}"` : ''} ${reference.reason === 'missing-flow' ? 'is not in the archive' : 'has no amount'}`,
    );
    return undefined;
  }
  if (!exchanges.some((e) => e.reference)) {
    ctx.warn(
      `${ctx.file}: ${record}: left out, it has ${refs.length ? `no exchange with dataSetInternalID ${refs[0]} (its referenceToReferenceFlow)` : 'no reference flow (quantitativeReference)'}`,
    );
    return undefined;
  }
  const rescaled = providingReference(name ?? id, exchanges, ctx);
  if (rescaled === undefined) {
    const written = exchanges.find((e) => e.reference)!;
    ctx.warn(
      `${ctx.file}: ${record}: counted per its reference ${written.amount} ${ctx.flows.get(written.flowId)!.unit} of "${ctx.flows.get(written.flowId)!.name}", ${refKind(written, ctx)}, as written: it has no single product output or waste input to count it in instead, so no other process links to it`,
    );
  }
  if (rescaled) ctx.warn(`${ctx.file}: ${record}: ${rescaled.reason}`);
  for (const m of leftOut) {
    const why =
      m.reason === 'missing-flow'
        ? `refers to flow ${m.flowId ?? '(no data set named)'}${m.name ? ` "${m.name}"` : ''}, which is not in the archive`
        : `(flow "${m.name}") has no amount`;
    ctx.warn(`${ctx.file}: ${record}: exchange ${m.exchangeId} ${why}: left out as a cut-off`);
  }
  const time = kid(pi, 'time');
  const year = realYear(Number(text(time, 'referenceYear')));
  const until = realYear(Number(text(time, 'dataSetValidUntil')));
  const ilcdCode = attr(kid(pi, 'geography', 'locationOfOperationSupplyOrProduction'), 'location');
  const description = text(info, 'generalComment');
  const process: Process = {
    id,
    name: f.str(name, 'processInformation.dataSetInformation.name.baseName'),
    nameZh: zhName(nameNode, name),
    location: ilcdCode ? tanjiLocation(ilcdCode) : undefined,
    category: classes(kid(info, 'classificationInformation'), 'classification', 'class'),
    description,
    descriptionZh: zhOf(info, 'generalComment', description),
    validFrom: year ? `${year}-01-01` : undefined,
    validUntil: until ? `${until}-12-31` : undefined,
    exchanges,
    allocationFactors: [],
    source: `${ctx.file}:${entry}`,
    provenance: readProvenance(root, ilcdCode, year, ctx),
    writtenReference: rescaled ?? undefined,
    leftOut: leftOut.length ? leftOut : undefined,
  };
  return f.valid(ProcessSchema, process);
}

/** How an exchange that cannot be a provider's reference is one, in words. */
function refKind(e: Exchange, ctx: Context): string {
  const kind = ctx.flows.get(e.flowId)!.kind;
  return kind === 'elementary'
    ? `an elementary flow (${e.input ? 'taken from' : 'released to'} the environment)`
    : `a ${kind} ${e.input ? 'input' : 'output'}`;
}

/**
 * A reference the engine can use as a provider column: a product output or a waste input. When
 * the data set names another (ILCD allows a product input or an elementary flow), its one
 * providing exchange becomes the reference, or among several the one whose flow the process is
 * named after; `null` when the written reference provides, undefined when no exchange can take
 * its place (the written reference then stays: a column per its amount that nothing links to).
 */
function providingReference(
  processName: string,
  exchanges: Exchange[],
  ctx: Context,
): { exchangeId: string; reason: string } | null | undefined {
  const provides = (e: Exchange) =>
    !e.avoided &&
    (ctx.flows.get(e.flowId)!.kind === 'product' ? !e.input : ctx.flows.get(e.flowId)!.kind === 'waste' && e.input);
  const written = exchanges.find((e) => e.reference)!;
  if (provides(written)) return null;
  const candidates = exchanges.filter(provides);
  const named = candidates.filter((e) =>
    processName.toLowerCase().includes(ctx.flows.get(e.flowId)!.name.toLowerCase()),
  );
  const chosen = candidates.length === 1 ? candidates[0] : named.length === 1 ? named[0] : undefined;
  if (!chosen) return undefined;
  written.reference = false;
  chosen.reference = true;
  const flow = (e: Exchange) => `${e.amount} ${ctx.flows.get(e.flowId)!.unit} of "${ctx.flows.get(e.flowId)!.name}"`;
  return {
    exchangeId: written.id,
    reason: `the data set's reference, exchange ${written.id} (${flow(written)}), is ${refKind(written, ctx)}; counted per its ${chosen.input ? 'waste input' : 'product output'}, exchange ${chosen.id} (${flow(chosen)})`,
  };
}

function readProvenance(
  root: XmlNode,
  ilcdCode: string | undefined,
  year: number | undefined,
  ctx: Context,
): ProcessProvenance | undefined {
  const pi = kid(root, 'processInformation');
  const mv = kid(root, 'modellingAndValidation');
  const admin = kid(root, 'administrativeInformation');
  const publication = kid(admin, 'publicationAndOwnership');
  const sources = kids(kid(mv, 'dataSourcesTreatmentAndRepresentativeness'), 'referenceToDataSource').map((r) =>
    referenced(r, ctx.sources),
  );
  const reviews = kids(kid(mv, 'validation'), 'review');
  const reviewers = reviews.flatMap((r) =>
    kids(r, 'referenceToNameOfReviewerAndInstitution').map((ref) => referenced(ref, ctx.contacts)),
  );
  const reviewTypes = [...new Set(reviews.map((r) => attr(r, 'type')).filter(Boolean))];
  const geography = kid(pi, 'geography');
  const place = ilcdCode && [ilcdCode, ctx.locationNames.get(ilcdCode)].filter(Boolean).join(' ');
  const owner = kid(publication, 'referenceToOwnershipOfDataSet');
  const sentence = (s: string | undefined) => (s && !/[.。]$/.test(s) ? `${s}.` : s);
  const usage = [
    sentence(text(publication, 'licenseType')),
    sentence(text(publication, 'accessRestrictions')),
    kids(owner, 'shortDescription').length ? `Owner: ${referenced(owner, ctx.contacts)}.` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const reviewer = [...new Set(reviewers.filter(Boolean))].join('; ');
  return provenance({
    publication: sources[0],
    sources: sources.filter((s): s is string => Boolean(s)),
    generator: referenced(kid(admin, 'dataGenerator', 'referenceToPersonOrEntityGeneratingTheDataSet'), ctx.contacts),
    technology: [
      both(kid(pi, 'technology'), 'technologyDescriptionAndIncludedProcesses'),
      both(kid(pi, 'technology'), 'technologicalApplicability'),
    ]
      .filter(Boolean)
      .join('\n'),
    geography: [
      place && `ILCD location ${place}.`,
      both(kid(geography, 'locationOfOperationSupplyOrProduction'), 'descriptionOfRestrictions'),
    ]
      .filter(Boolean)
      .join('\n'),
    time: both(kid(pi, 'time'), 'timeRepresentativenessDescription'),
    referenceYear: year,
    licence: licence(usage || undefined, text(publication, 'copyright') === 'true'),
    reviewer: reviewer ? `${reviewer}${reviewTypes.length ? ` (${reviewTypes.join(', ')})` : ''}` : undefined,
  });
}

/**
 * ILCD uncertainty: a type name and, when given, minimum and maximum amounts (uniform,
 * triangular) or relativeStandardDeviation95In (log-normal: the square of the geometric
 * standard deviation; normal: twice the standard deviation in percent of the mean). A type
 * without its parameters (most TianGong exchanges that name one) carries no distribution.
 */
function readUncertainty(f: Fields, x: XmlNode, at: string, amount: number): Uncertainty | undefined {
  const type = text(x, 'uncertaintyDistributionType');
  const min = text(x, 'minimumAmount');
  const max = text(x, 'maximumAmount');
  const sd95 = text(x, 'relativeStandardDeviation95In');
  switch (type) {
    case 'log-normal': {
      if (sd95 === undefined) return undefined;
      const gsd = Math.sqrt(f.num(sd95, `${at}.relativeStandardDeviation95In`));
      return gsd > 1 && amount > 0 ? { type: 'lognormal', gm: amount, gsd } : undefined;
    }
    case 'normal':
      return sd95 === undefined
        ? undefined
        : {
            type: 'normal',
            mean: amount,
            sd: (Math.abs(amount) * f.num(sd95, `${at}.relativeStandardDeviation95In`)) / 200,
          };
    case 'triangular':
    case 'uniform': {
      if (min === undefined || max === undefined) return undefined;
      const o = ordered(f.num(min, `${at}.minimumAmount`), amount, f.num(max, `${at}.maximumAmount`));
      return type === 'uniform' ? { type: 'uniform', min: o.min, max: o.max } : { type: 'triangular', ...o };
    }
    default:
      return undefined;
  }
}
