import { readFile } from 'node:fs/promises';
import type { CommandSpec } from '../args.ts';
import { cliText, langOf, UsageError } from '../args.ts';
import { withStore } from '../databases.ts';
import type { Pcr, PcrCheck, SourceNote } from '../../model/pcr.ts';
import { StudyInputSchema, StudySchema, type Study, type StudyResult } from '../../model/study.ts';
import { checkStudyAgainstPcr } from '../../rules/pcr-check.ts';
import { getPcr, pcrChain, PCRS } from '../../rules/pcr/index.ts';
import { getStudy, type Store } from '../../store/index.ts';
import { loadBackground } from '../../studies/background.ts';
import { calculateStudy } from '../../studies/calculate.ts';
import { componentFootprints } from '../../studies/components.ts';
import { studyWithResult } from '../../studies/pcr.ts';

type Lang = 'zh' | 'en';

export const pcrCommand: CommandSpec = {
  name: 'pcr',
  summary: 'product category rules: list them, show one, check a study against its rule',
  usage: 'tanji pcr list | tanji pcr show <id> | tanji pcr check <study.json or study id> [--lang zh|en] [--json]',
  options: { lang: { type: 'string' }, json: { type: 'boolean' } },
  help: `
  list                   the rules, with the document each encodes
  show <id>              one rule whole: document, scope, parameters, declared unit formulas, stages,
                         mandatory data, cut-off, allocation, electricity; "unverified" marks a value
                         not confirmed from a public source
  check <file or id>     a study (a JSON file as the study page downloads it, or a stored study's id)
                         against its rule and the rules it extends; a file is calculated on the store's
                         releases first. Exits with 1 when a mandatory requirement fails.
  --lang zh|en           language of the texts and refusals
  --json                 the rule, or the check (findings with code and params, declared result)
Example: tanji pcr show eu-battery-ev --lang en`,
  async run(positionals, values) {
    const [sub, arg] = positionals;
    const lang: Lang = langOf(values);
    if (sub === 'list') return list(lang, Boolean(values.json));
    if (sub === 'show') {
      if (!arg)
        throw new UsageError(cliText('cli.name-rule', { usage: 'tanji pcr show <id>', list: 'tanji pcr list' }));
      const rule = getPcr(arg);
      console.log(
        values.json ? JSON.stringify({ rule, chain: pcrChain(arg).map((r) => r.id) }, null, 2) : show(rule, lang),
      );
      return;
    }
    if (sub === 'check') {
      if (!arg) throw new UsageError(cliText('cli.name-study', { usage: 'tanji pcr check <study.json or study id>' }));
      const check = await withStore((store) => checkOf(store, arg));
      console.log(values.json ? JSON.stringify(check, null, 2) : formatCheck(check, lang));
      if (!check.conforms) throw new Error(`the study does not conform to ${check.pcr.id} ${check.pcr.version}`);
      return;
    }
    throw new UsageError(cliText('cli.pcr-subcommand', { given: sub ?? '' }));
  },
};

function list(lang: Lang, json: boolean): void {
  const rules = [...PCRS.values()];
  if (json) {
    console.log(
      JSON.stringify(
        rules.map((r) => ({
          id: r.id,
          version: r.version,
          title: r.title,
          document: r.document.number,
          status: r.document.status,
          extends: r.extends ?? null,
        })),
        null,
        2,
      ),
    );
    return;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules)
    console.log(
      `${r.id.padEnd(width)}  ${r.version}  ${r.title[lang]}\n${' '.repeat(width)}  ${r.document.number} (${r.document.status}, ${r.document.date})`,
    );
}

const mark = (s: SourceNote, lang: Lang) =>
  [s.clause, s.verified ? '' : lang === 'zh' ? '未核实' : 'unverified', s.note].filter(Boolean).join('; ');

function show(r: Pcr, lang: Lang): string {
  const zh = lang === 'zh';
  const out = [
    `${r.title[lang]} — ${r.id} ${r.version}${r.extends ? ` (${zh ? '扩展' : 'extends'} ${r.extends})` : ''}`,
    r.summary[lang],
    '',
  ];
  const doc = (d: Pcr['document']) =>
    `${d.number}: ${d.title[lang]}; ${d.issuer[lang]}; ${d.date}; ${d.status}${d.url ? `; ${d.url}` : ''}${d.verified ? '' : zh ? '（未核实）' : ' (unverified)'}${d.note ? `\n    ${d.note}` : ''}`;
  out.push(`${zh ? '依据' : 'Encodes'}: ${doc(r.document)}`);
  for (const d of r.related) out.push(`  ${d.relation[lang]}: ${doc(d)}`);
  out.push(
    `${zh ? '范围' : 'Scope'}: ${r.scope.description[lang]} (CPC ${r.scope.cpc.join(', ') || '—'}; GB/T 4754 ${r.scope.gbt4754.join(', ') || '—'}) [${mark(r.scope.source, lang)}]`,
  );
  if (r.parameters.length) {
    out.push('', zh ? '产品参数' : 'Product parameters');
    for (const p of r.parameters) {
      const range = `${p.min ?? ''}–${p.max ?? ''}`;
      const choices = p.choices
        ? ` ${zh ? '取值' : 'values'}: ${p.choices.map((c) => `${c.value} ${c.label[lang]}`).join(', ')}`
        : '';
      out.push(
        `  ${p.name} [${p.unit}] ${p.label[lang]}; ${range}${p.default !== undefined ? `, ${zh ? '默认' : 'default'} ${p.default}` : ''}${choices} [${mark(p.source, lang)}]`,
      );
    }
  }
  for (const u of r.declaredUnits)
    out.push(
      `${zh ? '声明单位' : 'Declared unit'}: ${u.label[lang]} = ${u.formula} ${u.unit} [${mark(u.source, lang)}]`,
    );
  out.push(`${zh ? '系统边界' : 'Boundary'}: ${r.boundary.type ?? '—'}; ${r.boundary.description[lang]}`);
  if (r.stages.length)
    out.push(
      `${zh ? '阶段' : 'Stages'}: ${r.stages.map((s) => `${s.name[lang]} (${s.maps.join('/')})${s.required ? '' : zh ? '，可选' : ', optional'}`).join('; ')}`,
    );
  for (const x of r.excludedStages) out.push(`${zh ? '排除' : 'Excluded'}: ${x.name[lang]}: ${x.reason[lang]}`);
  out.push(`${zh ? '取舍' : 'Cut-off'}: ${r.cutoff.text[lang]} [${mark(r.cutoff.source, lang)}]`);
  out.push(`${zh ? '分配' : 'Allocation'}: ${r.allocation.text[lang]} [${mark(r.allocation.source, lang)}]`);
  out.push(`${zh ? '电力' : 'Electricity'}: ${r.electricity.text[lang]} [${mark(r.electricity.source, lang)}]`);
  out.push(
    `${zh ? '数据质量' : 'Data quality'}: ${r.dataQuality.text[lang]}${r.dataQuality.maxDqr ? ` (DQR ≤ ${r.dataQuality.maxDqr})` : ''}`,
  );
  if (r.mandatoryData.length) {
    out.push('', zh ? '必需数据' : 'Mandatory data');
    for (const m of r.mandatoryData)
      out.push(
        `  ${m.id}: ${m.name[lang]} (${m.stage}, ${m.kind}, ${m.unit})${m.primary ? (zh ? '，须为现场数据' : ', site-specific') : ''} [${mark(m.source, lang)}]`,
      );
  }
  if (r.performanceClasses)
    out.push(
      '',
      `${zh ? '性能等级' : 'Performance classes'} (${r.performanceClasses.unit}): ${r.performanceClasses.classes.map((c) => `${c.label}`).join('; ')}`,
      `  ${r.performanceClasses.text[lang]}`,
    );
  if (r.differences.length) {
    out.push('', `${zh ? '与其他规则的差异' : 'Differences from'} ${r.differences[0]!.otherRule}`);
    for (const d of r.differences) out.push(`  ${d.topic[lang]}: ${d.this[lang]} | ${d.other[lang]}`);
  }
  return out.join('\n');
}

/** A stored study by id, or a study file calculated on the store's releases. */
async function checkOf(store: Store, arg: string): Promise<PcrCheck> {
  if (!arg.endsWith('.json')) {
    if (!(await getStudy(store, arg)))
      throw new Error(`no study "${arg}" in the store; give a study id or a .json file`);
    const { study, result } = await studyWithResult(store, arg);
    return checkStudyAgainstPcr(study, result);
  }
  const study = studyOfFile(JSON.parse(await readFile(arg, 'utf8')), arg);
  let result: StudyResult | null = null;
  if (!study.entries.some((e) => e.source.type === 'placeholder')) {
    const bg = await loadBackground(store, study.releases.lci, study.releases.factors, study.method);
    const components = await componentFootprints((id) => getStudy(store, id), study, bg);
    result = calculateStudy(study, bg, { components, iterations: 1000, seed: 1 });
  }
  return checkStudyAgainstPcr(study, result);
}

function studyOfFile(json: unknown, file: string): Study {
  const stored = StudySchema.safeParse(json);
  if (stored.success) return stored.data;
  const input = StudyInputSchema.safeParse(json);
  if (!input.success)
    throw new UsageError(
      cliText('cli.not-a-study', {
        file,
        issues: input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      }),
    );
  return { ...input.data, id: file, companyId: '', version: 1, updatedAt: new Date().toISOString(), updatedBy: 'file' };
}

const SYMBOL = { ok: '✓', warning: '!', missing: '✗' } as const;

function formatCheck(check: PcrCheck, lang: Lang): string {
  const zh = lang === 'zh';
  const out = [
    `${check.pcr.title[lang]} (${check.pcr.id} ${check.pcr.version}): ${check.conforms ? (zh ? '符合' : 'conforms') : zh ? '不符合' : 'does not conform'}`,
  ];
  for (const f of check.findings)
    out.push(
      `  ${SYMBOL[f.status]} [${f.rule} / ${f.requirement}${f.mandatory ? '' : zh ? '，非强制' : ', advisory'}] ${f.text[lang]}`,
    );
  for (const u of check.declared?.units ?? []) {
    out.push(
      `${u.label[lang]}: ${u.value.toPrecision(4)} kg CO2e/${u.unit}${u.removals ? `; ${zh ? '清除' : 'removals'} ${u.removals.toPrecision(4)}` : ''}`,
    );
    for (const s of u.byStage) out.push(`    ${s.name[lang]}: ${s.value.toPrecision(4)}`);
  }
  if (check.declared?.performanceClass)
    out.push(`${zh ? '性能等级' : 'Performance class'}: ${check.declared.performanceClass}`);
  return out.join('\n');
}
