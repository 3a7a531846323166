import type { AuditEvent, SheetIssue, VersionInfo } from '../api/types.ts';

/** Newest first, whatever order the server sends. */
export function newestVersionsFirst(versions: readonly VersionInfo[]): VersionInfo[] {
  return [...versions].sort((a, b) => b.version - a.version);
}

export function newestEventsFirst(events: readonly AuditEvent[]): AuditEvent[] {
  return [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/**
 * An audit detail as lines a person reads: lists (the server's `changes`) one item a line,
 * other fields as "key: value", empty ones left out.
 */
export function auditDetailLines(detail: AuditEvent['detail']): string[] {
  if (typeof detail === 'string') return detail ? [detail] : [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) lines.push(...value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
    else lines.push(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
  return lines;
}

/** "sheet / row / column: message", leaving out the row and column when the issue is about the whole sheet or row. */
export function issueLine(issue: Pick<SheetIssue, 'sheet' | 'row' | 'column' | 'message'>, rowWord: string): string {
  const where = [issue.sheet, issue.row > 0 ? `${rowWord} ${issue.row}` : '', issue.column]
    .filter((s) => s !== '')
    .join(' / ');
  return where ? `${where}: ${issue.message}` : issue.message;
}
