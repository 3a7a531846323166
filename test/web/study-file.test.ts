import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { StudyInputSchema } from '../../src/model/study.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import type { Store } from '../../src/store/index.ts';
import { studyOutline } from '../../web/src/cobuild/BenchmarksPage.tsx';
import { studyFile } from '../../web/src/study/studyFile.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { platform, signIn } from '../server/platform.ts';

/**
 * The study page's JSON download is the file the benchmark page uploads: the study as
 * GET /api/studies/{id} returns it, less what the store adds, goes back in through
 * POST /api/cobuild/benchmarks unchanged and is calculated there.
 */

const practitioner = DEMO_USERS[0];
const steward = DEMO_USERS.find((u) => u.role === 'steward')!;
let store: Store;
let app: Awaited<ReturnType<typeof platform>>['app'];

before(async () => {
  ({ store, app } = await platform());
});

after(async () => {
  await store.close();
});

test('a study downloaded from its page is added as a benchmark product as it is', async () => {
  const alice = await signIn(app, practitioner.email, practitioner.password);
  const summary = (await alice.get('/api/studies')).data.find((s: { name: string }) => s.name === durianStudy().name);
  const study = (await alice.get(`/api/studies/${summary.id}`)).data;
  const { fileName, text } = studyFile(study);
  assert.match(fileName, /\.study\.json$/);
  const file = JSON.parse(text);

  for (const key of ['id', 'companyId', 'version', 'updatedAt', 'updatedBy'])
    assert.ok(!(key in file), `${key} is the store's, not the study's`);
  assert.deepEqual(
    StudyInputSchema.strict().parse(file),
    file,
    'a complete study input: nothing stripped, nothing defaulted',
  );
  assert.deepEqual(
    studyOutline(file),
    { name: study.name, entries: study.entries.length, releases: `${study.releases.lci} + ${study.releases.factors}` },
    'what the benchmark page shows of the chosen file',
  );

  const zhao = await signIn(app, steward.email, steward.password);
  const added = await zhao.post('/api/cobuild/benchmarks', { name: file.name, study: file });
  assert.equal(added.status, 201, JSON.stringify(added.data));
  assert.ok(added.data.footprint > 0);
  const [kept] = (await zhao.get('/api/cobuild/benchmarks')).data;
  assert.deepEqual([kept.name, kept.releases, kept.entries], [study.name, study.releases, study.entries.length]);
});
