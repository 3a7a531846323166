import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import { createApp } from '../../src/server/app.ts';
import { DEMO_ORGANISATION_USERS, ensureOrganisationsDemo } from '../../src/server/demo-organisations.ts';
import { jobsIdle, stopInProcessWorker } from '../../src/server/jobs.ts';
import { getRelease, saveRelease, type Store } from '../../src/store/index.ts';
import { ilcdFixture, ilcdFixtureEntries } from '../formats/ilcd-fixture.ts';
import { BACKENDS, openFresh } from '../store/backends.ts';
import { render } from '../../src/i18n/catalogue.ts';
import { client, signIn } from './platform.ts';

/**
 * A steward imports a database archive through the API (kind `import`) on PGlite: the small ILCD
 * fixture of test/formats, a zip that is no database and one with a broken record.
 */

let store: Store;
let app: ReturnType<typeof createApp>;

before(async () => {
  store = await openFresh(BACKENDS[0]);
  await saveRelease(store, { release: SEED_RELEASE, factors: seedFactors() });
  await ensureOrganisationsDemo(store);
  app = createApp({ store });
});

after(async () => {
  await stopInProcessWorker(store);
  await store.close();
});

/** An API error's catalogue words, as the web app renders them. */
const words = (e: { messageCode: string; params: Record<string, unknown>; message: string }) => ({
  code: e.messageCode,
  params: e.params,
  message: e.message,
});
const user = (role: string) => DEMO_ORGANISATION_USERS.find((u) => u.role === role)!;
const steward = () => signIn(app, user('steward').email, user('steward').password);
const zip = (entries: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)])));
const upload = (api: ReturnType<typeof client>, query: string, bytes: Uint8Array, file: string) =>
  api.post(`/api/cobuild/imports?${query}`, bytes, { 'x-file-name': file, 'content-type': 'application/zip' });

test('a steward uploads an ILCD archive: 202, and the job parses, screens and saves the release', async () => {
  const api = await steward();
  const citation = 'China cement fixture, Tanji tests';
  const res = await upload(
    api,
    `release=cement-ilcd&licence=${encodeURIComponent('CC BY 4.0')}&citation=${encodeURIComponent(citation)}`,
    readFileSync(ilcdFixture()),
    'china-cement-ilcd.zip',
  );
  assert.equal(res.status, 202, JSON.stringify(res.data));
  assert.equal(res.data.kind, 'import');
  assert.equal(res.headers.get('location'), `/api/jobs/${res.data.id}`);
  await jobsIdle();
  const job = (await api.get(`/api/jobs/${res.data.id}`)).data;
  assert.equal(job.state, 'done', job.error);
  assert.equal(job.output.release, 'cement-ilcd');
  assert.match(job.output.origin, /ILCD/);
  const release = (await getRelease(store, 'cement-ilcd'))!;
  assert.ok(release.processes > 0);
  assert.equal(job.output.processes, release.processes);
  assert.equal(release.licence, 'CC BY 4.0');
  assert.equal(release.notes, citation);
  const [row] = await store.query<{ job_id: string }>('SELECT job_id FROM release_imports WHERE release = $1', [
    'cement-ilcd',
  ]);
  assert.equal(row.job_id, res.data.id, 'the release names the job that imported it');

  const again = await upload(api, 'release=cement-ilcd', readFileSync(ilcdFixture()), 'china-cement-ilcd.zip');
  assert.equal(again.status, 422);
  assert.match(again.data.error.message, /cement-ilcd already exists/);
});

test('an archive that is no database, or no zip, is refused naming the file; nothing is queued', async () => {
  const api = await steward();
  const before = await store.query('SELECT id FROM jobs');
  const notes = await upload(api, 'release=notes', zip({ 'readme.txt': 'hello' }), 'notes.zip');
  assert.equal(notes.status, 422);
  assert.match(notes.data.error.message, /^notes\.zip: not a known LCI database format.*readme\.txt/);
  assert.deepEqual([notes.data.error.code, notes.data.error.messageCode], ['bad-file', 'import.at']);
  assert.match(
    render(words(notes.data.error), 'zh'),
    /^notes\.zip：不是可识别的 LCI 数据库格式.*但其中包含 readme\.txt$/,
  );
  const text = await upload(api, 'release=text', strToU8('not a zip at all'), 'data.zip');
  assert.equal(text.status, 422);
  assert.match(text.data.error.message, /^data\.zip: not a readable zip file/);
  const named = await upload(api, 'release=bad%20name', zip({ 'readme.txt': 'hello' }), 'notes.zip');
  assert.equal(named.status, 400);
  assert.match(JSON.stringify(named.data), /release/);
  assert.deepEqual(await store.query('SELECT id FROM jobs'), before);
  assert.equal(await getRelease(store, 'notes'), undefined);
});

test('only a steward imports, and who asks comes before the request is checked', async () => {
  const anonymous = await upload(client(app), '', zip({ 'readme.txt': 'hello' }), 'notes.zip');
  assert.equal(anonymous.status, 401);
  const enterprise = await signIn(app, user('enterprise').email, user('enterprise').password);
  const res = await upload(enterprise, 'release=theirs', readFileSync(ilcdFixture()), 'china-cement-ilcd.zip');
  assert.equal(res.status, 403);
});

test('a broken record fails the job naming file and record, and saves nothing', async () => {
  const api = await steward();
  const entries = ilcdFixtureEntries();
  const record = Object.keys(entries).find((n) => /processes\/.*\.xml$/.test(n))!;
  entries[record] = '<processDataSet>';
  const res = await upload(api, 'release=broken', zip(entries), 'broken-ilcd.zip');
  assert.equal(res.status, 202, JSON.stringify(res.data));
  await jobsIdle();
  const job = (await api.get(`/api/jobs/${res.data.id}`)).data;
  assert.equal(job.state, 'failed');
  assert.equal(job.attempts, 1, 'a malformed record is not tried again');
  assert.match(job.error, /broken-ilcd\.zip/);
  assert.equal(job.codedError.code, 'import.at');
  assert.equal(render(job.codedError, 'en'), job.error);
  assert.match(render(job.codedError, 'zh'), /^broken-ilcd\.zip：\S*processes\/\S*\.xml：XML 格式不正确/);
  assert.ok(job.error.includes(record.split('/').pop()!.replace('.xml', '')), job.error);
  assert.equal(await getRelease(store, 'broken'), undefined);
});
