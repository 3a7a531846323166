import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real US LCI database shipped beside the repository (../shared/data/uslci). */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const USLCI_JSONLD = resolve(root, '../shared/data/uslci/uslci-olca1.5-jsonld.zip');
export const USLCI_ECOSPOLD2 = resolve(root, '../shared/data/uslci/uslci-fy18q1-ecospold2.zip');

if (!existsSync(USLCI_JSONLD) || !existsSync(USLCI_ECOSPOLD2)) {
  throw new Error(`the US LCI test data is missing: expected ${USLCI_JSONLD} and ${USLCI_ECOSPOLD2}`);
}
