import type { UnmatchedGhgFlow } from '../model/method.ts';
import type { CharacterizationVector } from './lca.ts';
import type { AmbiguousLink, Cutoff } from './linking.ts';
import type { LcaSystem } from './system.ts';

/**
 * What one calculation relied on or left out, restricted to the processes its demand runs
 * (s[j] ≠ 0): linking and characterisation record these for the whole database, and a result
 * that listed every cut-off of 4,000 processes would hide the few that concern it.
 */
export interface SystemNotes {
  /** product inputs of the calculated processes that no process provides, left out */
  cutoffs: Cutoff[];
  /** inputs of the calculated processes whose provider was chosen among several, with the rule that chose it */
  providerChoices: ProviderChoice[];
  /** GHG-like elementary flows of the calculated processes that got no factor */
  unmatchedGhgFlows: UnmatchedGhgFlow[];
}

export interface ProviderChoice extends AmbiguousLink {
  processName: string;
  chosenProcessName: string;
  chosenLocation?: string;
}

export function systemNotes(system: LcaSystem, s: Float64Array, cv: CharacterizationVector): SystemNotes {
  const { providers, cutoffs, ambiguous } = system.index;
  const running = new Set<string>();
  const rows = new Uint8Array(system.elementary.length);
  const { colPtr, rowIdx } = system.B;
  for (let j = 0; j < s.length; j++) {
    if (s[j] === 0) continue;
    running.add(providers[j].process.id);
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) rows[rowIdx[p]] = 1;
  }
  const processById = new Map(providers.map((pr) => [pr.process.id, pr.process]));
  return {
    cutoffs: distinct(
      cutoffs.filter((c) => running.has(c.processId)),
      (c) => `${c.processId}\u0000${c.flowId}\u0000${c.amount}`,
    ),
    providerChoices: distinct(
      ambiguous.filter((a) => running.has(a.processId)),
      (a) => `${a.processId}\u0000${a.flowId}\u0000${a.chosenProcessId}`,
    ).map((a) => {
      const chosen = processById.get(a.chosenProcessId);
      return {
        ...a,
        processName: processById.get(a.processId)?.name ?? a.processId,
        chosenProcessName: chosen?.name ?? a.chosenProcessId,
        chosenLocation: chosen?.location,
      };
    }),
    unmatchedGhgFlows: cv.unmatched.filter((_, k) => rows[cv.unmatchedRows[k]] === 1),
  };
}

/** A process split into allocated columns links its inputs once per column: one note each. */
function distinct<T>(list: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => !seen.has(key(x)) && Boolean(seen.add(key(x))));
}
