import type { LciDatabase } from '../model/lci.ts';
import type { ImpactMethod } from '../model/method.ts';
import { getMethod } from '../factors/gwp.ts';
import { buildSystem, declaredUnit, unitFactor, unitsOf, type DeclaredUnit, type LcaSystem } from '../engine/system.ts';
import { characterizationVector, factorizeSystem, type CharacterizationVector } from '../engine/lca.ts';
import type { AllocationChoice } from '../engine/linking.ts';
import type { Factorization } from '../engine/sparse/lu.ts';
import { listDatabases, loadDatabase } from './databases.ts';
import { cliText, numberOption, UsageError } from './args.ts';
import { errorTextOf } from '../model/errors.ts';

/** What most commands need: a database, its matrices, one factorization and a method. */
export interface Workspace {
  dbName: string;
  db: LciDatabase;
  system: LcaSystem;
  lu: Factorization;
}

export const COMMON_OPTIONS = {
  db: { type: 'string' },
  allocation: { type: 'string' },
} as const;

export const COMMON_HELP = `
  --db <name>            database in the data directory (default: the most recently imported)
  --allocation <m>       auto (default: physical, else economic, else causal factors from the data),
                         physical, economic, causal, or none (all burden to the reference product)`;

const ALLOCATIONS: AllocationChoice[] = ['auto', 'physical', 'economic', 'causal', 'none'];

export async function openWorkspace(values: Record<string, unknown>): Promise<Workspace> {
  const dbName = await chooseDatabase(values.db as string | undefined);
  const allocation = (values.allocation as string | undefined) ?? 'auto';
  if (!ALLOCATIONS.includes(allocation as AllocationChoice)) {
    throw new UsageError(
      cliText('cli.one-of-got', { option: 'allocation', choices: ALLOCATIONS.join(', '), given: String(allocation) }),
    );
  }
  const db = await loadDatabase(dbName);
  const system = buildSystem(db, { allocation: allocation as AllocationChoice });
  return { dbName, db, system, lu: factorizeSystem(system) };
}

export async function chooseDatabase(requested?: string): Promise<string> {
  if (requested) return requested;
  const all = await listDatabases();
  if (all.length === 0) throw new UsageError(cliText('cli.no-database', {}));
  return all[0].number;
}

export function method(values: Record<string, unknown>): ImpactMethod {
  const id = (values.method as string | undefined) ?? 'ipcc-ar6-gwp100';
  try {
    return getMethod(id);
  } catch (err) {
    throw new UsageError(errorTextOf(err) ?? (err as Error).message);
  }
}

export function characterization(ws: Workspace, m: ImpactMethod): CharacterizationVector {
  return characterizationVector(ws.system, m);
}

/** A process (its reference product column) by id, id prefix of 8+ characters, or exact name. */
export function resolveColumn(ws: Workspace, query: string): number {
  const { providers } = ws.system.index;
  const byId = providers.filter((p) => p.process.id === query && p.exchange.reference);
  if (byId.length) return byId[0].index;
  const byProduct = providers.filter((p) => `${p.process.id}/${p.flow.id}` === query);
  if (byProduct.length) return byProduct[0].index;
  const byName = providers.filter((p) => p.process.name === query && p.exchange.reference);
  if (byName.length === 1) return byName[0].index;
  if (byName.length > 1) {
    throw new UsageError(
      cliText('cli.ambiguous-process', {
        query,
        count: byName.length,
        list: byName.map((p) => `  ${p.process.id}  ${p.process.location ?? ''}`).join('\n'),
      }),
    );
  }
  if (query.length >= 8) {
    const prefix = providers.filter((p) => p.process.id.startsWith(query) && p.exchange.reference);
    if (prefix.length === 1) return prefix[0].index;
  }
  const lower = query.toLowerCase();
  const near = providers.filter((p) => p.process.name.toLowerCase().includes(lower)).slice(0, 8);
  throw new UsageError(
    near.length
      ? cliText('cli.no-process-near', {
          query,
          database: ws.dbName,
          list: near.map((p) => `  ${p.process.id}  ${p.process.name}`).join('\n'),
        })
      : cliText('cli.no-process', { query, database: ws.dbName }),
  );
}

/** --amount (default 1) in --unit, by default the process's declared unit; `perUnit` converts it to the column's flow unit. */
export function demandOf(
  ws: Workspace,
  column: number,
  values: Record<string, unknown>,
): { amount: number; unit: string; perUnit: number; declared: DeclaredUnit } {
  const pr = ws.system.index.providers[column];
  const declared = declaredUnit(ws.db, pr);
  const unit = (values.unit as string | undefined) ?? declared.unit;
  const perUnit = unit === declared.unit ? declared.factor : unitFactor(ws.db, pr.flow, unit);
  if (perUnit === undefined)
    throw new UsageError(
      cliText('cli.not-a-unit-of', { unit, flow: pr.flow.name, units: unitsOf(ws.db, pr.flow).join(', ') }),
    );
  return { amount: numberOption(values, 'amount', 1), unit, perUnit, declared };
}
