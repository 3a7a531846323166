import type { Queryable } from './connection.ts';

/**
 * Study reports printed as PDF, each stored once under the SHA-256 of what it shows (result hash,
 * language, verification statements, company name): printing again for the same key is a no-op,
 * so a report job retried after its worker died writes nothing twice.
 */

export interface ReportFileKey {
  key: string;
  studyId: string;
  resultHash: string;
  lang: 'zh' | 'en';
}

export async function saveReportFile(db: Queryable, file: ReportFileKey, pdf: Uint8Array): Promise<void> {
  await db.query(
    `INSERT INTO report_files (key, study_id, result_hash, lang, pdf) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING`,
    [file.key, file.studyId, file.resultHash, file.lang, Buffer.from(pdf).toString('base64')],
  );
}

export async function hasReportFile(db: Queryable, key: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM report_files WHERE key = $1', [key])).length === 1;
}

/** The PDF of a study's report and its language, or undefined when the key names none of this study's reports. */
export async function loadReportFile(
  db: Queryable,
  studyId: string,
  key: string,
): Promise<{ pdf: Uint8Array; lang: 'zh' | 'en' } | undefined> {
  const [row] = await db.query<{ pdf: string; lang: 'zh' | 'en' }>(
    'SELECT pdf, lang FROM report_files WHERE key = $1 AND study_id = $2',
    [key, studyId],
  );
  return row ? { pdf: new Uint8Array(Buffer.from(row.pdf, 'base64')), lang: row.lang } : undefined;
}
