import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FactorSchema, type Factor } from '../model/factor.ts';
import { coded, ImportError, type ImportProblem } from '../formats/errors.ts';
import { parseCsvText } from './csv.ts';

/**
 * Factors from CSV in the layout `tanji db export <release> --format csv` writes, so a steward
 * can export a release, edit or extend it in a spreadsheet and import it as the next release.
 * Every row is checked against FactorSchema; the first bad cell stops the import with file,
 * line and column named, and nothing is stored.
 */

const REQUIRED = [
  'id',
  'kind',
  'name',
  'value',
  'unit',
  'per_unit',
  'gases',
  'region',
  'year',
  'source_title',
  'publisher',
  'pedigree',
  'dqr',
  'licence',
  'status',
];

export function importFactorsCsv(path: string): Factor[] {
  const file = basename(path);
  let table;
  try {
    table = parseCsvText(readFileSync(path, 'utf8'), file);
  } catch (err) {
    throw new ImportError(
      coded('import.csv-unreadable', { detail: (err as Error).message.replace(`${file} `, '') }),
      file,
    );
  }
  const missing = REQUIRED.filter((c) => !table.header.includes(c));
  if (missing.length)
    throw new ImportError(coded('import.csv-missing-columns', { columns: missing.join(', ') }), file, 'header');
  const seen = new Set<string>();
  return table.rows.map(({ line, values: v }) => {
    const record = `line ${line}${v.id ? ` (${v.id})` : ''}`;
    const fail = (column: string, why: ImportProblem): never => {
      throw new ImportError(why, file, record, column);
    };
    const number = (column: string) => {
      const n = Number(v[column]);
      return v[column] !== '' && Number.isFinite(n)
        ? n
        : fail(column, coded('import.expected-number', { value: `"${v[column]}"` }));
    };
    const opt = (column: string) => (v[column] ? v[column] : undefined);
    // a derived factor's inputs, and those of them not verified, as ids separated by ";" (columns absent in older files)
    const ids = (column: string) => (column in v ? (v[column] ? v[column].split(';') : []) : undefined);
    const scores =
      /^\((\d);(\d);(\d);(\d);(\d)\)$/.exec(v.pedigree ?? '') ??
      fail('pedigree', coded('import.csv-pedigree', { value: v.pedigree }));
    if (seen.has(v.id)) fail('id', coded('import.csv-duplicate-id', { id: v.id }));
    seen.add(v.id);
    const [reliability, completeness, temporal, geographical, technological] = scores.slice(1).map(Number);
    const parsed = FactorSchema.safeParse({
      id: v.id,
      kind: v.kind,
      name: v.name,
      nameZh: opt('name_zh'),
      perUnit: v.per_unit,
      value: number('value'),
      unit: v.unit,
      gases: v.gases,
      gwpSet: opt('gwp_set'),
      region: v.region,
      year: number('year'),
      technology: opt('technology'),
      source: {
        title: v.source_title,
        publisher: v.publisher,
        documentNumber: opt('document_number'),
        url: opt('url'),
        published: opt('published'),
      },
      dataQuality: {
        pedigree: { reliability, completeness, temporal, geographical, technological },
        dqr: number('dqr'),
        comment: opt('dq_comment'),
      },
      licence: v.licence,
      validFrom: opt('valid_from'),
      validUntil: opt('valid_until'),
      status: v.status,
      method: opt('method'),
      derivedFrom: opt('derived_from')?.split(';'),
      unverifiedInputs: v.derived_from ? ids('unverified_inputs') : undefined,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(String(issue.path[0] ?? 'row'), coded('import.not-in-model', { problem: issue.message }));
    }
    if (parsed.data!.status === 'derived' && !parsed.data!.method)
      fail('method', coded('import.derived-without-method', {}));
    return parsed.data!;
  });
}
