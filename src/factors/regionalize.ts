import type { Factor } from '../model/factor.ts';
import type { Exchange, Flow, FlowProperty, LciDatabase, Process, Uncertainty, UnitGroup } from '../model/lci.ts';
import { lookupFactor } from './lookup.ts';
import { getRegion } from './regions.ts';
import { seedFactors } from './seed.ts';
import { messageText } from '../model/message.ts';

/**
 * Regionalisation: province-specific variants of generic processes.
 *
 * For each process P and region R, a copy `P@R` (location R) is added whose electricity inputs
 * come from `electricity-market@R`, a market process created once per region. Everything else
 * in the copy — other exchanges, their providers, allocation, ids of exchanges — is unchanged,
 * and the input database is not modified.
 *
 * Electricity inputs are the product inputs whose flow is listed in `electricityFlowIds`, or,
 * when none are listed, whose flow name matches /electricity/i with unit kWh or MJ. They are
 * moved to one Tanji electricity flow in kWh (MJ ÷ 3.6; the original amount and unit are kept on
 * the exchange for audit, uncertainty is rescaled) so that one market per region serves every
 * process, and they name the market as provider so linking cannot pick another one.
 *
 * The market process makes 1 kWh and emits, as "Carbon dioxide, fossil" to air, as many kg as
 * the region's life-cycle electricity footprint factor in kg CO2e/kWh (lookupFactor with purpose
 * product-footprint, so the region chain applies, and with the provincial Tanji estimates chosen
 * over the official national factor unless `preferEstimates` is false). The engine
 * characterises elementary flows, not CO2e totals, so the CO2e is carried by CO2 (GWP 1); this
 * proxy is stated in the market's description. It puts the whole footprint on the fossil line,
 * which is right for the fossil-dominated share and slightly wrong for biogenic CH4 of biomass.
 *
 * Originals stay the preferred provider for everyone else: a copy's id sorts after the
 * original's, and linking without a named provider prefers the same location, then the lowest id.
 * The same rule links copies to each other: when a product and its supplier are both
 * regionalised for a province, the province's copy consumes the province's supplier copy.
 */

export interface RegionalizeOptions {
  /** flows to treat as electricity; by default detected by name and unit */
  electricityFlowIds?: string[];
  /** factor set to take the electricity footprint from; default the seed factors */
  factors?: Factor[];
  /** footprint year; default the latest national electricity footprint year */
  year?: number;
  /**
   * take a province's Tanji estimate over the official national factor (default true: asking for
   * a province's variant is choosing its estimate; each market's description says it was chosen)
   */
  preferEstimates?: boolean;
}

export const ELECTRICITY_FLOW_ID = 'tanji-electricity-grid-mix';
const ENERGY_PROPERTY_ID = 'tanji-electrical-energy';
const ENERGY_UNITS_ID = 'tanji-electrical-energy-units';
const MASS_PROPERTY_ID = 'tanji-mass';
const MASS_UNITS_ID = 'tanji-mass-units';
const CO2_FLOW_ID = 'tanji-carbon-dioxide-fossil-air';
const MJ_PER_KWH = 3.6;

export function marketId(region: string): string {
  return `electricity-market@${region}`;
}

function isElectricity(flow: Flow, ids: Set<string> | undefined): boolean {
  if (flow.kind !== 'product') return false;
  if (ids) return ids.has(flow.id);
  return /electricity/i.test(flow.name) && /^(kwh|mj)$/i.test(flow.unit);
}

function kwhPer(flow: Flow): number {
  return /^mj$/i.test(flow.unit) ? 1 / MJ_PER_KWH : 1;
}

function scaleUncertainty(u: Uncertainty | undefined, k: number): Uncertainty | undefined {
  if (!u || k === 1) return u;
  switch (u.type) {
    case 'lognormal':
      return { ...u, gm: u.gm * k };
    case 'normal':
      return { ...u, mean: u.mean * k, sd: u.sd * k };
    case 'triangular':
      return { ...u, min: u.min * k, mode: u.mode * k, max: u.max * k };
    case 'uniform':
      return { ...u, min: u.min * k, max: u.max * k };
  }
}

/** The unit groups, properties and flows a market needs, reusing the database's own CO2 flow when it has one. */
function supportData(db: LciDatabase): {
  flows: Flow[];
  properties: FlowProperty[];
  unitGroups: UnitGroup[];
  co2FlowId: string;
} {
  const flows: Flow[] = [];
  const properties: FlowProperty[] = [];
  const unitGroups: UnitGroup[] = [];
  const hasFlow = (id: string) => db.flows.some((f) => f.id === id);
  if (!hasFlow(ELECTRICITY_FLOW_ID)) {
    unitGroups.push({
      id: ENERGY_UNITS_ID,
      name: 'Units of electrical energy (Tanji)',
      referenceUnit: 'kWh',
      units: [
        { id: 'tanji-kwh', name: 'kWh', factor: 1 },
        { id: 'tanji-mj', name: 'MJ', factor: 1 / MJ_PER_KWH },
      ],
    });
    properties.push({ id: ENERGY_PROPERTY_ID, name: 'Electrical energy (Tanji)', unitGroupId: ENERGY_UNITS_ID });
    flows.push({
      id: ELECTRICITY_FLOW_ID,
      name: 'Electricity, grid mix, at consumer (Tanji regional market)',
      kind: 'product',
      category: ['Tanji', 'Electricity'],
      propertyId: ENERGY_PROPERTY_ID,
      unit: 'kWh',
    });
  }
  // only fossil CO2 to air in general: a stratosphere flow would land on the aircraft line
  const existingCo2 = db.flows.find(
    (f) =>
      f.kind === 'elementary' &&
      /^carbon dioxide, fossil$/i.test(f.name.trim()) &&
      f.unit === 'kg' &&
      /^air$/i.test(f.category.at(-2) ?? '') &&
      /^(unspecified|fossil)$/i.test(f.category.at(-1) ?? ''),
  );
  if (!existingCo2 && !hasFlow(CO2_FLOW_ID)) {
    unitGroups.push({
      id: MASS_UNITS_ID,
      name: 'Units of mass (Tanji)',
      referenceUnit: 'kg',
      units: [{ id: 'tanji-kg', name: 'kg', factor: 1 }],
    });
    properties.push({ id: MASS_PROPERTY_ID, name: 'Mass (Tanji)', unitGroupId: MASS_UNITS_ID });
    flows.push({
      id: CO2_FLOW_ID,
      name: 'Carbon dioxide, fossil',
      kind: 'elementary',
      cas: '124-38-9',
      formula: 'CO2',
      category: ['Elementary flows', 'air', 'unspecified'],
      propertyId: MASS_PROPERTY_ID,
      unit: 'kg',
    });
  }
  return { flows, properties, unitGroups, co2FlowId: existingCo2?.id ?? CO2_FLOW_ID };
}

function marketProcess(
  region: string,
  factors: Factor[],
  year: number | undefined,
  co2FlowId: string,
  preferEstimates: boolean,
): Process {
  const r = getRegion(region);
  const m = lookupFactor(factors, {
    kind: 'electricity-footprint',
    region: r.code,
    year,
    purpose: 'product-footprint',
    preferEstimates,
  });
  const f = m.factor;
  return {
    id: marketId(r.code),
    name: `Electricity, grid mix, at consumer, ${r.nameEn} (${r.nameZh})`,
    location: r.code,
    category: ['Tanji', 'Electricity markets'],
    description:
      `Regional electricity market made by Tanji from factor ${f.id} (${f.value} ${f.unit}, status ${f.status}, ` +
      `answered at ${m.level} level by ${m.resolvedRegion}). The life-cycle footprint in kg CO2e is written as kg of ` +
      `"Carbon dioxide, fossil" to air, a CO2e proxy (GWP 1) so the engine characterises it as it is. ` +
      `Source: ${f.source.title}, ${f.source.publisher}.${f.method ? ` Method: ${f.method}` : ''} ${m.notes.map(messageText).join(' ')}`.trim(),
    exchanges: [
      { id: 'electricity', flowId: ELECTRICITY_FLOW_ID, amount: 1, input: false, avoided: false, reference: true },
      { id: 'co2e-as-co2', flowId: co2FlowId, amount: f.value, input: false, avoided: false, reference: false },
    ],
    allocationFactors: [],
    source: `tanji:${f.id}`,
  };
}

function regionalCopy(p: Process, region: string, flows: Map<string, Flow>, ids: Set<string> | undefined): Process {
  const moved = new Map<string, string>(); // old electricity flow id → new, for causal allocation factors
  const exchanges = p.exchanges.map((e): Exchange => {
    const flow = flows.get(e.flowId);
    if (!flow || !e.input || e.avoided || !isElectricity(flow, ids)) return { ...e };
    const k = kwhPer(flow);
    moved.set(flow.id, ELECTRICITY_FLOW_ID);
    return {
      ...e,
      flowId: ELECTRICITY_FLOW_ID,
      amount: e.amount * k,
      providerId: marketId(region),
      originalAmount: e.originalAmount ?? e.amount,
      originalUnit: e.originalUnit ?? flow.unit,
      uncertainty: scaleUncertainty(e.uncertainty, k),
    };
  });
  if (moved.size === 0) {
    throw new Error(
      `process ${p.id} "${p.name}" has no electricity input (product flow named /electricity/i in kWh or MJ); ` +
        `pass options.electricityFlowIds to name the electricity flows`,
    );
  }
  return {
    ...p,
    id: `${p.id}@${region}`,
    location: region,
    description: `${p.description ? `${p.description}\n\n` : ''}Regionalised by Tanji for ${region}: electricity inputs from ${marketId(region)}.`,
    exchanges,
    allocationFactors: p.allocationFactors.map((a) =>
      a.exchangeId && moved.has(a.exchangeId) ? { ...a, exchangeId: moved.get(a.exchangeId) } : { ...a },
    ),
  };
}

export function regionalize(
  db: LciDatabase,
  processIds: string[],
  regions: string[],
  options: RegionalizeOptions = {},
): LciDatabase {
  const byId = new Map(db.processes.map((p) => [p.id, p]));
  const missing = processIds.filter((id) => !byId.has(id));
  if (missing.length) throw new Error(`regionalize: no process with id ${missing.join(', ')} in ${db.name}`);
  const codes = [...new Set(regions.map((r) => getRegion(r).code))];
  const factors = options.factors ?? seedFactors();
  const ids = options.electricityFlowIds ? new Set(options.electricityFlowIds) : undefined;
  const support = supportData(db);
  const flows = new Map([...db.flows, ...support.flows].map((f) => [f.id, f]));
  const added: Process[] = [];
  for (const code of codes) {
    if (!byId.has(marketId(code)))
      added.push(marketProcess(code, factors, options.year, support.co2FlowId, options.preferEstimates ?? true));
    for (const id of processIds) {
      const copy = regionalCopy(byId.get(id)!, code, flows, ids);
      if (byId.has(copy.id)) throw new Error(`regionalize: ${copy.id} already exists in ${db.name}`);
      added.push(copy);
    }
  }
  return {
    ...db,
    flows: [...db.flows, ...support.flows],
    flowProperties: [...db.flowProperties, ...support.properties],
    unitGroups: [...db.unitGroups, ...support.unitGroups],
    processes: [...db.processes, ...added],
  };
}
