import { LifeCycleStageSchema, type LifeCycleStage } from '../model/lci.ts';
import type { GhgLine } from '../model/method.ts';
import type { EntryKind, EvidenceType, StudyMethod, SystemBoundary } from '../model/study.ts';

/** Terms of ISO 14067 / GB/T 24067 in both languages, shared by the checks and the report so both name things alike. */

export interface Text {
  zh: string;
  en: string;
}

/** Life cycle order, as the model declares it. */
export const STAGES: readonly LifeCycleStage[] = LifeCycleStageSchema.options;

export const STAGE_TERMS: Record<LifeCycleStage, Text> = {
  'raw-materials': { zh: '原材料获取', en: 'Raw material acquisition' },
  manufacturing: { zh: '生产制造', en: 'Production' },
  distribution: { zh: '分销运输', en: 'Distribution' },
  use: { zh: '使用', en: 'Use' },
  'end-of-life': { zh: '生命末期', en: 'End of life' },
};

export const BOUNDARY_TERMS: Record<SystemBoundary, Text> = {
  'cradle-to-gate': { zh: '从摇篮到大门（部分碳足迹）', en: 'Cradle to gate (partial CFP)' },
  'cradle-to-grave': { zh: '从摇篮到坟墓', en: 'Cradle to grave' },
};

export const METHOD_TERMS: Record<StudyMethod, Text> = {
  'ipcc-ar6-gwp100': { zh: 'IPCC AR6 GWP100（100 年时间范围）', en: 'IPCC AR6 GWP100 (100-year time horizon)' },
  'ipcc-ar5-gwp100': { zh: 'IPCC AR5 GWP100（100 年时间范围）', en: 'IPCC AR5 GWP100 (100-year time horizon)' },
};

/** Order of the separately reported lines; removals last because they stay out of the total. */
export const LINES: readonly GhgLine[] = ['fossil', 'biogenic', 'landUseChange', 'aircraft', 'biogenicRemovals'];

export const LINE_TERMS: Record<GhgLine, Text> = {
  fossil: { zh: '化石源温室气体排放', en: 'Fossil GHG emissions' },
  biogenic: { zh: '生物源温室气体排放', en: 'Biogenic GHG emissions' },
  landUseChange: { zh: '直接土地利用变化（dLUC）', en: 'Direct land use change (dLUC)' },
  aircraft: { zh: '航空运输排放', en: 'Aircraft emissions' },
  biogenicRemovals: { zh: '生物源温室气体清除', en: 'Biogenic GHG removals' },
};

export const KIND_TERMS: Record<EntryKind, Text> = {
  material: { zh: '材料', en: 'Material' },
  energy: { zh: '能源', en: 'Energy' },
  transport: { zh: '运输', en: 'Transport' },
  waste: { zh: '废弃物', en: 'Waste' },
  emission: { zh: '直接排放', en: 'Direct emission' },
  removal: { zh: '清除', en: 'Removal' },
};

export const EVIDENCE_TERMS: Record<EvidenceType, Text> = {
  'meter-reading': { zh: '计量表读数', en: 'Meter reading' },
  invoice: { zh: '发票', en: 'Invoice' },
  'supplier-statement': { zh: '供应商声明', en: 'Supplier statement' },
  measurement: { zh: '实测', en: 'Measurement' },
  calculation: { zh: '计算', en: 'Calculation' },
  literature: { zh: '文献', en: 'Literature' },
  estimate: { zh: '估算', en: 'Estimate' },
};

/** PEF data quality levels as src/engine/uncertainty.ts names them */
const DQR_LEVEL_TERMS: Record<string, Text> = {
  excellent: { zh: '优秀', en: 'excellent' },
  'very good': { zh: '很好', en: 'very good' },
  good: { zh: '良好', en: 'good' },
  fair: { zh: '一般', en: 'fair' },
  poor: { zh: '较差', en: 'poor' },
};

export function dqrLevel(level: string, lang: keyof Text): string {
  return DQR_LEVEL_TERMS[level]?.[lang] ?? level;
}

export function stageList(stages: readonly LifeCycleStage[], lang: keyof Text): string {
  return stages.map((s) => STAGE_TERMS[s][lang]).join(lang === 'zh' ? '、' : ', ');
}

/** A requirement of a product category rule as a coded message (src/i18n/pcr.ts): its name, or its id where the code is unknown. */
export const requirementWords = (id: string) => ({ code: `requirement.${id}`, params: {}, message: id });
