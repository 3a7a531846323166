import type { z } from 'zod';
import { coded, ImportError, shown, type ImportProblem } from './errors.ts';

/** Typed reads from one parsed record, failing with the file, record and field named. */
export class Fields {
  constructor(
    readonly file: string,
    readonly record: string,
  ) {}

  fail(field: string, problem: ImportProblem): never {
    throw new ImportError(problem, this.file, this.record, field);
  }

  num(v: unknown, field: string): number {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n))
      this.fail(field, coded('import.expected-number', { value: shown(v) }));
    return n;
  }

  optNum(v: unknown, field: string): number | undefined {
    return v === undefined || v === null ? undefined : this.num(v, field);
  }

  str(v: unknown, field: string): string {
    if (typeof v !== 'string' || v.trim() === '') this.fail(field, coded('import.expected-text', { value: shown(v) }));
    return v;
  }

  optStr(v: unknown, field: string): string | undefined {
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') this.fail(field, coded('import.expected-text', { value: shown(v) }));
    return v;
  }

  bool(v: unknown, field: string): boolean {
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') this.fail(field, coded('import.expected-boolean', { value: shown(v) }));
    return v;
  }

  obj(v: unknown, field: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.fail(field, coded('import.expected-object', { value: shown(v) }));
    return v as Record<string, unknown>;
  }

  arr(v: unknown, field: string): unknown[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail(field, coded('import.expected-list', { value: shown(v) }));
    return v;
  }

  /** the @id of a reference object */
  ref(v: unknown, field: string): string {
    return this.str(this.obj(v, field)['@id'], `${field}.@id`);
  }

  /** the record as the model schema sees it; a failure here is an importer bug or data the readers let through */
  valid<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
    const r = schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      this.fail(
        issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join(''),
        coded('import.not-in-model', { problem: issue.message }),
      );
    }
    return r.data;
  }
}

/** "000124-38-9" → "124-38-9"; CAS numbers are compared as text, so zero padding must go. */
export function normaliseCas(cas: string | undefined): string | undefined {
  const s = cas?.replace(/\s+/g, '');
  if (!s) return undefined;
  return s.replace(/^0+(?=\d)/, '');
}

/** Pedigree scores written "(1;2;3;1;4)" (openLCA) or as five numbers; anything else is no pedigree. */
export function parsePedigree(scores: (string | number | undefined)[] | string | undefined) {
  const list = typeof scores === 'string' ? /^\s*\(?([^()]*)\)?\s*$/.exec(scores)?.[1].split(/[;,]/) : scores;
  if (!list || list.length !== 5) return undefined;
  const n = list.map((s) => Number(s));
  if (!n.every((x) => Number.isInteger(x) && x >= 1 && x <= 5)) return undefined;
  return { reliability: n[0], completeness: n[1], temporal: n[2], geographical: n[3], technological: n[4] };
}

/** Triangular and uniform bounds put in order; some databases write min and max swapped. */
export function ordered(min: number, mode: number, max: number) {
  const lo = Math.min(min, max),
    hi = Math.max(min, max);
  return { min: lo, mode: Math.min(hi, Math.max(lo, mode)), max: hi };
}
