import { strToU8, zipSync } from 'fflate';
import {
  COPYRIGHT_PROTECTED,
  type Exchange,
  type Flow,
  type FlowKind,
  type LciDatabase,
  type LeftOutExchange,
  type Process,
  type Uncertainty,
  type UnitGroup,
} from '../model/lci.ts';
import { ELEMENTARY_ROOT } from './compartments.ts';
import { ilcdLocation } from './ilcd-locations.ts';
import { nameUuid } from './name-ids.ts';
import { el, esc } from './xml-write.ts';

/**
 * A database as an ILCD archive (ILCD 1.1, the layout formats/ilcd.ts reads and TianGong
 * publishes): ILCD/{processes,flows,flowproperties,unitgroups,sources,contacts}/<uuid>.xml.
 *
 * Amounts are written in their flow's reference unit, which is what an ILCD exchange amount
 * means. Chinese names and descriptions go beside the English ones (xml:lang="zh"); province
 * codes become ILCD's (CN-SD → SD-CN). A process's sources, data generator and reviewer become
 * source and contact data sets with stable name-based ids. Exchanges left out on import (their
 * flow missing from the original archive, or no amount) are written back as they were, so a
 * re-import lists the same cut-offs. What ILCD has no element for travels in Tanji's namespace
 * (allowed by the schemas' open attributes): a chosen provider (`tanji:provider`) and an avoided
 * product (`tanji:avoided`). Allocation factors are not written: ILCD's one set of fractions per
 * exchange cannot say which method they are, so a release with allocation factors loses them.
 */

const TYPES: Record<FlowKind, string> = { product: 'Product flow', waste: 'Waste flow', elementary: 'Elementary flow' };
const NS =
  'xmlns="http://lca.jrc.it/ILCD/{kind}" xmlns:common="http://lca.jrc.it/ILCD/Common" xmlns:tanji="https://tanji.carbon/ilcd" version="1.1"';
const ns = (kind: string) => NS.replace('{kind}', kind);
const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';

export function ilcdZip(db: LciDatabase): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (folder: string, id: string, xml: string) => {
    files[`ILCD/${folder}/${id}.xml`] = strToU8(HEAD + xml);
  };
  const sources = new Map<string, string>();
  const contacts = new Map<string, string>();
  const source = (text: string) => remember(sources, 'source', text);
  const contact = (text: string) => remember(contacts, 'contact', text);
  const flows = new Map(db.flows.map((f) => [f.id, f]));

  for (const g of db.unitGroups) put('unitgroups', g.id, unitGroupXml(g));
  for (const p of db.flowProperties) {
    put(
      'flowproperties',
      p.id,
      `<flowPropertyDataSet ${ns('FlowProperty')}><flowPropertiesInformation><dataSetInformation><common:UUID>${esc(p.id)}</common:UUID>${el('common:name', p.name, ' xml:lang="en"')}</dataSetInformation><quantitativeReference><referenceToReferenceUnitGroup type="unit group data set" refObjectId="${esc(p.unitGroupId)}" uri="../unitgroups/${esc(p.unitGroupId)}.xml"/></quantitativeReference></flowPropertiesInformation></flowPropertyDataSet>`,
    );
  }
  for (const f of db.flows) put('flows', f.id, flowXml(f));
  for (const p of db.processes) {
    for (const e of p.exchanges)
      if (!flows.has(e.flowId))
        throw new Error(`process ${p.id} "${p.name}": exchange ${e.id} names unknown flow ${e.flowId}`);
    put('processes', p.id, processXml(p, flows, source, contact));
  }
  for (const [text, id] of sources) {
    put(
      'sources',
      id,
      `<sourceDataSet ${ns('Source')}><sourceInformation><dataSetInformation><common:UUID>${id}</common:UUID>${el('common:shortName', text, ' xml:lang="en"')}</dataSetInformation></sourceInformation></sourceDataSet>`,
    );
  }
  for (const [text, id] of contacts) {
    put(
      'contacts',
      id,
      `<contactDataSet ${ns('Contact')}><contactInformation><dataSetInformation><common:UUID>${id}</common:UUID>${el('common:name', text, ' xml:lang="en"')}</dataSetInformation></contactInformation></contactDataSet>`,
    );
  }
  return zipSync(files, { level: 6 });
}

function remember(all: Map<string, string>, kind: string, text: string): string {
  let id = all.get(text);
  if (!id) all.set(text, (id = nameUuid(`tanji-ilcd-${kind}:${text}`)));
  return id;
}

function unitGroupXml(g: UnitGroup): string {
  const reference = g.units.findIndex((u) => u.name === g.referenceUnit);
  if (reference < 0)
    throw new Error(`unit group ${g.id} "${g.name}": its reference unit "${g.referenceUnit}" is not among its units`);
  const units = g.units
    .map((u, i) => `<unit dataSetInternalID="${i}">${el('name', u.name)}<meanValue>${u.factor}</meanValue></unit>`)
    .join('');
  return `<unitGroupDataSet ${ns('UnitGroup')}><unitGroupInformation><dataSetInformation><common:UUID>${esc(g.id)}</common:UUID>${el('common:name', g.name, ' xml:lang="en"')}</dataSetInformation><quantitativeReference><referenceToReferenceUnit>${reference}</referenceToReferenceUnit></quantitativeReference></unitGroupInformation><units>${units}</units></unitGroupDataSet>`;
}

const names = (tag: string, en: string, zh: string | undefined) =>
  el(tag, en, ' xml:lang="en"') + el(tag, zh, ' xml:lang="zh"');

const classification = (path: string[]) =>
  path.length
    ? `<common:classification>${path.map((c, i) => el('common:class', c, ` level="${i}"`)).join('')}</common:classification>`
    : '';

/**
 * Tanji's ["Elementary flows", compartment, sub...] as ILCD's three levels, so that
 * formats/ilcd.ts reads the same path back: "air"/"unspecified" → "Emissions / Emissions to air /
 * Emissions to air, unspecified"; "resource"/"in ground" → "Resources / Resources in ground".
 */
export function ilcdCategoryLevels(category: string[]): string[] {
  const [, compartment, ...sub] = category[0] === ELEMENTARY_ROOT ? category : [ELEMENTARY_ROOT, ...category];
  if (!compartment) return [];
  if (compartment === 'resource') return ['Resources', ...(sub.length ? [`Resources ${sub[0]}`, ...sub.slice(1)] : [])];
  if (['air', 'water', 'soil'].includes(compartment)) {
    const second = `Emissions to ${compartment}`;
    if (!sub.length) return ['Emissions', second];
    return [
      'Emissions',
      second,
      /^unspecified/.test(sub[0]) ? `${second}, ${sub[0]}` : `Emissions to ${sub[0]}`,
      ...sub.slice(1),
    ];
  }
  return [compartment, ...sub];
}

function flowXml(f: Flow): string {
  const categories =
    f.kind === 'elementary'
      ? `<common:elementaryFlowCategorization>${ilcdCategoryLevels(f.category)
          .map((c, i) => el('common:category', c, ` level="${i}"`))
          .join('')}</common:elementaryFlowCategorization>`
      : classification(f.category);
  return `<flowDataSet ${ns('Flow')}><flowInformation><dataSetInformation><common:UUID>${esc(f.id)}</common:UUID><name>${names('baseName', f.name, f.nameZh)}</name><classificationInformation>${categories}</classificationInformation>${el('CASNumber', f.cas)}${el('sumFormula', f.formula)}</dataSetInformation><quantitativeReference><referenceToReferenceFlowProperty>0</referenceToReferenceFlowProperty></quantitativeReference>${f.location ? `<geography><locationOfSupply>${esc(ilcdLocation(f.location))}</locationOfSupply></geography>` : ''}</flowInformation><modellingAndValidation><LCIMethod><typeOfDataSet>${TYPES[f.kind]}</typeOfDataSet></LCIMethod></modellingAndValidation><flowProperties><flowProperty dataSetInternalID="0"><referenceToFlowPropertyDataSet type="flow property data set" refObjectId="${esc(f.propertyId)}" uri="../flowproperties/${esc(f.propertyId)}.xml"/><meanValue>1</meanValue></flowProperty></flowProperties></flowDataSet>`;
}

function processXml(
  p: Process,
  flows: Map<string, Flow>,
  source: (t: string) => string,
  contact: (t: string) => string,
): string {
  const v = p.provenance ?? {};
  const reference = p.exchanges.find((e) => e.reference);
  const year = p.validFrom ? Number(p.validFrom.slice(0, 4)) : v.referenceYear;
  const until = p.validUntil ? Number(p.validUntil.slice(0, 4)) : undefined;
  const cited = [...new Set([v.publication, ...(v.sources ?? [])].filter((s): s is string => Boolean(s)))];
  const ref = (tag: string, type: string, folder: string, id: string, text: string) =>
    `<${tag} type="${type}" refObjectId="${id}" uri="../${folder}/${id}.xml">${el('common:shortDescription', text, ' xml:lang="en"')}</${tag}>`;
  const protectedData = v.licence?.endsWith(COPYRIGHT_PROTECTED) ?? false;
  const licence = protectedData ? v.licence!.slice(0, -COPYRIGHT_PROTECTED.length).trim() : v.licence;
  const info = `<processInformation><dataSetInformation><common:UUID>${esc(p.id)}</common:UUID><name>${names('baseName', p.name, p.nameZh)}</name>${names('common:generalComment', p.description ?? '', p.descriptionZh)}<classificationInformation>${classification(p.category)}</classificationInformation></dataSetInformation><quantitativeReference type="Reference flow(s)">${reference ? `<referenceToReferenceFlow>${esc(reference.id)}</referenceToReferenceFlow>` : ''}</quantitativeReference><time>${el('common:referenceYear', year)}${el('common:dataSetValidUntil', until)}${el('common:timeRepresentativenessDescription', v.time, ' xml:lang="en"')}</time><geography><locationOfOperationSupplyOrProduction location="${esc(ilcdLocation(p.location ?? 'GLO'))}">${el('descriptionOfRestrictions', v.geography, ' xml:lang="en"')}</locationOfOperationSupplyOrProduction></geography><technology>${el('technologyDescriptionAndIncludedProcesses', v.technology, ' xml:lang="en"')}</technology></processInformation>`;
  const modelling = `<modellingAndValidation><dataSourcesTreatmentAndRepresentativeness>${cited.map((c) => ref('referenceToDataSource', 'source data set', 'sources', source(c), c)).join('')}</dataSourcesTreatmentAndRepresentativeness>${v.reviewer ? `<validation><review>${ref('common:referenceToNameOfReviewerAndInstitution', 'contact data set', 'contacts', contact(v.reviewer), v.reviewer)}</review></validation>` : ''}</modellingAndValidation>`;
  const admin = `<administrativeInformation>${v.generator ? `<dataGenerator>${ref('common:referenceToPersonOrEntityGeneratingTheDataSet', 'contact data set', 'contacts', contact(v.generator), v.generator)}</dataGenerator>` : ''}<publicationAndOwnership><common:copyright>${protectedData}</common:copyright>${el('common:licenseType', licence)}</publicationAndOwnership></administrativeInformation>`;
  const exchanges = [
    ...p.exchanges.map((e) => exchangeXml(e, flows.get(e.flowId)!)),
    ...(p.leftOut ?? []).map(leftOutXml),
  ];
  return `<processDataSet ${ns('Process')}>${info}${modelling}${admin}<exchanges>${exchanges.join('')}</exchanges></processDataSet>`;
}

function flowRef(id: string | undefined, name: string | undefined): string {
  return `<referenceToFlowDataSet type="flow data set"${id ? ` refObjectId="${esc(id)}" uri="../flows/${esc(id)}.xml"` : ''}>${el('common:shortDescription', name, ' xml:lang="en"')}</referenceToFlowDataSet>`;
}

function exchangeXml(e: Exchange, flow: Flow): string {
  const extensions = `${e.providerId ? ` tanji:provider="${esc(e.providerId)}"` : ''}${e.avoided ? ' tanji:avoided="true"' : ''}`;
  return `<exchange dataSetInternalID="${esc(e.id)}"${extensions}>${flowRef(flow.id, flow.name)}<exchangeDirection>${e.input ? 'Input' : 'Output'}</exchangeDirection><meanAmount>${e.amount}</meanAmount><resultingAmount>${e.amount}</resultingAmount>${uncertaintyXml(e.uncertainty, e.amount)}</exchange>`;
}

function leftOutXml(m: LeftOutExchange): string {
  const amount =
    m.amount === undefined ? '' : `<meanAmount>${m.amount}</meanAmount><resultingAmount>${m.amount}</resultingAmount>`;
  return `<exchange dataSetInternalID="${esc(m.exchangeId)}">${flowRef(m.flowId, m.name)}<exchangeDirection>${m.input ? 'Input' : 'Output'}</exchangeDirection>${amount}</exchange>`;
}

/** The inverse of formats/ilcd.ts's reading: log-normal as σg², normal as 2σ in % of the mean, bounds as minimum and maximum. */
function uncertaintyXml(u: Uncertainty | undefined, amount: number): string {
  if (!u) return '';
  switch (u.type) {
    case 'lognormal':
      return `<uncertaintyDistributionType>log-normal</uncertaintyDistributionType><relativeStandardDeviation95In>${u.gsd * u.gsd}</relativeStandardDeviation95In>`;
    case 'normal':
      return amount === 0
        ? ''
        : `<uncertaintyDistributionType>normal</uncertaintyDistributionType><relativeStandardDeviation95In>${(200 * u.sd) / Math.abs(amount)}</relativeStandardDeviation95In>`;
    case 'triangular':
    case 'uniform':
      return `<minimumAmount>${u.min}</minimumAmount><maximumAmount>${u.max}</maximumAmount><uncertaintyDistributionType>${u.type}</uncertaintyDistributionType>`;
  }
}
