import { strToU8, zipSync } from 'fflate';
import {
  COPYRIGHT_PROTECTED,
  type Exchange,
  type Flow,
  type LciDatabase,
  type Pedigree,
  type Process,
  type Uncertainty,
} from '../model/lci.ts';
import { el, esc } from './xml-write.ts';

/**
 * A database as an EcoSpold2 zip, one `<activity id>.spold` per process, written as
 * formats/ecospold2.ts reads it back: amounts in the flow's unit (named, as EcoSpold2 does, so
 * units the importer's table knows convert exactly), output groups 0 (reference product), 2
 * (by-product), 3 (waste to treatment), input group 5 (from technosphere), group 4 for elementary
 * exchanges with their compartment and subcompartment; a waste treatment's reference is written
 * as EcoSpold2 writes it, an output of group 0 with a negative amount. Chosen providers become
 * activityLinkId; uncertainty and pedigree are written in EcoSpold2's terms (log-normal variance
 * of ln x). Provenance goes into the comments, review and dataGeneratorAndPublication. EcoSpold2
 * has no avoided products and no allocation factors of this kind: a release that has them
 * loses them (the export says so in each such activity's general comment). A process whose
 * reference is not a product output or waste input is left out and listed in `LEFT_OUT_FILE`.
 */

export function ecoSpold2Zip(db: LciDatabase): Uint8Array {
  const flows = new Map(db.flows.map((f) => [f.id, f]));
  const files: Record<string, Uint8Array> = {};
  const leftOut: string[] = [];
  for (const p of db.processes) {
    const why = unwritableReference(p, flows);
    if (why) leftOut.push(`${p.id} "${p.name}": ${why}`);
    else files[`${p.id}.spold`] = strToU8(activityXml(p, flows));
  }
  if (leftOut.length) files[LEFT_OUT_FILE] = strToU8(`${leftOut.join('\n')}\n`);
  return zipSync(files, { level: 6 });
}

/** Where the export lists the processes EcoSpold2 cannot hold, one a line with the reason. */
export const LEFT_OUT_FILE = 'left-out-of-this-export.txt';

/**
 * EcoSpold2's reference is a product output (or a treatment's negative one, a waste taken in): a
 * process counted per an elementary flow, a product input or a waste output (ILCD allows them)
 * cannot be written, and written otherwise it would change its flow's kind for every process.
 */
export function unwritableReference(p: Process, flows: Map<string, Flow>): string | undefined {
  const ref = p.exchanges.find((e) => e.reference);
  const flow = ref && flows.get(ref.flowId);
  if (!ref || !flow) return undefined;
  if (flow.kind === 'product' ? !ref.input : flow.kind === 'waste' && ref.input) return undefined;
  const what = flow.kind === 'elementary' ? 'an elementary flow' : `a ${flow.kind} ${ref.input ? 'input' : 'output'}`;
  return `its quantitative reference "${flow.name}" is ${what}, which EcoSpold2 cannot write as a reference product`;
}

const texts = (tag: string, lines: (string | undefined)[]) => {
  const kept = lines.filter((s): s is string => Boolean(s));
  return kept.length
    ? `<${tag}>${kept.map((t, i) => el('text', t, ` xml:lang="en" index="${i}"`)).join('')}</${tag}>`
    : '';
};

function activityXml(p: Process, flows: Map<string, Flow>): string {
  const v = p.provenance ?? {};
  const lost = [
    p.exchanges.some((e) => e.avoided) && 'avoided products',
    p.allocationFactors.length && 'allocation factors',
  ].filter(Boolean);
  const comment = texts('generalComment', [
    p.description,
    p.nameZh && `中文名称: ${p.nameZh}`,
    p.descriptionZh,
    lost.length ? `Not expressible in EcoSpold2 and left out of this export: ${lost.join(', ')}.` : undefined,
  ]);
  const period = `<timePeriod${p.validFrom ? ` startDate="${esc(p.validFrom)}"` : ''}${p.validUntil ? ` endDate="${esc(p.validUntil)}"` : ''} isDataValidForEntirePeriod="true">${texts('comment', [v.time])}</timePeriod>`;
  const description = `<activityDescription><activity id="${esc(p.id)}">${el('activityName', p.name, ' xml:lang="en"')}${comment}</activity>${p.category.length ? `<classification>${el('classificationSystem', 'Tanji category', ' xml:lang="en"')}${el('classificationValue', p.category.join('/'), ' xml:lang="en"')}</classification>` : ''}<geography>${el('shortname', p.location ?? 'GLO', ' xml:lang="en"')}${texts('comment', [v.geography])}</geography><technology>${texts('comment', [v.technology])}</technology>${period}</activityDescription>`;
  const exchanges = p.exchanges.map((e) => exchangeXml(e, flows.get(e.flowId) ?? missingFlow(p, e))).join('');
  const reviews = (v.reviewer ?? '')
    .split('; ')
    .filter(Boolean)
    .map((r) => `<review reviewerName="${esc(r)}"/>`)
    .join('');
  const protectedData = v.licence?.endsWith(COPYRIGHT_PROTECTED) ?? false;
  const admin = `<administrativeInformation><dataGeneratorAndPublication${v.generator ? ` personName="${esc(v.generator)}"` : ''} isCopyrightProtected="${protectedData}"/></administrativeInformation>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ecoSpold xmlns="http://www.EcoInvent.org/EcoSpold02"><activityDataset>${description}<flowData>${exchanges}</flowData><modellingAndValidation>${reviews}</modellingAndValidation>${admin}</activityDataset></ecoSpold>`;
}

function missingFlow(p: Process, e: Exchange): never {
  throw new Error(`process ${p.id} "${p.name}": exchange ${e.id} names unknown flow ${e.flowId}`);
}

function exchangeXml(e: Exchange, flow: Flow): string {
  const elementary = flow.kind === 'elementary';
  // a treatment's reference is EcoSpold2's negative reference product
  const treatment = e.reference && e.input;
  const amount = treatment ? -e.amount : e.amount;
  const group = elementary
    ? `<${e.input ? 'inputGroup' : 'outputGroup'}>4</${e.input ? 'inputGroup' : 'outputGroup'}>`
    : e.reference
      ? '<outputGroup>0</outputGroup>'
      : e.input
        ? '<inputGroup>5</inputGroup>'
        : `<outputGroup>${flow.kind === 'waste' ? 3 : 2}</outputGroup>`;
  const tag = elementary ? 'elementaryExchange' : 'intermediateExchange';
  const attrs = [
    `id="${esc(e.id)}"`,
    `${tag}Id="${esc(flow.id)}"`,
    `amount="${amount}"`,
    !elementary && e.providerId ? `activityLinkId="${esc(e.providerId)}"` : '',
    flow.cas ? `casNumber="${esc(flow.cas)}"` : '',
    flow.formula ? `formula="${esc(flow.formula)}"` : '',
  ].filter(Boolean);
  const [, compartment, sub] = flow.category;
  const where =
    elementary && compartment
      ? `<compartment>${el('compartment', compartment, ' xml:lang="en"')}${el('subcompartment', sub ?? 'unspecified', ' xml:lang="en"')}</compartment>`
      : '';
  return `<${tag} ${attrs.join(' ')}>${el('name', flow.name, ' xml:lang="en"')}${el('unitName', flow.unit, ' xml:lang="en"')}${uncertaintyXml(e.uncertainty, e.pedigree)}${where}${group}</${tag}>`;
}

function uncertaintyXml(u: Uncertainty | undefined, q: Pedigree | undefined): string {
  const pedigree = q
    ? `<pedigreeMatrix reliability="${q.reliability}" completeness="${q.completeness}" temporalCorrelation="${q.temporal}" geographicalCorrelation="${q.geographical}" furtherTechnologyCorrelation="${q.technological}"/>`
    : '';
  const distribution = !u
    ? ''
    : u.type === 'lognormal'
      ? `<lognormal meanValue="${u.gm}" variance="${Math.log(u.gsd) ** 2}"/>`
      : u.type === 'normal'
        ? `<normal meanValue="${u.mean}" variance="${u.sd * u.sd}"/>`
        : u.type === 'triangular'
          ? `<triangular minValue="${u.min}" mostLikelyValue="${u.mode}" maxValue="${u.max}"/>`
          : `<uniform minValue="${u.min}" maxValue="${u.max}"/>`;
  return distribution || pedigree ? `<uncertainty>${distribution}${pedigree}</uncertainty>` : '';
}
