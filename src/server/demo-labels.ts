import type { BenchmarkInput } from '../model/credential.ts';
import { findUserByEmail, latestResult, listStudies, searchLabels, type Store } from '../store/index.ts';
import { DEMO_STUDY_NAME, durianStudy } from '../studies/demo-durian.ts';
import { benchmarks, publishBenchmark, requestVerification, signLabel } from '../labels/workflow.ts';
import { studyPcrId } from '../rules/pcr-check.ts';

/**
 * The demo's label chain: the steward publishes a durian benchmark, the practitioner sends the
 * durian study to the verifier, who checks and signs it, so a fresh `npm start` shows a graded,
 * signed, labelled durian in the public registry. The benchmark's only figure is the one the seeds
 * quote (about 2 kg CO2e per kg, Nanjing Agricultural University's Hainan survey, as reported in
 * the press): marked unverified, and its class bounds are the demo steward's illustration, not an
 * official grading scheme.
 */

export const DEMO_BENCHMARK: BenchmarkInput = {
  id: 'fresh-durian',
  title: { zh: '鲜榴莲（演示基准）', en: 'Fresh durian (demonstration benchmark)' },
  // the rule the demo study follows, whichever that is
  pcr: studyPcrId(durianStudy()),
  declaredUnit: 'kg',
  distribution: {
    kind: 'published',
    source:
      'Nanjing Agricultural University, School of Resources and Environmental Sciences: "Life Cycle Assessment – Fruit Carbon Footprint" of durian farms in Hainan, about 2 kg CO2e per kg of durian, as reported in the press (seeds/003)',
    values: [2],
    verified: false,
    note: 'One approximate figure from a news report, not the study itself; the class bounds around it are an illustration chosen by the demo steward.',
  },
  grading: { basis: 'value', bounds: [1, 1.6, 2.4, 3.2] },
  note: 'Demonstration only: not an official grading scheme.',
};

export async function ensureLabelDemo(
  store: Store,
  emails: { practitioner: string; verifier: string; steward: string },
  publicBase: string,
): Promise<void> {
  const practitioner = (await findUserByEmail(store, emails.practitioner))!;
  const verifier = (await findUserByEmail(store, emails.verifier))!;
  const steward = (await findUserByEmail(store, emails.steward))!;
  if (!(await benchmarks(store)).some((b) => b.id === DEMO_BENCHMARK.id))
    await publishBenchmark(store, steward, DEMO_BENCHMARK);
  const study = (await listStudies(store, { companyId: practitioner.companyId })).find(
    (s) => s.name === DEMO_STUDY_NAME,
  );
  if (!study || !(await latestResult(store, study.id))) return;
  if ((await searchLabels(store, { studyId: study.id, limit: 1 })).length > 0) return;
  const request = await requestVerification(store, practitioner, study.id, {
    verifierEmail: verifier.email,
    benchmark: DEMO_BENCHMARK.id,
    message: 'Demonstration: please verify the durian footprint for its label.',
  });
  await signLabel(store, verifier, study.id, {
    requestId: request.id,
    statement:
      'Demonstration: the model, data and result were reviewed against GB/T 24067-2024 / ISO 14067 (demo data, not a real verification).',
    publicBase,
  });
}
