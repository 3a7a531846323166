import type { Factor } from '../model/factor.ts';
import type { CodedMessageData } from '../model/message.ts';
import { getRegion, UnknownRegionError } from '../factors/regions.ts';
import { namedUnit } from '../formats/units.ts';
import { processYear, referenceExchange, unitGroupOf } from './datasets.ts';
import { coded, type IssueCode, type ParamsOf } from '../i18n/cobuild.ts';
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
  notes: CodedMessageData[];
}

const FIRST_YEAR = 1990;
const MASS_PREFIX: Record<string, number> = { kg: 1, g: 1e-3, t: 1e3 };
const UNIT_PATTERN = /^(kg|g|t)\s*(CO2e|CO2)\s*\/\s*(.+)$/;

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

export function checkStructure(dataset: Dataset, meta: SubmissionMeta, now = new Date()): StructureCheck {
  return dataset.type === 'factor' ? checkFactor(dataset, meta, now) : checkProcess(dataset, meta, now);
}

/** Collects the issues of one part of a dataset, its field paths under `prefix`. */
function issues(prefix: string) {
  const errors: Issue[] = [];
  const err = <C extends IssueCode>(field: string, code: C, params: ParamsOf<C>) =>
    errors.push({ field: `${prefix}.${field}`, ...coded(code, params) });
  return { errors, err };
}

function checkYear(year: number | undefined, field: string, now: Date, errors: Issue[]) {
  if (year === undefined) errors.push({ field, ...coded('year.missing', {}) });
  else if (year < FIRST_YEAR || year > now.getUTCFullYear() + 1)
    errors.push({ field, ...coded('year.out-of-range', { year, first: FIRST_YEAR, last: now.getUTCFullYear() + 1 }) });
}

function checkFactor(d: FactorDataset, meta: SubmissionMeta, now: Date): StructureCheck {
  const { errors, err } = issues('factor');
  const notes: CodedMessageData[] = [];
  const f: Factor = { ...d.factor, source: { ...d.factor.source } };

  if (f.kind === 'gwp') err('kind', 'factor.gwp-kind', {});
  if (!Number.isFinite(f.value) || f.value <= 0) err('value', 'factor.value-not-positive', { value: f.value });
  if (!namedUnit(f.perUnit))
    err('perUnit', 'unit.unknown', { unit: f.perUnit, examples: 'kg, t, kWh, MJ, m3, Nm3, t*km' });
  const unit = UNIT_PATTERN.exec(f.unit.trim());
  if (!unit) err('unit', 'factor.unit-form', { unit: f.unit });
  else {
    const [, mass, gas, per] = unit;
    if (per.trim().toLowerCase() !== f.perUnit.trim().toLowerCase())
      err('unit', 'factor.unit-per-mismatch', { per: per.trim(), perUnit: f.perUnit });
    if (gas !== f.gases) err('gases', 'factor.unit-gas-mismatch', { gas, gases: f.gases });
    if (mass !== 'kg' && Number.isFinite(f.value)) {
      const value = f.value * MASS_PREFIX[mass];
      notes.push(
        coded('validation.value-converted', {
          value: f.value,
          unit: f.unit,
          converted: value,
          gas,
          perUnit: f.perUnit,
        }),
      );
      f.value = value;
      f.unit = `kg ${gas}/${f.perUnit}`;
    }
  }
  if (f.gases === 'CO2e' && !f.gwpSet) err('gwpSet', 'factor.gwp-set-missing', {});
  if (f.kind === 'electricity-co2' && f.gases !== 'CO2') err('gases', 'factor.electricity-co2-gases', {});
  if (f.kind === 'electricity-footprint' && f.gases !== 'CO2e') err('gases', 'factor.electricity-footprint-gases', {});

  try {
    const region = getRegion(f.region);
    if (region.code !== f.region) notes.push(coded('validation.region-read', { region: f.region, code: region.code }));
    f.id = f.id.endsWith(`/${f.region}/${f.year}`)
      ? `${f.id.slice(0, -`/${f.region}/${f.year}`.length)}/${region.code}/${f.year}`
      : f.id;
    f.region = region.code;
  } catch (e) {
    if (!(e instanceof UnknownRegionError)) throw e;
    err('region', 'region.unknown', { region: e.input });
  }
  checkYear(f.year, 'factor.year', now, errors);
  if (!f.id.endsWith(`/${f.region}/${f.year}`))
    err('id', 'factor.id-suffix', { suffix: `/${f.region}/${f.year}`, id: f.id });
  if (blank(f.technology)) err('technology', 'factor.technology-missing', {});
  if (blank(f.source.title)) err('source.title', 'factor.source-missing', {});
  if (blank(f.source.publisher)) err('source.publisher', 'factor.publisher-missing', {});
  if (meta.sharing === 'public' && blank(f.licence)) err('licence', 'licence.missing', {});
  if (f.status !== 'check') {
    notes.push(coded('validation.status-check', { status: f.status }));
    f.status = 'check';
  }
  return { dataset: { type: 'factor', factor: f }, errors, notes };
}

function checkProcess(d: ProcessDataset, meta: SubmissionMeta, now: Date): StructureCheck {
  const { errors, err } = issues('process');
  const notes: CodedMessageData[] = [];
  const p = d.process;
  const flows = new Map(d.flows.map((f) => [f.id, f]));

  p.exchanges.forEach((e, i) => {
    const flow = flows.get(e.flowId);
    if (!flow) return err(`exchanges[${i}].flowId`, 'exchange.flow-missing', { flowId: e.flowId });
    const group = unitGroupOf(d, flow);
    if (!group)
      return err(`exchanges[${i}].flowId`, 'exchange.unit-group-missing', {
        flow: flow.name,
        property: flow.propertyId,
      });
    if (!group.units.some((u) => u.name === flow.unit))
      err(`exchanges[${i}].flowId`, 'exchange.unit-not-in-group', {
        flow: flow.name,
        unit: flow.unit,
        group: group.name,
      });
    if (!Number.isFinite(e.amount) || e.amount < 0)
      err(`exchanges[${i}].amount`, 'exchange.amount-negative', { amount: e.amount, flow: flow.name });
  });
  const references = p.exchanges.filter((e) => e.reference);
  const ref = referenceExchange(p);
  if (references.length !== 1) err('exchanges', 'process.reference-count', { count: references.length });
  else if (ref) {
    const flow = flows.get(ref.flowId);
    const ok = flow && ((flow.kind === 'product' && !ref.input) || (flow.kind === 'waste' && ref.input));
    if (!ok) err('exchanges', 'process.reference-kind', {});
    if (!(ref.amount > 0)) err('exchanges', 'process.reference-amount', { amount: ref.amount });
  }

  if (blank(p.location)) err('location', 'process.location-missing', {});
  else {
    try {
      const region = getRegion(p.location!);
      if (region.code !== p.location)
        notes.push(coded('validation.location-read', { location: p.location!, code: region.code }));
      d = { ...d, process: { ...p, location: region.code } };
    } catch (e) {
      if (!(e instanceof UnknownRegionError)) throw e;
      notes.push(coded('validation.location-outside', { location: p.location! }));
    }
  }
  checkYear(processYear(p), 'process.provenance.referenceYear', now, errors);
  if (blank(p.provenance?.technology)) err('provenance.technology', 'process.technology-missing', {});
  if (blank(p.provenance?.publication) && !p.provenance?.sources?.length && blank(p.provenance?.generator))
    err('provenance.publication', 'process.source-missing', {});
  if (meta.sharing === 'public' && blank(p.provenance?.licence)) err('provenance.licence', 'licence.missing', {});
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
