import { basename } from 'node:path';
import type { LciDatabase } from '../model/lci.ts';
import { importEcoSpold2 } from './ecospold2.ts';
import { ImportError } from './errors.ts';
import { importIlcd, isIlcd } from './ilcd.ts';
import { importJsonLd } from './jsonld.ts';
import type { ImportOptions } from './options.ts';
import { zipEntryNames } from './zip.ts';

export { ImportError } from './errors.ts';
export type { ImportOptions } from './options.ts';

/** Imports an openLCA JSON-LD, EcoSpold2 or ILCD zip, recognised by its entries rather than its name. */
export async function importDatabase(path: string, opts: ImportOptions = {}): Promise<LciDatabase> {
  const names = await zipEntryNames(path);
  if (names.some((n) => /\.spold$/i.test(n))) return importEcoSpold2(path, opts);
  if (names.some((n) => /(^|\/)processes\/[^/]+\.json$/.test(n))) return importJsonLd(path, opts);
  if (isIlcd(names)) return importIlcd(path, opts);
  const folders = [...new Set(names.map((n) => (n.includes('/') ? `${n.split('/')[0]}/` : n)))];
  const found =
    names.length === 0
      ? 'it is empty'
      : `it holds ${folders.slice(0, 8).join(', ')}${folders.length > 8 ? `, ... (${folders.length} in all)` : ''}`;
  throw new ImportError(
    `not a known LCI database format: expected .spold files (EcoSpold2), processes/*.json (openLCA JSON-LD) or processes/*.xml (ILCD), but ${found}`,
    basename(path),
  );
}
