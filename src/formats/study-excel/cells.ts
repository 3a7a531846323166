import type ExcelJS from 'exceljs';
import { coded, shown, type ImportProblem } from '../errors.ts';
import { loose, type ValueType } from './columns.ts';

/** A cell as the practitioner sees it, or why it has no usable value. */
export type Shown = string | number | boolean | Date | undefined | { problem: ImportProblem };

/** Formulas give their cached result, rich text and hyperlinks their text. */
export function shownValue(v: ExcelJS.CellValue): Shown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return shownValue(v.text);
  if ('formula' in v || 'sharedFormula' in v) {
    // a file written by a program that does not calculate has formulas without results
    return v.result === undefined ? { problem: coded('workbook.formula-without-value', {}) } : shownValue(v.result);
  }
  if ('error' in v) return { problem: coded('workbook.cell-error', { error: String(v.error) }) };
  return { problem: coded('workbook.cell-unreadable', { value: shown(v) }) };
}

export function isEmpty(s: Shown): boolean {
  return s === undefined || (typeof s === 'string' && s.trim() === '');
}

export type Read = { value: string | number | boolean | undefined } | { problem: ImportProblem };

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d*)(\.\d+)?(e[+-]?\d+)?$/i;
const TRUE = new Set(['yes', 'y', 'true', '1', '是', '√']);
const FALSE = new Set(['no', 'n', 'false', '0', '否', '×']);

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Reads a cell as its column expects; an empty cell is undefined whatever the column. */
export function readCell(s: Shown, as: ValueType): Read {
  if (isEmpty(s)) return { value: undefined };
  if (typeof s === 'object' && !(s instanceof Date)) return s;
  const str = typeof s === 'string' ? s.trim() : s instanceof Date ? isoDate(s) : String(s);
  switch (as.type) {
    case 'text':
    case 'date':
      return { value: str };
    case 'number': {
      if (typeof s === 'number') return { value: s };
      // NFKC turns full-width digits, "，" and "．" into ASCII; U+2212 is the typographic minus
      const t = str.normalize('NFKC').replace(/\u2212/g, '-');
      const n = Number(t.replace(/,/g, ''));
      if (typeof s !== 'string' || !NUMBER.test(t) || !Number.isFinite(n))
        return { problem: coded('import.expected-number', { value: shown(str) }) };
      return { value: n };
    }
    case 'bool': {
      const word = str.normalize('NFKC').toLowerCase();
      const b = typeof s === 'boolean' ? s : TRUE.has(word) ? true : FALSE.has(word) ? false : undefined;
      return b === undefined ? { problem: coded('workbook.expected-yes-no', { value: shown(str) }) } : { value: b };
    }
    case 'enum': {
      const value = as.options.find((o) => loose(o) === loose(str));
      return value === undefined
        ? { problem: coded('workbook.unknown-value', { value: shown(str), allowed: as.options.join(', ') }) }
        : { value };
    }
  }
}
