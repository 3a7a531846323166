import type { SensitivityCase, SensitivityResult, Study } from '../model/study.ts';
import { totalOf } from '../engine/lca.ts';
import { activityGsd } from './per-unit.ts';
import { parameterValues, parametersOf, type AmountPlan } from './parameters.ts';
import { combinedGsd, gsdInterval } from './ranges.ts';
import { outcomeOf, type Row } from './rows.ts';

/**
 * One-at-a-time sensitivity (ISO 14067 asks for a sensitivity analysis of significant inputs and
 * choices): each parameter a formula reads, and each key entry, is moved to the low and then the
 * high end of its range with everything else at its base value. Ranges, in this order of
 * preference: the stated uncertainty range (its 95 % interval or its bounds, as stated); a
 * parameter's min–max; an entry's 95 % interval of the
 * spread the Monte Carlo draws; ±10 % for a parameter that has no range at all (marked so).
 */

/** an entry is key when its emission or removal is at least this share of all of them */
export const KEY_ENTRY_SHARE = 0.05;
const MAX_KEY_ENTRIES = 12;
const DEFAULT_SPREAD = 0.1;

type Range = Pick<SensitivityCase, 'low' | 'high' | 'rangeBasis'>;

export function sensitivityOf(
  study: Pick<Study, 'parameters'>,
  plan: AmountPlan,
  rows: readonly Row[],
): SensitivityResult {
  const values = parameterValues(study);
  const base = plan.amounts(values);
  const at = (o: { total: number; removals: number }) => ({ total: o.total, cfp: o.total + o.removals });
  const baseOutcome = at(outcomeOf(rows, base));
  const cases: SensitivityCase[] = [];

  for (const p of parametersOf(study).values()) {
    if (!plan.used.has(p.name)) continue;
    const range = parameterRange(p.value, p.min, p.max, p.uncertainty);
    const lo = at(outcomeOf(rows, plan.amounts({ ...values, [p.name]: range.low })));
    const hi = at(outcomeOf(rows, plan.amounts({ ...values, [p.name]: range.high })));
    cases.push({
      kind: 'parameter',
      id: p.name,
      name: p.description || p.name,
      base: p.value,
      ...range,
      unit: p.unit,
      totalLow: lo.total,
      totalHigh: hi.total,
      cfpLow: lo.cfp,
      cfpHigh: hi.cfp,
    });
  }

  const size = rows.map(
    (r, i) => Math.abs(base[i]! * r.conv) * (Math.abs(totalOf(r.per.lines)) + Math.abs(r.per.lines.biogenicRemovals)),
  );
  const all = size.reduce((s, v) => s + v, 0);
  const key = rows
    .map((r, i) => ({ r, i }))
    .filter(({ i }) => all > 0 && size[i]! / all >= KEY_ENTRY_SHARE)
    .sort((a, b) => size[b.i]! - size[a.i]!)
    .slice(0, MAX_KEY_ENTRIES);
  for (const { r, i } of key) {
    const m = entryRange(r);
    const lo = at(outcomeOf(rows, base, (k) => (k === i ? m.low : 1)));
    const hi = at(outcomeOf(rows, base, (k) => (k === i ? m.high : 1)));
    const amount = base[i]!;
    cases.push({
      kind: 'entry',
      id: r.entry.id,
      name: r.entry.name,
      base: amount,
      low: amount * m.low,
      high: amount * m.high,
      rangeBasis: m.rangeBasis,
      unit: r.entry.unit,
      totalLow: lo.total,
      totalHigh: hi.total,
      cfpLow: lo.cfp,
      cfpHigh: hi.cfp,
    });
  }
  // the tornado chart shows the CFP, so its order is the CFP's swing
  const swing = (c: SensitivityCase) => Math.abs(c.cfpHigh - c.cfpLow);
  cases.sort((a, b) => swing(b) - swing(a));
  return { method: 'one-at-a-time', baseTotal: baseOutcome.total, baseCfp: baseOutcome.cfp, cases };
}

function parameterRange(
  value: number,
  min: number | undefined,
  max: number | undefined,
  stated: { low: number; high: number } | undefined,
): Range {
  if (stated) return { ...stated, rangeBasis: 'stated-range' };
  if (min !== undefined && max !== undefined && min < max) return { low: min, high: max, rangeBasis: 'min-max' };
  return { low: value * (1 - DEFAULT_SPREAD), high: value * (1 + DEFAULT_SPREAD), rangeBasis: 'default-spread' };
}

/** An entry's range as multiples of its value. */
function entryRange(r: Row): Range {
  const u = r.entry.uncertainty;
  if (u) return { low: u.low, high: u.high, rangeBasis: 'stated-range' };
  return { ...gsdInterval(combinedGsd(activityGsd(r.entry), r.per.gsd)), rangeBasis: 'uncertainty-95' };
}
