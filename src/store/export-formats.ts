import { ecoSpold2Zip } from '../formats/ecospold2-export.ts';
import { ilcdZip } from '../formats/ilcd-export.ts';
import type { Queryable } from './connection.ts';
import { loadRelease } from './releases.ts';

/** A release in the LCI exchange formats besides JSON-LD (export-jsonld.ts): what each writer keeps is in its file. */
export const ZIP_FORMATS = {
  jsonld: { label: 'openLCA JSON-LD', file: 'jsonld.zip' },
  ilcd: { label: 'ILCD', file: 'ilcd.zip' },
  ecospold2: { label: 'EcoSpold2', file: 'ecospold2.zip' },
} as const;

export async function exportReleaseIlcd(store: Queryable, release: string): Promise<Uint8Array> {
  return ilcdZip(await loadRelease(store, release));
}

export async function exportReleaseEcoSpold2(store: Queryable, release: string): Promise<Uint8Array> {
  return ecoSpold2Zip(await loadRelease(store, release));
}
