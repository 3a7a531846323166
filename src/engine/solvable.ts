import type { LciDatabase } from '../model/lci.ts';
import { SystemSolveError, factorizeSystem } from './lca.ts';
import type { ExchangeColumns } from './linking.ts';
import type { Factorization } from './sparse/lu.ts';
import { buildSystem, type LcaSystem } from './system.ts';

/** A process taken out of the matrices because A could not be factorized with it, and why. */
export interface ExcludedProcess {
  processId: string;
  processName: string;
  reason: string;
}

/**
 * The system of a database with the processes that make A singular or too ill-conditioned taken
 * out, round by round as the factorization names them, each listed with the solver's reason.
 * A national database may hold such processes (TianGong: 28, transport and retail stages whose
 * input of their own product links back to themselves, mines that use as much coal as they
 * yield, a gas field plan counted per 0.31 wells that takes 2.5e12 kg of gas); without them
 * every other process still has its footprint. A database that factorizes as it is comes back
 * unchanged with nothing excluded.
 */
export function solvableSystem(
  db: LciDatabase,
  columns?: ExchangeColumns,
): { db: LciDatabase; system: LcaSystem; lu: Factorization; excluded: ExcludedProcess[] } {
  const excluded: ExcludedProcess[] = [];
  for (;;) {
    // the precomputed columns describe the database as loaded, not one with processes taken out
    const system = buildSystem(db, { columns: excluded.length ? undefined : columns });
    try {
      return { db, system, lu: factorizeSystem(system), excluded };
    } catch (e) {
      if (!(e instanceof SystemSolveError) || e.processes.length === 0) throw e;
      const ids = new Set(e.processes.map((p) => p.processId));
      for (const p of e.processes)
        excluded.push({ processId: p.processId, processName: p.processName, reason: e.message });
      db = { ...db, processes: db.processes.filter((p) => !ids.has(p.id)) };
    }
  }
}
