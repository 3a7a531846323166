import type { Factor } from '../../src/model/factor.ts';
import type { Exchange } from '../../src/model/lci.ts';
import type { ProcessDataset } from '../../src/cobuild/model.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { dimensionsOf, namedUnit } from '../../src/formats/units.ts';

/** Small datasets for the co-construction unit tests: seed factor variants and a unit process in real units. */

export const SEED = seedFactors();
export const HAINAN = SEED.find((f) => f.id === 'cn-electricity-footprint/CN-HI/2024')!;

export function factor(over: Partial<Factor> = {}): Factor {
  return {
    ...HAINAN,
    gwpSet: 'AR6',
    technology: 'Coal-fired units',
    status: 'check',
    method: undefined,
    licence: 'CC BY 4.0',
    source: { title: 'Plant LCA 2024', publisher: 'Plant A' },
    ...over,
  };
}

type Flow = { id: string; name: string; unit: string; kind: 'product' | 'waste' | 'elementary' };

/** A unit process whose flows are measured in the named units (kg, MJ, kWh…), with those units' real groups. */
export function process(
  id: string,
  flows: Flow[],
  exchanges: Omit<Exchange, 'avoided' | 'id'>[],
  over: Partial<ProcessDataset['process']> = {},
): ProcessDataset {
  const props = new Set(flows.map((f) => namedUnit(f.unit)!.property.id));
  const { unitGroups, flowProperties } = dimensionsOf(props);
  return {
    type: 'process',
    process: {
      id,
      name: id,
      location: 'CN-GX',
      category: ['test'],
      exchanges: exchanges.map((e, i) => ({ avoided: false, id: String(i), ...e })),
      allocationFactors: [],
      source: 'test',
      provenance: { technology: 'grinding', referenceYear: 2024, publication: 'Plant report 2024' },
      ...over,
    },
    flows: flows.map((f) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      category: [],
      propertyId: namedUnit(f.unit)!.property.id,
      unit: f.unit,
    })),
    flowProperties,
    unitGroups,
  };
}
