import { render } from '../i18n/catalogue.ts';
import { requirementWords } from '../rules/terms.ts';
import { html, type Html } from './escape.ts';
import type { Ctx } from './context.ts';
import { amount, kg } from './format.ts';
import { fields, section, sub, table } from './layout.ts';

/**
 * "Conformance with <rule>": the study's product category rule, the declared result in the rule's
 * units with its stage split, and every requirement of the rule and the rules it extends with its
 * status and what is at fault. Absent when the report was asked for without a check.
 */

const WORDS = {
  zh: {
    title: (rule: string) => `与「${rule}」的符合性`,
    rule: '产品种类规则',
    verdict: '结论',
    conforms: '符合全部强制要求',
    fails: (n: number) => `${n} 项强制要求未满足，不能提交核查`,
    declared: '声明结果',
    perUnit: '每声明单位',
    inventory: '一份清单对应',
    stage: '规则阶段',
    value: 'kg CO2e / 声明单位',
    removals: '生物源清除（单独报告）',
    performance: '性能等级',
    none: '未达到任何等级',
    findings: '逐项检查',
    from: '规则',
    requirement: '要求',
    statusLabel: '状态',
    mandatory: '强制',
    advisory: '建议',
    status: { ok: '符合', missing: '缺失', warning: '需注意' },
  },
  en: {
    title: (rule: string) => `Conformance with ${rule}`,
    rule: 'Product category rule',
    verdict: 'Verdict',
    conforms: 'every mandatory requirement is met',
    fails: (n: number) => `${n} mandatory requirement(s) not met: the study cannot go to verification`,
    declared: 'Declared result',
    perUnit: 'per declared unit',
    inventory: 'one inventory delivers',
    stage: 'Stage of the rule',
    value: 'kg CO2e per declared unit',
    removals: 'Biogenic removals (reported apart)',
    performance: 'Performance class',
    none: 'no class reached',
    findings: 'Requirement by requirement',
    from: 'Rule',
    requirement: 'Requirement',
    statusLabel: 'Status',
    mandatory: 'mandatory',
    advisory: 'advisory',
    status: { ok: 'OK', missing: 'Missing', warning: 'Warning' },
  },
} as const;

export function pcrSection(c: Ctx): Html | false {
  const check = c.pcr;
  if (!check) return false;
  const w = WORDS[c.lang];
  const failing = check.findings.filter((f) => f.mandatory && f.status === 'missing').length;
  const declared = (check.declared?.units ?? []).map(
    (u) => html`${sub('9.1', `${w.declared}: ${kg(u.value)} kg CO2e/${u.unit}`)}
${fields([
  [w.perUnit, u.label[c.lang]],
  [w.inventory, `${amount(u.perInventory)} ${u.unit} (${u.formula})`],
  [w.removals, `${kg(u.removals)} kg CO2e/${u.unit}`],
])}
${table(
  [w.stage, w.value],
  u.byStage.map((s) => [s.name[c.lang], kg(s.value)]),
  { numeric: [1] },
)}`,
  );
  const klass =
    check.declared && check.declared.performanceClass !== undefined
      ? [[w.performance, check.declared.performanceClass ?? w.none] as [string, string]]
      : [];
  return section(
    'pcr',
    '9',
    w.title(check.pcr.title[c.lang]),
    html`${fields([[w.rule, `${check.pcr.title[c.lang]} (${check.pcr.id} ${check.pcr.version})`], [w.verdict, failing ? w.fails(failing) : w.conforms], ...klass])}
${declared}
${sub('9.2', w.findings)}
${table(
  [w.from, w.requirement, w.statusLabel, ''],
  check.findings.map((f) => [
    f.rule,
    `${render(requirementWords(f.requirement), c.lang)} (${f.mandatory ? w.mandatory : w.advisory})`,
    html`<span class="status ${f.status}">${w.status[f.status]}</span>`,
    f.text[c.lang],
  ]),
  { cls: 'checklist', nowrap: [0, 2] },
)}`,
  );
}
