import type { Queryable } from './connection.ts';

/**
 * Multi-row INSERTs: one statement per chunk instead of one per row, which is what makes an
 * import fast on both back ends (PGlite pays per call into WebAssembly, a server per round trip).
 */

export interface Column {
  name: string;
  /** jsonb columns take the JSON text: pg would turn a JS array into a PostgreSQL array otherwise */
  json?: boolean;
}

/** PostgreSQL allows 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;
const MAX_ROWS = 500;

export async function insertRows(tx: Queryable, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  const perChunk = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const head = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES `;
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const cells = columns.map((c, i) => {
        params.push(c.json ? JSON.stringify(row[i]) : row[i]);
        return c.json ? `$${params.length}::text::jsonb` : `$${params.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    await tx.query(head + tuples.join(', '), params);
  }
}
