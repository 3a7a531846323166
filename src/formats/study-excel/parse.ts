import ExcelJS from 'exceljs';
import type { Entry } from '../../model/study.ts';
import { coded, ImportError, type ImportProblem } from '../errors.ts';
import { checkWorkbookZip } from '../zip.ts';
import { isEmpty, shownValue } from './cells.ts';
import {
  ALL_COLUMNS,
  REQUIRED_COLUMNS,
  SHEETS,
  columnByKey,
  columnLetter,
  columnOfHeader,
  matchesTitle,
  title,
  type ColumnKey,
} from './columns.ts';
import { entryFromRow } from './row.ts';

/**
 * One problem of a workbook, where it is and what it is: a catalogue code and params beside the
 * English `message`; row 0 and column "" when it concerns the whole sheet or file.
 */
export interface WorkbookIssue extends ImportProblem {
  sheet: string;
  /** the Excel row number */
  row: number;
  /** the Excel column letter and the header as written, e.g. "D (amount 数量)" */
  column: string;
}

const LISTED = 10;

/**
 * Every problem of the workbook at once, so that a practitioner fixes the file in one go; answered
 * 'bad-workbook' with the issues as details. The catalogue words are the headline ("5 problems in
 * the inventory"), as the web app lists the issues beneath it in the reader's language; the
 * English message, for API clients and the CLI, lists the first ten itself.
 */
export class StudyWorkbookError extends ImportError {
  constructor(
    readonly issues: WorkbookIssue[],
    file: string,
  ) {
    const lines = issues.slice(0, LISTED).map((i) => {
      const where = i.row === 0 ? i.sheet : `${i.sheet} row ${i.row}${i.column === '' ? '' : `, ${i.column}`}`;
      return `\n  ${[where, i.message].filter((s) => s !== '').join(': ')}`;
    });
    const more = issues.length > LISTED ? `\n  … and ${issues.length - LISTED} more` : '';
    const headline = coded('import.inventory-problems', { count: issues.length });
    super(
      { ...headline, message: `${headline.message}:${lines.join('')}${more}` },
      file,
      undefined,
      undefined,
      'bad-workbook',
      issues,
    );
  }
}

/** Why a file is not a workbook ExcelJS can read: the zip's own problem when it is one, else ExcelJS's words. */
export function unreadableWorkbook(e: unknown): ImportProblem {
  return e instanceof ImportError
    ? coded('workbook.unreadable', { problem: e.text! })
    : coded('workbook.unreadable-detail', { detail: (e as Error).message });
}

/** Practitioners add title rows above the table; the header is looked for this far down. */
const HEADER_SEARCH_ROWS = 20;
/** A row naming this many known columns is the header. */
const HEADER_MIN_COLUMNS = 3;

interface Placed {
  col: number;
  label: string;
}

/**
 * Reads the Inventory (清单) sheet of a workbook made from `studyTemplate` into entries, every
 * problem collected before anything is returned.
 */
export async function parseStudyWorkbook(data: Uint8Array | Buffer, fileName: string): Promise<Entry[]> {
  const fail = (issues: WorkbookIssue[]): never => {
    throw new StudyWorkbookError(issues, fileName);
  };
  const workbook = new ExcelJS.Workbook();
  try {
    checkWorkbookZip(data, fileName);
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    // exceljs types its input as an ArrayBuffer look-alike; at run time it reads a Node Buffer
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    fail([
      {
        sheet: '',
        row: 0,
        column: '',
        ...unreadableWorkbook(e),
      },
    ]);
  }
  const sheet = workbook.worksheets.find((ws) => matchesTitle(ws.name, SHEETS.inventory));
  if (!sheet) {
    const names = workbook.worksheets.map((ws) => `"${ws.name}"`).join(', ');
    return fail([
      {
        sheet: SHEETS.inventory.en,
        row: 0,
        column: '',
        ...coded('workbook.no-sheet', { sheets: `${SHEETS.inventory.en}|${SHEETS.inventory.zh}`, found: names }),
      },
    ]);
  }
  const { row: headerRow, columns } = findHeader(sheet, fail);
  const label = (key: ColumnKey) => columns.get(key)?.label ?? `${title(columnByKey(key))} (no such column)`;
  // columns the sheet lacks come after the others, in template order
  const position = (key: ColumnKey) => columns.get(key)?.col ?? 1e6 + ALL_COLUMNS.findIndex((c) => c.key === key);

  const issues: WorkbookIssue[] = [];
  const entries: Entry[] = [];
  const idRows = new Map<string, number>();
  sheet.eachRow((row, n) => {
    if (n <= headerRow) return;
    const cell = (key: ColumnKey) => {
      const at = columns.get(key);
      return at === undefined ? undefined : shownValue(row.getCell(at.col).value);
    };
    if (ALL_COLUMNS.every((c) => isEmpty(cell(c.key)))) return;
    const r = entryFromRow(cell, n);
    if ('problems' in r) {
      const inSheetOrder = [...r.problems].sort((a, b) => position(a.key) - position(b.key));
      issues.push(...inSheetOrder.map((p) => ({ sheet: sheet.name, row: n, column: label(p.key), ...p.problem })));
      return;
    }
    const first = idRows.get(r.entry.id);
    if (first !== undefined)
      issues.push({
        sheet: sheet.name,
        row: n,
        column: label('id'),
        ...coded('workbook.duplicate-id', { id: r.entry.id, row: first }),
      });
    idRows.set(r.entry.id, first ?? n);
    entries.push(r.entry);
  });
  if (issues.length > 0) fail(issues);
  return entries;
}

function findHeader(
  sheet: ExcelJS.Worksheet,
  fail: (issues: WorkbookIssue[]) => never,
): { row: number; columns: Map<ColumnKey, Placed> } {
  for (let n = 1; n <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); n++) {
    const columns = new Map<ColumnKey, Placed>();
    const issues: WorkbookIssue[] = [];
    sheet.getRow(n).eachCell((cell, col) => {
      const text = shownValue(cell.value);
      if (typeof text !== 'string') return;
      const column = columnOfHeader(text);
      if (!column) return;
      const label = `${columnLetter(col)} (${text.trim().replace(/\s+/g, ' ')})`;
      const earlier = columns.get(column.key);
      if (earlier)
        issues.push({
          sheet: sheet.name,
          row: n,
          column: label,
          ...coded('workbook.duplicate-column', { column: earlier.label }),
        });
      else columns.set(column.key, { col, label });
    });
    if (columns.size < HEADER_MIN_COLUMNS) continue;
    const missing = REQUIRED_COLUMNS.filter((k) => !columns.has(k)).map((k) => `"${title(columnByKey(k))}"`);
    if (missing.length > 0)
      issues.push({
        sheet: sheet.name,
        row: n,
        column: '',
        ...coded('workbook.missing-columns', { columns: missing.join(', ') }),
      });
    if (issues.length > 0) fail(issues);
    return { row: n, columns };
  }
  const some = REQUIRED_COLUMNS.map((k) => `"${title(columnByKey(k))}"`).join(', ');
  return fail([
    {
      sheet: sheet.name,
      row: 0,
      column: '',
      ...coded('workbook.no-header', { rows: HEADER_SEARCH_ROWS, examples: some }),
    },
  ]);
}
