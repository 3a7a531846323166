import type { Factor } from '../model/factor.ts';
import type { Exchange, Flow, LciDatabase, Process, UnitGroup } from '../model/lci.ts';
import type { Dataset, ProcessDataset } from './model.ts';

/**
 * What every step needs to know about a dataset whatever its type: its id, name, geography and
 * year, and the product it describes. Datasets of the same product are the ones that are compared
 * for plausibility and averaged together.
 */

export interface DatasetInfo {
  type: Dataset['type'];
  id: string;
  name: string;
  /** the product: a factor's series (its id without /region/year), a process's reference product flow */
  productKey: string;
  productName: string;
  region: string | undefined;
  year: number | undefined;
  /** what the dataset is per: a factor's perUnit, the reference flow's unit */
  perUnit: string;
}

/** `cn-electricity-footprint/CN-HI/2024` → `cn-electricity-footprint`; ids without the suffix are their own series. */
export function factorSeries(f: Pick<Factor, 'id' | 'region' | 'year'>): string {
  const suffix = `/${f.region}/${f.year}`;
  return f.id.endsWith(suffix) ? f.id.slice(0, -suffix.length) : f.id;
}

/** The unit group a flow of the dataset is measured in (through its flow property), if the dataset has both. */
export function unitGroupOf(d: ProcessDataset, flow: Pick<Flow, 'propertyId'>): UnitGroup | undefined {
  const property = d.flowProperties.find((p) => p.id === flow.propertyId);
  return property && d.unitGroups.find((g) => g.id === property.unitGroupId);
}

export function referenceExchange(p: Process): Exchange | undefined {
  return p.exchanges.find((e) => e.reference);
}

/** The year the process data represent: its documented reference year, else the year of validFrom. */
export function processYear(p: Process): number | undefined {
  if (p.provenance?.referenceYear !== undefined) return p.provenance.referenceYear;
  const y = Number(p.validFrom?.slice(0, 4));
  return Number.isInteger(y) && y > 1900 && y < 2100 ? y : undefined;
}

export function datasetInfo(d: Dataset): DatasetInfo {
  if (d.type === 'factor') {
    const f = d.factor;
    const series = factorSeries(f);
    return {
      type: 'factor',
      id: f.id,
      name: f.name,
      productKey: `factor:${series}`,
      productName: series,
      region: f.region,
      year: f.year,
      perUnit: f.perUnit,
    };
  }
  const p = d.process;
  const ref = referenceExchange(p);
  const flow = ref && d.flows.find((f) => f.id === ref.flowId);
  return {
    type: 'process',
    id: p.id,
    name: p.name,
    productKey: `process:${ref?.flowId ?? p.id}`,
    productName: flow?.name ?? p.name,
    region: p.location,
    year: processYear(p),
    perUnit: flow?.unit ?? '',
  };
}

/** One process of a database with exactly the flows, flow properties and unit groups it uses. */
export function processDataset(
  db: Pick<LciDatabase, 'flows' | 'flowProperties' | 'unitGroups'>,
  process: Process,
): ProcessDataset {
  const used = new Set(process.exchanges.map((e) => e.flowId));
  const flows: Flow[] = db.flows.filter((f) => used.has(f.id));
  const properties = new Set(flows.map((f) => f.propertyId));
  const flowProperties = db.flowProperties.filter((p) => properties.has(p.id));
  const groups = new Set(flowProperties.map((p) => p.unitGroupId));
  return { type: 'process', process, flows, flowProperties, unitGroups: db.unitGroups.filter((g) => groups.has(g.id)) };
}
