import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { platform, signIn } from './platform.ts';
import { BACKENDS } from '../store/backends.ts';

/**
 * A maximal job (20,000 Monte Carlo iterations on the demo study, US LCI background) runs on a
 * calculation thread: while it runs, /api/me answers about as fast as when nothing runs, and the
 * job's progress moves. The bound is relative to the idle latency measured here, on this machine,
 * so the test holds on a slow or busy one; a calculation on the event loop would hold every
 * request for seconds and fail it by orders of magnitude.
 */

for (const backend of BACKENDS) {
  describe(backend.name, () => {
    let store: Store;
    let app: Awaited<ReturnType<typeof platform>>['app'];

    before(async () => {
      ({ store, app } = await platform({ backend }));
    });

    after(async () => {
      await jobsIdle();
      await store.close();
    });

    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const quantile = (xs: number[], q: number) =>
      [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

    test('/api/me stays fast while a 20,000-iteration Monte Carlo runs, and the job reports progress that moves', async (t) => {
      const alice = await signIn(app, DEMO_USERS[0].email, DEMO_USERS[0].password);
      const id = (await alice.get('/api/studies')).data.find((s: { name: string }) => s.name === durianStudy().name)
        .id as string;
      const timed = async () => {
        const t = performance.now();
        assert.equal((await alice.get('/api/me')).status, 200);
        return performance.now() - t;
      };
      // the background is loaded (on the main thread, from the store) once per thread: warm it with a small job first
      const warm = await alice.post(`/api/studies/${id}/calculate`, { iterations: 0 });
      await jobsIdle();
      assert.equal((await alice.get(`/api/jobs/${warm.data.id}`)).data.state, 'done');

      const idle: number[] = [];
      for (let i = 0; i < 40; i++) {
        idle.push(await timed());
        await sleep(10);
      }
      const job = await alice.post(`/api/studies/${id}/calculate`, { iterations: 20_000, seed: 3 });
      assert.equal(job.status, 202);
      const busy: number[] = [];
      const progress = new Set<number>();
      for (;;) {
        busy.push(await timed());
        const state = (await alice.get(`/api/jobs/${job.data.id}`)).data;
        if (state.state === 'done' || state.state === 'failed') {
          assert.equal(state.state, 'done', state.error);
          break;
        }
        if (state.state === 'running') progress.add(state.progress);
        await sleep(20);
      }
      const base = Math.max(1, quantile(idle, 0.5));
      const median = quantile(busy, 0.5);
      const p90 = quantile(busy, 0.9);
      const report = `idle median ${quantile(idle, 0.5).toFixed(1)} ms; during the job (${busy.length} requests) median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, max ${Math.max(...busy).toFixed(0)} ms`;
      t.diagnostic(report);
      assert.ok(busy.length >= 10, `the job was too short to measure against (${report})`);
      assert.ok(median <= 25 * base, report);
      assert.ok(p90 <= 100 * base, report);
      const moved = [...progress].filter((p) => p > 0 && p < 1);
      assert.ok(moved.length >= 3, `progress seen while running: ${[...progress].join(', ')}`);
      const result = (await alice.get(`/api/studies/${id}/result`)).data;
      assert.equal(result.uncertainty.iterations > 19_000, true, `${result.uncertainty.iterations} draws kept`);
    });
  });
}
