import { readFileSync } from 'node:fs';

/**
 * The seed tables are small, line-oriented CSV files whose `#` lines carry provenance
 * (publisher, announcement number, date). The reader keeps those lines so the modules that
 * build factors can check and quote them instead of the provenance drifting into code only.
 * Quoted fields ("a, b", "" escapes, line breaks) are supported.
 */

export interface CsvTable {
  /** file name, for error messages */
  file: string;
  /** the `#` lines, without the leading "#" and surrounding spaces, in file order */
  comments: string[];
  header: string[];
  /** one object per data row, keyed by header; `line` is the 1-based line in the file */
  rows: { line: number; values: Record<string, string> }[];
}

export function parseCsvText(text: string, file: string): CsvTable {
  const { comments, records } = csvRecords(text, file);
  const [head, ...body] = records;
  if (!head) throw new Error(`${file}: no header line`);
  const header = head.fields.map((f) => f.trim());
  const rows = body.map(({ line, fields }) => {
    if (fields.length !== header.length)
      throw new Error(`${file} line ${line}: ${fields.length} fields, the header has ${header.length}`);
    return { line, values: Object.fromEntries(header.map((h, i) => [h, unguarded(fields[i].trim())])) };
  });
  return { file, comments, header, rows };
}

/**
 * Text that spreadsheet programs would run as a formula when they open a CSV file starts with
 * one of these (OWASP, "CSV injection"); a written cell gets a leading apostrophe, which the
 * programs show as text, and a read cell loses it again, so an export imports back unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180 quoting) that no spreadsheet runs: numbers as they are, text starting like a formula with a leading '. */
export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  const s = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const unguarded = (field: string) =>
  field.startsWith("'") && FORMULA_START.test(field.slice(1)) ? field.slice(1) : field;

/** RFC 4180 rows (quoted fields, doubled quotes, commas and newlines inside quotes, CRLF), without comments. */
export function parseCsv(text: string): string[][] {
  return csvRecords(text, 'csv').records.map((r) => r.fields);
}

/**
 * The records of a CSV text with the line each starts on. A `#` at the start of a record makes
 * the rest of that line a comment, so provenance notes may hold commas and quotes freely.
 */
function csvRecords(text: string, file: string): { comments: string[]; records: { line: number; fields: string[] }[] } {
  const comments: string[] = [];
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') {
        field += ch;
        if (ch === '\n') line++;
      } else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '#' && fields.length === 0 && field.trim() === '') {
      const end = text.indexOf('\n', i);
      comments.push(text.slice(i + 1, end < 0 ? text.length : end).trim());
      i = (end < 0 ? text.length : end) - 1;
      field = '';
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      start = ++line;
    } else field += ch;
  }
  if (quoted) throw new Error(`${file} line ${start}: unterminated quoted field`);
  if (field !== '' || fields.length) endRecord();
  return { comments, records };
}

/** Reads `data/<name>` next to this module. */
export function readCsv(name: string): CsvTable {
  return parseCsvText(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'), name);
}

/** A numeric cell; empty cells are an error unless `optional`, which then gives undefined. */
export function num(table: CsvTable, row: CsvTable['rows'][number], column: string): number;
export function num(table: CsvTable, row: CsvTable['rows'][number], column: string, optional: true): number | undefined;
export function num(
  table: CsvTable,
  row: CsvTable['rows'][number],
  column: string,
  optional = false,
): number | undefined {
  const cell = row.values[column];
  if (cell === undefined) throw new Error(`${table.file}: no column "${column}"`);
  if (cell === '' && optional) return undefined;
  const v = Number(cell);
  if (cell === '' || !Number.isFinite(v))
    throw new Error(`${table.file} line ${row.line}: ${column} "${cell}" is not a number`);
  return v;
}

/** The comment line that mentions `needle`; throws if the provenance it documents has gone. */
export function commentWith(table: CsvTable, needle: string | RegExp): string {
  const hit = table.comments.find((c) => (typeof needle === 'string' ? c.includes(needle) : needle.test(c)));
  if (!hit) throw new Error(`${table.file}: the provenance comment mentioning ${String(needle)} is missing`);
  return hit;
}
