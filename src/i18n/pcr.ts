import { define, fmt } from './define.ts';

/**
 * Findings of the check of a study against its product category rule (src/rules/pcr-check.ts),
 * one definition per code, Chinese and English from the same params. Things the rule names in
 * both languages (a parameter, a stage, a mandatory data item) travel as `…En` / `…Zh` params.
 */

type Named = { nameEn: string; nameZh: string };
type Listed = { entries: string };

export const PCR_TEXTS = {
  'pcr.version': define<{ rule: string; version: string; built: string }>({
    en: (p) =>
      `the study was built to version ${p.built} of ${p.rule}, the rule is now at ${p.version}: review what changed`,
    zh: (p) => `研究按 ${p.rule} 第 ${p.built} 版建立，规则现为第 ${p.version} 版：请核对变化`,
  }),
  'param.ok': define<Named & { value: number; unit: string }>({
    en: (p) => `${p.nameEn}: ${fmt(p.value)} ${p.unit}`,
    zh: (p) => `${p.nameZh}：${fmt(p.value)} ${p.unit}`,
  }),
  'param.missing': define<Named & { name: string; unit: string }>({
    en: (p) => `parameter ${p.name} (${p.nameEn}, ${p.unit}) is not entered on the study`,
    zh: (p) => `研究未填写参数 ${p.name}（${p.nameZh}，${p.unit}）`,
  }),
  'param.out-of-range': define<Named & { value: number; range: string; unit: string }>({
    en: (p) => `${p.nameEn} is ${fmt(p.value)} ${p.unit}, the rule allows ${p.range}`,
    zh: (p) => `${p.nameZh}为 ${fmt(p.value)} ${p.unit}，规则允许的范围是 ${p.range}`,
  }),
  'param.not-a-choice': define<Named & { value: number; choices: string }>({
    en: (p) => `${p.nameEn} is ${fmt(p.value)}, the rule's values are ${p.choices}: justify the value in the study`,
    zh: (p) => `${p.nameZh}为 ${fmt(p.value)}，规则给出的取值为 ${p.choices}：请在研究中说明理由`,
  }),
  'param.unit': define<Named & { unit: string; expected: string }>({
    en: (p) => `${p.nameEn} is entered in "${p.unit}", the rule's unit is "${p.expected}"`,
    zh: (p) => `${p.nameZh}的单位为「${p.unit}」，规则要求「${p.expected}」`,
  }),
  'unit.ok': define<Named & { formula: string; value: number; unit: string }>({
    en: (p) => `${p.nameEn}: one inventory delivers ${fmt(p.value)} ${p.unit} (${p.formula})`,
    zh: (p) => `${p.nameZh}：一份清单对应 ${fmt(p.value)} ${p.unit}（${p.formula}）`,
  }),
  'unit.formula-error': define<Named & { formula: string; reason: string }>({
    en: (p) => `${p.nameEn}: the formula ${p.formula} cannot be evaluated: ${p.reason}`,
    zh: (p) => `${p.nameZh}：公式 ${p.formula} 无法计算：${p.reason}`,
  }),
  'unit.not-positive': define<Named & { formula: string; value: number }>({
    en: (p) => `${p.nameEn}: ${p.formula} gives ${fmt(p.value)}, a declared unit needs a positive amount`,
    zh: (p) => `${p.nameZh}：${p.formula} 的结果为 ${fmt(p.value)}，声明单位必须为正数`,
  }),
  'unit.stale': define<{ amount: number; unit: string; expected: number; expectedUnit: string }>({
    en: (p) =>
      `the study's unit is ${fmt(p.amount)} ${p.unit}, the rule's formula gives ${fmt(p.expected)} ${p.expectedUnit}: set the unit from the parameters again`,
    zh: (p) =>
      `研究的单位为 ${fmt(p.amount)} ${p.unit}，按规则公式应为 ${fmt(p.expected)} ${p.expectedUnit}：请按参数重新设置单位`,
  }),
  'boundary.ok': define<{ boundaryEn: string; boundaryZh: string }>({
    en: (p) => `boundary ${p.boundaryEn}`,
    zh: (p) => `系统边界：${p.boundaryZh}`,
  }),
  'boundary.mismatch': define<{ boundaryEn: string; boundaryZh: string; expectedEn: string; expectedZh: string }>({
    en: (p) => `the study's boundary is ${p.boundaryEn}, the rule's is ${p.expectedEn}`,
    zh: (p) => `研究的系统边界为「${p.boundaryZh}」，规则要求「${p.expectedZh}」`,
  }),
  'stage.ok': define<Named & { count: number }>({
    en: (p) => `${p.nameEn}: ${p.count} ${p.count === 1 ? 'entry' : 'entries'}`,
    zh: (p) => `${p.nameZh}：${p.count} 个条目`,
  }),
  'stage.empty': define<Named>({
    en: (p) => `the rule's stage "${p.nameEn}" holds no entry`,
    zh: (p) => `规则要求的阶段「${p.nameZh}」没有条目`,
  }),
  'stage.excluded-has-entries': define<Named & Listed>({
    en: (p) => `the rule excludes "${p.nameEn}", yet these entries sit in it: ${p.entries}`,
    zh: (p) => `规则不包括「${p.nameZh}」，但以下条目位于该阶段：${p.entries}`,
  }),
  'stage.unassigned': define<Listed>({
    en: (p) => `these entries do not say which of the rule's stages they belong to: ${p.entries}`,
    zh: (p) => `以下条目未注明属于规则的哪个阶段：${p.entries}`,
  }),
  'stage.unknown': define<Listed>({
    en: (p) =>
      `these entries name a stage the rule does not have, or one that does not cover their life cycle stage: ${p.entries}`,
    zh: (p) => `以下条目注明的规则阶段不存在，或与其生命周期阶段不符：${p.entries}`,
  }),
  'data.ok': define<Named & Listed>({
    en: (p) => `${p.nameEn}: ${p.entries}`,
    zh: (p) => `${p.nameZh}：${p.entries}`,
  }),
  'data.missing': define<Named>({
    en: (p) => `mandatory data missing: ${p.nameEn}`,
    zh: (p) => `缺少规则要求的数据：${p.nameZh}`,
  }),
  'data.placeholder': define<Named & Listed>({
    en: (p) => `${p.nameEn} is still a placeholder to complete: ${p.entries}`,
    zh: (p) => `${p.nameZh}仍是待补充的占位条目：${p.entries}`,
  }),
  'data.zero': define<Named & Listed>({
    en: (p) => `${p.nameEn} has no amount: ${p.entries}`,
    zh: (p) => `${p.nameZh}的数量为零：${p.entries}`,
  }),
  'data.not-primary': define<Named & Listed>({
    en: (p) =>
      `${p.nameEn} must be site-specific data (a meter reading, invoice, measurement or supplier statement): ${p.entries}`,
    zh: (p) => `${p.nameZh}必须为现场数据（计量表读数、发票、实测或供应商声明）：${p.entries}`,
  }),
  'entries.placeholder': define<Listed>({
    en: (p) => `placeholders still to complete: ${p.entries}`,
    zh: (p) => `仍有待补充的占位条目：${p.entries}`,
  }),
  'electricity.ok': define<{ count: number }>({
    en: (p) => `${p.count} electricity ${p.count === 1 ? 'entry' : 'entries'} as the rule asks`,
    zh: (p) => `${p.count} 个电力条目符合规则`,
  }),
  'electricity.none': define({
    en: () => 'no electricity in the foreground',
    zh: () => '前景系统未使用电力',
  }),
  'electricity.not-metered': define<Listed>({
    en: (p) =>
      `the rule asks for metered electricity in production; these entries are not backed by a meter reading or invoice: ${p.entries}`,
    zh: (p) => `规则要求生产用电为计量数据，以下条目没有计量表读数或发票：${p.entries}`,
  }),
  'electricity.co2-only': define<Listed>({
    en: (p) => `CO2-only grid factors (for organisational inventories) used: ${p.entries}`,
    zh: (p) => `使用了仅含 CO2 的电网排放因子（用于组织核算）：${p.entries}`,
  }),
  'electricity.residual-mix': define({
    en: () =>
      'the rule asks for a residual mix where no contractual instrument qualifies; the background holds location-based averages: state this in the study',
    zh: () => '规则要求在无合格合同工具时使用剩余电力组合，背景数据为按地区的平均因子：请在研究中说明',
  }),
  'quality.ok': define<{ dqr: number; max: number }>({
    en: (p) => `DQR ${fmt(p.dqr)}, the rule asks for ${fmt(p.max)} or better`,
    zh: (p) => `DQR ${fmt(p.dqr)}，规则要求不劣于 ${fmt(p.max)}`,
  }),
  'quality.dqr': define<{ dqr: number; max: number }>({
    en: (p) => `DQR ${fmt(p.dqr)} is worse than the ${fmt(p.max)} the rule asks for: improve the data of the hotspots`,
    zh: (p) => `DQR ${fmt(p.dqr)} 劣于规则要求的 ${fmt(p.max)}：请改进热点条目的数据`,
  }),
  'quality.primary-share': define<{ share: number; min: number }>({
    en: (p) => `primary data share ${fmt(p.share * 100)} %, the rule expects at least ${fmt(p.min * 100)} %`,
    zh: (p) => `初级数据占比 ${fmt(p.share * 100)}%，规则要求至少 ${fmt(p.min * 100)}%`,
  }),
  'luc.entry': define<Listed>({
    en: (p) => `direct land use change modelled: ${p.entries}`,
    zh: (p) => `已计算直接土地利用变化：${p.entries}`,
  }),
  'luc.stated': define({
    en: () => 'direct land use change assessed in the limitations',
    zh: () => '已在局限性中说明直接土地利用变化的评估',
  }),
  'luc.not-assessed': define({
    en: () =>
      'direct land use change is not assessed: add a CO2-luc entry, or state in the limitations why there is none',
    zh: () => '未评估直接土地利用变化：请添加 CO2-luc 条目，或在局限性中说明为何没有',
  }),
  'removals.apart': define<{ value: number }>({
    en: (p) => `biogenic removals ${fmt(p.value)} kg CO2e reported apart, not netted`,
    zh: (p) => `生物源清除 ${fmt(p.value)} kg CO2e 单独报告，未抵扣`,
  }),
  'removals.none': define({
    en: () => 'no removals modelled',
    zh: () => '未计算清除',
  }),
  'result.missing': define({
    en: () => 'the current version has not been calculated: the requirements on results cannot be checked',
    zh: () => '当前版本尚未计算，无法检查与结果有关的要求',
  }),
  'report.item': define<{ titleEn: string; titleZh: string; messageEn: string; messageZh: string }>({
    en: (p) => `${p.titleEn}: ${p.messageEn}`,
    zh: (p) => `${p.titleZh}：${p.messageZh}`,
  }),
  // the requirements of a rule, by id (src/rules/pcr-check.ts), as the checklist names them
  'requirement.parameters': define({ en: () => 'parameters', zh: () => '参数' }),
  'requirement.declared-unit': define({ en: () => 'declared unit', zh: () => '声明单位' }),
  'requirement.boundary': define({ en: () => 'system boundary', zh: () => '系统边界' }),
  'requirement.stages': define({ en: () => 'life cycle stages', zh: () => '生命周期阶段' }),
  'requirement.excluded-stages': define({ en: () => 'excluded stages', zh: () => '排除的阶段' }),
  'requirement.mandatory-data': define({ en: () => 'mandatory data', zh: () => '必需数据' }),
  'requirement.electricity': define({ en: () => 'electricity', zh: () => '电力' }),
  'requirement.data-quality': define({ en: () => 'data quality', zh: () => '数据质量' }),
  'requirement.land-use-change': define({ en: () => 'land use change', zh: () => '土地利用变化' }),
  'requirement.removals': define({ en: () => 'removals', zh: () => '清除' }),
  'requirement.report': define({ en: () => 'report content', zh: () => '报告内容' }),
  'requirement.version': define({ en: () => 'version of the rule', zh: () => '规则版本' }),
} as const;

export type PcrTextCode = keyof typeof PCR_TEXTS;
