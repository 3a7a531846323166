import type { AllocationFactor, Exchange, Flow, LciDatabase, Process } from '../../src/model/lci.ts';

/** Small hand-made databases for known-answer tests, written the way a person reads a flow chart. */

const AIR = ['Elementary flows', 'air', 'unspecified'];

export const co2Fossil: Flow = {
  id: 'co2-fossil',
  name: 'Carbon dioxide, fossil',
  kind: 'elementary',
  cas: '124-38-9',
  formula: 'CO2',
  category: AIR,
  propertyId: 'mass',
  unit: 'kg',
};
export const co2Biogenic: Flow = {
  id: 'co2-bio',
  name: 'Carbon dioxide, biogenic',
  kind: 'elementary',
  cas: '124-38-9',
  formula: 'CO2',
  category: AIR,
  propertyId: 'mass',
  unit: 'kg',
};
export const co2InAir: Flow = {
  id: 'co2-in-air',
  name: 'Carbon dioxide, in air',
  kind: 'elementary',
  cas: '124-38-9',
  formula: 'CO2',
  category: ['Elementary flows', 'resource', 'in air'],
  propertyId: 'mass',
  unit: 'kg',
};
export const methaneFossil: Flow = {
  id: 'ch4-fossil',
  name: 'Methane, fossil',
  kind: 'elementary',
  cas: '74-82-8',
  formula: 'CH4',
  category: AIR,
  propertyId: 'mass',
  unit: 'kg',
};

export function product(id: string, unit = 'kg'): Flow {
  return { id, name: id, kind: 'product', category: [], propertyId: unit === 'kWh' ? 'energy' : 'mass', unit };
}

export function waste(id: string): Flow {
  return { id, name: id, kind: 'waste', category: [], propertyId: 'mass', unit: 'kg' };
}

let exchangeCounter = 0;
type Ex = Partial<Exchange> & { flow: Flow; amount: number };

function exchange(e: Ex, input: boolean): Exchange {
  const { flow, ...rest } = e;
  return { id: `x${++exchangeCounter}`, flowId: flow.id, input, avoided: false, reference: false, ...rest };
}

export const out = (flow: Flow, amount: number, extra: Partial<Exchange> = {}) =>
  exchange({ flow, amount, ...extra }, false);
export const inp = (flow: Flow, amount: number, extra: Partial<Exchange> = {}) =>
  exchange({ flow, amount, ...extra }, true);
export const ref = (flow: Flow, amount: number, input = false) => exchange({ flow, amount, reference: true }, input);

export function process(id: string, exchanges: Exchange[], extra: Partial<Process> = {}): Process {
  return { id, name: id, category: [], exchanges, allocationFactors: [], source: 'test', ...extra };
}

export function database(processes: Process[], flows: Flow[]): LciDatabase {
  return { name: 'test', origin: 'hand-made', processes, flows, unitGroups: [], flowProperties: [] };
}

export function factor(
  method: AllocationFactor['method'],
  productId: string,
  value: number,
  exchangeId?: string,
): AllocationFactor {
  return { method, productId, value, ...(exchangeId ? { exchangeId } : {}) };
}
