import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StudyInputSchema } from '../../src/model/study.ts';
import type { ReleaseInfo } from '../../web/src/api/types.ts';
import { completeInput, latestRelease, missingFields, newStudyInput, sameInput } from '../../web/src/study/draft.ts';

const releases: ReleaseInfo[] = [
  { release: '2026.1', kind: 'factors', name: 'seed', processes: 0, factors: 300, createdAt: '2026-01-02T00:00:00Z' },
  { release: 'uslci', kind: 'lci', name: 'USLCI', processes: 766, factors: 0, createdAt: '2026-01-01T00:00:00Z' },
  { release: '2026.2', kind: 'factors', name: 'next', processes: 0, factors: 310, createdAt: '2026-06-01T00:00:00Z' },
];
const texts = { cutoff: 'c', allocation: 'a', electricity: 'e' };

test('a new study pins the newest release of each kind', () => {
  assert.equal(latestRelease(releases, 'factors'), '2026.2');
  assert.equal(latestRelease(releases, 'lci'), 'uslci');
  assert.equal(latestRelease([], 'lci'), '');
  assert.deepEqual(newStudyInput(releases, texts, 2025).releases, { lci: 'uslci', factors: '2026.2' });
});

test('a named study with no product or reference flow gets them from its name and unit', () => {
  const input = { ...newStudyInput(releases, texts, 2025), name: 'Durian' };
  assert.deepEqual(missingFields(input), []);
  const complete = completeInput(input);
  assert.equal(complete.product.name, 'Durian');
  assert.equal(complete.referenceFlow, '1 kg Durian');
  StudyInputSchema.parse(complete);
  assert.deepEqual(missingFields(newStudyInput([], texts, 2025)), [
    'study.name',
    'study.productName',
    'study.referenceFlow',
    'study.releaseLci',
    'study.releaseFactors',
  ]);
});

test('sameInput tells unsaved edits', () => {
  const input = newStudyInput(releases, texts, 2025);
  assert.ok(sameInput(input, structuredClone(input)));
  assert.ok(!sameInput(input, { ...input, year: 2024 }));
});
