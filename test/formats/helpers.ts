import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { ImportError } from '../../src/formats/errors.ts';

/** Writes a zip of the given text entries to a fresh temp dir and returns its path. */
export function writeZip(name: string, entries: Record<string, string>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tanji-formats-')), name);
  writeFileSync(file, zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)]))));
  return file;
}

export function writeFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tanji-formats-')), name);
  writeFileSync(file, text);
  return file;
}

/** The promise fails with an ImportError whose message names each of `parts`. */
export async function rejectsNaming(p: Promise<unknown>, parts: string[]) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ImportError, `expected an ImportError, got ${String(e)}`);
    for (const s of parts) assert.ok(e.message.includes(s), `"${e.message}" should name ${s}`);
    return true;
  });
}
