import { SEED_RELEASE } from '../../src/factors/seed.ts';
import type { StudyInput } from '../../src/model/study.ts';

/** A small study on the China seed factors and the store fixture's LCI release: quick to calculate, in every job test. */
export const STUDY: StudyInput = {
  name: 'queue test',
  product: { name: 'P', description: '' },
  unit: { kind: 'declared', amount: 1, unit: 'kg', description: '' },
  referenceFlow: '1 kg',
  boundary: 'cradle-to-gate',
  region: 'CN-GD',
  year: 2025,
  method: 'ipcc-ar6-gwp100',
  releases: { lci: 'fixture', factors: SEED_RELEASE },
  cutoff: '',
  allocation: '',
  electricity: '',
  limitations: '',
  entries: [
    {
      id: 'el',
      stage: 'manufacturing',
      kind: 'energy',
      name: 'Electricity',
      amount: 7.2,
      unit: 'MJ',
      source: {
        type: 'background',
        dataset: { type: 'factor', release: SEED_RELEASE, id: 'cn-electricity-footprint/CN-GD/2024' },
      },
    },
    {
      id: 'n2o',
      stage: 'raw-materials',
      kind: 'emission',
      name: 'N2O',
      amount: 0.01,
      unit: 'kg',
      source: { type: 'direct', gas: 'N2O' },
    },
  ],
} as StudyInput;
