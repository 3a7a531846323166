import { messageText } from '../model/message.ts';
import { StudyInputSchema, type Study, type StudyMethod, type StudyResult } from '../model/study.ts';
import type { ComplianceStatus, RequirementId } from './iso14067.ts';
import { boundaryStages, isElectricity } from './inventory.ts';
import { BOUNDARY_TERMS, dqrLevel, METHOD_TERMS, STAGES, stageList, type Text } from './terms.ts';

/** One check per item of ISO14067_REPORT; each says what the study provides, then what is missing or doubtful. */

interface Verdict {
  status: ComplianceStatus;
  message: Text;
}

interface Finding {
  status: Exclude<ComplianceStatus, 'ok'>;
  message: Text;
}

const missing = (zh: string, en: string): Finding => ({ status: 'missing', message: { zh, en } });
const warning = (zh: string, en: string): Finding => ({ status: 'warning', message: { zh, en } });

/** `lead` states what the study provides, the findings follow; `ok` is said only when nothing was found. */
function verdict(findings: (Finding | false)[], ok: Text, lead?: Text): Verdict {
  const found = findings.filter((f): f is Finding => f !== false);
  const parts = [...(lead ? [lead] : []), ...(found.length ? found.map((f) => f.message) : [ok])];
  return {
    status: found.some((f) => f.status === 'missing') ? 'missing' : found.length ? 'warning' : 'ok',
    message: { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') },
  };
}

const blank = (s: string | undefined) => !s?.trim();
const num = (v: number) => Number(v.toPrecision(3)).toString();
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
/** relative, with an absolute floor so that sums of zeros compare equal */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 + 1e-6 * Math.max(Math.abs(a), Math.abs(b));

function names(items: { name: string }[]): string {
  const shown = items.slice(0, 5).map((i) => `"${i.name}"`);
  return items.length > 5 ? `${shown.join(', ')} (+${items.length - 5})` : shown.join(', ');
}

const GWP_SET: Record<StudyMethod, string> = { 'ipcc-ar6-gwp100': 'AR6', 'ipcc-ar5-gwp100': 'AR5' };

/** The schema's defaults: a study that keeps them has disclosed a choice without justifying it for its product. */
const DEFAULTS = {
  cutoff: StudyInputSchema.shape.cutoff.parse(undefined),
  allocation: StudyInputSchema.shape.allocation.parse(undefined),
  electricity: StudyInputSchema.shape.electricity.parse(undefined),
};

export const CHECKS: Record<RequirementId, (s: Study, r: StudyResult) => Verdict> = {
  unit(s) {
    const kind =
      s.unit.kind === 'functional'
        ? { zh: '功能单位', en: 'functional unit' }
        : { zh: '声明单位', en: 'declared unit' };
    return verdict(
      [
        blank(s.referenceFlow) && missing('未给出基准流', 'no reference flow'),
        blank(s.unit.description) &&
          warning('未描述该单位代表的功能或产品', 'the unit does not describe the function or product it stands for'),
      ],
      { zh: `基准流：${s.referenceFlow}`, en: `reference flow: ${s.referenceFlow}` },
      { zh: `${kind.zh} ${s.unit.amount} ${s.unit.unit}`, en: `${kind.en} ${s.unit.amount} ${s.unit.unit}` },
    );
  },

  boundary(s) {
    const { included, excluded } = boundaryStages(s);
    const outside = s.entries.filter((e) => excluded.includes(e.stage));
    const empty = included.filter((st) => !s.entries.some((e) => e.stage === st));
    const b = BOUNDARY_TERMS[s.boundary];
    return verdict(
      [
        outside.length > 0 &&
          warning(`边界外的阶段有条目：${names(outside)}`, `entries in stages outside the boundary: ${names(outside)}`),
        empty.length > 0 &&
          warning(
            `边界内的阶段没有条目，需在局限性中说明理由：${stageList(empty, 'zh')}`,
            `stages inside the boundary have no entries, justify this under limitations: ${stageList(empty, 'en')}`,
          ),
      ],
      { zh: '各阶段与边界一致', en: 'stages agree with the boundary' },
      {
        zh: `${b.zh}；包含：${stageList(included, 'zh')}；排除：${excluded.length ? stageList(excluded, 'zh') : '无'}`,
        en: `${b.en}; included: ${stageList(included, 'en')}; excluded: ${excluded.length ? stageList(excluded, 'en') : 'none'}`,
      },
    );
  },

  cutoff: (s) =>
    verdict([blank(s.cutoff) && missing('未说明取舍准则', 'no cut-off criteria stated')], {
      zh: '已说明',
      en: 'stated',
    }),

  allocation: (s) =>
    verdict([blank(s.allocation) && missing('未说明分配程序', 'no allocation procedure stated')], {
      zh: '已说明',
      en: 'stated',
    }),

  'time-period'(s, r) {
    const background = r.entries.filter((e) => e.provenance.type === 'factor' || e.provenance.type === 'process');
    const undated = background.filter((e) => e.provenance.year === undefined);
    const years = background.flatMap((e) => (e.provenance.year === undefined ? [] : [e.provenance.year]));
    const computedYear = Number.parseInt(r.computedAt, 10);
    return verdict(
      [
        undated.length > 0 &&
          warning(`背景数据集未注明年份：${names(undated)}`, `background datasets without a year: ${names(undated)}`),
        s.year > computedYear &&
          warning(`基准年 ${s.year} 晚于计算日期`, `reference year ${s.year} is after the calculation date`),
      ],
      years.length
        ? {
            zh: `背景数据年份 ${Math.min(...years)}–${Math.max(...years)}`,
            en: `background data from ${Math.min(...years)}–${Math.max(...years)}`,
          }
        : { zh: '无背景数据集', en: 'no background datasets' },
      { zh: `初级数据基准年 ${s.year}`, en: `reference year of the primary data ${s.year}` },
    );
  },

  'data-sources'(s, r) {
    const unsourced = r.entries.filter((e) => blank(messageText(e.provenance.source)));
    const noEvidence = s.entries.filter((e) => !e.evidence && e.source.type !== 'supplier');
    return verdict(
      [
        unsourced.length > 0 &&
          missing(`条目没有数据来源：${names(unsourced)}`, `entries without a data source: ${names(unsourced)}`),
        noEvidence.length > 0 &&
          warning(`活动数据没有证据：${names(noEvidence)}`, `activity amounts without evidence: ${names(noEvidence)}`),
      ],
      {
        zh: `全部 ${s.entries.length} 个条目均有来源和证据`,
        en: `all ${s.entries.length} entries have a source and evidence`,
      },
    );
  },

  releases(s, r) {
    const pinned = [s.releases.lci, s.releases.factors];
    const background = s.entries.filter((e) => e.source.type === 'background');
    const foreign = background.filter(
      (e) => e.source.type === 'background' && !pinned.includes(e.source.dataset.release),
    );
    const unreleased = r.entries.filter(
      (e) => (e.provenance.type === 'factor' || e.provenance.type === 'process') && blank(e.provenance.release),
    );
    return verdict(
      [
        (r.releases.lci !== s.releases.lci || r.releases.factors !== s.releases.factors) &&
          warning(
            `结果基于 ${r.releases.lci} / ${r.releases.factors} 计算，研究锁定的是 ${s.releases.lci} / ${s.releases.factors}`,
            `the result was computed on ${r.releases.lci} / ${r.releases.factors}, the study pins ${s.releases.lci} / ${s.releases.factors}`,
          ),
        foreign.length > 0 &&
          warning(
            `数据集不属于锁定的版本：${names(foreign)}`,
            `datasets outside the pinned releases: ${names(foreign)}`,
          ),
        unreleased.length > 0 &&
          missing(
            `背景数据集未注明版本：${names(unreleased)}`,
            `background datasets without a release: ${names(unreleased)}`,
          ),
      ],
      {
        zh: `${background.length} 个背景数据集均来自锁定的版本`,
        en: `all ${background.length} background datasets come from the pinned releases`,
      },
      {
        zh: `生命周期清单数据库 ${s.releases.lci}，因子库 ${s.releases.factors}`,
        en: `LCI release ${s.releases.lci}, factor release ${s.releases.factors}`,
      },
    );
  },

  gwp(s, r) {
    const set = GWP_SET[r.method];
    const other = r.entries.filter((e) => e.provenance.gwpSet !== undefined && !e.provenance.gwpSet.includes(set));
    return verdict(
      [
        blank(r.gwpSet) && missing('结果未注明 GWP 来源', 'the result names no GWP set'),
        r.method !== s.method &&
          warning(
            `研究要求 ${METHOD_TERMS[s.method].zh}，结果使用 ${METHOD_TERMS[r.method].zh}`,
            `the study asks for ${METHOD_TERMS[s.method].en}, the result used ${METHOD_TERMS[r.method].en}`,
          ),
        r.method === 'ipcc-ar5-gwp100' &&
          warning(
            '使用 AR5 数值：AR6 为 IPCC 最新评估，仅在 PCR 或项目要求时使用 AR5',
            'AR5 values: AR6 is the latest IPCC assessment, use AR5 only where a PCR or programme requires it',
          ),
        other.length > 0 &&
          warning(
            `数据集使用其他 GWP 集：${names(other)}`,
            `datasets characterised with another GWP set: ${names(other)}`,
          ),
      ],
      { zh: '所有数据集一致', en: 'consistent across all datasets' },
      { zh: `${METHOD_TERMS[r.method].zh}，${r.gwpSet}`, en: `${METHOD_TERMS[r.method].en}, ${r.gwpSet}` },
    );
  },

  'stage-results'(_s, r) {
    const stageSum = STAGES.reduce((t, st) => t + (r.byStage[st] ?? 0), 0);
    const off = STAGES.filter(
      (st) =>
        !close(
          r.byStage[st] ?? 0,
          r.entries.filter((e) => e.stage === st).reduce((t, e) => t + e.total, 0),
        ),
    );
    return verdict(
      [
        r.entries.length === 0 && missing('没有清单条目', 'the inventory is empty'),
        !close(stageSum, r.total) &&
          warning(
            `各阶段之和 ${num(stageSum)} 不等于总量 ${num(r.total)}`,
            `stages add up to ${num(stageSum)}, the total is ${num(r.total)}`,
          ),
        off.length > 0 &&
          warning(
            `阶段结果与其条目之和不符：${stageList(off, 'zh')}`,
            `stage results differ from the sum of their entries: ${stageList(off, 'en')}`,
          ),
      ],
      { zh: `各阶段之和等于总量 ${num(r.total)} kg CO2e`, en: `stages add up to the total of ${num(r.total)} kg CO2e` },
    );
  },

  'separate-lines'(_s, r) {
    const l = r.lines;
    const emissions = l.fossil + l.biogenic + l.landUseChange + l.aircraft;
    const entryRemovals = r.entries.reduce((t, e) => t + e.lines.biogenicRemovals, 0);
    return verdict(
      [
        !close(emissions, r.total) &&
          warning(
            `各类排放之和 ${num(emissions)} 不等于总量 ${num(r.total)}`,
            `the emission lines add up to ${num(emissions)}, the total is ${num(r.total)}`,
          ),
        l.biogenicRemovals > 0 && warning('生物源清除应为负值', 'biogenic removals must be negative'),
        !close(entryRemovals, l.biogenicRemovals) &&
          warning('生物源清除与各条目之和不符', 'biogenic removals differ from the sum of the entries'),
      ],
      {
        zh: `化石 ${num(l.fossil)}，生物源 ${num(l.biogenic)}，dLUC ${num(l.landUseChange)}，航空 ${num(l.aircraft)}；清除 ${num(l.biogenicRemovals)}（不抵扣）`,
        en: `fossil ${num(l.fossil)}, biogenic ${num(l.biogenic)}, dLUC ${num(l.landUseChange)}, aircraft ${num(l.aircraft)}; removals ${num(l.biogenicRemovals)} (not netted)`,
      },
    );
  },

  electricity(s, r) {
    const ids = new Set(s.entries.filter(isElectricity).map((e) => e.id));
    // the calculation refuses these factors; a result from before that rule, or from elsewhere, may still hold one
    const co2Only = r.entries.filter((e) => ids.has(e.entryId) && e.provenance.id?.startsWith('cn-electricity-co2'));
    return verdict(
      [
        ids.size > 0 &&
          blank(s.electricity) &&
          missing('使用了电力但未说明电力的处理方式', 'electricity is used but its treatment is not stated'),
        co2Only.length > 0 &&
          warning(
            `使用了仅含 CO2 的电网排放因子（用于组织核算，不适用于产品碳足迹）：${names(co2Only)}`,
            `CO2-only grid factors (for organisational inventories, not product footprints): ${names(co2Only)}`,
          ),
      ],
      ids.size
        ? { zh: `${ids.size} 个电力条目，处理方式已说明`, en: `${ids.size} electricity entries, treatment stated` }
        : { zh: '前景系统未使用电力', en: 'no electricity in the foreground' },
    );
  },

  'data-quality'(_s, r) {
    const valid = (v: number) => v >= 1 && v <= 5;
    const unrated = r.entries.filter((e) => !valid(e.dqr));
    return verdict(
      [
        !valid(r.dqr) && missing('没有总体数据质量评级', 'no overall data quality rating'),
        unrated.length > 0 &&
          missing(
            `条目没有数据质量评级：${names(unrated)}`,
            `entries without a data quality rating: ${names(unrated)}`,
          ),
        valid(r.dqr) &&
          r.dqr > 3 &&
          warning(
            '总体数据质量一般或较差，应改进热点条目的数据',
            'overall data quality is fair or poor: improve the data of the hotspots',
          ),
      ],
      { zh: '每个条目均有评级', en: 'every entry is rated' },
      {
        zh: `DQR ${r.dqr.toFixed(1)}（${dqrLevel(r.dqrLevel, 'zh')}）`,
        en: `DQR ${r.dqr.toFixed(1)} (${dqrLevel(r.dqrLevel, 'en')})`,
      },
    );
  },

  'primary-data'(_s, r) {
    const production = r.entries.filter((e) => e.stage === 'manufacturing');
    return verdict(
      [
        r.primaryDataShare === 0 && warning('没有初级数据', 'no primary data'),
        production.length > 0 &&
          !production.some((e) => e.primary) &&
          warning(
            '组织控制的生产阶段没有现场数据',
            'no site-specific data for the production stage the organisation controls',
          ),
      ],
      { zh: '生产阶段使用现场数据', en: 'the production stage uses site-specific data' },
      { zh: `初级数据占比 ${pct(r.primaryDataShare)}`, en: `primary data share ${pct(r.primaryDataShare)}` },
    );
  },

  uncertainty(_s, r) {
    const u = r.uncertainty;
    if (!u)
      return {
        status: 'missing',
        message: {
          zh: '未进行不确定性评价：请运行蒙特卡洛分析',
          en: 'uncertainty not assessed: run a Monte Carlo analysis',
        },
      };
    return verdict(
      [
        u.iterations < 1000 &&
          warning(
            `仅 ${u.iterations} 次迭代，至少需要 1000 次`,
            `only ${u.iterations} iterations, at least 1000 are needed`,
          ),
      ],
      { zh: `${u.iterations} 次迭代，随机种子 ${u.seed}`, en: `${u.iterations} iterations, seed ${u.seed}` },
      {
        zh: `95% 区间 ${num(u.p2_5)}–${num(u.p97_5)} kg CO2e`,
        en: `95% interval ${num(u.p2_5)}–${num(u.p97_5)} kg CO2e`,
      },
    );
  },

  limitations: (s) =>
    verdict([blank(s.limitations) && warning('未说明局限性', 'no limitations stated')], { zh: '已说明', en: 'stated' }),

  'value-choices'(s) {
    const kept = (['cutoff', 'allocation', 'electricity'] as const).filter((k) => s[k].trim() === DEFAULTS[k]);
    const label = {
      cutoff: { zh: '取舍准则', en: 'cut-off' },
      allocation: { zh: '分配', en: 'allocation' },
      electricity: { zh: '电力', en: 'electricity' },
    };
    return verdict(
      [
        kept.length > 0 &&
          warning(
            `沿用了默认文字，需确认适用于本产品并说明理由：${kept.map((k) => label[k].zh).join('、')}`,
            `default wording kept, confirm it fits this product and justify it: ${kept.map((k) => label[k].en).join(', ')}`,
          ),
      ],
      {
        zh: '边界、GWP 集、取舍、分配和电力的选择均已披露',
        en: 'boundary, GWP set, cut-off, allocation and electricity choices disclosed',
      },
    );
  },

  cfp(_s, r) {
    const h = r.headline;
    if (!h)
      return {
        status: 'missing',
        message: {
          zh: '结果没有产品碳足迹（排放与清除之和）：请重新计算',
          en: 'the result has no CFP (emissions and removals summed): calculate again',
        },
      };
    return verdict(
      [
        !close(h.emissions, r.total) &&
          warning(
            `排放 ${num(h.emissions)} 不等于总量 ${num(r.total)}`,
            `emissions ${num(h.emissions)} differ from the total ${num(r.total)}`,
          ),
        !close(h.removals.total, r.lines.biogenicRemovals) &&
          warning('清除与生物源清除类别不符', 'removals differ from the biogenic removals line'),
        !close(h.cfp, h.emissions + h.removals.total) &&
          missing('产品碳足迹不等于排放与清除之和', 'the CFP is not emissions plus removals'),
      ],
      { zh: '排放、清除与产品碳足迹一致', en: 'emissions, removals and the CFP agree' },
      {
        zh: `产品碳足迹 ${num(h.cfp)}（排放 ${num(h.emissions)}，生物源吸收 ${num(h.removals.biogenicUptake)}，土地管理清除 ${num(h.removals.landManagement)}）`,
        en: `CFP ${num(h.cfp)} (emissions ${num(h.emissions)}, biogenic uptake ${num(h.removals.biogenicUptake)}, land management removals ${num(h.removals.landManagement)})`,
      },
    );
  },

  sensitivity(_s, r) {
    const cases = r.sensitivity?.cases ?? [];
    if (!r.sensitivity)
      return {
        status: 'missing',
        message: { zh: '没有敏感性分析：请重新计算', en: 'no sensitivity analysis: calculate again' },
      };
    const defaults = cases.filter((c) => c.rangeBasis === 'default-spread');
    return verdict(
      [
        cases.length === 0 && missing('没有可变化的参数或关键条目', 'no parameters or key entries were varied'),
        defaults.length > 0 &&
          warning(
            `参数没有范围，按 ±10% 计：${names(defaults)}`,
            `parameters without a range, varied by ±10 %: ${names(defaults)}`,
          ),
      ],
      { zh: '每个输入都有范围依据', en: 'every input varied over a stated range' },
      { zh: `${cases.length} 个输入（单因素）`, en: `${cases.length} inputs, one at a time` },
    );
  },

  interpretation: (s) =>
    verdict([blank(s.conclusions) && missing('研究者未撰写结论', 'the practitioner has written no conclusions')], {
      zh: '已撰写结论',
      en: 'conclusions written',
    }),

  'ghg-list'(_s, r) {
    return verdict(
      [
        blank(r.gwpSet) &&
          missing(
            '结果未注明 GWP 表，无法列出考虑的温室气体',
            'the result names no GWP set: the gases considered cannot be listed',
          ),
      ],
      {
        zh: `按 ${r.gwpSet} 列出`,
        en: `listed with ${r.gwpSet}`,
      },
    );
  },

  result(s, r) {
    const studyIds = new Set(s.entries.map((e) => e.id));
    const resultIds = new Set(r.entries.map((e) => e.entryId));
    const changed = studyIds.size !== resultIds.size || [...studyIds].some((id) => !resultIds.has(id));
    return verdict(
      [
        r.studyId !== s.id && missing('结果属于另一项研究', 'the result belongs to another study'),
        r.version !== s.version &&
          warning(
            `结果由第 ${r.version} 版计算，研究当前为第 ${s.version} 版`,
            `the result was computed from version ${r.version}, the study is at version ${s.version}`,
          ),
        changed && warning('计算后清单条目已变化', 'the entries changed after the calculation'),
        r.warnings.length > 0 &&
          warning(
            `${r.warnings.length} 条计算警告（见局限性）`,
            `${r.warnings.length} calculation warnings (see limitations)`,
          ),
      ],
      { zh: '无计算警告', en: 'no calculation warnings' },
      { zh: `第 ${r.version} 版，计算于 ${r.computedAt}`, en: `version ${r.version}, computed ${r.computedAt}` },
    );
  },
};
