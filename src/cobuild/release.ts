import type { Factor } from '../model/factor.ts';
import type { LciDatabase } from '../model/lci.ts';
import { DomainError, type ErrorText } from '../model/errors.ts';
import { datasetInfo } from './datasets.ts';
import { coded } from './errors.ts';
import type { Dataset } from './model.ts';

/**
 * A new release of the background database from the current one and what the review approved:
 * the base release's factors and unit processes, with each approved dataset added or replacing
 * the one of the same id. Pure: the caller loads the bases and saves the result.
 */

export interface ReleaseItem {
  kind: 'submission' | 'aggregate';
  /** the submission or aggregate id */
  ref: string;
  version?: number;
  dataset: Dataset;
  /** organisations credited for it */
  contributors: string[];
  /** the steward who approved a submission, and when */
  approval?: { by: string; at: string };
}

export interface ReleaseBase {
  factors?: { release: string; factors: readonly Factor[] };
  lci?: { release: string; db: LciDatabase };
}

export interface DatasetChange {
  type: Dataset['type'];
  id: string;
  name: string;
  change: 'added' | 'replaced';
  /** top-level fields that differ from the dataset it replaces */
  fields: string[];
  /** a factor's value before and after; a process's kg CO2e per unit when the caller works it out */
  before?: number;
  after?: number;
  unit?: string;
  item: { kind: ReleaseItem['kind']; ref: string };
}

export interface ComposedRelease {
  factors: Factor[];
  database?: LciDatabase;
  changes: DatasetChange[];
}

/** Items that cannot make one release together (two of them publish the same dataset id). */
export class ReleaseCompositionError extends DomainError {
  constructor(text: ErrorText) {
    super('invalid', 'not-possible', text);
  }
}

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}

/**
 * A reviewed submission is published with its approval recorded and its status as submitted
 * (`check` until someone verifies it against its source: approving is not verifying); an
 * aggregate stays derived, with its method and its inputs.
 */
function released(d: Dataset, item: ReleaseItem): Dataset {
  if (d.type !== 'factor' || item.kind === 'aggregate' || !item.approval) return d;
  return { type: 'factor', factor: { ...d.factor, approval: { ...item.approval, submission: item.ref } } };
}

export function composeRelease(number: string, base: ReleaseBase, items: readonly ReleaseItem[]): ComposedRelease {
  const seen = new Map<string, string>();
  for (const item of items) {
    const key = `${item.dataset.type}:${datasetInfo(item.dataset).id}`;
    const other = seen.get(key);
    if (other !== undefined)
      throw new ReleaseCompositionError(coded('cobuild.release-duplicate', { ref: item.ref, other, key }));
    seen.set(key, item.ref);
  }
  const changes: DatasetChange[] = [];
  const factors = [...(base.factors?.factors ?? [])];
  const factorAt = new Map(factors.map((f, i) => [f.id, i]));
  const processItems = items.filter((i) => i.dataset.type === 'process');
  for (const item of items) {
    const d = released(item.dataset, item);
    if (d.type !== 'factor') continue;
    const f = d.factor;
    const at = factorAt.get(f.id);
    const old = at === undefined ? undefined : factors[at];
    changes.push({
      type: 'factor',
      id: f.id,
      name: f.name,
      change: old ? 'replaced' : 'added',
      fields: old ? changedFields(old, f) : [],
      before: old?.value,
      after: f.value,
      unit: f.unit,
      item: { kind: item.kind, ref: item.ref },
    });
    if (at === undefined) factors.push(f);
    else factors[at] = f;
  }
  if (processItems.length === 0) return { factors, database: base.lci?.db, changes };

  const db = base.lci?.db;
  const processes = [...(db?.processes ?? [])];
  const processAt = new Map(processes.map((p, i) => [p.id, i]));
  // a flow, property or unit group the base has already keeps the base's definition
  const flows = new Map((db?.flows ?? []).map((f) => [f.id, f]));
  const properties = new Map((db?.flowProperties ?? []).map((p) => [p.id, p]));
  const groups = new Map((db?.unitGroups ?? []).map((g) => [g.id, g]));
  for (const item of processItems) {
    const d = item.dataset;
    if (d.type !== 'process') continue;
    for (const f of d.flows) if (!flows.has(f.id)) flows.set(f.id, f);
    for (const p of d.flowProperties) if (!properties.has(p.id)) properties.set(p.id, p);
    for (const g of d.unitGroups) if (!groups.has(g.id)) groups.set(g.id, g);
    const at = processAt.get(d.process.id);
    const old = at === undefined ? undefined : processes[at];
    changes.push({
      type: 'process',
      id: d.process.id,
      name: d.process.name,
      change: old ? 'replaced' : 'added',
      fields: old ? changedFields(old, d.process) : [],
      item: { kind: item.kind, ref: item.ref },
    });
    if (at === undefined) processes.push(d.process);
    else processes[at] = d.process;
  }
  const database: LciDatabase = {
    name: db ? `${db.name} + Tanji co-construction` : 'Tanji co-construction',
    origin: `Tanji co-construction release ${number}${base.lci ? ` on ${base.lci.release}` : ''}`,
    flows: [...flows.values()],
    processes,
    unitGroups: [...groups.values()],
    flowProperties: [...properties.values()],
  };
  return { factors, database, changes };
}
