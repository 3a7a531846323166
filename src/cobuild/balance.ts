import type { Exchange } from '../model/lci.ts';
import type { CodedMessageData } from '../model/message.ts';
import { referenceExchange } from './datasets.ts';
import { coded } from '../i18n/cobuild.ts';
import type { Flag, ProcessDataset } from './model.ts';

/**
 * Mass and energy balances of a unit process, where they apply. Mass applies when the process
 * makes a product measured in mass and every technosphere exchange is in mass: then what goes in
 * (materials and resources) should come out (products, wastes, emissions) within a tolerance;
 * oxygen taken from the air is rarely inventoried, hence the tolerance. Energy applies when the
 * product is energy and energy inputs are given in energy units: more energy out than in breaks
 * the first law. Either way the result is a flag for the reviewer or a note, never a refusal:
 * inventories leave flows out for good reasons, and a person decides.
 */

export const MASS_TOLERANCE = 0.1;
export const ENERGY_TOLERANCE = 0.01;

type Dimension = 'mass' | 'energy' | 'other';

interface Measured {
  exchange: Exchange;
  dimension: Dimension;
  /** the amount in the group's reference unit (kg, MJ) */
  amount: number;
  elementary: boolean;
}

function measure(d: ProcessDataset): Measured[] {
  const flows = new Map(d.flows.map((f) => [f.id, f]));
  const properties = new Map(d.flowProperties.map((p) => [p.id, p]));
  const groups = new Map(d.unitGroups.map((g) => [g.id, g]));
  return d.process.exchanges.flatMap((e) => {
    const flow = flows.get(e.flowId);
    const group = flow && groups.get(properties.get(flow.propertyId)?.unitGroupId ?? '');
    const unit = group?.units.find((u) => u.name === flow!.unit);
    if (!flow || !group || !unit) return [];
    const dimension: Dimension =
      group.referenceUnit === 'kg' ? 'mass' : group.referenceUnit === 'MJ' ? 'energy' : 'other';
    return [{ exchange: e, dimension, amount: e.amount * unit.factor, elementary: flow.kind === 'elementary' }];
  });
}

const sum = (xs: Measured[]) => xs.reduce((s, x) => s + x.amount, 0);

export function checkBalances(d: ProcessDataset): { flags: Flag[]; notes: CodedMessageData[] } {
  const flags: Flag[] = [];
  const notes: CodedMessageData[] = [];
  const measured = measure(d);
  const ref = referenceExchange(d.process);
  const refDimension = measured.find((m) => m.exchange === ref)?.dimension;
  // avoided products are credits, not material that leaves the process
  const counted = measured.filter((m) => !m.exchange.avoided);

  const technosphere = counted.filter((m) => !m.elementary);
  if (refDimension === 'mass' && technosphere.every((m) => m.dimension === 'mass')) {
    const into = sum(counted.filter((m) => m.dimension === 'mass' && m.exchange.input));
    const out = sum(counted.filter((m) => m.dimension === 'mass' && !m.exchange.input));
    const gap = Math.abs(into - out) / Math.max(into, out);
    if (gap > MASS_TOLERANCE) {
      flags.push({
        check: 'mass-balance',
        field: 'process.exchanges',
        ...coded('balance.mass', { into, out, gap, tolerance: MASS_TOLERANCE }),
        value: out,
        reference: into,
        ratio: into > 0 ? out / into : undefined,
      });
    } else notes.push(coded('validation.mass-balance', { into, out, gap }));
  } else notes.push(coded('validation.mass-unchecked', {}));

  if (refDimension === 'energy') {
    const into = sum(counted.filter((m) => m.dimension === 'energy' && m.exchange.input));
    const out = sum(counted.filter((m) => m.dimension === 'energy' && !m.exchange.input));
    if (into === 0) notes.push(coded('validation.energy-unchecked', {}));
    else if (out > into * (1 + ENERGY_TOLERANCE)) {
      flags.push({
        check: 'energy-balance',
        field: 'process.exchanges',
        ...coded('balance.energy', { into, out, efficiency: out / into }),
        value: out,
        reference: into,
        ratio: out / into,
      });
    } else notes.push(coded('validation.energy-balance', { into, out }));
  }
  return { flags, notes };
}
