import { readFileSync } from 'node:fs';

/**
 * The seed tables are small, line-oriented CSV files whose `#` lines carry provenance
 * (publisher, announcement number, date). The reader keeps those lines so the modules that
 * build factors can check and quote them instead of the provenance drifting into code only.
 * Quoted fields ("a, b" and "" escapes) are supported; a quoted field may not span lines,
 * which none of the seed tables need.
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
  const comments: string[] = [];
  let header: string[] | undefined;
  const rows: CsvTable['rows'] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === '') return;
    if (raw.trimStart().startsWith('#')) {
      comments.push(raw.trimStart().slice(1).trim());
      return;
    }
    const fields = splitLine(raw, file, line);
    if (!header) {
      header = fields.map((f) => f.trim());
      return;
    }
    if (fields.length !== header.length) {
      throw new Error(`${file} line ${line}: ${fields.length} fields, the header has ${header.length}`);
    }
    rows.push({ line, values: Object.fromEntries(header.map((h, i) => [h, fields[i].trim()])) });
  });
  if (!header) throw new Error(`${file}: no header line`);
  return { file, comments, header, rows };
}

function splitLine(line: string, file: string, n: number): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (line[i + 1] === '"') field += line[++i];
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error(`${file} line ${n}: unterminated quoted field`);
  out.push(field);
  return out;
}

/** Reads `data/<name>` next to this module. */
export function readCsv(name: string): CsvTable {
  return parseCsvText(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'), name);
}

/** A numeric cell; empty cells are an error unless `optional`, which then gives undefined. */
export function num(table: CsvTable, row: CsvTable['rows'][number], column: string): number;
export function num(table: CsvTable, row: CsvTable['rows'][number], column: string, optional: true): number | undefined;
export function num(table: CsvTable, row: CsvTable['rows'][number], column: string, optional = false): number | undefined {
  const cell = row.values[column];
  if (cell === undefined) throw new Error(`${table.file}: no column "${column}"`);
  if (cell === '' && optional) return undefined;
  const v = Number(cell);
  if (cell === '' || !Number.isFinite(v)) throw new Error(`${table.file} line ${row.line}: ${column} "${cell}" is not a number`);
  return v;
}

/** The comment line that mentions `needle`; throws if the provenance it documents has gone. */
export function commentWith(table: CsvTable, needle: string | RegExp): string {
  const hit = table.comments.find((c) => (typeof needle === 'string' ? c.includes(needle) : needle.test(c)));
  if (!hit) throw new Error(`${table.file}: the provenance comment mentioning ${String(needle)} is missing`);
  return hit;
}
