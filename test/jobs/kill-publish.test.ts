import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NEEDS_POSTGRES, stewardOnServers, until, url, workerCluster } from './cluster.ts';

/**
 * A `tanji worker` killed with SIGKILL in the middle of publishing a release, on PostgreSQL: two
 * servers (apps on their own pools) and two worker processes. The kill lands inside the release's
 * transaction for certain: the test holds a SHARE lock on cobuild_events, so the publishing
 * transaction (release rows written, notes recorded) waits at its event row until the test sees it
 * waiting and kills that worker. Then: no release row is visible, the other server keeps
 * answering, the other worker takes the job over once its lease runs out and publishes the release
 * exactly once (one release, one notes record, one event, one notification per person). Runs
 * only with TANJI_TEST_DATABASE_URL: PGlite on disk is one process's, so no second process could
 * take a job over.
 */

const RELEASE = '2026.9-kill';
const cluster = workerCluster('kill', 3);
const { stores, startWorker } = cluster;

test(
  'a worker killed inside a release transaction leaves nothing; another takes the job over and publishes once',
  { skip: !url && NEEDS_POSTGRES },
  async () => {
    const [a, b, locker] = stores;
    const [apiA, apiB] = await stewardOnServers(a, b);
    const [{ id: aggregateId }] = await a.query<{ id: string }>('SELECT id FROM cobuild_aggregates');
    const count = async (sql: string) => (await b.query<{ n: number }>(sql, [RELEASE]))[0].n;
    const written = async () => ({
      releases: await count('SELECT count(*)::int AS n FROM releases WHERE number = $1'),
      notes: await count('SELECT count(*)::int AS n FROM cobuild_releases WHERE release = $1'),
      items: await count('SELECT count(*)::int AS n FROM cobuild_release_items WHERE release = $1'),
      events: await count(
        "SELECT count(*)::int AS n FROM cobuild_events WHERE release = $1 AND action = 'release.published'",
      ),
      notifications: await count("SELECT count(*)::int AS n FROM cobuild_notifications WHERE params->>'release' = $1"),
      notified: await count(
        "SELECT count(DISTINCT user_id)::int AS n FROM cobuild_notifications WHERE params->>'release' = $1",
      ),
    });
    const nothing = { releases: 0, notes: 0, items: 0, events: 0, notifications: 0, notified: 0 };

    const { jobId, victim } = await locker.transaction(async (tx) => {
      // the publishing transaction writes its release, then waits here at its event row
      await tx.query('LOCK TABLE cobuild_events IN SHARE MODE');
      startWorker();
      startWorker();
      const accepted = await apiA.post('/api/cobuild/releases', {
        release: RELEASE,
        aggregateIds: [aggregateId],
        licence: 'CC BY 4.0',
      });
      assert.equal(accepted.status, 202, JSON.stringify(accepted.data));
      const jobId = accepted.data.id as string;
      const victim = await cluster.killHolderWaitingAt(b, 'cobuild_events', jobId, 'writing the release');
      return { jobId, victim };
    });

    // the dead worker's transaction never commits: nothing of the release is there
    assert.deepEqual(await written(), nothing);
    // the other server keeps answering while the job waits for its lease to run out
    const open = await apiB.get('/api/open/releases');
    assert.equal(open.status, 200);
    assert.ok(!open.data.some((r: { release: string }) => r.release === RELEASE));

    const job = await until('the job to end', async () => {
      const j = (await apiB.get(`/api/jobs/${jobId}`)).data;
      return j.state === 'done' || j.state === 'failed' ? j : undefined;
    });
    assert.equal(job.state, 'done', job.error);
    assert.equal(job.attempts, 2, 'taken over once');
    assert.equal(job.output.release, RELEASE);
    const [{ worker }] = await b.query<{ worker: string }>('SELECT worker FROM jobs WHERE id = $1', [jobId]);
    assert.notEqual(worker, victim);
    const after = await written();
    assert.ok(after.notified > 0, 'the contributors are told');
    assert.deepEqual(after, {
      releases: 1,
      notes: 1,
      items: 1,
      events: 1,
      notifications: after.notified,
      notified: after.notified,
    });
    const [{ job_id }] = await b.query<{ job_id: string }>('SELECT job_id FROM cobuild_releases WHERE release = $1', [
      RELEASE,
    ]);
    assert.equal(job_id, jobId, 'the release names the job that published it');
  },
);
