import type { Pcr, PcrCheck, PcrFinding, PcrParameter } from '../model/pcr.ts';
import { PRIMARY_EVIDENCE, type Entry, type Study, type StudyResult } from '../model/study.ts';
import { FormulaError } from '../engine/formula.ts';
import { PCR_TEXTS, type PcrTextCode } from '../i18n/pcr.ts';
import { checkReport } from './iso14067.ts';
import { isElectricity } from './inventory.ts';
import { declaredResult, perInventory, ruleStageOf } from './pcr-declared.ts';
import { GENERAL_PCR, pcrChain, PCRS } from './pcr/index.ts';
import { BOUNDARY_TERMS } from './terms.ts';

/**
 * A study checked against its product category rule and the rules that rule extends: every
 * requirement gives ok, missing or warning, with the parameters, stages, entries or values at
 * fault named in both languages. A `missing` on a mandatory requirement means the study does not
 * conform and may not go to verification; warnings are for the practitioner and the verifier to
 * weigh. The general rule's report items are today's ISO 14067 checks (src/rules/iso14067.ts).
 */

type Params<C extends PcrTextCode> = Parameters<(typeof PCR_TEXTS)[C]['en']>[0];
type Status = PcrFinding['status'];

interface Ctx {
  rule: Pcr;
  study: Study;
  result: StudyResult | null;
}

/** One requirement of a rule: what it is called, where the rule states it, and its check. */
interface Requirement {
  id: string;
  mandatory: boolean;
  applies(rule: Pcr): boolean;
  check(ctx: Ctx): Omit<PcrFinding, 'requirement' | 'rule' | 'mandatory'>[];
}

function finding<C extends PcrTextCode>(
  status: Status,
  code: C,
  params: Params<C>,
): Omit<PcrFinding, 'requirement' | 'rule' | 'mandatory'> {
  const texts = PCR_TEXTS[code] as { en: (p: Params<C>) => string; zh: (p: Params<C>) => string };
  const en = texts.en(params);
  return {
    status,
    code,
    params: params as Record<string, string | number>,
    message: en,
    text: { zh: texts.zh(params), en },
  };
}

const names = (entries: readonly Pick<Entry, 'name'>[]) => entries.map((e) => `"${e.name}"`).join(', ');
const primary = (e: Entry) => e.source.type === 'supplier' || PRIMARY_EVIDENCE.includes(e.evidence?.type ?? 'estimate');
const rangeOf = (p: PcrParameter) => `${p.min ?? '−∞'}–${p.max ?? '∞'}`;

const REQUIREMENTS: Requirement[] = [
  {
    id: 'parameters',
    mandatory: true,
    applies: (r) => r.parameters.length > 0,
    check: ({ rule, study }) =>
      rule.parameters.map((p) => {
        const named = { nameEn: p.label.en, nameZh: p.label.zh };
        const given = study.parameters?.find((q) => q.name === p.name);
        if (!given) return finding('missing', 'param.missing', { ...named, name: p.name, unit: p.unit });
        if ((p.min !== undefined && given.value < p.min) || (p.max !== undefined && given.value > p.max)) {
          return finding('missing', 'param.out-of-range', {
            ...named,
            value: given.value,
            range: rangeOf(p),
            unit: p.unit,
          });
        }
        if (p.choices && !p.choices.some((c) => c.value === given.value)) {
          return finding('warning', 'param.not-a-choice', {
            ...named,
            value: given.value,
            choices: p.choices.map((c) => `${c.value} (${c.label.en})`).join(', '),
          });
        }
        if (given.unit && given.unit !== p.unit)
          return finding('warning', 'param.unit', { ...named, unit: given.unit, expected: p.unit });
        return finding('ok', 'param.ok', { ...named, value: given.value, unit: p.unit });
      }),
  },
  {
    id: 'declared-unit',
    mandatory: true,
    applies: (r) => r.declaredUnits.length > 0,
    check: ({ rule, study }) => {
      const out = rule.declaredUnits.map((u) => {
        const named = { nameEn: u.label.en, nameZh: u.label.zh };
        try {
          const n = perInventory(u, study);
          if (!(n > 0)) return finding('missing', 'unit.not-positive', { ...named, formula: u.formula, value: n });
          return finding('ok', 'unit.ok', { ...named, formula: u.formula, value: n, unit: u.unit });
        } catch (e) {
          if (!(e instanceof FormulaError)) throw e;
          return finding('missing', 'unit.formula-error', { ...named, formula: u.formula, reason: e.reason });
        }
      });
      const first = rule.declaredUnits[0]!;
      try {
        const expected = perInventory(first, study);
        const sameUnit = study.unit.unit === first.unit;
        if (!sameUnit || Math.abs(study.unit.amount - expected) > 1e-9 * Math.abs(expected)) {
          out.push(
            finding('warning', 'unit.stale', {
              amount: study.unit.amount,
              unit: study.unit.unit,
              expected,
              expectedUnit: first.unit,
            }),
          );
        }
      } catch {
        // already reported above
      }
      return out;
    },
  },
  {
    id: 'boundary',
    mandatory: true,
    applies: (r) => r.boundary.type !== undefined,
    check: ({ rule, study }) => [
      study.boundary === rule.boundary.type
        ? finding('ok', 'boundary.ok', {
            boundaryEn: BOUNDARY_TERMS[study.boundary].en,
            boundaryZh: BOUNDARY_TERMS[study.boundary].zh,
          })
        : finding('missing', 'boundary.mismatch', {
            boundaryEn: BOUNDARY_TERMS[study.boundary].en,
            boundaryZh: BOUNDARY_TERMS[study.boundary].zh,
            expectedEn: BOUNDARY_TERMS[rule.boundary.type!].en,
            expectedZh: BOUNDARY_TERMS[rule.boundary.type!].zh,
          }),
    ],
  },
  {
    id: 'stages',
    mandatory: true,
    applies: (r) => r.stages.length > 0,
    check: ({ rule, study }) => {
      const out = rule.stages
        .filter((s) => s.required)
        .map((s) => {
          const inStage = study.entries.filter((e) => ruleStageOf(e, rule.stages)?.id === s.id);
          const named = { nameEn: s.name.en, nameZh: s.name.zh };
          return inStage.length
            ? finding('ok', 'stage.ok', { ...named, count: inStage.length })
            : finding('missing', 'stage.empty', named);
        });
      const excluded = new Set(rule.excludedStages.flatMap((x) => x.maps));
      const unknown = study.entries.filter((e) => e.pcr?.stage && !ruleStageOf(e, rule.stages));
      const unassigned = study.entries.filter(
        (e) => !e.pcr?.stage && !excluded.has(e.stage) && !ruleStageOf(e, rule.stages),
      );
      if (unknown.length) out.push(finding('warning', 'stage.unknown', { entries: names(unknown) }));
      if (unassigned.length) out.push(finding('warning', 'stage.unassigned', { entries: names(unassigned) }));
      return out;
    },
  },
  {
    id: 'excluded-stages',
    mandatory: true,
    applies: (r) => r.excludedStages.length > 0,
    check: ({ rule, study }) =>
      rule.excludedStages.flatMap((x) => {
        const inside = study.entries.filter((e) => x.maps.includes(e.stage));
        return inside.length
          ? [
              finding('missing', 'stage.excluded-has-entries', {
                nameEn: x.name.en,
                nameZh: x.name.zh,
                entries: names(inside),
              }),
            ]
          : [];
      }),
  },
  {
    id: 'mandatory-data',
    mandatory: true,
    applies: (r) => r.mandatoryData.length > 0,
    check: ({ rule, study }) => {
      const out = rule.mandatoryData.map((m) => {
        const named = { nameEn: m.name.en, nameZh: m.name.zh };
        const answering = study.entries.filter((e) => e.pcr?.requirement === m.id);
        if (answering.length === 0) return finding('missing', 'data.missing', named);
        const placeholders = answering.filter((e) => e.source.type === 'placeholder');
        if (placeholders.length)
          return finding('missing', 'data.placeholder', { ...named, entries: names(placeholders) });
        const empty = answering.filter((e) => e.amount === 0 && !e.transport);
        if (empty.length) return finding('missing', 'data.zero', { ...named, entries: names(empty) });
        const secondary = answering.filter((e) => !primary(e));
        if (m.primary && secondary.length)
          return finding('missing', 'data.not-primary', { ...named, entries: names(secondary) });
        return finding('ok', 'data.ok', { ...named, entries: names(answering) });
      });
      const required = new Set(rule.mandatoryData.map((m) => m.id));
      const stray = study.entries.filter(
        (e) => e.source.type === 'placeholder' && !required.has(e.pcr?.requirement ?? ''),
      );
      if (stray.length) out.push(finding('missing', 'entries.placeholder', { entries: names(stray) }));
      return out;
    },
  },
  {
    id: 'electricity',
    mandatory: true,
    applies: (r) => r.electricity.metered || r.electricity.residualMix,
    check: ({ rule, study, result }) => {
      // placeholders are named by the mandatory data requirement
      const electricity = study.entries.filter((e) => isElectricity(e) && e.source.type !== 'placeholder');
      const out = [];
      const unmetered = electricity.filter((e) => e.stage === 'manufacturing' && !primary(e));
      if (rule.electricity.metered && unmetered.length)
        out.push(finding('missing', 'electricity.not-metered', { entries: names(unmetered) }));
      const ids = new Set(electricity.map((e) => e.id));
      const co2Only = (result?.entries ?? []).filter(
        (e) => ids.has(e.entryId) && e.provenance.id?.startsWith('cn-electricity-co2'),
      );
      if (co2Only.length) out.push(finding('missing', 'electricity.co2-only', { entries: names(co2Only) }));
      if (rule.electricity.residualMix && electricity.some((e) => e.source.type === 'background'))
        out.push(finding('warning', 'electricity.residual-mix', {}));
      if (out.length === 0)
        out.push(
          electricity.length
            ? finding('ok', 'electricity.ok', { count: electricity.length })
            : finding('ok', 'electricity.none', {}),
        );
      return out;
    },
  },
  {
    id: 'data-quality',
    mandatory: false,
    applies: (r) => r.dataQuality.maxDqr !== undefined || r.dataQuality.minPrimaryShare !== undefined,
    check: ({ rule, result }) => {
      if (!result) return [];
      const { maxDqr, minPrimaryShare } = rule.dataQuality;
      const out = [];
      if (maxDqr !== undefined)
        out.push(
          result.dqr <= maxDqr
            ? finding('ok', 'quality.ok', { dqr: result.dqr, max: maxDqr })
            : finding('warning', 'quality.dqr', { dqr: result.dqr, max: maxDqr }),
        );
      if (minPrimaryShare !== undefined && result.primaryDataShare < minPrimaryShare) {
        out.push(finding('warning', 'quality.primary-share', { share: result.primaryDataShare, min: minPrimaryShare }));
      }
      return out;
    },
  },
  {
    id: 'land-use-change',
    mandatory: true,
    applies: (r) => r.separateReporting?.landUseChange === true && r.id !== GENERAL_PCR,
    check: ({ study }) => {
      const luc = study.entries.filter((e) => e.source.type === 'direct' && e.source.gas === 'CO2-luc');
      if (luc.length) return [finding('ok', 'luc.entry', { entries: names(luc) })];
      if (/land use change|土地利用变化|dLUC/i.test(study.limitations)) return [finding('ok', 'luc.stated', {})];
      return [finding('missing', 'luc.not-assessed', {})];
    },
  },
  {
    id: 'removals',
    mandatory: false,
    applies: (r) => r.separateReporting?.removals === true && r.id !== GENERAL_PCR,
    check: ({ result }) =>
      result
        ? [
            result.lines.biogenicRemovals !== 0
              ? finding('ok', 'removals.apart', { value: result.lines.biogenicRemovals })
              : finding('ok', 'removals.none', {}),
          ]
        : [],
  },
  {
    id: 'report',
    mandatory: true,
    applies: (r) => r.reportItems.length > 0,
    check: ({ rule, study, result }) => {
      if (!result) return [finding('missing', 'result.missing', {})];
      const items = new Set(rule.reportItems);
      return checkReport(study, result)
        .filter((i) => items.has(i.id))
        .map((i) => ({
          ...finding(i.status, 'report.item', {
            titleEn: i.title.en,
            titleZh: i.title.zh,
            messageEn: i.message.en,
            messageZh: i.message.zh,
          }),
          clause: i.clause,
        }));
    },
  },
];

/** The rule a study follows: its own, or the general rule when it names none. */
export function studyPcrId(study: Pick<Study, 'pcr'>): string {
  return study.pcr?.id ?? GENERAL_PCR;
}

/** Checks the study (and its latest result, when it has one) against its rule and every rule that rule extends. */
export function checkStudyAgainstPcr(
  study: Study,
  result: StudyResult | null,
  rules: ReadonlyMap<string, Pcr> = PCRS,
): PcrCheck {
  const chain = pcrChain(studyPcrId(study), rules);
  const own = chain[0]!;
  // a result of another version of the study says nothing about this one
  const current = result && result.studyId === study.id ? result : null;
  const findings: PcrFinding[] = [];
  if (study.pcr && study.pcr.version !== own.version) {
    findings.push({
      requirement: 'version',
      rule: own.id,
      mandatory: false,
      ...finding('warning', 'pcr.version', { rule: own.id, version: own.version, built: study.pcr.version }),
    });
  }
  for (const rule of chain) {
    for (const req of REQUIREMENTS) {
      if (!req.applies(rule)) continue;
      for (const f of req.check({ rule, study, result: current }))
        findings.push({ requirement: req.id, rule: rule.id, mandatory: req.mandatory, ...f });
    }
  }
  let declared = null;
  try {
    declared = current ? declaredResult(own, study, current) : null;
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
  }
  return {
    pcr: { id: own.id, version: own.version, title: own.title },
    studyId: study.id,
    version: study.version,
    conforms: !findings.some((f) => f.mandatory && f.status === 'missing'),
    findings,
    declared,
  };
}

/** The failing mandatory findings, for refusing verification with the reasons. */
export function blockingFindings(check: PcrCheck): PcrFinding[] {
  return check.findings.filter((f) => f.mandatory && f.status === 'missing');
}
