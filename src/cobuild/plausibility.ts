import type { Factor } from '../model/factor.ts';
import type { CodedMessageData } from '../model/message.ts';
import type { LciDatabase, Process } from '../model/lci.ts';
import { getRegion } from '../factors/regions.ts';
import { factorSeries, referenceExchange } from './datasets.ts';
import { coded } from '../i18n/cobuild.ts';
import type { Flag, ProcessDataset } from './model.ts';
import { foldDifference, median } from './stats.ts';

/**
 * Is a submitted value plausible next to what the current release already says about the same
 * product? A factor is compared with the median of its series across provinces (the provincial
 * median) in the nearest year the release has, and with the current value for its own region; a
 * process, exchange by exchange, with the release's processes of the same reference product.
 * Further apart than `ratio` times is a flag with the numbers that explain it.
 */

/** How far apart, for the texts: "12× below" */
const apart = (value: number, reference: number) => ({
  fold: foldDifference(value, reference),
  direction: value > reference ? ('above' as const) : ('below' as const),
});

export interface PlausibilityResult {
  flags: Flag[];
  notes: CodedMessageData[];
}

function isProvince(code: string): boolean {
  try {
    return getRegion(code).level === 'province';
  } catch {
    return false;
  }
}

export function factorPlausibility(
  f: Factor,
  current: readonly Factor[],
  release: string,
  ratio: number,
): PlausibilityResult {
  const series = factorSeries(f);
  const peers = current.filter((c) => factorSeries(c) === series && c.perUnit === f.perUnit && c.gases === f.gases);
  if (peers.length === 0)
    return {
      flags: [],
      notes: [coded('validation.factor-unchecked', { release, series, perUnit: f.perUnit })],
    };
  const year = [...new Set(peers.map((p) => p.year))].sort(
    (a, b) => Math.abs(a - f.year) - Math.abs(b - f.year) || b - a,
  )[0];
  const sameYear = peers.filter((p) => p.year === year);
  const provinces = sameYear.filter((p) => isProvince(p.region));
  const basis = provinces.length >= 3 ? provinces : sameYear;
  const mid = median(basis.map((p) => p.value));
  const flags: Flag[] = [];
  const notes: CodedMessageData[] = [];
  const sentence = coded('plausibility.factor-median', {
    value: f.value,
    unit: f.unit,
    ...apart(f.value, mid),
    basis: basis === provinces ? 'provinces' : 'regions',
    peers: basis.length,
    series,
    release,
    median: mid,
    year,
  });
  if (foldDifference(f.value, mid) > ratio)
    flags.push({
      check: 'plausibility',
      field: 'factor.value',
      ...sentence,
      value: f.value,
      reference: mid,
      ratio: f.value / mid,
      peers: basis.length,
      release,
    });
  else notes.push(sentence);
  const own = sameYear.find((p) => p.region === f.region);
  if (own && own.value !== mid) {
    const same = coded('plausibility.factor-region', {
      value: f.value,
      ...apart(f.value, own.value),
      region: f.region,
      current: own.value,
      id: own.id,
    });
    if (foldDifference(f.value, own.value) > ratio)
      flags.push({
        check: 'plausibility',
        field: 'factor.value',
        ...same,
        value: f.value,
        reference: own.value,
        ratio: f.value / own.value,
        peers: 1,
        release,
      });
    else notes.push(same);
  }
  return { flags, notes };
}

/** Amount of every flow per unit of the reference product, inputs and outputs apart. */
function perReferenceUnit(p: Process): Map<string, number> | undefined {
  const ref = referenceExchange(p);
  if (!ref || !(ref.amount > 0)) return undefined;
  const out = new Map<string, number>();
  for (const e of p.exchanges) {
    if (e === ref) continue;
    const key = `${e.input ? 'in' : 'out'}:${e.flowId}`;
    out.set(key, (out.get(key) ?? 0) + e.amount / ref.amount);
  }
  return out;
}

export function processPlausibility(
  d: ProcessDataset,
  current: LciDatabase,
  release: string,
  ratio: number,
): PlausibilityResult {
  const ref = referenceExchange(d.process);
  const peers = current.processes.filter(
    (p) => p.id === d.process.id || (ref && referenceExchange(p)?.flowId === ref.flowId),
  );
  const own = perReferenceUnit(d.process);
  if (peers.length === 0 || !own)
    return {
      flags: [],
      notes: [coded('validation.process-unchecked', { release })],
    };
  const peerAmounts = peers.map(perReferenceUnit).filter((m): m is Map<string, number> => m !== undefined);
  const names = new Map(d.flows.map((f) => [f.id, f.name]));
  const flags: Flag[] = [];
  let compared = 0;
  d.process.exchanges.forEach((e, i) => {
    if (e.reference) return;
    const key = `${e.input ? 'in' : 'out'}:${e.flowId}`;
    const values = peerAmounts.map((m) => m.get(key)).filter((v): v is number => v !== undefined && v > 0);
    const value = own.get(key)!;
    if (values.length === 0 || !(value > 0)) return;
    compared++;
    const mid = median(values);
    if (foldDifference(value, mid) > ratio) {
      flags.push({
        check: 'plausibility',
        field: `process.exchanges[${i}].amount`,
        ...coded('plausibility.exchange', {
          side: e.input ? 'input' : 'output',
          flow: names.get(e.flowId) ?? e.flowId,
          value,
          ...apart(value, mid),
          peers: values.length,
          release,
          median: mid,
        }),
        value,
        reference: mid,
        ratio: value / mid,
        peers: values.length,
        release,
      });
    }
  });
  return {
    flags,
    notes: [coded('validation.process-compared', { compared, peers: peers.length, release })],
  };
}
