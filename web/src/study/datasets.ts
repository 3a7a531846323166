import type { DatasetRef, StudyResult } from '../../../src/model/study.ts';
import type { DatasetHit } from '../api/types.ts';
import type { Lang } from '../i18n/translate.ts';

/**
 * A saved entry holds only its dataset's reference: names come from the datasets picked in this
 * session, from the provenance of the latest result, and from POST /api/datasets/resolve.
 */
const picked = new Map<string, DatasetHit>();

export const datasetKey = (ref: DatasetRef) => `${ref.type}\u0000${ref.release}\u0000${ref.id}`;

export function rememberDataset(hit: DatasetHit): void {
  picked.set(datasetKey(hit), hit);
}

export function pickedDataset(ref: DatasetRef): DatasetHit | undefined {
  return picked.get(datasetKey(ref));
}

export function datasetName(hit: Pick<DatasetHit, 'name' | 'nameZh'>, lang: Lang): string {
  return lang === 'zh' && hit.nameZh ? hit.nameZh : hit.name;
}

/** Dataset key → name, from what a calculation used. */
export function namesFromResult(result: StudyResult | null | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of result?.entries ?? []) {
    const p = e.provenance;
    if ((p.type === 'factor' || p.type === 'process') && p.release && p.id)
      names.set(
        datasetKey({ type: p.type, release: p.release, id: p.id }),
        typeof p.name === 'string' ? p.name : p.name.message,
      );
  }
  return names;
}

/** Dataset key → name, from resolved references. */
export function namesFromHits(hits: readonly DatasetHit[], lang: Lang): Map<string, string> {
  return new Map(hits.map((h) => [datasetKey(h), datasetName(h, lang)]));
}
