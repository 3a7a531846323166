import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { unzipSync } from 'fflate';
import { ImportError } from './errors.ts';

/**
 * The entries of a zip file, optionally only those whose name passes `keep` (deciding before
 * inflating saves most of the time on databases with large source or actor folders).
 */
export async function readZip(path: string, keep: (name: string) => boolean = () => true): Promise<Map<string, Uint8Array>> {
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new ImportError(`cannot read the file (${(e as Error).message})`, file);
  }
  try {
    const entries = unzipSync(bytes, { filter: (f) => !f.name.endsWith('/') && keep(f.name) });
    return new Map(Object.entries(entries));
  } catch (e) {
    throw new ImportError(`not a readable zip file (${(e as Error).message})`, file);
  }
}

/** Every entry name, without inflating anything: for format detection. */
export async function zipEntryNames(path: string): Promise<string[]> {
  const names: string[] = [];
  await readZip(path, (name) => {
    names.push(name);
    return false;
  });
  return names;
}
