import type { LciDatabase } from '../model/lci.ts';
import { screenDatabase, type ScreenReport } from '../screen/screen.ts';
import type { Queryable } from './connection.ts';

/**
 * The quality screen's report of each LCI release, written with the release (insertRelease calls
 * `insertScreen` in the same transaction) and read by search, studies and the steward's view.
 */

export async function insertScreen(
  tx: Queryable,
  release: number,
  db: LciDatabase,
  report: ScreenReport = screenDatabase(db),
): Promise<ScreenReport> {
  await tx.query('INSERT INTO release_screens (release_id, quarantined, report) VALUES ($1, $2, $3::text::jsonb)', [
    release,
    report.quarantined,
    JSON.stringify(report),
  ]);
  return report;
}

/** The report of a release, or undefined for a release without an LCI database (or saved before the screen existed). */
export async function loadScreen(
  store: Queryable,
  release: string,
): Promise<(ScreenReport & { screenedAt: string }) | undefined> {
  const [row] = await store.query<{ report: ScreenReport; screened_at: Date | string }>(
    'SELECT s.report, s.screened_at FROM release_screens s JOIN releases r ON r.id = s.release_id WHERE r.number = $1',
    [release],
  );
  return row && { ...row.report, screenedAt: new Date(row.screened_at).toISOString() };
}

/** The quarantined process ids of a release (empty when it was not screened). */
export async function loadQuarantine(store: Queryable, release: string): Promise<Set<string>> {
  const [row] = await store.query<{ quarantined: string[] }>(
    'SELECT s.quarantined FROM release_screens s JOIN releases r ON r.id = s.release_id WHERE r.number = $1',
    [release],
  );
  return new Set(row?.quarantined ?? []);
}

/** The Chinese name and region of the named processes of a release, for showing the screen's findings. */
export async function screenedProcesses(
  store: Queryable,
  release: string,
  ids: string[],
): Promise<Map<string, { processNameZh?: string; location?: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await store.query<{ process_id: string; name_zh: string | null; location: string | null }>(
    `SELECT d.process_id, d.body->>'nameZh' AS name_zh, d.location FROM datasets d
     JOIN releases r ON r.id = d.release_id WHERE r.number = $1 AND d.process_id = ANY($2::text[])`,
    [release, ids],
  );
  return new Map(
    rows.map((r) => [r.process_id, { processNameZh: r.name_zh ?? undefined, location: r.location ?? undefined }]),
  );
}
