import type { LciDatabase, Process } from '../model/lci.ts';
import type { ImpactMethod } from '../model/method.ts';
import {
  allProcessScores,
  characterizationVector,
  factorizeSystem,
  SystemSolveError,
  totalVector,
} from '../engine/lca.ts';
import { directFactors } from '../engine/contributions.ts';
import { buildSystem, declaredUnit, type LcaSystem } from '../engine/system.ts';
import { namedUnit } from '../formats/units.ts';
import { getMethod } from '../factors/gwp.ts';
import { coder, renderIn, type TextLang } from '../i18n/define.ts';
import { SCREEN_TEXTS, type ScreenCode } from '../i18n/screen.ts';
import { loopsOf } from './loops.ts';
import { checkProcess, type ProcessFinding } from './process-checks.ts';
import { limit, ruleOf, SCREEN_RULES, type ScreenRule, type ScreenSeverity } from './rules.ts';

/**
 * The quality screen of a release: every rule of rules.ts run over every process, before anyone
 * uses the release. Processes with a finding of severity `quarantine` are listed in
 * `quarantined`: default search and study use leave them out; a user may still choose one, and
 * the finding goes with it into the result and the report.
 *
 * Order matters once: footprints (for negative and outlying results) are computed on the release
 * with the processes already quarantined left out, because a loop with feedback 10⁸ or a
 * singular column would otherwise make every score meaningless. When A is still singular, the
 * columns the LU names are quarantined too (`screen.singular`), round by round.
 */

export interface ScreenFinding {
  code: ScreenCode;
  severity: ScreenSeverity;
  processId: string;
  processName: string;
  params: Record<string, string | number>;
  /** the English text; `renderScreenFinding` gives either language */
  message: string;
}

export interface LoopSummary {
  size: number;
  radius: number;
  feedback: number;
  /** up to 5 process names of the loop */
  examples: string[];
}

export interface ScreenReport {
  processes: number;
  findings: ScreenFinding[];
  /** ids of the processes quarantined */
  quarantined: string[];
  counts: Partial<Record<ScreenCode, number>>;
  /** loops at or above the spectral radius limit */
  loops: LoopSummary[];
  /** processes whose footprint could be computed for the score rules */
  scored: number;
  rules: readonly ScreenRule[];
  method: string;
}

const coded = coder(SCREEN_TEXTS);

/** Rounds of dropping the columns the LU names before giving up on scores. */
const MAX_SINGULAR_ROUNDS = 30;

export function screenDatabase(db: LciDatabase, method: ImpactMethod = getMethod('ipcc-ar6-gwp100')): ScreenReport {
  const findings: ScreenFinding[] = [];
  const add = (p: Pick<Process, 'id' | 'name'>, f: ProcessFinding) => {
    const m = coded(f.code, f.params as never);
    findings.push({
      code: f.code,
      severity: ruleOf(f.code).severity,
      processId: p.id,
      processName: p.name,
      params: f.params,
      message: m.message,
    });
  };
  const flows = new Map(db.flows.map((f) => [f.id, f]));
  for (const p of db.processes) for (const f of checkProcess(p, (e) => flows.get(e.flowId))) add(p, f);

  // the matrices of what can be linked: an exchange naming a flow the release lacks is a cut-off
  const linkable: LciDatabase = {
    ...db,
    processes: db.processes.map((p) => ({ ...p, exchanges: p.exchanges.filter((e) => flows.has(e.flowId)) })),
  };
  const system = buildSystem(linkable);
  directFindings(linkable, system, method, add);
  const loops = loopFindings(system, add);
  const quarantine = () => new Set(findings.filter((f) => f.severity === 'quarantine').map((f) => f.processId));
  const scored = scoreFindings(linkable, quarantine(), method, add);

  const quarantined = quarantine();
  const counts: Partial<Record<ScreenCode, number>> = {};
  for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  return {
    processes: db.processes.length,
    findings,
    quarantined: [...quarantined],
    counts,
    loops,
    scored,
    rules: SCREEN_RULES,
    method: method.id,
  };
}

/** Direct greenhouse gases per kg of a mass product, characterised as the release will be. */
function directFindings(
  db: LciDatabase,
  system: LcaSystem,
  method: ImpactMethod,
  add: (p: Process, f: ProcessFinding) => void,
) {
  const direct = directFactors(system, totalVector(characterizationVector(system, method)));
  const ghgLimit = limit('screen.ghg-per-mass', 'kgCo2ePerKg');
  for (const pr of system.index.providers) {
    const kg = namedUnit(pr.flow.unit);
    if (!pr.exchange.reference || kg?.referenceUnit !== 'kg') continue;
    // A's diagonal is the reference amount, B's column is per that amount: direct[j] is per one run
    const perKg = direct[pr.index] / (pr.exchange.amount * kg.factor);
    if (perKg > ghgLimit)
      add(pr.process, {
        code: 'screen.ghg-per-mass',
        params: { kgCo2ePerKg: perKg, limit: ghgLimit, product: pr.flow.name },
      });
  }
}

function loopFindings(system: LcaSystem, add: (p: Process, f: ProcessFinding) => void): LoopSummary[] {
  const out: LoopSummary[] = [];
  const radiusLimit = limit('screen.loop-spectral-radius', 'radius');
  for (const loop of loopsOf(system.A)) {
    if (loop.radius.lower < radiusLimit) continue;
    const processes = [
      ...new Map(
        loop.columns.map((j) => [system.index.providers[j].process.id, system.index.providers[j].process]),
      ).values(),
    ];
    const radius = Number.isFinite(loop.radius.lower) ? loop.radius.lower : 1;
    out.push({
      size: processes.length,
      radius,
      feedback: loop.feedback,
      examples: processes.slice(0, 5).map((p) => p.name),
    });
    for (const p of processes)
      add(p, {
        code: 'screen.loop-spectral-radius',
        params: { size: processes.length, radius, feedback: Number.isFinite(loop.feedback) ? loop.feedback : 1e300 },
      });
  }
  return out;
}

/** Footprints per declared unit on the release without the quarantined processes; negative and outlying ones found. */
function scoreFindings(
  db: LciDatabase,
  quarantined: Set<string>,
  method: ImpactMethod,
  add: (p: Process, f: ProcessFinding) => void,
): number {
  let processes = db.processes.filter((p) => !quarantined.has(p.id));
  let system: LcaSystem | undefined;
  let lu;
  for (let round = 0; round < MAX_SINGULAR_ROUNDS && processes.length; round++) {
    system = buildSystem({ ...db, processes });
    try {
      lu = factorizeSystem(system);
      break;
    } catch (e) {
      if (!(e instanceof SystemSolveError) || e.processes.length === 0) throw e;
      const named = new Set(e.processes.map((r) => r.processId));
      for (const p of processes) if (named.has(p.id)) add(p, { code: 'screen.singular', params: {} });
      processes = processes.filter((p) => !named.has(p.id));
      lu = undefined;
    }
  }
  if (!system || !lu) return 0;
  const lambda = allProcessScores(system, lu, totalVector(characterizationVector(system, method)));
  const scores = system.index.providers
    .filter((pr) => pr.exchange.reference)
    .map((pr) => {
      const d = declaredUnit(db, pr);
      return { process: pr.process, unit: d.unit, total: lambda[pr.index] * d.factor };
    });
  const negative = limit('screen.negative-footprint', 'kgCo2e');
  for (const s of scores)
    if (s.total < negative)
      add(s.process, { code: 'screen.negative-footprint', params: { total: s.total, unit: s.unit } });
  outliers(scores, add);
  return scores.length;
}

/** Positive footprints far from the median of their classification (same declared unit), on a log scale. */
function outliers(
  scores: { process: Process; unit: string; total: number }[],
  add: (p: Process, f: ProcessFinding) => void,
) {
  const fold = limit('screen.score-outlier', 'fold'),
    peers = limit('screen.score-outlier', 'peers'),
    z = limit('screen.score-outlier', 'z');
  const groups = new Map<string, typeof scores>();
  for (const s of scores) {
    if (!(s.total > 0)) continue;
    const group = s.process.category.join(' / ');
    if (!group) continue;
    const key = `${group}\u0000${s.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const [key, members] of groups) {
    if (members.length < peers) continue;
    const logs = members.map((s) => Math.log10(s.total));
    const med = median(logs);
    const mad = 1.4826 * median(logs.map((l) => Math.abs(l - med)));
    members.forEach((s, k) => {
      const away = Math.abs(logs[k] - med);
      if (10 ** away < fold || (mad > 0 && away / mad < z)) return;
      add(s.process, {
        code: 'screen.score-outlier',
        params: {
          total: s.total,
          unit: s.unit,
          median: 10 ** med,
          fold: 10 ** away,
          group: key.split('\u0000')[0],
          peers: members.length,
        },
      });
    });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A finding in the reader's language. */
export function renderScreenFinding(f: Pick<ScreenFinding, 'code' | 'params' | 'message'>, lang: TextLang): string {
  return renderIn(SCREEN_TEXTS, f, lang);
}
