import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import { enqueue, JobWorker, PermanentJobError, startWorker, type Handler } from '../../src/jobs/index.ts';
import type { StudyInput } from '../../src/model/study.ts';
import { STUDY } from './study.ts';
import { canonicalJson } from '../../src/model/canonical-json.ts';
import {
  claimJob,
  completeJob,
  createCompany,
  createJob,
  createStudy,
  createUser,
  failJob,
  getJob,
  getStudy,
  handBackJob,
  latestStoredResult,
  nextJobDueInMs,
  openStore,
  resultByHash,
  saveRelease,
  type Store,
} from '../../src/store/index.ts';
import { loadBackground } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { createHash } from 'node:crypto';
import { BACKENDS } from '../store/backends.ts';
import { fixture } from '../store/fixture.ts';
import { jobMessage } from '../../src/jobs/messages.ts';
import { render } from '../../src/i18n/catalogue.ts';
import { DomainError } from '../../src/model/errors.ts';
import { coded } from '../../src/server/errors.ts';

/**
 * The job queue on each back end: claims never overlap, a job whose worker stopped is taken over
 * once its lease runs out (and fails with the reason when no attempt is left), failures retry
 * with backoff unless permanent, and a calculation retried on another worker stores the very same
 * result (same hash) as one worker running it straight through.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of BACKENDS) {
  describe(`job queue on ${backend.name}`, () => {
    const fresh = backend.fresh();
    let store: Store;
    let user: string;
    let studyId: string;

    before(async () => {
      store = await openStore(fresh.opts);
      await saveRelease(store, { release: SEED_RELEASE, factors: seedFactors() });
      await saveRelease(store, { release: 'fixture', database: fixture() });
      const company = await createCompany(store, 'Queue Co');
      user = (
        await createUser(store, {
          email: 'q@example.com',
          name: 'Q',
          role: 'enterprise',
          companyId: company.id,
          passwordHash: 'x',
        })
      ).id;
      studyId = (await createStudy(store, STUDY, company.id, user)).id;
    });

    after(async () => {
      await store.close();
      await fresh.dispose();
    });

    test('three workers share 30 jobs: each runs exactly once', async () => {
      const runs: string[] = [];
      const handler: Handler = async ({ job }) => {
        runs.push(job.id);
        await sleep(5);
        return {
          message: jobMessage('job.calculated', { version: 1, total: job.params.n as number }),
          output: { n: job.params.n as number },
        };
      };
      const jobs = await Promise.all(
        Array.from({ length: 30 }, (_, n) => createJob(store, { kind: 'count', userId: user, params: { n } })),
      );
      const workers = [0, 1, 2].map((i) =>
        new JobWorker(store, { count: handler }, { id: `w${i}`, concurrency: 2, pollMs: 20 }).start(),
      );
      for (const w of workers) w.wake();
      while ((await Promise.all(jobs.map((j) => getJob(store, j.id)))).some((j) => j!.state !== 'done')) {
        await sleep(50);
        for (const w of workers) w.wake();
      }
      await Promise.all(workers.map((w) => w.stop()));
      assert.equal(runs.length, 30);
      assert.equal(new Set(runs).size, 30);
      const done = await Promise.all(jobs.map((j) => getJob(store, j.id)));
      assert.deepEqual(
        done.map((j) => j!.output?.n).sort((a, b) => Number(a) - Number(b)),
        Array.from({ length: 30 }, (_, n) => n),
      );
      assert.ok(done.every((j) => j!.attempts === 1));
    });

    test('a job whose worker stopped is taken over when its lease runs out; the old worker can no longer finish it', async () => {
      const job = await createJob(store, { kind: 'lease', userId: user });
      const first = await claimJob(store, 'dead', ['lease'], 5000);
      assert.equal(first?.id, job.id);
      assert.equal(await claimJob(store, 'live', ['lease'], 100), undefined, 'not while the lease holds');
      assert.ok((await nextJobDueInMs(store, ['lease']))! > 3000, 'due when the lease runs out');
      // the lease runs out (as five seconds without a heartbeat would make it)
      await store.query("UPDATE jobs SET lease_until = now() - interval '1 millisecond' WHERE id = $1", [job.id]);
      const again = await claimJob(store, 'live', ['lease'], 10_000);
      assert.equal(again?.id, job.id);
      assert.equal(again?.attempts, 2);
      assert.match(again!.message, /taken over from dead/);
      assert.equal(render(again!.codedMessage!, 'zh'), '已从 dead 接手');
      const done = jobMessage('job.calculated', { version: 3, total: 1.5 });
      assert.equal(await completeJob(store, job.id, 'dead', { message: done }), false);
      assert.equal(await completeJob(store, job.id, 'live', { message: done }), true);
      const finished = (await getJob(store, job.id))!;
      assert.equal(finished.state, 'done');
      assert.equal(finished.message, 'version 3: 1.5 kg CO2e per unit');
      assert.equal(render(finished.codedMessage!, 'zh'), '第 3 版：每单位 1.5 kg CO2e');
    });

    test('with no attempt left an abandoned job fails with the reason; handing back does not spend an attempt', async () => {
      const job = await createJob(store, { kind: 'bounded', userId: user, maxAttempts: 1 });
      await claimJob(store, 'w1', ['bounded'], 50);
      await handBackJob(store, job.id, 'w1');
      assert.equal((await getJob(store, job.id))!.attempts, 0);
      await claimJob(store, 'w2', ['bounded'], 50);
      await sleep(100);
      assert.equal(await claimJob(store, 'w3', ['bounded'], 50), undefined);
      const failed = (await getJob(store, job.id))!;
      assert.equal(failed.state, 'failed');
      assert.match(failed.error!, /stopped before it finished, 1 time\(s\); the last was w2/);
    });

    test('a failure is retried after a delay, a permanent one is not', async () => {
      const transient = await createJob(store, { kind: 'flaky', userId: user });
      await claimJob(store, 'w', ['flaky'], 1000);
      assert.equal(
        await failJob(store, transient.id, 'w', 'database went away', { permanent: false, retryInMs: 5000 }),
        'queued',
      );
      assert.equal(await claimJob(store, 'w', ['flaky'], 1000), undefined, 'not before the delay');
      assert.ok((await nextJobDueInMs(store, ['flaky']))! > 3000);
      await store.query('UPDATE jobs SET run_after = now() WHERE id = $1', [transient.id]);
      assert.equal((await claimJob(store, 'w', ['flaky'], 1000))?.id, transient.id);
      assert.equal(await failJob(store, transient.id, 'w', 'bad input', { permanent: true, retryInMs: 200 }), 'failed');
      assert.equal((await getJob(store, transient.id))!.error, 'bad input');
      const w = new JobWorker(
        store,
        {
          broken: async () => {
            throw new PermanentJobError('entry 3 has no unit');
          },
        },
        { id: 'wp' },
      ).start();
      const job = await createJob(store, { kind: 'broken', userId: user });
      w.wake();
      await w.idle();
      await w.stop();
      const failed = (await getJob(store, job.id))!;
      assert.equal(failed.state, 'failed');
      assert.equal(failed.attempts, 1);
      assert.equal(failed.error, 'entry 3 has no unit');
      assert.equal(failed.codedError, null, 'a plain error has no catalogue words');
    });

    test('a domain refusal keeps its catalogue words, so the reader sees it in their language', async () => {
      const words = coded('api.invalid-json', {});
      const w = new JobWorker(
        store,
        {
          refused: async () => {
            throw new DomainError('bad-request', 'invalid-json', words);
          },
        },
        { id: 'wd', isPermanent: (e) => e instanceof DomainError },
      ).start();
      const job = await createJob(store, { kind: 'refused', userId: user });
      w.wake();
      await w.idle();
      await w.stop();
      const failed = (await getJob(store, job.id))!;
      assert.deepEqual([failed.state, failed.attempts, failed.error], ['failed', 1, words.message]);
      assert.deepEqual(failed.codedError, words);
      assert.match(render(failed.codedError!, 'zh'), /请求体不是有效的 JSON/);
    });

    test('a calculation whose worker died finishes on another with the same result, stored once under its hash', async () => {
      const study = (await getStudy(store, studyId))!;
      const job = await createJob(store, {
        kind: 'calculate',
        studyId,
        userId: user,
        params: { version: study.version, iterations: 200, seed: 7 },
      });
      // the first worker claims it and dies without a word
      assert.equal((await claimJob(store, 'killed', ['calculate'], 100))?.id, job.id);
      await sleep(150);
      const other = startWorker(store, { id: 'survivor' });
      await other.worker.idle();
      await other.stop();
      const done = (await getJob(store, job.id))!;
      assert.equal(done.state, 'done', done.error ?? '');
      assert.equal(done.worker, 'survivor');
      assert.equal(done.attempts, 2);
      const stored = (await latestStoredResult(store, studyId))!;
      assert.equal(done.output?.hash, stored.hash);
      // the oracle: the same calculation on the main thread, dated by the job, hashed independently
      const direct = {
        ...calculateStudy(study, await loadBackground(store, 'fixture', SEED_RELEASE, 'ipcc-ar6-gwp100'), {
          iterations: 200,
          seed: 7,
        }),
        computedAt: done.createdAt,
      };
      assert.equal(stored.hash, createHash('sha256').update(canonicalJson(direct)).digest('hex'));
      assert.deepEqual((await resultByHash(store, stored.hash))!.result, JSON.parse(JSON.stringify(direct)));
      // run again (as a second take-over would): the same row, not a second one
      const rerun = await createJob(store, {
        kind: 'calculate',
        studyId,
        userId: user,
        params: { version: study.version, iterations: 200, seed: 7 },
      });
      await store.query('UPDATE jobs SET created_at = $2::timestamptz WHERE id = $1', [rerun.id, done.createdAt]);
      const w = startWorker(store, { id: 'again' });
      await w.worker.idle();
      await w.stop();
      assert.equal((await getJob(store, rerun.id))!.output?.hash, stored.hash);
      assert.equal((await store.query('SELECT 1 FROM results WHERE study_id = $1', [studyId])).length, 1);
    });

    test('results cannot be changed in place; a recalculation adds a row and moves the version’s pointer', async () => {
      await assert.rejects(store.query("UPDATE results SET body = '{}'"), /immutable/);
      const before = (await latestStoredResult(store, studyId))!.hash;
      const job = await enqueue(store, {
        kind: 'calculate',
        studyId,
        userId: user,
        params: { version: 1, iterations: 0, seed: 1 },
      });
      const w = startWorker(store, { id: 'recalc' });
      await w.worker.idle();
      await w.stop();
      const after = (await getJob(store, job.id))!.output?.hash as string;
      assert.notEqual(after, before);
      assert.equal((await latestStoredResult(store, studyId))!.hash, after);
      assert.ok(await resultByHash(store, before), 'the earlier result is still there, unchanged');
    });

    test('an entry that cannot be costed fails the job at once, naming it', async () => {
      const study = (await getStudy(store, studyId))!;
      const bad = { ...STUDY, entries: [{ ...STUDY.entries[0], unit: 't*km' }] } as StudyInput;
      const company = study.companyId;
      const id = (await createStudy(store, bad, company, user)).id;
      const job = await enqueue(store, { kind: 'calculate', studyId: id, userId: user, params: { version: 1 } });
      const w = startWorker(store, { id: 'bad' });
      await w.worker.idle();
      await w.stop();
      const failed = (await getJob(store, job.id))!;
      assert.equal(failed.state, 'failed');
      assert.equal(failed.attempts, 1, 'not retried');
      assert.match(failed.error!, /Electricity/);
    });
  });
}
