import type { Study, StudyInput } from '../../../src/model/study.ts';
import type { ReleaseInfo } from '../api/types.ts';
import type { MessageKey } from '../i18n/zh.ts';

/** The method texts a new study starts with, in the user's language. */
export interface MethodTexts {
  cutoff: string;
  allocation: string;
  electricity: string;
}

/** The newest release of a kind; releases are numbered so that later ones sort later. */
export function latestRelease(releases: readonly ReleaseInfo[], kind: ReleaseInfo['kind']): string {
  const ofKind = releases
    .filter((r) => r.kind === kind)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return ofKind.at(-1)?.release ?? '';
}

export function newStudyInput(releases: readonly ReleaseInfo[], texts: MethodTexts, year: number): StudyInput {
  return {
    name: '',
    product: { name: '', description: '' },
    unit: { kind: 'declared', amount: 1, unit: 'kg', description: '' },
    referenceFlow: '',
    boundary: 'cradle-to-gate',
    region: 'CN',
    year,
    method: 'ipcc-ar6-gwp100',
    releases: { lci: latestRelease(releases, 'lci'), factors: latestRelease(releases, 'factors') },
    ...texts,
    limitations: '',
    entries: [],
  };
}

export function toInput(study: Study): StudyInput {
  const {
    id: _id,
    companyId: _companyId,
    version: _version,
    updatedAt: _updatedAt,
    updatedBy: _updatedBy,
    ...input
  } = study;
  return input;
}

/** What an empty product name and reference flow stand for; the form shows these as placeholders. */
export function implicitProductName(input: StudyInput): string {
  return input.name.trim();
}

export function implicitReferenceFlow(input: StudyInput): string {
  const product = input.product.name.trim() || implicitProductName(input);
  return product ? `${input.unit.amount} ${input.unit.unit} ${product}` : '';
}

/** The input as it is sent: the implicit product name and reference flow written out. */
export function completeInput(input: StudyInput): StudyInput {
  const productName = input.product.name.trim() || implicitProductName(input);
  return {
    ...input,
    product: { ...input.product, name: productName },
    referenceFlow: input.referenceFlow.trim() || implicitReferenceFlow(input),
  };
}

/** Fields the server would refuse, found before sending so the form can point at them. */
export function missingFields(input: StudyInput): MessageKey[] {
  const complete = completeInput(input);
  const missing: MessageKey[] = [];
  if (!complete.name.trim()) missing.push('study.name');
  if (!complete.product.name) missing.push('study.productName');
  if (!complete.referenceFlow) missing.push('study.referenceFlow');
  if (!(complete.unit.amount > 0)) missing.push('study.unitAmount');
  if (!complete.unit.unit.trim()) missing.push('study.unitUnit');
  if (!Number.isInteger(complete.year)) missing.push('study.year');
  if (!complete.releases.lci) missing.push('study.releaseLci');
  if (!complete.releases.factors) missing.push('study.releaseFactors');
  return missing;
}

export function sameInput(a: StudyInput, b: StudyInput): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
