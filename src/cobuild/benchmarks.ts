import { randomUUID } from 'node:crypto';
import { StudyInputSchema, type Study, type StudyInput } from '../model/study.ts';
import { insertBenchmark, listBenchmarks, type Queryable, type Store } from '../store/index.ts';
import { loadBackground } from '../studies/background.ts';
import { calculateStudy } from '../studies/calculate.ts';
import { requireSteward, type Actor } from './parties.ts';

/**
 * Benchmark products: public studies (no company's data) whose footprints the release notes
 * recalculate on the base and the new release. A benchmark is calculated on its pinned releases
 * before it is kept, so one that cannot be calculated is refused now, with its reason, rather
 * than showing as an error in every later release's notes.
 */

export interface BenchmarkView {
  id: string;
  name: string;
  releases: StudyInput['releases'];
  entries: number;
  createdBy: string;
  createdAt: string;
}

export async function listBenchmarkViews(db: Queryable, actor: Actor): Promise<BenchmarkView[]> {
  requireSteward(actor, 'read-benchmarks');
  return (await listBenchmarks(db)).map((r) => {
    const study = StudyInputSchema.parse(r.study);
    return {
      id: r.id,
      name: r.name,
      releases: study.releases,
      entries: study.entries.length,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
    };
  });
}

/** Keeps the benchmark; its footprint on its pinned releases (kg CO2e per declared or functional unit) is the answer. */
export async function addBenchmark(
  store: Store,
  actor: Actor,
  name: string,
  study: StudyInput,
): Promise<{ id: string; footprint: number }> {
  requireSteward(actor, 'add-benchmarks');
  const id = randomUUID();
  const background = await loadBackground(store, study.releases.lci, study.releases.factors, study.method);
  const calculable: Study = {
    ...study,
    id,
    companyId: 'benchmark',
    version: 1,
    updatedAt: new Date().toISOString(),
    updatedBy: actor.id,
  };
  const { total } = calculateStudy(calculable, background);
  await insertBenchmark(store, { id, name, study, createdBy: actor.id });
  return { id, footprint: total };
}
