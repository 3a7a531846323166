import type { StudyResult } from '../model/study.ts';
import { getStudy, saveResult, type Store } from '../store/index.ts';
import { loadBackground } from './background.ts';
import { calculateStudy, type CalculateOptions } from './calculate.ts';
import { checkResult } from './result-check.ts';
import { componentFootprints } from './components.ts';
import { loadingBackground } from './progress.ts';

/** Calculates the latest version of a stored study on its pinned background and stores the result, when every number of it is finite. */
export async function calculateAndSave(
  store: Store,
  studyId: string,
  opts: CalculateOptions = {},
): Promise<StudyResult> {
  const study = await getStudy(store, studyId);
  if (!study) throw new Error(`study ${studyId} does not exist`);
  opts.onProgress?.(0, loadingBackground(study.releases));
  const bg = await loadBackground(store, study.releases.lci, study.releases.factors, study.method);
  const components = await componentFootprints((id) => getStudy(store, id), study, bg, {
    iterations: opts.iterations ?? 0,
    seed: opts.seed ?? 1,
  });
  const result = calculateStudy(study, bg, { ...opts, components });
  checkResult(result);
  await saveResult(store, result);
  return result;
}
