import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ilcdFixture } from '../formats/ilcd-fixture.ts';
import { NEEDS_POSTGRES, stewardOnServers, until, url, workerCluster } from './cluster.ts';

/**
 * A `tanji worker` killed with SIGKILL in the middle of importing a database archive, on
 * PostgreSQL: two servers (apps on their own pools) and two worker processes. The kill lands inside
 * the import's transaction for certain: the test holds a SHARE lock on release_imports, so the
 * saving transaction (release, processes, exchanges and screen written) waits at the row that
 * records its job until the test sees it waiting and kills that worker. Then: no row of the
 * release is visible, the other server keeps answering, the other worker takes the job over once
 * its lease runs out and saves the release exactly once. Runs only with TANJI_TEST_DATABASE_URL:
 * PGlite on disk is one process's, so no second process could take a job over.
 */

const RELEASE = 'cement-kill';
const cluster = workerCluster('killimp', 3);
const { stores, startWorker } = cluster;

test(
  'a worker killed inside an import transaction leaves nothing; another takes the job over and saves the release once',
  { skip: !url && NEEDS_POSTGRES },
  async () => {
    const [a, b, locker] = stores;
    const [apiA, apiB] = await stewardOnServers(a, b);
    const count = async (sql: string) => (await b.query<{ n: number }>(sql, [RELEASE]))[0].n;
    const ofRelease = (table: string) =>
      count(`SELECT count(*)::int AS n FROM ${table} WHERE release_id IN (SELECT id FROM releases WHERE number = $1)`);
    const written = async () => ({
      releases: await count('SELECT count(*)::int AS n FROM releases WHERE number = $1'),
      imports: await count('SELECT count(*)::int AS n FROM release_imports WHERE release = $1'),
      logs: await ofRelease('import_log'),
      screens: await ofRelease('release_screens'),
    });

    const { jobId, victim } = await locker.transaction(async (tx) => {
      // the saving transaction writes the release, then waits here at the row that records its job
      await tx.query('LOCK TABLE release_imports IN SHARE MODE');
      startWorker();
      startWorker();
      const accepted = await apiA.post(`/api/cobuild/imports?release=${RELEASE}`, readFileSync(ilcdFixture()), {
        'x-file-name': 'china-cement-ilcd.zip',
        'content-type': 'application/zip',
      });
      assert.equal(accepted.status, 202, JSON.stringify(accepted.data));
      const jobId = accepted.data.id as string;
      const victim = await cluster.killHolderWaitingAt(b, 'release_imports', jobId, 'saving the release');
      return { jobId, victim };
    });

    // the dead worker's transaction never commits: nothing of the release is there
    assert.deepEqual(await written(), { releases: 0, imports: 0, logs: 0, screens: 0 });
    // the other server keeps answering while the job waits for its lease to run out
    const releases = await apiB.get('/api/releases');
    assert.equal(releases.status, 200);
    assert.ok(!JSON.stringify(releases.data).includes(RELEASE));

    const job = await until('the job to end', async () => {
      const j = (await apiB.get(`/api/jobs/${jobId}`)).data;
      return j.state === 'done' || j.state === 'failed' ? j : undefined;
    });
    assert.equal(job.state, 'done', job.error);
    assert.equal(job.attempts, 2, 'taken over once');
    assert.equal(job.output.release, RELEASE);
    assert.ok(job.output.processes > 0);
    const [{ worker }] = await b.query<{ worker: string }>('SELECT worker FROM jobs WHERE id = $1', [jobId]);
    assert.notEqual(worker, victim);
    assert.deepEqual(await written(), { releases: 1, imports: 1, logs: 1, screens: 1 });
    const [{ job_id }] = await b.query<{ job_id: string }>('SELECT job_id FROM release_imports WHERE release = $1', [
      RELEASE,
    ]);
    assert.equal(job_id, jobId, 'the release names the job that imported it');
  },
);
