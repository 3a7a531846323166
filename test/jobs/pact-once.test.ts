import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.ts';
import { jobsIdle } from '../../src/server/jobs.ts';
import { serveInstance, startInstance, until, type Instance } from '../pact/instance.ts';
import { connectPartner, PartnerHost, requestCreated } from '../pact/partner-host.ts';
import { BACKENDS } from '../store/backends.ts';

/**
 * A PACT event delivered exactly once with two servers running: two Tanji instances (each its own
 * pool, PACT host and in-process worker) on one PostgreSQL schema, and a partner's HTTPS host that
 * records every answer. Each RequestCreated received through either server is answered once, and
 * an answer the partner refuses the first time arrives once more, no more, on the retry. Both
 * workers are woken for every delivery job (the store's notice), so they race for each one. Runs
 * only with TANJI_TEST_DATABASE_URL: two servers on one database need PostgreSQL.
 */

// a short lease: a delivery a worker did not hold would be taken over, and sent again, within the grace period
process.env.TANJI_JOB_LEASE_MS = '2000';
const GRACE_MS = 5000;
const EVENTS = 8;
const postgres = BACKENDS.find((b) => b.name === 'PostgreSQL');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let servers: Instance[] = [];
let partner: PartnerHost;
let token: string;
let product: string;

before(async () => {
  if (!postgres) return;
  const first = await startInstance(postgres);
  servers = [first];
  servers.push(
    await serveInstance(await openStore({ url: process.env.TANJI_TEST_DATABASE_URL, schema: first.store.schema })),
  );
  partner = new PartnerHost('tanji-at-partner', 'partner-issued-secret');
  await partner.start();
  ({ token, product } = await connectPartner(first, partner));
});

after(async () => {
  // the second server first: closing the first drops the schema
  for (const s of servers.reverse()) await s.close();
  await partner?.close();
});

/** The delivery job of the received event `id`, once it has ended. */
async function deliveryEnded(id: string) {
  return until(
    `the delivery of ${id} to end`,
    async () => {
      const [job] = await servers[0].store.query<{ state: string; attempts: number }>(
        `SELECT j.state, j.attempts FROM jobs j JOIN pact_events e ON e.id = (j.params->>'event')::bigint
          WHERE j.kind = 'pact-event' AND e.direction = 'in' AND e.event_id = $1`,
        [id],
      );
      return job && (job.state === 'done' || job.state === 'failed') ? job : undefined;
    },
    120_000,
  );
}

/** Waits past the jobs' ends by more than two leases, so a second delivery would have been made by now. */
async function settled() {
  await sleep(GRACE_MS);
  await jobsIdle();
}

const skip = !postgres && 'set TANJI_TEST_DATABASE_URL (two servers on one database need PostgreSQL)';

test('each RequestCreated received through either of two servers is answered exactly once', { skip }, async () => {
  const ids: string[] = [];
  for (let n = 0; n < EVENTS; n++)
    ids.push(await requestCreated(servers[n % 2], token, n % 4 < 2 ? '3.0' : '2.3', partner.base, product));
  for (const id of ids) {
    const job = await deliveryEnded(id);
    assert.equal(job.state, 'done', id);
    assert.equal(job.attempts, 1, id);
  }
  await settled();
  for (const id of ids) {
    const answers = partner.answersTo(id);
    assert.deepEqual(
      answers.map((a) => a.status),
      [200],
      `${id}: ${answers.length} answers`,
    );
    assert.match(answers[0].body.type, /Fulfilled/);
  }
});

test('an answer the partner refuses once is delivered exactly once on the retry', { skip }, async () => {
  partner.failEvents = 1;
  partner.failStatus = 500;
  const id = await requestCreated(servers[1], token, '3.0', partner.base, product);
  const job = await deliveryEnded(id);
  assert.equal(job.state, 'done');
  assert.equal(job.attempts, 2, 'one failed attempt, one retry');
  await settled();
  const answers = partner.answersTo(id);
  assert.deepEqual(
    answers.map((a) => a.status),
    [500, 200],
  );
  const [event] = await servers[1].store.query<{ state: string; attempts: number; error: string | null }>(
    "SELECT state, attempts, error FROM pact_events WHERE direction = 'in' AND event_id = $1",
    [id],
  );
  assert.deepEqual(event, { state: 'fulfilled', attempts: 1, error: null });
});
