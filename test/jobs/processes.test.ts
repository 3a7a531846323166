import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import { canonicalJson } from '../../src/model/canonical-json.ts';
import { createApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/passwords.ts';
import {
  createCompany,
  createStudy,
  createUser,
  getStudy,
  openStore,
  saveRelease,
  type Job,
  type Store,
} from '../../src/store/index.ts';
import { loadBackground } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { fixture } from '../store/fixture.ts';
import { client } from '../server/platform.ts';
import { STUDY } from './study.ts';

/**
 * Many processes on one PostgreSQL: two servers (apps that only enqueue, each with its own pool)
 * and three `tanji worker` processes. 300 calculations submitted across both servers all finish,
 * each exactly once (every worker's log is read back); one worker is killed with SIGKILL in the
 * middle of a job, and that job finishes on another worker with the result a calculation done
 * here gives. Runs only with TANJI_TEST_DATABASE_URL (a real server: row locks, several pools).
 */

const url = process.env.TANJI_TEST_DATABASE_URL;
const schema = `t_proc_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const JOBS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let stores: Store[] = [];
const workers: { child: ChildProcess; lines: Record<string, unknown>[] }[] = [];

before(async () => {
  if (!url) return;
  stores = [await openStore({ url, schema }), await openStore({ url, schema })];
});

after(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  for (const s of stores) await s.close();
  if (url) {
    const s = await openStore({ url, migrate: false });
    await s.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await s.close();
  }
});

function startWorker(i: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/tanji.ts', 'worker'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      TANJI_DB_SCHEMA: schema,
      TANJI_LOG_LEVEL: 'info',
      TANJI_JOB_LEASE_MS: '2000',
      NODE_TEST_CONTEXT: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const w = { child, lines: [] as Record<string, unknown>[] };
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString();
    const parts = text.split('\n');
    rest = parts.pop()!;
    for (const p of parts) if (p.startsWith('{')) w.lines.push(JSON.parse(p));
  });
  workers[i] = w;
}

test(
  'two servers and three workers: 300 calculations each done once; a worker killed mid-job hands its job to another, same result',
  { skip: !url && 'set TANJI_TEST_DATABASE_URL' },
  async () => {
    const [a] = stores;
    await saveRelease(a, { release: SEED_RELEASE, factors: seedFactors() });
    await saveRelease(a, { release: 'fixture', database: fixture() });
    const company = await createCompany(a, 'Process Co');
    await createUser(a, {
      email: 'p@example.com',
      name: 'P',
      role: 'enterprise',
      companyId: company.id,
      passwordHash: await hashPassword('correct horse battery'),
    });
    const user = (await a.query<{ id: string }>('SELECT id FROM users'))[0].id;
    const studies = await Promise.all(
      [0, 1, 2].map((i) => createStudy(a, { ...STUDY, name: `study ${i}` }, company.id, user)),
    );
    const servers = stores.map((s) => createApp({ store: s, worker: false }));
    const sessions = await Promise.all(
      servers.map(async (app) =>
        client(
          app,
          (await client(app).post('/api/auth/login', { email: 'p@example.com', password: 'correct horse battery' }))
            .data.token,
        ),
      ),
    );

    for (let i = 0; i < 3; i++) startWorker(i);
    // every tenth job is long (a Monte Carlo of 3,000 draws): worker 0 is killed inside one of those
    const heavy = new Set<string>();
    for (let n = 0; n < JOBS; n++) {
      const res = await sessions[n % 2].post(`/api/studies/${studies[n % 3].id}/calculate`, {
        iterations: n % 10 === 0 ? 3000 : 20,
        seed: n,
      });
      assert.equal(res.status, 202, JSON.stringify(res.data));
      if (n % 10 === 0) heavy.add(res.data.id);
    }
    let victim: string | undefined;
    while (!victim) {
      const last = workers[0].lines.filter((l) => l.msg === 'job started' || l.msg === 'job ended').at(-1);
      if (last?.msg === 'job started' && heavy.has(last.job as string)) {
        workers[0].child.kill('SIGKILL');
        victim = last.job as string;
      } else {
        const pending = await a.query("SELECT 1 FROM jobs WHERE state <> 'done' AND id = ANY($1::text[])", [
          [...heavy],
        ]);
        assert.ok(pending.length, 'worker 0 ran none of the long jobs: nothing to kill it inside');
        await sleep(5);
      }
    }
    const jobs = async () =>
      (await a.query<Job>(
        `SELECT id, state, attempts, worker, output, error, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", params, study_id AS "studyId" FROM jobs`,
      )) as (Job & { createdAt: string })[];
    for (;;) {
      const all = await jobs();
      if (all.every((j) => j.state === 'done' || j.state === 'failed')) break;
      await sleep(200);
    }
    const all = await jobs();
    assert.equal(all.length, JOBS);
    assert.deepEqual(
      all.filter((j) => j.state !== 'done').map((j) => j.error),
      [],
    );
    const ends = workers.flatMap((w) =>
      w.lines.filter((l) => l.msg === 'job ended' && l.outcome === 'done').map((l) => l.job as string),
    );
    const killedDone = workers[0].lines.some((l) => l.msg === 'job ended' && l.job === victim);
    assert.equal(killedDone, false, 'the victim was cut mid-job');
    assert.equal(ends.length, JOBS, 'one completion per job over all workers');
    assert.equal(new Set(ends).size, JOBS);
    const taken = all.find((j) => j.id === victim)!;
    assert.equal(taken.attempts, 2);
    assert.notEqual(taken.worker, workers[0].lines[0].worker);
    // the oracle for the taken-over job: the same calculation here, dated by the job, hashed independently
    const study = (await getStudy(a, taken.studyId!))!;
    const params = taken.params as { iterations: number; seed: number };
    const direct = {
      ...calculateStudy(study, await loadBackground(a, 'fixture', SEED_RELEASE, 'ipcc-ar6-gwp100'), params),
      computedAt: taken.createdAt,
    };
    assert.equal(taken.output?.hash, createHash('sha256').update(canonicalJson(direct)).digest('hex'));
    for (const w of workers.slice(1)) w.child.kill('SIGTERM');
  },
);
