import type { Study, StudyResult } from '../model/study.ts';
import { CHECKS } from './iso14067-checks.ts';
import type { Text } from './terms.ts';

/**
 * What a CFP study report must contain (ISO 14067:2018 clause 7; GB/T 24067-2024 is its national
 * adoption and keeps the numbering), as data, and a check of a study and its result against it.
 * Items cite the clause (7.1, 7.2, 7.3), not the letter of its list: the letters have not been
 * checked against the published text here.
 */

export type ComplianceStatus = 'ok' | 'missing' | 'warning';

export type RequirementId =
  | 'unit'
  | 'boundary'
  | 'cutoff'
  | 'allocation'
  | 'time-period'
  | 'data-sources'
  | 'releases'
  | 'gwp'
  | 'stage-results'
  | 'separate-lines'
  | 'electricity'
  | 'data-quality'
  | 'primary-data'
  | 'uncertainty'
  | 'limitations'
  | 'value-choices'
  | 'result'
  | 'cfp'
  | 'sensitivity'
  | 'interpretation'
  | 'ghg-list';

export interface ReportRequirement {
  id: RequirementId;
  clause: string;
  title: Text;
  /** what in a study and its result satisfies the item */
  satisfiedBy: Text;
}

export interface ComplianceItem {
  id: RequirementId;
  clause: string;
  title: Text;
  status: ComplianceStatus;
  message: Text;
}

export const ISO14067_REPORT: readonly ReportRequirement[] = [
  {
    id: 'unit',
    clause: '7.3',
    title: { zh: '功能单位或声明单位及基准流', en: 'Functional or declared unit and reference flow' },
    satisfiedBy: {
      zh: '单位（数量、单位、说明）和基准流',
      en: 'the unit (amount, unit, description) and the reference flow',
    },
  },
  {
    id: 'boundary',
    clause: '7.3',
    title: { zh: '系统边界及包含和排除的生命周期阶段', en: 'System boundary, life cycle stages included and excluded' },
    satisfiedBy: {
      zh: '边界类型；边界内每个阶段都有条目，边界外没有条目',
      en: 'the boundary type; entries in every stage inside it and none outside',
    },
  },
  {
    id: 'cutoff',
    clause: '7.3',
    title: { zh: '取舍准则', en: 'Cut-off criteria' },
    satisfiedBy: { zh: '研究说明的取舍准则', en: "the study's stated cut-off criteria" },
  },
  {
    id: 'allocation',
    clause: '7.3',
    title: { zh: '分配程序', en: 'Allocation procedures' },
    satisfiedBy: { zh: '研究说明的分配程序', en: "the study's stated allocation procedures" },
  },
  {
    id: 'time-period',
    clause: '7.3',
    title: { zh: '数据的时间范围', en: 'Time period of the data' },
    satisfiedBy: {
      zh: '初级数据基准年及每个背景数据集的年份',
      en: 'the reference year of the primary data and the year of every background dataset',
    },
  },
  {
    id: 'data-sources',
    clause: '7.3',
    title: { zh: '数据收集与数据来源', en: 'Data collection and sources' },
    satisfiedBy: {
      zh: '每个条目的数据来源及活动数据证据',
      en: 'a source for every entry and evidence for its activity amount',
    },
  },
  {
    id: 'releases',
    clause: '7.3',
    title: { zh: '背景数据库版本', en: 'Background data releases' },
    satisfiedBy: {
      zh: '计算所用的版本与研究锁定的版本一致，每个背景数据集注明版本',
      en: 'the result computed on the releases the study pins, each background dataset naming its release',
    },
  },
  {
    id: 'gwp',
    clause: '7.3',
    title: { zh: 'GWP 值及时间范围', en: 'GWP values and time horizon' },
    satisfiedBy: {
      zh: 'IPCC GWP100（最新为 AR6），所有数据集使用同一套 GWP',
      en: 'IPCC GWP100 (AR6 the latest), the same GWP set in every dataset',
    },
  },
  {
    id: 'stage-results',
    clause: '7.3',
    title: { zh: '各生命周期阶段的温室气体排放和清除', en: 'GHG emissions and removals by life cycle stage' },
    satisfiedBy: { zh: '各阶段结果之和等于总量', en: 'stage results that add up to the total' },
  },
  {
    id: 'separate-lines',
    clause: '7.2',
    title: { zh: '单独记录的温室气体值', en: 'GHG values documented separately' },
    satisfiedBy: {
      zh: '化石源、生物源排放、直接土地利用变化、航空运输分别列出，相加等于总量；生物源清除单独列出，不抵扣总量',
      en: 'fossil, biogenic emissions, dLUC and aircraft apart and adding up to the total; biogenic removals apart and not netted',
    },
  },
  {
    id: 'electricity',
    clause: '7.3',
    title: { zh: '电力的处理', en: 'Treatment of electricity' },
    satisfiedBy: {
      zh: '说明电力因子的选择；使用生命周期碳足迹因子，不使用仅含 CO2 的电网排放因子',
      en: 'the stated choice of electricity factors; life-cycle factors, never CO2-only grid factors',
    },
  },
  {
    id: 'data-quality',
    clause: '7.3',
    title: { zh: '数据质量评价', en: 'Data quality assessment' },
    satisfiedBy: {
      zh: '每个条目及总体的数据质量评级（DQR），总体不劣于 3',
      en: 'a data quality rating (DQR) per entry and overall, overall 3 or better',
    },
  },
  {
    id: 'primary-data',
    clause: '7.3',
    title: { zh: '初级数据', en: 'Primary data' },
    satisfiedBy: {
      zh: '初级数据占比；组织控制的生产阶段使用现场数据',
      en: 'the primary data share; site-specific data for the production stage the organisation controls',
    },
  },
  {
    id: 'uncertainty',
    clause: '7.3',
    title: { zh: '不确定性评价', en: 'Uncertainty assessment' },
    satisfiedBy: { zh: '蒙特卡洛分析（至少 1000 次迭代）', en: 'a Monte Carlo analysis of at least 1000 iterations' },
  },
  {
    id: 'limitations',
    clause: '7.3',
    title: { zh: '局限性', en: 'Limitations' },
    satisfiedBy: { zh: '研究说明的局限性', en: "the study's stated limitations" },
  },
  {
    id: 'value-choices',
    clause: '7.3',
    title: { zh: '价值选择的披露与理由', en: 'Value choices disclosed and justified' },
    satisfiedBy: {
      zh: '取舍、分配和电力说明针对本产品撰写，而非沿用默认文字',
      en: 'cut-off, allocation and electricity statements written for this product, not the defaults',
    },
  },
  {
    id: 'cfp',
    clause: '7.2',
    title: { zh: '产品碳足迹（排放与清除之和）', en: 'CFP as the sum of emissions and removals' },
    satisfiedBy: {
      zh: '按 ISO 14067 3.1.1.1 给出的产品碳足迹，排放与清除（生物源吸收、土地管理）分别列出',
      en: 'the CFP of ISO 14067 3.1.1.1, with emissions and removals (biogenic uptake, land management) apart',
    },
  },
  {
    id: 'sensitivity',
    clause: '7.3',
    title: { zh: '敏感性分析', en: 'Sensitivity analysis' },
    satisfiedBy: {
      zh: '重要参数和关键条目的单因素敏感性分析',
      en: 'a one-at-a-time sensitivity analysis of the significant parameters and key entries',
    },
  },
  {
    id: 'interpretation',
    clause: '7.3',
    title: { zh: '解释与结论', en: 'Interpretation and conclusions' },
    satisfiedBy: {
      zh: '研究者撰写的结论，以及由结果得出的要点',
      en: "the practitioner's conclusions beside the findings derived from the results",
    },
  },
  {
    id: 'ghg-list',
    clause: '7.3',
    title: { zh: '考虑的温室气体', en: 'Greenhouse gases considered' },
    satisfiedBy: { zh: '温室气体清单及其 GWP 表', en: 'the list of greenhouse gases and their GWP table' },
  },
  {
    id: 'result',
    clause: '7.1',
    title: { zh: '结果与研究版本一致', en: 'Result matches the study version' },
    satisfiedBy: {
      zh: '结果由当前版本计算，且无计算警告',
      en: 'a result computed from the current version, without calculation warnings',
    },
  },
];

export function checkReport(study: Study, result: StudyResult): ComplianceItem[] {
  return ISO14067_REPORT.map((r) => ({ id: r.id, clause: r.clause, title: r.title, ...CHECKS[r.id](study, result) }));
}
