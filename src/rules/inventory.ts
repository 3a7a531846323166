import type { LifeCycleStage } from '../model/lci.ts';
import type { Entry, Study } from '../model/study.ts';
import { STAGES } from './terms.ts';

/** What a study's inventory covers, as the checks and the report both need to say it. */

/** The stages a boundary covers. A cradle-to-gate study may carry its product to the customer when it models that; use and end of life are never in it. */
export function boundaryStages(study: Pick<Study, 'boundary' | 'entries'>): {
  included: LifeCycleStage[];
  excluded: LifeCycleStage[];
} {
  const inScope = (s: LifeCycleStage) =>
    study.boundary === 'cradle-to-grave' ||
    s === 'raw-materials' ||
    s === 'manufacturing' ||
    (s === 'distribution' && study.entries.some((e) => e.stage === s));
  return { included: STAGES.filter(inScope), excluded: STAGES.filter((s) => !inScope(s)) };
}

export function isElectricity(entry: Pick<Entry, 'kind' | 'unit' | 'name'>): boolean {
  return entry.kind === 'energy' && (/^[kMG]?Wh$/i.test(entry.unit.trim()) || /electric|电/i.test(entry.name));
}
