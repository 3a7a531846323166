import { basename } from 'node:path';
import {
  FlowSchema,
  ProcessSchema,
  type AllocationFactor,
  type AllocationMethod,
  type Exchange,
  type Flow,
  type FlowKind,
  type FlowProperty,
  type LciDatabase,
  type Process,
  type ProcessProvenance,
  type Uncertainty,
  type UnitGroup,
} from '../model/lci.ts';
import { elementaryCategory } from './compartments.ts';
import { coded, ImportError } from './errors.ts';
import { Fields, normaliseCas, ordered, parsePedigree } from './fields.ts';
import type { ImportOptions } from './options.ts';
import { citation, licence, provenance, referenceYear } from './provenance.ts';
import { readZip } from './zip.ts';

/**
 * openLCA JSON-LD zips (olca-schema 1.x and 2.x). Amounts are converted to the flow's reference
 * unit with openLCA's rule: amount × unit factor (within its unit group) ÷ the flow's factor for
 * the exchange's flow property (the reference property has factor 1).
 */

const FOLDERS = new Set(['unit_groups', 'flow_properties', 'flows', 'processes', 'categories', 'locations', 'sources']);
const KINDS: Record<string, FlowKind> = { ELEMENTARY_FLOW: 'elementary', PRODUCT_FLOW: 'product', WASTE_FLOW: 'waste' };
const METHODS: Record<string, AllocationMethod> = {
  PHYSICAL_ALLOCATION: 'physical',
  ECONOMIC_ALLOCATION: 'economic',
  CAUSAL_ALLOCATION: 'causal',
};

type Json = Record<string, unknown>;

interface Entry {
  path: string;
  json: Json;
}

interface FlowInfo {
  flow: Flow;
  /** flow property id → how many of that property one reference unit is */
  propertyFactors: Map<string, number>;
}

export async function importJsonLd(path: string, opts: ImportOptions = {}): Promise<LciDatabase> {
  const file = basename(path);
  const zip = await readZip(path, (name) => name.endsWith('.json') && FOLDERS.has(folderOf(name)));
  const folders = new Map<string, Entry[]>([...FOLDERS].map((f) => [f, []]));
  for (const [name, bytes] of zip) {
    let json: unknown;
    try {
      json = JSON.parse(decoder.decode(bytes));
    } catch (e) {
      throw new ImportError(coded('import.not-json', { detail: (e as Error).message }), file, name);
    }
    const fields = new Fields(file, name);
    folders.get(folderOf(name))!.push({ path: name, json: fields.obj(json, '(record)') });
  }
  if (folders.get('processes')!.length === 0) throw new ImportError(coded('import.not-jsonld', {}), file);

  const categoryPath = categoryPaths(folders.get('categories')!);
  // a reference to a source carries only its name, which USLCI cuts at 40 characters
  const citations = new Map(
    folders.get('sources')!.map(({ path, json }) => {
      const f = new Fields(file, recordName(path, json));
      const text = citation({
        name: f.optStr(json.name, 'name'),
        year: f.optNum(json.year, 'year'),
        reference: f.optStr(json.textReference, 'textReference'),
        url: f.optStr(json.url, 'url'),
      });
      return [f.str(json['@id'], '@id'), text] as const;
    }),
  );
  const locations = new Map(
    folders.get('locations')!.map(({ json }) => [String(json['@id']), String(json.code ?? json.name ?? '')]),
  );
  const { unitGroups, unitFactors } = readUnitGroups(file, folders.get('unit_groups')!);
  const flowProperties = folders.get('flow_properties')!.map(({ path, json }) => {
    const f = new Fields(file, recordName(path, json));
    const p: FlowProperty = {
      id: f.str(json['@id'], '@id'),
      name: f.str(json.name, 'name').trim(),
      unitGroupId: f.ref(json.unitGroup, 'unitGroup'),
    };
    if (!unitFactors.has(p.unitGroupId)) f.fail('unitGroup', coded('import.unknown-unit-group', { id: p.unitGroupId }));
    return p;
  });
  const properties = new Map(flowProperties.map((p) => [p.id, p]));
  const groups = new Map(unitGroups.map((g) => [g.id, g]));

  const flows = new Map<string, FlowInfo>();
  for (const { path, json } of folders.get('flows')!) {
    const f = new Fields(file, recordName(path, json));
    const id = f.str(json['@id'], '@id');
    const kind =
      KINDS[f.str(json.flowType, 'flowType')] ??
      f.fail(
        'flowType',
        coded('import.expected-one-of', {
          options: 'ELEMENTARY_FLOW|PRODUCT_FLOW|WASTE_FLOW',
          value: String(json.flowType),
        }),
      );
    const propertyFactors = new Map<string, number>();
    let reference: string | undefined;
    f.arr(json.flowProperties, 'flowProperties').forEach((raw, i) => {
      const fpf = f.obj(raw, `flowProperties[${i}]`);
      const pid = f.ref(fpf.flowProperty, `flowProperties[${i}].flowProperty`);
      if (!properties.has(pid))
        f.fail(`flowProperties[${i}].flowProperty`, coded('import.unknown-flow-property', { id: pid }));
      propertyFactors.set(pid, f.num(fpf.conversionFactor ?? 1, `flowProperties[${i}].conversionFactor`));
      if (f.bool(fpf.referenceFlowProperty, `flowProperties[${i}].referenceFlowProperty`)) reference = pid;
    });
    const propertyId = reference ?? f.fail('flowProperties', coded('import.no-reference-property', {}));
    const category = categoryPath(json.category, f);
    const flow: Flow = {
      id,
      name: f.str(json.name, 'name').trim(),
      kind,
      cas: normaliseCas(f.optStr(json.cas ?? json.casNumber, 'cas')),
      formula: f.optStr(json.formula, 'formula'),
      category: kind === 'elementary' ? elementaryCategory(category) : category,
      propertyId,
      unit: groups.get(properties.get(propertyId)!.unitGroupId)!.referenceUnit,
      location: locationOf(json.location, locations, f, 'location'),
    };
    flows.set(id, { flow: f.valid(FlowSchema, flow), propertyFactors });
  }

  const entries = folders.get('processes')!;
  const processes: Process[] = [];
  for (const { path, json } of entries) {
    processes.push(
      readProcess(
        new Fields(file, recordName(path, json)),
        json,
        `${file}:${path}`,
        { flows, properties, unitFactors, categoryPath, locations, citations },
        opts,
      ),
    );
    opts.onProgress?.(processes.length, entries.length);
  }
  return {
    name: opts.name ?? file.replace(/\.zip$/i, ''),
    origin: `openLCA JSON-LD: ${file}`,
    flows: [...flows.values()].map((i) => i.flow),
    processes,
    unitGroups,
    flowProperties,
  };
}

const decoder = new TextDecoder();

function folderOf(name: string): string {
  const parts = name.split('/');
  return parts.length >= 2 ? parts[parts.length - 2] : '';
}

function recordName(path: string, json: Json): string {
  return typeof json.name === 'string' ? `${path} "${json.name.trim()}"` : path;
}

interface Context {
  flows: Map<string, FlowInfo>;
  properties: Map<string, FlowProperty>;
  /** unit group id → unit id → factor */
  unitFactors: Map<string, Map<string, number>>;
  categoryPath: (v: unknown, f: Fields) => string[];
  locations: Map<string, string>;
  /** source id → its citation, from the sources/ folder */
  citations: Map<string, string | undefined>;
}

function readUnitGroups(file: string, entries: Entry[]) {
  const unitFactors = new Map<string, Map<string, number>>();
  const unitGroups: UnitGroup[] = entries.map(({ path, json }) => {
    const f = new Fields(file, recordName(path, json));
    const factors = new Map<string, number>();
    let referenceUnit: string | undefined;
    const units = f.arr(json.units, 'units').map((raw, i) => {
      const u = f.obj(raw, `units[${i}]`);
      const unit = {
        id: f.str(u['@id'], `units[${i}].@id`),
        name: f.str(u.name, `units[${i}].name`),
        factor: f.num(u.conversionFactor, `units[${i}].conversionFactor`),
      };
      if (f.bool(u.referenceUnit, `units[${i}].referenceUnit`)) referenceUnit = unit.name;
      factors.set(unit.id, unit.factor);
      return unit;
    });
    const id = f.str(json['@id'], '@id');
    unitFactors.set(id, factors);
    return {
      id,
      name: f.str(json.name, 'name'),
      referenceUnit: referenceUnit ?? f.fail('units', coded('import.no-reference-unit', {})),
      units,
    };
  });
  return { unitGroups, unitFactors };
}

/** Category paths from the categories/ folder (olca 1.x parent refs) or "a/b/c" strings (olca 2.x). */
function categoryPaths(entries: Entry[]) {
  const byId = new Map(entries.map(({ json }) => [String(json['@id']), json]));
  const memo = new Map<string, string[]>();
  const pathOf = (id: string, seen: Set<string>): string[] => {
    const cached = memo.get(id);
    if (cached) return cached;
    const c = byId.get(id);
    if (!c || seen.has(id)) return [];
    seen.add(id);
    const parent = c.category;
    const up =
      typeof parent === 'string'
        ? parent.split('/')
        : typeof parent === 'object' && parent !== null
          ? pathOf(String((parent as Json)['@id']), seen)
          : [];
    const path = [...up, String(c.name ?? '')];
    memo.set(id, path);
    return path;
  };
  return (v: unknown, f: Fields): string[] => {
    if (v === undefined || v === null) return [];
    if (typeof v === 'string') return v.split('/').filter((s) => s !== '');
    const ref = f.obj(v, 'category');
    const id = f.str(ref['@id'], 'category.@id');
    // a category missing from the zip still has its own name on the reference
    return byId.has(id) ? pathOf(id, new Set()) : [f.str(ref.name, 'category.name')];
  };
}

function locationOf(v: unknown, locations: Map<string, string>, f: Fields, field: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  const ref = f.obj(v, field);
  return locations.get(String(ref['@id'])) || f.optStr(ref.name, `${field}.name`);
}

function readProcess(f: Fields, json: Json, source: string, ctx: Context, opts: ImportOptions): Process {
  const doc = json.processDocumentation === undefined ? {} : f.obj(json.processDocumentation, 'processDocumentation');
  const exchanges = f
    .arr(json.exchanges, 'exchanges')
    .map((raw, i) => readExchange(f, f.obj(raw, `exchanges[${i}]`), `exchanges[${i}]`, i, ctx));
  const method = json.defaultAllocationMethod;
  const validFrom = date(f.optStr(doc.validFrom, 'processDocumentation.validFrom'));
  const process: Process = {
    id: f.str(json['@id'], '@id'),
    name: f.str(json.name, 'name').trim(),
    location: locationOf(json.location, ctx.locations, f, 'location'),
    category: ctx.categoryPath(json.category, f),
    description: f.optStr(json.description, 'description'),
    validFrom,
    validUntil: date(f.optStr(doc.validUntil, 'processDocumentation.validUntil')),
    exchanges,
    defaultAllocation:
      method === undefined || method === null
        ? undefined
        : (METHODS[String(method)] ??
          f.fail('defaultAllocationMethod', coded('import.unknown-allocation-method', { method: String(method) }))),
    allocationFactors: readAllocation(f, json, exchanges, ctx, opts),
    source,
    provenance: readProvenance(f, json, doc, validFrom, ctx),
  };
  if (exchanges.filter((e) => e.reference).length !== 1) {
    f.fail('exchanges', coded('import.reference-count', { count: exchanges.filter((e) => e.reference).length }));
  }
  return f.valid(ProcessSchema, process);
}

/** processDocumentation in the names of olca-schema 1.x (copyright, reviewer) and 2.x (isCopyrightProtected, reviews). */
function readProvenance(
  f: Fields,
  json: Json,
  doc: Json,
  validFrom: string | undefined,
  ctx: Context,
): ProcessProvenance | undefined {
  const at = (k: string) => `processDocumentation.${k}`;
  const text = (k: string) => f.optStr(doc[k], at(k));
  const name = (v: unknown, field: string) =>
    v === undefined || v === null ? undefined : f.optStr(f.obj(v, field).name, `${field}.name`);
  const source = (v: unknown, field: string) => {
    if (v === undefined || v === null) return undefined;
    const id = f.ref(v, field);
    return ctx.citations.get(id) ?? citation({ name: name(v, field) });
  };
  const reviews = f
    .arr(doc.reviews, at('reviews'))
    .flatMap((r, i) =>
      f
        .arr(f.obj(r, at(`reviews[${i}]`)).reviewers, at(`reviews[${i}].reviewers`))
        .map((v, j) => name(v, at(`reviews[${i}].reviewers[${j}]`))),
    );
  const reviewers = [name(doc.reviewer, at('reviewer')), ...reviews].map((r) => r?.trim()).filter(Boolean);
  return provenance({
    publication: source(doc.publication, at('publication')),
    sources: f
      .arr(doc.sources, at('sources'))
      .map((s, i) => source(s, at(`sources[${i}]`)))
      .filter((s) => s !== undefined),
    generator: name(doc.dataGenerator, at('dataGenerator')),
    technology: text('technologyDescription'),
    geography: text('geographyDescription'),
    time: text('timeDescription'),
    referenceYear: referenceYear(validFrom),
    licence: licence(
      text('restrictionsDescription'),
      f.bool(
        doc.copyright ?? doc.isCopyrightProtected,
        at(doc.copyright === undefined ? 'isCopyrightProtected' : 'copyright'),
      ),
    ),
    reviewer: reviewers.length ? reviewers.join('; ') : undefined,
    pedigree: parsePedigree(f.optStr(json.dqEntry, 'dqEntry')),
  });
}

/** Dates only: olca writes local midnight with an offset, EcoSpold2 the date; times carry no meaning here. */
function date(s: string | undefined): string | undefined {
  return s?.slice(0, 10);
}

function readExchange(f: Fields, x: Json, at: string, index: number, ctx: Context): Exchange {
  const flowId = f.ref(x.flow, `${at}.flow`);
  const info =
    ctx.flows.get(flowId) ??
    f.fail(
      `${at}.flow`,
      coded('import.unknown-flow', {
        id: flowId,
        name: typeof (x.flow as Json).name === 'string' ? ((x.flow as Json).name as string) : '',
      }),
    );
  const propertyId = x.flowProperty === undefined ? info.flow.propertyId : f.ref(x.flowProperty, `${at}.flowProperty`);
  const propertyFactor =
    info.propertyFactors.get(propertyId) ??
    f.fail(`${at}.flowProperty`, coded('import.flow-lacks-property', { flow: info.flow.name, id: propertyId }));
  const groupId = ctx.properties.get(propertyId)!.unitGroupId;
  const unitId = f.ref(x.unit, `${at}.unit`);
  const unitFactor =
    ctx.unitFactors.get(groupId)!.get(unitId) ??
    f.fail(`${at}.unit`, coded('import.unit-not-in-group', { unit: unitId, group: groupId }));
  const factor = unitFactor / propertyFactor;
  const amount = f.num(x.amount, `${at}.amount`);
  const unitName = (x.unit as Json).name;
  const internalId = x.internalId ?? x['@id'];
  return {
    id: internalId === undefined ? String(index + 1) : String(internalId),
    flowId,
    amount: amount * factor,
    input: f.bool(x.input, `${at}.input`),
    avoided: f.bool(x.avoidedProduct, `${at}.avoidedProduct`),
    reference: f.bool(x.quantitativeReference, `${at}.quantitativeReference`),
    providerId:
      x.defaultProvider === undefined || x.defaultProvider === null
        ? undefined
        : f.ref(x.defaultProvider, `${at}.defaultProvider`),
    originalAmount: factor === 1 ? undefined : amount,
    originalUnit: factor === 1 || typeof unitName !== 'string' ? undefined : unitName,
    uncertainty:
      x.uncertainty === undefined || x.uncertainty === null
        ? undefined
        : readUncertainty(f, f.obj(x.uncertainty, `${at}.uncertainty`), `${at}.uncertainty`, amount, factor),
    pedigree: parsePedigree((x.dqEntry ?? x.pedigreeUncertainty) as string | undefined),
  };
}

/** Distribution parameters are in the exchange's own unit, like the amount; a gsd is a ratio and stays. */
function readUncertainty(f: Fields, u: Json, at: string, amount: number, factor: number): Uncertainty | undefined {
  const n = (k: string) => f.num(u[k], `${at}.${k}`) * factor;
  switch (u.distributionType) {
    case 'LOG_NORMAL_DISTRIBUTION': {
      const gsd = f.optNum(u.geomSd, `${at}.geomSd`);
      // openLCA writes geomSd 0 when none was given; that is no distribution (EcoSpold2 says variance Infinity)
      if (gsd === undefined || !(gsd >= 1)) return undefined;
      return {
        type: 'lognormal',
        gm: u.geomMean === undefined || u.geomMean === null ? amount * factor : n('geomMean'),
        gsd,
      };
    }
    case 'NORMAL_DISTRIBUTION':
      return { type: 'normal', mean: n('mean'), sd: Math.abs(n('sd')) };
    case 'TRIANGLE_DISTRIBUTION':
      return { type: 'triangular', ...ordered(n('minimum'), n('mode'), n('maximum')) };
    case 'UNIFORM_DISTRIBUTION': {
      const { min, max } = ordered(n('minimum'), n('minimum'), n('maximum'));
      return { type: 'uniform', min, max };
    }
    case undefined:
    case null:
    case 'NO_DISTRIBUTION':
      return undefined;
    default:
      return f.fail(
        `${at}.distributionType`,
        coded('import.unknown-distribution', { value: String(JSON.stringify(u.distributionType)) }),
      );
  }
}

/**
 * Factors are kept per method only when they cover every co-product of the process: a set that
 * leaves a co-product out (USLCI has stale sets naming deleted or elementary flows) would give
 * that product a zero share. openLCA itself ignores them, as these processes set no default method.
 */
function readAllocation(
  f: Fields,
  json: Json,
  exchanges: Exchange[],
  ctx: Context,
  opts: ImportOptions,
): AllocationFactor[] {
  const raw = f.arr(json.allocationFactors, 'allocationFactors');
  if (raw.length === 0) return [];
  const coProducts = new Set(
    exchanges
      .filter(
        (e) =>
          !e.avoided &&
          (ctx.flows.get(e.flowId)!.flow.kind === 'product'
            ? !e.input
            : ctx.flows.get(e.flowId)!.flow.kind === 'waste' && e.input),
      )
      .map((e) => e.flowId),
  );
  const byMethod = new Map<AllocationMethod, AllocationFactor[]>();
  let dropped = 0;
  raw.forEach((r, i) => {
    const a = f.obj(r, `allocationFactors[${i}]`);
    const at = `allocationFactors[${i}]`;
    const method =
      METHODS[String(a.allocationType)] ??
      f.fail(
        `${at}.allocationType`,
        coded('import.unknown-allocation-type', { value: String(JSON.stringify(a.allocationType)) }),
      );
    const value = f.num(a.value, `${at}.value`);
    const productId = a.product === undefined || a.product === null ? undefined : f.ref(a.product, `${at}.product`);
    if (!productId || !coProducts.has(productId)) {
      dropped++;
      return;
    }
    const factor: AllocationFactor = { method, productId, value };
    if (method === 'causal' && a.exchange !== undefined && a.exchange !== null) {
      const ex = f.obj(a.exchange, `${at}.exchange`);
      const internalId = ex.internalId ?? ex['@id'];
      factor.exchangeId = internalId !== undefined ? String(internalId) : f.ref(ex.flow, `${at}.exchange.flow`);
    }
    byMethod.set(method, [...(byMethod.get(method) ?? []), factor]);
  });
  const kept: AllocationFactor[] = [];
  for (const [method, factors] of byMethod) {
    const covered = new Set(factors.map((x) => x.productId));
    if ([...coProducts].every((p) => covered.has(p))) kept.push(...factors);
    else dropped += factors.length;
  }
  if (dropped > 0)
    opts.onWarning?.(
      `${f.record}: left out ${dropped} of ${raw.length} allocation factors that name no co-product or do not cover every co-product`,
    );
  return kept;
}
