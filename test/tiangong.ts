import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The TianGong ILCD archive shipped beside the repository (../shared/data/tiangong). */
export const TIANGONG = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../shared/data/tiangong/tiangong-lca-data-ilcd.zip',
);
