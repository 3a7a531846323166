import type { StudyInput } from '../model/study.ts';
import { createStudy, latestResult, listStudies, type Store } from '../store/index.ts';
import { calculateAndSave } from '../studies/results.ts';

/** The demo study of this name in the company, created when missing and calculated when it never was. */
export async function ensureDemoStudy(
  store: Store,
  input: StudyInput,
  companyId: string,
  userId: string,
  iterations: number,
): Promise<string> {
  const found = (await listStudies(store, { companyId })).find((s) => s.name === input.name);
  const id = found?.id ?? (await createStudy(store, input, companyId, userId, 'demonstration study')).id;
  if (!(await latestResult(store, id))) await calculateAndSave(store, id, { iterations, seed: 1 });
  return id;
}
