import type { z } from 'zod';
import { EntrySchema, type Entry, type EntrySource } from '../../model/study.ts';
import { coded, shown, type ImportProblem } from '../errors.ts';
import { ALL_COLUMNS, valueAt, type ColumnKey } from './columns.ts';
import { readCell, type Shown } from './cells.ts';

/**
 * One Inventory row to one Entry. Cells are read first (numbers, enums, yes/no), then the row is
 * checked against EntrySchema, so the model stays the one place that says what an entry needs.
 * A schema issue on a cell that already failed to read is the same problem told twice and dropped.
 */

export interface Problem {
  key: ColumnKey;
  problem: ImportProblem;
}

const TRANSPORT_KEYS: ColumnKey[] = [
  'transport.massKg',
  'transport.distanceKm',
  'transport.mode',
  'transport.refrigerated',
];
const EVIDENCE_KEYS: ColumnKey[] = ['evidence.type', 'evidence.reference', 'evidence.date'];

/** Columns each source type reads; filled in a row of another type they would be lost silently. */
const SOURCE_KEYS: Record<EntrySource['type'], ColumnKey[]> = {
  background: ['source.dataset.release', 'source.dataset.type', 'source.dataset.id'],
  supplier: ['source.supplier', 'source.kgCo2ePerUnit'],
  direct: ['source.gas'],
  study: ['source.study'],
  placeholder: [],
};

const TKM = /^(t\s*[*·×.x]?\s*km|吨公里)$/i;

/** Schema paths that are not a column themselves, and the column a practitioner fixes for them. */
const PARENT_KEYS: Record<string, ColumnKey> = {
  source: 'source.type',
  'source.dataset': 'source.dataset.id',
  transport: 'transport.massKg',
  evidence: 'evidence.type',
};

export function entryFromRow(cell: (key: ColumnKey) => Shown, row: number): { entry: Entry } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const v: Partial<Record<ColumnKey, string | number | boolean>> = {};
  for (const c of ALL_COLUMNS) {
    const r = readCell(cell(c.key), c.value);
    if ('problem' in r) problems.push({ key: c.key, problem: r.problem });
    else if (r.value !== undefined) v[c.key] = r.value;
  }
  const leaveEmpty = (keys: ColumnKey[], why: ImportProblem) => {
    for (const k of keys) if (v[k] !== undefined) problems.push({ key: k, problem: why });
  };

  const kind = v.kind;
  let amount = v.amount;
  let unit = v.unit;
  let transport: Record<string, unknown> | undefined;
  if (kind === 'transport') {
    const mass = v['transport.massKg'] as number | undefined;
    const distance = v['transport.distanceKm'] as number | undefined;
    const tkm = mass === undefined || distance === undefined ? undefined : (mass / 1000) * distance;
    if (typeof amount === 'number' && tkm !== undefined && Math.abs(amount - tkm) > 1e-6 * Math.abs(tkm)) {
      problems.push({
        key: 'amount',
        problem: coded('workbook.transport-amount', { tkm }),
      });
    }
    if (typeof unit === 'string' && !TKM.test(unit))
      problems.push({ key: 'unit', problem: coded('workbook.transport-unit', { unit: shown(unit) }) });
    // 0 stands in for an incomplete leg, so that the schema reports the leg's cells rather than the amount
    amount = tkm ?? 0;
    unit = 't*km';
    transport = {
      massKg: mass,
      distanceKm: distance,
      mode: v['transport.mode'],
      refrigerated: v['transport.refrigerated'],
    };
  } else if (kind !== undefined) {
    leaveEmpty(TRANSPORT_KEYS, coded('workbook.only-for-kind', { kind: 'transport' }));
  }

  const sourceType = v['source.type'] as EntrySource['type'] | undefined;
  const evidence = EVIDENCE_KEYS.some((k) => v[k] !== undefined)
    ? { type: v['evidence.type'], reference: v['evidence.reference'], date: v['evidence.date'] }
    : undefined;
  const sources: Record<EntrySource['type'], () => object> = {
    background: () => ({
      type: 'background',
      dataset: { type: v['source.dataset.type'], release: v['source.dataset.release'], id: v['source.dataset.id'] },
    }),
    // the evidence columns of a supplier row are the statement behind the supplier's footprint
    supplier: () => ({
      type: 'supplier',
      supplier: v['source.supplier'],
      kgCo2ePerUnit: v['source.kgCo2ePerUnit'],
      evidence,
    }),
    direct: () => ({ type: 'direct', gas: v['source.gas'] }),
    study: () => ({ type: 'study', studyId: v['source.study'] }),
    placeholder: () => ({ type: 'placeholder' }),
  };
  if (sourceType !== undefined) {
    for (const [type, keys] of Object.entries(SOURCE_KEYS))
      if (type !== sourceType) leaveEmpty(keys, coded('workbook.only-for-source', { type }));
  }

  const candidate = compact({
    id: v.id ?? `xlsx-${row}`,
    stage: v.stage,
    kind,
    name: v.name,
    amount,
    unit,
    transport,
    source: sourceType && sources[sourceType](),
    evidence: sourceType === 'supplier' ? undefined : evidence,
    comment: v.comment,
  });
  const parsed = EntrySchema.safeParse(candidate);
  if (parsed.success && problems.length === 0) return { entry: parsed.data };
  const told = new Set(problems.map((p) => p.key));
  // a computed transport amount is wrong only when its leg is, and the leg's cells say so
  if (kind === 'transport') told.add('amount');
  for (const issue of parsed.error?.issues ?? []) {
    const key = keyOf(issue.path);
    if (!told.has(key)) problems.push({ key, problem: describe(issue, candidate) });
  }
  return { problems };
}

function keyOf(path: readonly PropertyKey[]): ColumnKey {
  const dotted = path
    .map(String)
    .join('.')
    .replace(/^source\.evidence\b/, 'evidence');
  for (let p = dotted; p !== ''; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) {
    const column = ALL_COLUMNS.find((c) => c.key === p);
    if (column) return column.key;
    if (p in PARENT_KEYS) return PARENT_KEYS[p];
  }
  throw new Error(`study-excel: no column for the entry field "${dotted}"`);
}

/** The schema's message, in the words of the sheet: an empty cell is "required", and for which rows. */
function describe(issue: z.core.$ZodIssue, candidate: object): ImportProblem {
  if (issue.code !== 'custom' && valueAt(candidate, issue.path) === undefined) {
    const [top] = issue.path;
    if (issue.path.length === 1) return coded('workbook.required', {});
    if (top === 'source')
      return coded('workbook.required-for-source', { type: String(valueAt(candidate, ['source', 'type'])) });
    if (top === 'transport') return coded('workbook.required-for-kind', { kind: 'transport' });
    return coded('workbook.required-with-evidence', {});
  }
  if (issue.code === 'too_small' && issue.origin === 'number')
    return issue.inclusive
      ? coded('workbook.at-least', { minimum: Number(issue.minimum) })
      : coded('workbook.greater-than', { minimum: Number(issue.minimum) });
  return coded('import.not-in-model', { problem: issue.message });
}

/** Drops undefined members, so that a parsed entry has no keys for empty cells. */
function compact<T>(o: T): T {
  if (typeof o !== 'object' || o === null) return o;
  return Object.fromEntries(
    Object.entries(o)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => [k, compact(x)]),
  ) as T;
}
