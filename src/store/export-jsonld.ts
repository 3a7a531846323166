import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import {
  COPYRIGHT_PROTECTED,
  type AllocationMethod,
  type Exchange,
  type Flow,
  type FlowKind,
  type LciDatabase,
  type Pedigree,
  type Process,
  type ProcessProvenance,
  type Uncertainty,
  type UnitGroup,
} from '../model/lci.ts';
import type { Queryable } from './connection.ts';
import { loadRelease } from './releases.ts';

/**
 * A release as an openLCA JSON-LD zip in the olca-schema 1.x layout (categories as references
 * into categories/, locations into locations/): openLCA 1.x imports it as it is and openLCA 2.x
 * upgrades it on import, and a category name may contain "/". formats/jsonld.ts reads it back to
 * an equal LciDatabase when the zip keeps the original file name (the name, origin and each
 * process's source derive from it); amounts are written in the flow's reference unit, except that
 * an exchange converted on import is written in its original unit when that reproduces the stored
 * amount exactly, so its audit fields survive too. A process's provenance is written as its
 * processDocumentation, with sources and actors as records named by their text.
 */

const FLOW_TYPES: Record<FlowKind, string> = {
  product: 'PRODUCT_FLOW',
  waste: 'WASTE_FLOW',
  elementary: 'ELEMENTARY_FLOW',
};
const ALLOCATION_TYPES: Record<AllocationMethod, string> = {
  physical: 'PHYSICAL_ALLOCATION',
  economic: 'ECONOMIC_ALLOCATION',
  causal: 'CAUSAL_ALLOCATION',
};

type Json = Record<string, unknown>;

export async function exportReleaseJsonLd(store: Queryable, release: string): Promise<Uint8Array> {
  return jsonLdZip(await loadRelease(store, release));
}

export function jsonLdZip(db: LciDatabase): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (folder: string, json: Json) => {
    files[`${folder}/${json['@id']}.json`] = strToU8(
      JSON.stringify({ '@context': 'http://greendelta.github.io/olca-schema/context.jsonld', ...json }),
    );
  };
  const categories = new Map<string, Json>();
  const locations = new Map<string, Json>();
  const category = (modelType: string, path: string[]) => categoryRef(categories, modelType, path);
  const location = (code: string | undefined) => (code === undefined ? undefined : locationRef(locations, code));
  const sources = new Map<string, Json>();
  const actors = new Map<string, Json>();

  const groups = new Map(db.unitGroups.map((g) => [g.id, g]));
  const propertyGroup = new Map(db.flowProperties.map((p) => [p.id, groups.get(p.unitGroupId)]));
  const flows = new Map(db.flows.map((f) => [f.id, f]));

  for (const g of db.unitGroups) put('unit_groups', unitGroupJson(g));
  for (const p of db.flowProperties)
    put('flow_properties', {
      '@type': 'FlowProperty',
      '@id': p.id,
      name: p.name,
      unitGroup: { '@type': 'UnitGroup', '@id': p.unitGroupId },
    });
  for (const f of db.flows) put('flows', flowJson(f, category('FLOW', f.category), location(f.location)));
  for (const p of db.processes) {
    const exchanges = p.exchanges.map((e) => {
      const flow = flows.get(e.flowId);
      if (!flow) throw new Error(`process ${p.id} "${p.name}": exchange ${e.id} names unknown flow ${e.flowId}`);
      const group = propertyGroup.get(flow.propertyId);
      if (!group)
        throw new Error(`flow ${flow.id} "${flow.name}": unknown flow property or unit group ${flow.propertyId}`);
      return exchangeJson(e, flow, group);
    });
    put(
      'processes',
      processJson(
        p,
        exchanges,
        category('PROCESS', p.category),
        location(p.location),
        documentationJson(p, sources, actors),
      ),
    );
  }
  for (const c of categories.values()) put('categories', c);
  for (const l of locations.values()) put('locations', l);
  for (const s of sources.values()) put('sources', s);
  for (const a of actors.values()) put('actors', a);
  return zipSync(files, { level: 6 });
}

/** Stable ids for records the model keeps no id for, so two exports of one release are byte-equal. */
function nameUuid(text: string): string {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function categoryRef(all: Map<string, Json>, modelType: string, path: string[]): Json | undefined {
  let parent: Json | undefined;
  for (let i = 0; i < path.length; i++) {
    const id = nameUuid(`category:${modelType}:${JSON.stringify(path.slice(0, i + 1))}`);
    if (!all.has(id))
      all.set(id, { '@type': 'Category', '@id': id, name: path[i], modelType, ...(parent && { category: parent }) });
    parent = { '@type': 'Category', '@id': id, name: path[i] };
  }
  return parent;
}

function locationRef(all: Map<string, Json>, code: string): Json {
  const id = nameUuid(`location:${code}`);
  all.set(id, { '@type': 'Location', '@id': id, name: code, code });
  return { '@type': 'Location', '@id': id, name: code };
}

/** A record the model keeps only as its text (a citation, a name), with a stable id from that text. */
function namedRef(all: Map<string, Json>, type: string, name: string | undefined): Json | undefined {
  if (name === undefined) return undefined;
  const id = nameUuid(`${type}:${name}`);
  all.set(id, { '@type': type, '@id': id, name });
  return { '@type': type, '@id': id, name };
}

/**
 * The import reads a citation's name as it is written when the source record has no reference or
 * year, and the reference year from validFrom, so the provenance reads back equal; the DQR is
 * recomputed from the pedigree.
 */
function documentationJson(p: Process, sources: Map<string, Json>, actors: Map<string, Json>): Json {
  const v: ProcessProvenance = p.provenance ?? {};
  const copyright = v.licence !== undefined && v.licence.endsWith(COPYRIGHT_PROTECTED);
  const restrictions = copyright ? v.licence!.slice(0, -COPYRIGHT_PROTECTED.length).trim() || undefined : v.licence;
  return {
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    technologyDescription: v.technology,
    geographyDescription: v.geography,
    timeDescription: v.time,
    restrictionsDescription: restrictions,
    copyright,
    publication: namedRef(sources, 'Source', v.publication),
    sources: v.sources?.map((s) => namedRef(sources, 'Source', s)),
    dataGenerator: namedRef(actors, 'Actor', v.generator),
    reviewer: namedRef(actors, 'Actor', v.reviewer),
  };
}

function dqEntry(p: Pedigree | undefined): string | undefined {
  return p && `(${p.reliability};${p.completeness};${p.temporal};${p.geographical};${p.technological})`;
}

function unitGroupJson(g: UnitGroup): Json {
  return {
    '@type': 'UnitGroup',
    '@id': g.id,
    name: g.name,
    units: g.units.map((u) => ({
      '@type': 'Unit',
      '@id': u.id,
      name: u.name,
      conversionFactor: u.factor,
      referenceUnit: u.name === g.referenceUnit,
    })),
  };
}

function flowJson(f: Flow, category: Json | undefined, location: Json | undefined): Json {
  return {
    '@type': 'Flow',
    '@id': f.id,
    name: f.name,
    flowType: FLOW_TYPES[f.kind],
    cas: f.cas,
    formula: f.formula,
    category,
    location,
    flowProperties: [
      {
        '@type': 'FlowPropertyFactor',
        flowProperty: { '@type': 'FlowProperty', '@id': f.propertyId },
        conversionFactor: 1,
        referenceFlowProperty: true,
      },
    ],
  };
}

function processJson(
  p: Process,
  exchanges: Json[],
  category: Json | undefined,
  location: Json | undefined,
  documentation: Json,
): Json {
  return {
    '@type': 'Process',
    '@id': p.id,
    name: p.name,
    processType: 'UNIT_PROCESS',
    description: p.description,
    category,
    location,
    processDocumentation: documentation,
    dqEntry: dqEntry(p.provenance?.pedigree),
    defaultAllocationMethod: p.defaultAllocation && ALLOCATION_TYPES[p.defaultAllocation],
    exchanges,
    allocationFactors: p.allocationFactors.map((a) => ({
      '@type': a.method === 'causal' ? 'CausalAllocationFactor' : 'AllocationFactor',
      allocationType: ALLOCATION_TYPES[a.method],
      product: { '@type': 'Flow', '@id': a.productId },
      value: a.value,
      ...(a.exchangeId !== undefined && { exchange: { '@type': 'ExchangeRef', internalId: internalId(a.exchangeId) } }),
    })),
  };
}

/** openLCA's internal ids are integers; anything else is kept as written so it reads back the same. */
function internalId(id: string): number | string {
  return String(Number(id)) === id ? Number(id) : id;
}

function exchangeJson(e: Exchange, flow: Flow, group: UnitGroup): Json {
  const reference = group.units.find((u) => u.name === group.referenceUnit);
  if (!reference) throw new Error(`unit group ${group.id} "${group.name}" has no unit named ${group.referenceUnit}`);
  const written = originalUnit(e, group) ?? {
    unit: reference,
    amount: e.amount,
    uncertainty: e.uncertainty && olcaUncertainty(e.uncertainty, 1),
  };
  return {
    '@type': 'Exchange',
    internalId: internalId(e.id),
    amount: written.amount,
    input: e.input,
    avoidedProduct: e.avoided,
    quantitativeReference: e.reference,
    flow: { '@type': 'Flow', '@id': flow.id, name: flow.name },
    flowProperty: { '@type': 'FlowProperty', '@id': flow.propertyId },
    unit: { '@type': 'Unit', '@id': written.unit.id, name: written.unit.name },
    defaultProvider: e.providerId && { '@type': 'Process', '@id': e.providerId },
    uncertainty: written.uncertainty,
    dqEntry: dqEntry(e.pedigree),
  };
}

/** The exchange in the unit it was imported in, when converting it back and forth loses nothing. */
function originalUnit(e: Exchange, group: UnitGroup) {
  if (e.originalAmount === undefined || e.originalUnit === undefined) return undefined;
  const unit = group.units.find((u) => u.name === e.originalUnit);
  if (!unit || e.originalAmount * unit.factor !== e.amount) return undefined;
  const uncertainty = e.uncertainty && olcaUncertainty(e.uncertainty, unit.factor);
  if (uncertainty && !reproduces(uncertainty, e.uncertainty!, unit.factor)) return undefined;
  return { unit, amount: e.originalAmount, uncertainty };
}

/** Parameters in the written unit: the reference-unit values divided by the unit's factor (a gsd is a ratio). */
function olcaUncertainty(u: Uncertainty, factor: number): Json {
  switch (u.type) {
    case 'lognormal':
      return { distributionType: 'LOG_NORMAL_DISTRIBUTION', geomMean: u.gm / factor, geomSd: u.gsd };
    case 'normal':
      return { distributionType: 'NORMAL_DISTRIBUTION', mean: u.mean / factor, sd: u.sd / factor };
    case 'triangular':
      return {
        distributionType: 'TRIANGLE_DISTRIBUTION',
        minimum: u.min / factor,
        mode: u.mode / factor,
        maximum: u.max / factor,
      };
    case 'uniform':
      return { distributionType: 'UNIFORM_DISTRIBUTION', minimum: u.min / factor, maximum: u.max / factor };
  }
}

function reproduces(written: Json, u: Uncertainty, factor: number): boolean {
  const back = (k: string) => (written[k] as number) * factor;
  switch (u.type) {
    case 'lognormal':
      return back('geomMean') === u.gm;
    case 'normal':
      return back('mean') === u.mean && back('sd') === u.sd;
    case 'triangular':
      return back('minimum') === u.min && back('mode') === u.mode && back('maximum') === u.max;
    case 'uniform':
      return back('minimum') === u.min && back('maximum') === u.max;
  }
}
