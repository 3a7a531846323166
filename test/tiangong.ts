import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSystem } from '../src/engine/system.ts';
import { SystemSolveError, factorizeSystem } from '../src/engine/lca.ts';
import type { LciDatabase } from '../src/model/lci.ts';

/** The TianGong ILCD archive shipped beside the repository (../shared/data/tiangong). */
export const TIANGONG = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/data/tiangong/tiangong-lca-data-ilcd.zip');

/**
 * TianGong as published cannot be factorized whole: 27 processes consume their own product as
 * fast as they make it (transport and retail stages whose input of the product links back to
 * themselves, coal mining that uses as much coal as it yields), so A is singular. Screening them
 * is the release screen's job (src/cobuild and the screen of issue 17); for tests and benchmarks
 * that need every score, this drops the processes the solver names, round by round, until A
 * factorizes, and says which.
 */
export function solvableCore(db: LciDatabase): { db: LciDatabase; dropped: { id: string; name: string; reason: string }[] } {
  const dropped: { id: string; name: string; reason: string }[] = [];
  for (;;) {
    try {
      factorizeSystem(buildSystem(db));
      return { db, dropped };
    } catch (e) {
      if (!(e instanceof SystemSolveError) || e.processes.length === 0) throw e;
      const ids = new Set(e.processes.map((p) => p.processId));
      for (const p of e.processes) dropped.push({ id: p.processId, name: p.processName, reason: e.message });
      db = { ...db, processes: db.processes.filter((p) => !ids.has(p.id)) };
    }
  }
}
