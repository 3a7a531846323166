import type { LifeCycleStage, Pedigree } from '../../../src/model/lci.ts';
import type { GhgLine } from '../../../src/model/method.ts';
import type {
  DatasetRef,
  DirectGas,
  Entry,
  EntryKind,
  EntrySource,
  Evidence,
  EvidenceType,
  RemovalPool,
  TransportLeg,
} from '../../../src/model/study.ts';
import type { DatasetHit } from '../api/types.ts';
import type { MessageKey } from '../i18n/zh.ts';
import { draftToRange, emptyRange, rangeToDraft, type RangeDraft, type RangeField } from './rangeDraft.ts';

export const PEDIGREE_CRITERIA = [
  'reliability',
  'completeness',
  'temporal',
  'geographical',
  'technological',
] as const satisfies readonly (keyof Pedigree)[];

/**
 * An entry as the entry form holds it: numbers as typed, every source's fields kept while the
 * user switches between sources, so switching back loses nothing.
 */
export interface EntryDraft {
  id: string;
  stage: LifeCycleStage;
  kind: EntryKind;
  name: string;
  amount: string;
  unit: string;
  /** where the activity happens; '' for the study's region */
  region: string;
  transport: { massKg: string; distanceKm: string; mode: TransportLeg['mode']; refrigerated: boolean };
  sourceType: EntrySource['type'];
  dataset: DatasetRef | null;
  supplier: {
    supplier: string;
    kgCo2ePerUnit: string;
    line: GhgLine;
    evidenceType: EvidenceType;
    evidenceReference: string;
  };
  gas: DirectGas;
  /** the component study, for source type "study" */
  studyId: string;
  evidenceType: EvidenceType | '';
  evidenceReference: string;
  comment: string;
  /** the stage of the study's product rule the entry belongs to ('' when its life cycle stage says it) */
  pcrStage: string;
  /** a formula of the study's parameters that sets the amount on every calculation; '' for none */
  formula: string;
  removalPool: RemovalPool;
  /** the stated range of the entry's emission, as multiples of its value */
  range: RangeDraft;
  /** scores 1–5 as chosen, '' where none is; all five or none */
  pedigree: Record<keyof Pedigree, string>;
  /** fields the form does not edit (evidence date and note, the rule's requirement), kept as they were */
  original?: Entry;
}

export type DraftField =
  | 'name'
  | 'amount'
  | 'unit'
  | 'massKg'
  | 'distanceKm'
  | 'dataset'
  | 'supplier'
  | 'kgCo2ePerUnit'
  | 'supplierEvidence'
  | 'evidenceReference'
  | 'study'
  | 'pedigree'
  | RangeField;
export interface DraftError {
  field: DraftField;
  message: MessageKey;
}

/** the spelling of the server's unit table and of its Excel template */
export const TONNE_KM = 't*km';

export function tonneKm(massKg: number, distanceKm: number): number {
  return (massKg / 1000) * distanceKm;
}

function newEntryId(): string {
  return `e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function emptyDraft(stage: LifeCycleStage): EntryDraft {
  return {
    id: newEntryId(),
    stage,
    kind: 'material',
    name: '',
    amount: '',
    unit: '',
    region: '',
    transport: { massKg: '', distanceKm: '', mode: 'road', refrigerated: false },
    sourceType: 'background',
    dataset: null,
    supplier: {
      supplier: '',
      kgCo2ePerUnit: '',
      line: 'fossil',
      evidenceType: 'supplier-statement',
      evidenceReference: '',
    },
    gas: 'CO2-fossil',
    studyId: '',
    evidenceType: '',
    evidenceReference: '',
    comment: '',
    pcrStage: '',
    formula: '',
    removalPool: 'land',
    range: emptyRange(),
    pedigree: { reliability: '', completeness: '', temporal: '', geographical: '', technological: '' },
  };
}

export function entryToDraft(entry: Entry): EntryDraft {
  const draft = emptyDraft(entry.stage);
  const source = entry.source;
  return {
    ...draft,
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    amount: String(entry.amount),
    unit: entry.unit,
    region: entry.region ?? '',
    transport: entry.transport
      ? {
          massKg: String(entry.transport.massKg),
          distanceKm: String(entry.transport.distanceKm),
          mode: entry.transport.mode,
          refrigerated: entry.transport.refrigerated,
        }
      : draft.transport,
    // a rule's placeholder is completed with a dataset unless the user picks another source
    sourceType: source.type === 'placeholder' ? 'background' : source.type,
    dataset: source.type === 'background' ? source.dataset : null,
    supplier:
      source.type === 'supplier'
        ? {
            supplier: source.supplier,
            kgCo2ePerUnit: String(source.kgCo2ePerUnit),
            line: source.line,
            evidenceType: source.evidence.type,
            evidenceReference: source.evidence.reference,
          }
        : draft.supplier,
    gas: source.type === 'direct' ? source.gas : draft.gas,
    studyId: source.type === 'study' ? source.studyId : '',
    evidenceType: entry.evidence?.type ?? '',
    evidenceReference: entry.evidence?.reference ?? '',
    comment: entry.comment ?? '',
    pcrStage: entry.pcr?.stage ?? '',
    formula: entry.formula ?? '',
    removalPool: entry.removalPool ?? 'land',
    range: rangeToDraft(entry.uncertainty),
    pedigree: entry.pedigree
      ? {
          reliability: String(entry.pedigree.reliability),
          completeness: String(entry.pedigree.completeness),
          temporal: String(entry.pedigree.temporal),
          geographical: String(entry.pedigree.geographical),
          technological: String(entry.pedigree.technological),
        }
      : draft.pedigree,
    original: entry,
  };
}

/** Emissions and removals are kg of a gas; everything else takes a dataset, a supplier's footprint or a component study. */
export function sourceTypesFor(kind: EntryKind): EntrySource['type'][] {
  return kind === 'emission' || kind === 'removal' ? ['direct'] : ['background', 'supplier', 'study'];
}

export function withKind(draft: EntryDraft, kind: EntryKind): EntryDraft {
  const allowed = sourceTypesFor(kind);
  const next: EntryDraft = {
    ...draft,
    kind,
    sourceType: allowed.includes(draft.sourceType) ? draft.sourceType : allowed[0],
  };
  if (kind === 'removal') next.gas = 'CO2-biogenic';
  if (kind === 'transport') next.unit = TONNE_KM;
  else if (draft.kind === 'transport' && draft.unit === TONNE_KM) next.unit = '';
  if (next.sourceType === 'direct') next.unit = 'kg';
  return next;
}

/** A chosen dataset also names the entry (when still unnamed) and sets the unit it is per. */
export function withDataset(draft: EntryDraft, hit: DatasetHit, displayName: string): EntryDraft {
  return {
    ...draft,
    dataset: { type: hit.type, release: hit.release, id: hit.id },
    name: draft.name.trim() ? draft.name : displayName,
    unit: draft.kind === 'transport' ? TONNE_KM : hit.perUnit,
  };
}

function parseNumber(text: string): number | undefined {
  const n = Number(text.trim().replace(/,/g, ''));
  return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

/** The transport leg's t·km, once both numbers are positive. */
export function draftTonneKm(draft: EntryDraft): number | undefined {
  const mass = parseNumber(draft.transport.massKg);
  const distance = parseNumber(draft.transport.distanceKm);
  return mass !== undefined && distance !== undefined && mass > 0 && distance > 0 ? tonneKm(mass, distance) : undefined;
}

export function draftToEntry(draft: EntryDraft): { entry: Entry; errors: [] } | { entry: null; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const fail = (field: DraftField, message: MessageKey) => errors.push({ field, message });
  if (!draft.name.trim()) fail('name', 'entry.error.name');

  let amount: number | undefined;
  let transport: TransportLeg | undefined;
  if (draft.kind === 'transport') {
    const mass = parseNumber(draft.transport.massKg);
    const distance = parseNumber(draft.transport.distanceKm);
    if (mass === undefined || mass <= 0) fail('massKg', 'entry.error.positive');
    if (distance === undefined || distance <= 0) fail('distanceKm', 'entry.error.positive');
    amount = draftTonneKm(draft);
    if (amount !== undefined)
      transport = {
        massKg: mass!,
        distanceKm: distance!,
        mode: draft.transport.mode,
        refrigerated: draft.transport.refrigerated,
      };
  } else {
    amount = parseNumber(draft.amount);
    if (amount === undefined || amount < 0) fail('amount', 'entry.error.amount');
  }
  const unit = draft.kind === 'transport' ? TONNE_KM : draft.unit.trim();
  if (!unit) fail('unit', 'entry.error.unit');

  const source = draftSource(draft, fail);
  const evidence = draftEvidence(draft, fail);
  // an entry's range is multiples of its emission, so the value it must hold is 1
  const range = draftToRange(draft.range, 1, 'multiples');
  errors.push(...range.errors);
  const pedigree = draftPedigree(draft, fail);
  if (errors.length > 0 || amount === undefined || !source) return { entry: null, errors };

  const entry: Entry = {
    id: draft.id,
    stage: draft.stage,
    kind: draft.kind,
    name: draft.name.trim(),
    amount,
    unit,
    source,
  };
  if (draft.region) entry.region = draft.region;
  if (transport) entry.transport = transport;
  if (evidence) entry.evidence = evidence;
  if (pedigree) entry.pedigree = pedigree;
  if (range.range) entry.uncertainty = range.range;
  if (draft.formula.trim()) entry.formula = draft.formula.trim();
  if (draft.kind === 'removal') entry.removalPool = draft.removalPool;
  // the mandatory item the entry answers stays with it through edits; the rule stage is the form's
  const requirement = draft.original?.pcr?.requirement;
  if (draft.pcrStage || requirement)
    entry.pcr = { ...(draft.pcrStage ? { stage: draft.pcrStage } : {}), ...(requirement ? { requirement } : {}) };
  if (draft.comment.trim()) entry.comment = draft.comment.trim();
  return { entry, errors: [] };
}

function draftSource(
  draft: EntryDraft,
  fail: (field: DraftField, message: MessageKey) => void,
): EntrySource | undefined {
  switch (draft.sourceType) {
    case 'background':
      if (!draft.dataset) fail('dataset', 'entry.error.dataset');
      return draft.dataset ? { type: 'background', dataset: draft.dataset } : undefined;
    case 'direct':
      return { type: 'direct', gas: draft.kind === 'removal' ? 'CO2-biogenic' : draft.gas };
    case 'study':
      if (!draft.studyId) fail('study', 'entry.error.study');
      return draft.studyId ? { type: 'study', studyId: draft.studyId } : undefined;
    case 'placeholder':
      return { type: 'placeholder' };
    case 'supplier': {
      const s = draft.supplier;
      const value = parseNumber(s.kgCo2ePerUnit);
      if (!s.supplier.trim()) fail('supplier', 'entry.error.supplier');
      if (value === undefined || value < 0) fail('kgCo2ePerUnit', 'entry.error.supplierValue');
      if (!s.evidenceReference.trim()) fail('supplierEvidence', 'entry.error.evidenceReference');
      if (!s.supplier.trim() || value === undefined || value < 0 || !s.evidenceReference.trim()) return undefined;
      const kept = draft.original?.source.type === 'supplier' ? draft.original.source.evidence : undefined;
      return {
        type: 'supplier',
        supplier: s.supplier.trim(),
        kgCo2ePerUnit: value,
        line: s.line,
        evidence: { ...kept, type: s.evidenceType, reference: s.evidenceReference.trim() },
      };
    }
  }
}

function draftEvidence(
  draft: EntryDraft,
  fail: (field: DraftField, message: MessageKey) => void,
): Evidence | undefined {
  if (!draft.evidenceType) return undefined;
  if (!draft.evidenceReference.trim()) {
    fail('evidenceReference', 'entry.error.evidenceReference');
    return undefined;
  }
  return { ...draft.original?.evidence, type: draft.evidenceType, reference: draft.evidenceReference.trim() };
}

function draftPedigree(
  draft: EntryDraft,
  fail: (field: DraftField, message: MessageKey) => void,
): Pedigree | undefined {
  const scores = PEDIGREE_CRITERIA.map((c) => draft.pedigree[c]);
  if (scores.every((v) => v === '')) return undefined;
  if (scores.some((v) => v === '')) {
    fail('pedigree', 'entry.error.pedigree');
    return undefined;
  }
  return Object.fromEntries(PEDIGREE_CRITERIA.map((c) => [c, Number(draft.pedigree[c])])) as Pedigree;
}
