import { basename } from 'node:path';
import type { LciDatabase } from '../model/lci.ts';
import { importEcoSpold2 } from './ecospold2.ts';
import { coded, ImportError } from './errors.ts';
import { importIlcd, isIlcd } from './ilcd.ts';
import { importJsonLd } from './jsonld.ts';
import type { ImportOptions } from './options.ts';
import { zipDirectory, zipEntryNames } from './zip.ts';

export { ImportError } from './errors.ts';
export type { ImportOptions } from './options.ts';

export type DatabaseFormat = 'ecospold2' | 'jsonld' | 'ilcd';

/** Imports an openLCA JSON-LD, EcoSpold2 or ILCD zip, recognised by its entries rather than its name. */
export async function importDatabase(path: string, opts: ImportOptions = {}): Promise<LciDatabase> {
  const format = databaseFormat(await zipEntryNames(path), basename(path));
  if (format === 'ecospold2') return importEcoSpold2(path, opts);
  if (format === 'jsonld') return importJsonLd(path, opts);
  return importIlcd(path, opts);
}

/** The format of an uploaded archive, read from its directory alone; refused (naming the file) when it is none. */
export function archiveFormat(bytes: Uint8Array, file: string): DatabaseFormat {
  const names = zipDirectory(bytes, file)
    .map((e) => e.name)
    .filter((name) => !name.endsWith('/'));
  return databaseFormat(names, file);
}

function databaseFormat(names: string[], file: string): DatabaseFormat {
  if (names.some((n) => /\.spold$/i.test(n))) return 'ecospold2';
  if (names.some((n) => /(^|\/)processes\/[^/]+\.json$/.test(n))) return 'jsonld';
  if (isIlcd(names)) return 'ilcd';
  const folders = [...new Set(names.map((n) => (n.includes('/') ? `${n.split('/')[0]}/` : n)))];
  throw new ImportError(
    names.length === 0
      ? coded('import.unknown-format-empty', {})
      : coded('import.unknown-format', { folders: folders.slice(0, 8).join(', '), count: folders.length }),
    file,
  );
}
