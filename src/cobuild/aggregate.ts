import type { Factor } from '../model/factor.ts';
import type { Exchange, Flow, Pedigree, Process, Uncertainty } from '../model/lci.ts';
import { isVerified } from '../factors/integrity.ts';
import { getRegion, regionChain, UnknownRegionError } from '../factors/regions.ts';
import { namedUnit } from '../formats/units.ts';
import { DomainError } from '../model/errors.ts';
import { datasetInfo, referenceExchange } from './datasets.ts';
import { coded, listOf } from './errors.ts';
import type {
  AggregateStats,
  Dataset,
  ExchangeSpread,
  FactorDataset,
  ProcessDataset,
  ProductionVolume,
  SubmissionMeta,
  ValueSpread,
} from './model.ts';
import { aggregatePedigree, pefDqr, precisionScore, UNRATED } from './quality.ts';
import { weightedGsd, weightedMean, weightedSd, type Weighted } from './stats.ts';

/**
 * An industry or provincial average of several approved datasets of one product, each weighted
 * by the production volume it represents: a factor's value, or every exchange of a unit process
 * per unit of its product. The contributors' spread (min, max, standard deviation, GSD) becomes
 * the aggregate's uncertainty (lognormal with the spread's GSD, normal when a value is not
 * positive) and enters its data quality (see quality.ts). The members stay private: the
 * aggregate names how many there were, never who said what.
 */

export interface AggregateMember {
  submissionId: string;
  version: number;
  companyId: string;
  dataset: Dataset;
  meta: SubmissionMeta;
}

export interface AggregateOptions {
  /** the region the average stands for: a province, a grid region, CN */
  region: string;
  /** default: the newest member year */
  year?: number;
  /** default: the product and the region; never a member's own name, which may name its company */
  name?: string;
  nameZh?: string;
  /** the technology mix in words; default: how many producers' technologies it averages */
  technology?: string;
  licence: string;
  /** the whole market's production, for coverage */
  marketVolume?: ProductionVolume;
}

export interface AggregateResult {
  productKey: string;
  dataset: Dataset;
  stats: AggregateStats;
  /** the weights actually used, in stats.volumeUnit */
  weights: { submissionId: string; version: number; companyId: string; weight: number }[];
}

type AggregateIssue = ReturnType<typeof coded>;

/** Members that cannot be averaged together, every problem named (the details list them). */
export class AggregationError extends DomainError {
  constructor(readonly issues: AggregateIssue[]) {
    super(
      'invalid',
      'not-averageable',
      coded('cobuild.not-averageable', { issues: listOf(issues, 'cobuild.list.semicolon') }),
      issues,
    );
  }
}

const fmt = (x: number) => Number(x.toPrecision(4));

export function spreadOf(xs: readonly Weighted[]): ValueSpread {
  const mean = weightedMean(xs);
  const sd = weightedSd(xs);
  const values = xs.map((x) => x.value);
  return {
    mean,
    min: Math.min(...values),
    max: Math.max(...values),
    sd,
    cv: mean !== 0 ? sd / mean : 0,
    gsd: weightedGsd(xs),
  };
}

/** The uncertainty the spread implies: lognormal around the mean when every value is positive and they differ. */
export function uncertaintyOf(s: ValueSpread): Uncertainty | undefined {
  if (s.gsd !== undefined && s.gsd > 1) return { type: 'lognormal', gm: s.mean, gsd: s.gsd };
  if (s.sd > 0) return { type: 'normal', mean: s.mean, sd: s.sd };
  return undefined;
}

function pedigreeOf(d: Dataset): Pedigree {
  return d.type === 'factor' ? d.factor.dataQuality.pedigree : (d.process.provenance?.pedigree ?? UNRATED);
}

/** Weights in the first member's volume unit; every problem with the members, at once. */
function checkMembers(
  members: AggregateMember[],
  opts: AggregateOptions,
): { issues: AggregateIssue[]; weights: number[]; unit: string; region: string } {
  const issues: AggregateIssue[] = [];
  if (members.length === 0)
    return { issues: [coded('aggregate.none-chosen', {})], weights: [], unit: '', region: opts.region };
  const infos = members.map((m) => datasetInfo(m.dataset));
  const first = infos[0];
  let region = opts.region;
  try {
    region = getRegion(opts.region).code;
  } catch (e) {
    if (!(e instanceof UnknownRegionError)) throw e;
  }
  infos.forEach((info, i) => {
    const who = { id: members[i].submissionId, name: info.name };
    if (info.productKey !== first.productKey)
      issues.push(coded('aggregate.other-product', { ...who, product: info.productName, expected: first.productName }));
    if (info.perUnit !== first.perUnit)
      issues.push(coded('aggregate.other-unit', { ...who, perUnit: info.perUnit, expected: first.perUnit }));
    const d = members[i].dataset;
    if (d.type === 'factor' && first.type === 'factor') {
      const f0 = (members[0].dataset as FactorDataset).factor;
      if (d.factor.gases !== f0.gases || d.factor.gwpSet !== f0.gwpSet)
        issues.push(
          coded('aggregate.other-gases', {
            ...who,
            gases: `${d.factor.gases} ${d.factor.gwpSet ?? ''}`.trim(),
            expected: `${f0.gases} ${f0.gwpSet ?? ''}`.trim(),
          }),
        );
    }
    const inside = info.region !== undefined && (info.region === region || chainOf(info.region).includes(region));
    if (!inside)
      issues.push(
        coded('aggregate.outside-region', {
          ...who,
          region: info.region ?? coded('aggregate.no-region', {}),
          target: region,
        }),
      );
  });
  const unit = members[0].meta.productionVolume?.unit ?? '';
  const base = namedUnit(unit);
  const weights = members.map((m, i) => {
    const v = m.meta.productionVolume;
    if (!v) {
      issues.push(coded('aggregate.no-volume', { id: m.submissionId, name: infos[i].name }));
      return 0;
    }
    const u = namedUnit(v.unit);
    if (!u || !base || u.referenceUnit !== base.referenceUnit) {
      issues.push(coded('aggregate.volume-unit', { id: m.submissionId, unit: v.unit, expected: unit }));
      return 0;
    }
    return (v.amount * u.factor) / base.factor;
  });
  if (opts.marketVolume) {
    const u = namedUnit(opts.marketVolume.unit);
    if (!u || !base || u.referenceUnit !== base.referenceUnit)
      issues.push(coded('aggregate.market-unit', { unit: opts.marketVolume.unit, expected: unit }));
  }
  return { issues, weights, unit, region };
}

function chainOf(code: string): string[] {
  try {
    return regionChain(code).map((r) => r.code);
  } catch (e) {
    if (e instanceof UnknownRegionError) return [code];
    throw e;
  }
}

function regionName(code: string): string {
  try {
    const r = getRegion(code);
    return r.nameEn;
  } catch {
    return code;
  }
}

export function aggregate(members: AggregateMember[], opts: AggregateOptions): AggregateResult {
  const { issues, weights, unit, region } = checkMembers(members, opts);
  if (issues.length) throw new AggregationError(issues);
  const infos = members.map((m) => datasetInfo(m.dataset));
  const year = opts.year ?? Math.max(...infos.map((i) => i.year ?? 0));
  const totalVolume = weights.reduce((s, w) => s + w, 0);
  const market =
    opts.marketVolume &&
    (opts.marketVolume.amount * namedUnit(opts.marketVolume.unit)!.factor) / namedUnit(unit)!.factor;
  const contributors = new Set(members.map((m) => m.companyId)).size;
  const base = {
    contributors,
    datasets: members.length,
    totalVolume,
    volumeUnit: unit,
    coverage: market ? totalVolume / market : undefined,
  };
  const quality = (precision: number) => {
    const pedigree = aggregatePedigree(
      members.map((m, i) => ({ pedigree: pedigreeOf(m.dataset), weight: weights[i] })),
      precision,
      contributors,
      base.coverage,
    );
    return { pedigree, dqr: pefDqr(pedigree) };
  };
  const result =
    members[0].dataset.type === 'factor'
      ? factorAggregate(members, weights, opts, region, year, base, quality)
      : processAggregate(members, weights, opts, region, year, base, quality);
  return {
    productKey: infos[0].productKey,
    ...result,
    weights: members.map((m, i) => ({
      submissionId: m.submissionId,
      version: m.version,
      companyId: m.companyId,
      weight: weights[i],
    })),
  };
}

type Base = Pick<AggregateStats, 'contributors' | 'datasets' | 'totalVolume' | 'volumeUnit' | 'coverage'>;
type Quality = (precision: number) => { pedigree: Pedigree; dqr: number };

function mixOf(base: Base): string {
  return `Production-weighted mix of the technologies of ${base.contributors} producer${base.contributors === 1 ? '' : 's'}`;
}

function describe(base: Base, s: ValueSpread | undefined): string {
  const parts = [
    `production-weighted average of ${base.datasets} dataset${base.datasets === 1 ? '' : 's'} from ${base.contributors} organisation${base.contributors === 1 ? '' : 's'}`,
    `total ${fmt(base.totalVolume)} ${base.volumeUnit}`,
  ];
  if (base.coverage !== undefined) parts.push(`${fmt(base.coverage * 100)} % of the market`);
  if (s)
    parts.push(
      `spread min ${fmt(s.min)}, max ${fmt(s.max)}, sd ${fmt(s.sd)} (CV ${fmt(s.cv * 100)} %${s.gsd !== undefined ? `, GSD ${fmt(s.gsd)}` : ''})`,
    );
  return parts.join('; ');
}

function factorAggregate(
  members: AggregateMember[],
  weights: number[],
  opts: AggregateOptions,
  region: string,
  year: number,
  base: Base,
  quality: Quality,
) {
  const factors = members.map((m) => (m.dataset as FactorDataset).factor);
  const f0 = factors[0];
  const spread = spreadOf(factors.map((f, i) => ({ value: f.value, weight: weights[i] })));
  const { pedigree, dqr } = quality(precisionScore(spread));
  const series = datasetInfo(members[0].dataset).productName;
  const description = describe(base, spread);
  const factor: Factor = {
    id: `${series}/${region}/${year}`,
    kind: f0.kind,
    name: opts.name ?? `${series}, ${regionName(region)} production-weighted average ${year}`,
    nameZh: opts.nameZh,
    perUnit: f0.perUnit,
    value: spread.mean,
    unit: f0.unit,
    gases: f0.gases,
    gwpSet: f0.gwpSet,
    region,
    year,
    technology: opts.technology ?? mixOf(base),
    source: {
      title: `Tanji co-constructed average of ${series}, ${region} ${year}`,
      publisher: `Tanji background database stewards, from ${base.contributors} contributing organisations`,
    },
    dataQuality: { pedigree, dqr, comment: `${description}. Contributors' primary data stay confidential.` },
    licence: opts.licence,
    status: 'derived',
    // the members are confidential submissions: named by submission and version, not by their factor ids
    derivedFrom: members.map((m) => `submission ${m.submissionId} v${m.version}`),
    unverifiedInputs: members
      .filter((_, i) => !isVerified(factors[i]))
      .map((m) => `submission ${m.submissionId} v${m.version}`),
    method: `Σ wᵢ·xᵢ / Σ wᵢ over ${base.datasets} reviewed datasets, wᵢ the annual production volume (${base.volumeUnit}); uncertainty lognormal with the weighted GSD of the values; ${description}`,
  };
  const uncertainty = uncertaintyOf(spread);
  return {
    dataset: { type: 'factor' as const, factor },
    stats: { ...base, value: spread, uncertainty, pedigree, dqr },
  };
}

function processAggregate(
  members: AggregateMember[],
  weights: number[],
  opts: AggregateOptions,
  region: string,
  year: number,
  base: Base,
  quality: Quality,
) {
  const datasets = members.map((m) => m.dataset as ProcessDataset);
  const flows = new Map<string, Flow>();
  const properties = new Map(datasets.flatMap((d) => d.flowProperties).map((p) => [p.id, p]));
  const groups = new Map(datasets.flatMap((d) => d.unitGroups).map((g) => [g.id, g]));
  for (const d of datasets) for (const f of d.flows) if (!flows.has(f.id)) flows.set(f.id, f);
  const ref0 = referenceExchange(datasets[0].process)!;

  // every exchange per unit of product; a member without the exchange contributes zero
  const keys = new Map<
    string,
    { flowId: string; input: boolean; avoided: boolean; providers: Set<string | undefined> }
  >();
  const amounts = datasets.map((d) => {
    const ref = referenceExchange(d.process)!;
    const per = new Map<string, number>();
    for (const e of d.process.exchanges) {
      if (e === ref) continue;
      const key = `${e.input ? 'in' : 'out'}${e.avoided ? ':avoided' : ''}:${e.flowId}`;
      per.set(key, (per.get(key) ?? 0) + e.amount / ref.amount);
      const k = keys.get(key) ?? { flowId: e.flowId, input: e.input, avoided: e.avoided, providers: new Set() };
      k.providers.add(e.providerId);
      keys.set(key, k);
    }
    return per;
  });
  const spreads: ExchangeSpread[] = [];
  const exchanges: Exchange[] = [
    { id: 'reference', flowId: ref0.flowId, amount: 1, input: ref0.input, avoided: false, reference: true },
  ];
  for (const [key, k] of keys) {
    const spread = spreadOf(amounts.map((a, i) => ({ value: a.get(key) ?? 0, weight: weights[i] })));
    const flow = flows.get(k.flowId)!;
    spreads.push({ ...spread, flowId: k.flowId, name: flow.name, input: k.input, unit: flow.unit });
    const provider = k.providers.size === 1 ? [...k.providers][0] : undefined;
    exchanges.push({
      id: key,
      flowId: k.flowId,
      amount: spread.mean,
      input: k.input,
      avoided: k.avoided,
      reference: false,
      providerId: provider,
      uncertainty: uncertaintyOf(spread),
    });
  }
  // exchanges in different units cannot be pooled into one spread: precision is the median exchange's
  const scores = spreads.map(precisionScore).sort((a, b) => a - b);
  const { pedigree, dqr } = quality(scores.length ? scores[scores.length >> 1] : 1);
  for (const e of exchanges) if (!e.reference) e.pedigree = pedigree;
  const productName = datasetInfo(datasets[0]).productName;
  const p0 = datasets[0].process;
  const description = describe(base, undefined);
  const process: Process = {
    id: `cobuild-average/${ref0.flowId}/${region}/${year}`,
    name: opts.name ?? `${productName}, ${regionName(region)} production-weighted average ${year}`,
    location: region,
    category: p0.category,
    description: `${description}. Exchanges per unit of product; each exchange's uncertainty is the spread of the contributors' values. Contributors' primary data stay confidential.`,
    validFrom: `${year}-01-01`,
    validUntil: `${year}-12-31`,
    exchanges,
    allocationFactors: [],
    stage: p0.stage,
    source: `tanji-cobuild:${productName}`,
    provenance: {
      publication: `Tanji co-constructed average of ${productName}, ${region} ${year}`,
      generator: `Tanji background database stewards, from ${base.contributors} contributing organisations`,
      technology: opts.technology ?? mixOf(base),
      geography: regionName(region),
      referenceYear: year,
      licence: opts.licence,
      pedigree,
      dqr,
    },
  };
  const used = new Set(exchanges.map((e) => e.flowId));
  const flowList = [...flows.values()].filter((f) => used.has(f.id));
  const propertyList = [...new Set(flowList.map((f) => f.propertyId))].map((id) => properties.get(id)!).filter(Boolean);
  const groupList = [...new Set(propertyList.map((p) => p.unitGroupId))].map((id) => groups.get(id)!).filter(Boolean);
  const dataset: ProcessDataset = {
    type: 'process',
    process,
    flows: flowList,
    flowProperties: propertyList,
    unitGroups: groupList,
  };
  return { dataset, stats: { ...base, exchanges: spreads, pedigree, dqr } };
}
