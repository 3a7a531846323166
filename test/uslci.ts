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

/**
 * Runs an import and measures it in CPU seconds of this process as well as wall seconds. Speed
 * targets are checked on CPU time: the suite runs files two at a time, on machines shared with
 * other work, and wall time would measure them.
 */
export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; cpuSeconds: number; seconds: number }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await run();
  const cpu = process.cpuUsage(cpu0);
  return { result, cpuSeconds: (cpu.user + cpu.system) / 1e6, seconds: (performance.now() - t0) / 1000 };
}
