import type { Factor } from '../model/factor.ts';
import type { Flow, UnitGroup } from '../model/lci.ts';
import { getRegion, UnknownRegionError } from '../factors/regions.ts';
import { namedUnit } from '../formats/units.ts';
import { processYear, referenceExchange } from './datasets.ts';
import type { Dataset, FactorDataset, Issue, ProcessDataset, SubmissionMeta } from './model.ts';

/**
 * The checks a dataset must pass to be accepted at all: units that mean something and agree with
 * each other, and the metadata a background dataset cannot do without (geography, year,
 * technology, source; a licence when it is to be published as it is). A dataset that fails is
 * refused with every problem named by field; one that passes comes back normalised (a factor in
 * g CO2e is converted to kg CO2e, region names become codes) with a note of each change.
 */

export interface StructureCheck {
  dataset: Dataset;
  errors: Issue[];
  notes: string[];
}

const FIRST_YEAR = 1990;
const MASS_PREFIX: Record<string, number> = { kg: 1, g: 1e-3, t: 1e3 };
const UNIT_PATTERN = /^(kg|g|t)\s*(CO2e|CO2)\s*\/\s*(.+)$/;

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

export function checkStructure(dataset: Dataset, meta: SubmissionMeta, now = new Date()): StructureCheck {
  return dataset.type === 'factor' ? checkFactor(dataset, meta, now) : checkProcess(dataset, meta, now);
}

function checkYear(year: number | undefined, field: string, now: Date, errors: Issue[]) {
  if (year === undefined) errors.push({ field, message: 'the year the data represent is required' });
  else if (year < FIRST_YEAR || year > now.getUTCFullYear() + 1) errors.push({ field, message: `year ${year} is outside ${FIRST_YEAR}–${now.getUTCFullYear() + 1}` });
}

function checkFactor(d: FactorDataset, meta: SubmissionMeta, now: Date): StructureCheck {
  const errors: Issue[] = [];
  const notes: string[] = [];
  const f: Factor = { ...d.factor, source: { ...d.factor.source } };
  const err = (field: string, message: string) => errors.push({ field: `factor.${field}`, message });

  if (f.kind === 'gwp') err('kind', 'GWP values come from the IPCC tables, not from submissions');
  if (!Number.isFinite(f.value) || f.value <= 0) err('value', `a factor is a positive amount of greenhouse gas per unit, got ${f.value}; removals are entered in studies as their own kind`);
  if (!namedUnit(f.perUnit)) err('perUnit', `"${f.perUnit}" is not a known unit (e.g. kg, t, kWh, MJ, m3, Nm3, t*km)`);
  const unit = UNIT_PATTERN.exec(f.unit.trim());
  if (!unit) err('unit', `"${f.unit}" is not of the form "kg CO2e/<per unit>" (or g, t; CO2 or CO2e)`);
  else {
    const [, mass, gas, per] = unit;
    if (per.trim().toLowerCase() !== f.perUnit.trim().toLowerCase()) err('unit', `the unit is per ${per.trim()} but perUnit is ${f.perUnit}`);
    if (gas !== f.gases) err('gases', `the unit counts ${gas} but gases says ${f.gases}`);
    if (mass !== 'kg' && Number.isFinite(f.value)) {
      const value = f.value * MASS_PREFIX[mass];
      notes.push(`value converted from ${f.value} ${f.unit} to ${value} kg ${gas}/${f.perUnit}`);
      f.value = value;
      f.unit = `kg ${gas}/${f.perUnit}`;
    }
  }
  if (f.gases === 'CO2e' && !f.gwpSet) err('gwpSet', 'a CO2e factor must say which GWP values it used (AR4, AR5 or AR6)');
  if (f.kind === 'electricity-co2' && f.gases !== 'CO2') err('gases', 'an electricity-co2 factor is CO2 only; life-cycle CO2e factors are electricity-footprint');
  if (f.kind === 'electricity-footprint' && f.gases !== 'CO2e') err('gases', 'an electricity-footprint factor is a life-cycle CO2e factor');

  try {
    const region = getRegion(f.region);
    if (region.code !== f.region) notes.push(`region "${f.region}" read as ${region.code}`);
    f.id = f.id.endsWith(`/${f.region}/${f.year}`) ? `${f.id.slice(0, -`/${f.region}/${f.year}`.length)}/${region.code}/${f.year}` : f.id;
    f.region = region.code;
  } catch (e) {
    if (!(e instanceof UnknownRegionError)) throw e;
    err('region', e.message);
  }
  checkYear(f.year, 'factor.year', now, errors);
  if (!f.id.endsWith(`/${f.region}/${f.year}`)) err('id', `the id must end with /${f.region}/${f.year} (series/region/year), got "${f.id}"`);
  if (blank(f.technology)) err('technology', 'describe the technology the factor represents');
  if (blank(f.source.title)) err('source.title', 'name the source: the report, measurement campaign or monitoring plan');
  if (blank(f.source.publisher)) err('source.publisher', 'name who produced the data');
  if (meta.sharing === 'public' && blank(f.licence)) err('licence', 'a dataset to be published as it is needs a licence');
  if (f.status !== 'check') {
    notes.push(`status "${f.status}" set to "check" until the review approves the factor`);
    f.status = 'check';
  }
  return { dataset: { type: 'factor', factor: f }, errors, notes };
}

/** The unit groups a process's flows are measured in, each flow checked against its group. */
function unitGroupOf(d: ProcessDataset, flow: Flow): UnitGroup | undefined {
  const property = d.flowProperties.find((p) => p.id === flow.propertyId);
  return property && d.unitGroups.find((g) => g.id === property.unitGroupId);
}

function checkProcess(d: ProcessDataset, meta: SubmissionMeta, now: Date): StructureCheck {
  const errors: Issue[] = [];
  const notes: string[] = [];
  const p = d.process;
  const err = (field: string, message: string) => errors.push({ field: `process.${field}`, message });
  const flows = new Map(d.flows.map((f) => [f.id, f]));

  p.exchanges.forEach((e, i) => {
    const flow = flows.get(e.flowId);
    if (!flow) return err(`exchanges[${i}].flowId`, `flow ${e.flowId} is not among the dataset's flows`);
    const group = unitGroupOf(d, flow);
    if (!group) return err(`exchanges[${i}].flowId`, `flow "${flow.name}": its flow property ${flow.propertyId} or its unit group is missing`);
    if (!group.units.some((u) => u.name === flow.unit)) err(`exchanges[${i}].flowId`, `flow "${flow.name}" is measured in ${flow.unit}, which is not a unit of ${group.name}`);
    if (!Number.isFinite(e.amount) || e.amount < 0) err(`exchanges[${i}].amount`, `amount ${e.amount} of "${flow.name}": amounts are non-negative, the direction is in "input"`);
  });
  const references = p.exchanges.filter((e) => e.reference);
  const ref = referenceExchange(p);
  if (references.length !== 1) err('exchanges', `a unit process has exactly one quantitative reference, this one has ${references.length}`);
  else if (ref) {
    const flow = flows.get(ref.flowId);
    const ok = flow && ((flow.kind === 'product' && !ref.input) || (flow.kind === 'waste' && ref.input));
    if (!ok) err('exchanges', 'the quantitative reference must be a product output or a waste input');
    if (!(ref.amount > 0)) err('exchanges', `the reference amount must be positive, got ${ref.amount}`);
  }

  if (blank(p.location)) err('location', 'the geography is required (a province code such as CN-GD, CN, or another location code)');
  else {
    try {
      const region = getRegion(p.location!);
      if (region.code !== p.location) notes.push(`location "${p.location}" read as ${region.code}`);
      d = { ...d, process: { ...p, location: region.code } };
    } catch (e) {
      if (!(e instanceof UnknownRegionError)) throw e;
      notes.push(`location "${p.location}" is outside the China region hierarchy: no regional fallback applies to it`);
    }
  }
  checkYear(processYear(p), 'process.provenance.referenceYear', now, errors);
  if (blank(p.provenance?.technology)) err('provenance.technology', 'describe the technology the process represents');
  if (blank(p.provenance?.publication) && !p.provenance?.sources?.length && blank(p.provenance?.generator)) {
    err('provenance.publication', 'name the source: a publication, a source or the data generator');
  }
  if (meta.sharing === 'public' && blank(p.provenance?.licence)) err('provenance.licence', 'a dataset to be published as it is needs a licence');
  return { dataset: d, errors, notes };
}

/** Metadata a file upload supplies for the datasets that lack it. */
export interface MetadataDefaults {
  region?: string;
  year?: number;
  technology?: string;
  source?: string;
  licence?: string;
}

export function applyDefaults(d: Dataset, defaults: MetadataDefaults): Dataset {
  if (d.type === 'factor') {
    const f = d.factor;
    return {
      type: 'factor',
      factor: {
        ...f,
        technology: blank(f.technology) ? defaults.technology : f.technology,
        licence: blank(f.licence) && defaults.licence ? defaults.licence : f.licence,
        source: blank(f.source.title) && defaults.source ? { ...f.source, title: defaults.source } : f.source,
      },
    };
  }
  const p = d.process;
  const prov = p.provenance ?? {};
  const hasSource = !blank(prov.publication) || !!prov.sources?.length || !blank(prov.generator);
  return {
    ...d,
    process: {
      ...p,
      location: blank(p.location) ? defaults.region : p.location,
      provenance: {
        ...prov,
        referenceYear: processYear(p) ?? defaults.year,
        technology: blank(prov.technology) ? defaults.technology : prov.technology,
        publication: hasSource ? prov.publication : defaults.source,
        licence: blank(prov.licence) ? defaults.licence : prov.licence,
      },
    },
  };
}
