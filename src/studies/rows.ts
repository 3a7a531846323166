import type { LifeCycleStage } from '../model/lci.ts';
import type { GhgLine } from '../model/method.ts';
import type { Entry, ScenarioResult } from '../model/study.ts';
import { emptyLines, GHG_LINES, totalOf } from '../engine/lca.ts';
import { messageText } from '../model/message.ts';
import type { Background } from './background.ts';
import { conversion, EntryError, perUnitOf, type ComponentFootprint, type PerUnit } from './per-unit.ts';

/**
 * An entry on its background: its per-unit lines are fixed by the dataset, so the footprint is
 * linear in the amount. Scenarios, sensitivity cases and Monte Carlo draws only change amounts
 * (or scale an entry), and recompute from the rows without touching the background again.
 */

export const STAGES: readonly LifeCycleStage[] = [
  'raw-materials',
  'manufacturing',
  'distribution',
  'use',
  'end-of-life',
];

export interface Row {
  entry: Entry;
  amount: number;
  per: PerUnit;
  /** entry unit → dataset unit */
  conv: number;
  lines: Record<GhgLine, number>;
}

export function rowOf(
  entry: Entry,
  amount: number,
  bg: Background,
  components?: ReadonlyMap<string, ComponentFootprint>,
): Row {
  const per = perUnitOf(entry, bg, components);
  const unit = entry.transport && entry.formula === undefined ? 't*km' : entry.unit;
  const conv = conversion(unit, per.perUnit);
  if (conv === undefined)
    throw new EntryError(
      entry,
      `its unit ${unit} cannot be converted to ${per.perUnit}, the unit of ${messageText(per.provenance.name)}`,
    );
  const lines = emptyLines();
  for (const l of GHG_LINES) lines[l] = amount * conv * per.lines[l];
  return { entry, amount, per, conv, lines };
}

/** What the footprint becomes with other amounts, entry `i` scaled by `scale(i)` (1 when absent). */
export function outcomeOf(
  rows: readonly Row[],
  amounts: ArrayLike<number>,
  scale?: (i: number) => number,
): Omit<ScenarioResult, 'name' | 'description' | 'values'> {
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<LifeCycleStage, number>;
  let total = 0;
  let removals = 0;
  rows.forEach((r, i) => {
    const k = amounts[i]! * r.conv * (scale?.(i) ?? 1);
    const t = k * totalOf(r.per.lines);
    total += t;
    byStage[r.entry.stage] += t;
    removals += k * r.per.lines.biogenicRemovals;
  });
  return { total, removals, byStage };
}
