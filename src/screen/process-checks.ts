import type { Exchange, Flow, Process } from '../model/lci.ts';
import { isResource } from '../engine/system.ts';
import { namedUnit } from '../formats/units.ts';
import type { ReferenceKind, ScreenCode } from '../i18n/screen.ts';
import { limit } from './rules.ts';

/**
 * Checks of one process on its own exchanges: what it takes in, what it emits per unit of its
 * product, and whether mass and carbon can balance. Each returns the findings' codes and params;
 * screen.ts names the process and renders the messages.
 */

export interface ProcessFinding {
  code: ScreenCode;
  params: Record<string, string | number>;
}

/** kg in one unit of a mass unit, MJ in one unit of an energy unit; undefined for other dimensions. */
function per(unit: string, reference: 'kg' | 'MJ'): number | undefined {
  const u = namedUnit(unit);
  return u && u.referenceUnit === reference ? u.factor : undefined;
}

/** Carbon in one kg of the gas, by the gas a flow name says it is. */
function carbonShare(name: string): number {
  const n = name.toLowerCase();
  if (/in air|to soil|from air/.test(n)) return 0;
  if (/carbon dioxide|^co2\b/.test(n)) return 12.011 / 44.009;
  if (/^methane\b|^ch4\b/.test(n)) return 12.011 / 16.043;
  if (/carbon monoxide|^co\b/.test(n)) return 12.011 / 28.01;
  return 0;
}

function isCo2(flow: Flow): boolean {
  const n = flow.name.toLowerCase();
  return /carbon dioxide|^co2\b/.test(n) && !/in air|to soil|from air/.test(n);
}

export function checkProcess(p: Process, flowOf: (e: Exchange) => Flow | undefined): ProcessFinding[] {
  const out: ProcessFinding[] = [];
  const ref = p.exchanges.find((e) => e.reference);
  const refFlow = ref && flowOf(ref);
  if (!ref || !refFlow) return out;
  const others = p.exchanges
    .filter((e) => e !== ref)
    .map((e) => ({ e, flow: flowOf(e) }))
    .filter((x): x is { e: Exchange; flow: Flow } => x.flow !== undefined);
  const resource = (f: Flow) => f.kind === 'elementary' && isResource(f);
  const inputs = others.filter(
    ({ e, flow }) => e.input && !e.avoided && (flow.kind !== 'elementary' || resource(flow)),
  );
  const emissions = others.filter(({ e, flow }) => !e.input && flow.kind === 'elementary' && !resource(flow));

  if (inputs.length === 0 && emissions.length > 0 && ref.input === false)
    out.push({ code: 'screen.emissions-only', params: { emissions: emissions.length } });

  const own = others
    .filter(({ e }) => e.flowId === ref.flowId && e.input !== ref.input && !e.avoided)
    .reduce((s, { e }) => s + e.amount, 0);
  if (ref.amount > 0 && own / ref.amount >= limit('screen.self-loop', 'ratio'))
    out.push({ code: 'screen.self-loop', params: { ratio: own / ref.amount, product: refFlow.name } });

  // one finding per process, naming its largest such input and how many there are
  const inputLimit = limit('screen.input-scale', 'ratio');
  const scaled = inputs
    .filter(
      ({ e, flow }) =>
        flow.kind !== 'elementary' &&
        flow.unit === refFlow.unit &&
        e.flowId !== ref.flowId &&
        ref.amount > 0 &&
        e.amount / ref.amount > inputLimit,
    )
    .sort((a, b) => b.e.amount - a.e.amount);
  if (scaled.length)
    out.push({
      code: 'screen.input-scale',
      params: {
        ratio: scaled[0].e.amount / ref.amount,
        input: scaled[0].flow.name,
        unit: refFlow.unit,
        limit: inputLimit,
        count: scaled.length,
      },
    });

  if (p.writtenReference) out.push({ code: 'screen.written-reference', params: { reason: p.writtenReference.reason } });
  out.push(...notProduct(ref, refFlow, others));

  const declared = ref.originalAmount ?? ref.amount;
  const declaredUnit = ref.originalUnit ?? refFlow.unit;
  if (declared < limit('screen.reference-scale', 'min') || declared > limit('screen.reference-scale', 'max')) {
    out.push({ code: 'screen.reference-scale', params: { amount: declared, unit: declaredUnit } });
  }

  const refKg = per(refFlow.unit, 'kg');
  if (refKg !== undefined && ref.amount > 0) {
    const productKg = ref.amount * refKg;
    const co2 = emissions.reduce((s, { e, flow }) => s + (isCo2(flow) ? e.amount * (per(flow.unit, 'kg') ?? 0) : 0), 0);
    const co2Limit = limit('screen.co2-per-mass', 'kgPerKg');
    if (co2 / productKg > co2Limit)
      out.push({
        code: 'screen.co2-per-mass',
        params: { kgCo2PerKg: co2 / productKg, limit: co2Limit, product: refFlow.name },
      });
    const energy = inputs.reduce(
      (s, { e, flow }) => s + (flow.kind === 'product' ? e.amount * (per(flow.unit, 'MJ') ?? 0) : 0),
      0,
    );
    const energyLimit = limit('screen.energy-per-mass', 'mjPerKg');
    if (energy / productKg > energyLimit)
      out.push({
        code: 'screen.energy-per-mass',
        params: { mjPerKg: energy / productKg, limit: energyLimit, product: refFlow.name },
      });
  }

  out.push(...balance(ref, refFlow, inputs, others));
  return out;
}

/** The kind of a reference that provides nothing; undefined for a product output or waste input. */
function referenceKind(ref: Exchange, flow: Flow): ReferenceKind | undefined {
  if (flow.kind === 'elementary') return ref.input ? 'elementary-input' : 'elementary-output';
  if (flow.kind === 'product' && ref.input) return 'product-input';
  if (flow.kind === 'waste' && !ref.input) return 'waste-output';
  return undefined;
}

/**
 * A reference kept as written though it is not a product (ILCD: an elementary flow or a product
 * input, with no product output to count the process in): noted, and quarantined when in mass
 * units it is a sliver of the mass passing through the process (an EAF counted per 0.087 kg of
 * iron emitted while 1,813 kg of iron and scrap go in).
 */
function notProduct(ref: Exchange, refFlow: Flow, others: { e: Exchange; flow: Flow }[]): ProcessFinding[] {
  const kind = referenceKind(ref, refFlow);
  if (!kind) return [];
  const unit = ref.originalUnit ?? refFlow.unit;
  const amount = ref.originalAmount ?? ref.amount;
  const out: ProcessFinding[] = [
    { code: 'screen.reference-not-product', params: { amount, unit, flow: refFlow.name, kind } },
  ];
  const refKg = per(refFlow.unit, 'kg');
  if (refKg === undefined) return out;
  const kg = (input: boolean) =>
    others.reduce((s, { e, flow }) => s + (e.input === input ? e.amount * (per(flow.unit, 'kg') ?? 0) : 0), 0);
  const throughput = Math.max(kg(true), kg(false));
  const share = (ref.amount * refKg) / throughput;
  if (throughput > 0 && share < limit('screen.reference-share', 'share'))
    out.push({
      code: 'screen.reference-share',
      params: { amount, unit, flow: refFlow.name, throughput, share },
    });
  return out;
}

/** Mass and carbon balance, only where every input (and, for mass, every output) is in mass units. */
function balance(
  ref: Exchange,
  refFlow: Flow,
  inputs: { e: Exchange; flow: Flow }[],
  others: { e: Exchange; flow: Flow }[],
): ProcessFinding[] {
  const kgOf = ({ e, flow }: { e: Exchange; flow: Flow }) => {
    const k = per(flow.unit, 'kg');
    return k === undefined ? undefined : e.amount * k;
  };
  const all = [{ e: ref, flow: refFlow }, ...others];
  const ins = all.filter(({ e }) => e.input && !e.avoided);
  if (inputs.length === 0 || ins.some((x) => kgOf(x) === undefined)) return [];
  const massIn = ins.reduce((s, x) => s + kgOf(x)!, 0);
  const out: ProcessFinding[] = [];
  const carbonOut = all
    .filter(({ e, flow }) => !e.input && flow.kind === 'elementary')
    .reduce((s, x) => s + (kgOf(x) ?? 0) * carbonShare(x.flow.name), 0);
  if (massIn > 0 && carbonOut > massIn) out.push({ code: 'screen.carbon-balance', params: { carbonOut, massIn } });
  const outs = all.filter(({ e }) => !e.input || e.avoided);
  if (outs.every((x) => kgOf(x) !== undefined)) {
    const massOut = outs.reduce((s, x) => s + kgOf(x)!, 0);
    if (massIn > 0 && massOut / massIn > limit('screen.mass-balance', 'ratio'))
      out.push({ code: 'screen.mass-balance', params: { massOut, massIn, ratio: massOut / massIn } });
  }
  return out;
}
