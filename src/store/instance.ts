import type { Queryable } from './connection.ts';

/** Values every process of one installation must share, written once (the first writer wins). */

export async function instanceSetting(db: Queryable, key: string): Promise<string | undefined> {
  const [row] = await db.query<{ value: string }>('SELECT value FROM instance_settings WHERE key = $1', [key]);
  return row?.value;
}

/** Stores the value unless another process stored one first; returns the value that holds. */
export async function settleInstanceSetting(db: Queryable, key: string, value: string): Promise<string> {
  await db.query('INSERT INTO instance_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    key,
    value,
  ]);
  return (await instanceSetting(db, key))!;
}
