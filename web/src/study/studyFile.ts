import type { Study, StudyInput } from '../../../src/model/study.ts';
import { safeFileName } from '../lib/download.ts';
import { toInput } from './draft.ts';

/**
 * A saved study as a JSON file: its input without what the store adds (id, company, version,
 * who saved it when), exactly the `study` a steward's benchmark page uploads
 * (POST /api/cobuild/benchmarks takes `{ name, study }`).
 */
export function studyFile(study: Study): { fileName: string; text: string; input: StudyInput } {
  const input = toInput(study);
  return { fileName: `${safeFileName(study.name)}.study.json`, text: `${JSON.stringify(input, null, 2)}\n`, input };
}
