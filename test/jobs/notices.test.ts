import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import { JobWorker, type Handler } from '../../src/jobs/index.ts';
import { jobMessage } from '../../src/jobs/messages.ts';
import { ReadCache } from '../../src/server/cache.ts';
import {
  createCompany,
  createJob,
  createStudy,
  createUser,
  getJob,
  openStore,
  saveRelease,
  saveStudy,
  sendNotice,
  type Job,
  type Notice,
  type Store,
} from '../../src/store/index.ts';
import { loadBackground } from '../../src/studies/background.ts';
import { BACKENDS } from '../store/backends.ts';
import { fixture } from '../store/fixture.ts';
import { STUDY } from './study.ts';

/**
 * The store's notices wake workers and drop caches in every process on the store. The workers here
 * poll once an hour and nothing else wakes them, so a claim proves a notice arrived; on PostgreSQL
 * the job is enqueued and the release saved through a second store (another server's connections).
 * Deadlines are generous: they fail only when no notice comes at all.
 */

const HOUR = 3_600_000;
const PATIENCE_MS = 60_000;
const LIMIT = { timeout: 2 * PATIENCE_MS };
const echo: Handler = async ({ job }) => ({
  message: jobMessage('job.calculated', { version: 1, total: job.params.n as number }),
  output: { n: job.params.n },
});

/** Polls `probe` until it holds; fails after PATIENCE_MS naming what never happened. */
async function eventually(what: string, probe: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + PATIENCE_MS;
  while (!(await probe())) {
    if (Date.now() > end) assert.fail(`${what}: not within ${PATIENCE_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves with the next job the worker finishes. */
const nextDone = (worker: JobWorker) => new Promise<Job>((resolve) => worker.onDone((job) => resolve(job)));

for (const backend of BACKENDS) {
  describe(`store notices on ${backend.name}`, () => {
    const fresh = backend.fresh();
    let here: Store;
    /** the same store as a second server sees it (on PGlite, which is one process, the same object) */
    let there: Store;

    before(async () => {
      here = await openStore(fresh.opts);
      there = backend.name === 'PGlite' ? here : await openStore(fresh.opts);
    });

    after(async () => {
      if (there !== here) await there.close();
      await here.close();
      await fresh.dispose();
    });

    test('a job enqueued elsewhere is claimed at once by an idle worker that never polls', LIMIT, async () => {
      const worker = new JobWorker(here, { echo }, { id: 'listener', pollMs: HOUR }).start();
      try {
        await worker.listening;
        await worker.idle();
        const done = nextDone(worker);
        const job = await createJob(there, { kind: 'echo', params: { n: 1 } });
        assert.equal((await done).id, job.id);
        assert.equal((await getJob(there, job.id))?.state, 'done');
      } finally {
        await worker.stop();
      }
    });

    test(
      'a release saved elsewhere is announced here; a background built on a release is dropped when it is',
      LIMIT,
      async () => {
        const heard: Notice[] = [];
        const subscription = here.listen((n) => heard.push(n));
        try {
          await subscription.ready;
          await saveRelease(there, { release: SEED_RELEASE, factors: seedFactors() });
          await saveRelease(there, { release: 'fixture', database: fixture() });
          await eventually(
            'both releases announced',
            async () => heard.filter((n) => n.topic === 'release').length === 2,
          );
          assert.deepEqual(
            heard.filter((n) => n.topic === 'release').map((n) => n.subject),
            [SEED_RELEASE, 'fixture'],
          );
          const built = loadBackground(here, 'fixture', SEED_RELEASE, 'ipcc-ar6-gwp100');
          await built;
          assert.equal(loadBackground(here, 'fixture', SEED_RELEASE, 'ipcc-ar6-gwp100'), built, 'kept');
          // what a restore from a backup sends: the release's number may now hold other data
          await sendNotice(there, 'release', 'fixture');
          await eventually(
            'the background dropped',
            async () => loadBackground(here, 'fixture', SEED_RELEASE, 'ipcc-ar6-gwp100') !== built,
          );
        } finally {
          subscription.close();
        }
      },
    );

    test("a study's new version elsewhere drops this server's cached head and result", LIMIT, async () => {
      // entries that never expire (as on PGlite): only the notice can drop them
      const cache = new ReadCache({ kind: 'pglite', listen: (l) => here.listen(l) });
      const company = await createCompany(there, 'Notice Co');
      const user = await createUser(there, {
        email: 'n@example.com',
        name: 'N',
        role: 'enterprise',
        companyId: company.id,
        passwordHash: 'x',
      });
      const study = await createStudy(there, STUDY, company.id, user.id);
      cache.putHead({ id: study.id, companyId: company.id, latestVersion: 1, createdBy: user.id });
      cache.putResult(study.id, '{}', new Date().toISOString());
      await saveStudy(there, study.id, STUDY, 1, user.id);
      await eventually('head and result dropped', async () => !cache.head(study.id) && !cache.result(study.id));
    });

    if (backend.name === 'PostgreSQL')
      test(
        'a listening connection that is cut reconnects, and the worker then looks for what it missed',
        LIMIT,
        async () => {
          const worker = new JobWorker(here, { echo }, { id: 'reconnecting', pollMs: HOUR }).start();
          try {
            await worker.listening;
            await worker.idle();
            const channel = `tanji_${here.schema}`;
            const cut = await there.query<{ cut: boolean }>(
              `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE query = $1`,
              [`LISTEN "${channel}"`],
            );
            assert.ok(cut.length >= 1 && cut.every((c) => c.cut), 'the listening connection was found and cut');
            const done = nextDone(worker);
            // sent while the listener may still be away: only the reconnection's "anything may have changed" finds it
            const job = await createJob(there, { kind: 'echo', params: { n: 2 } });
            assert.equal((await done).id, job.id);
          } finally {
            await worker.stop();
          }
        },
      );
  });
}
