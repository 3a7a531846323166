import assert from 'node:assert/strict';
import { render } from '../../src/i18n/catalogue.ts';
import { after, before, describe, it } from 'node:test';
import { wakeLocalWorkers } from '../../src/jobs/index.ts';
import { startInstance, until, type Instance } from './instance.ts';
import { oracle } from './oracle.ts';
import { connectPartner, PartnerHost, requestCreated } from './partner-host.ts';
import { BACKENDS } from '../store/backends.ts';

/**
 * Where Tanji's answers to a partner's RequestCreated go: a partner's HTTPS host (a test server
 * here) whose `source` is only its base URL gets the answer at {base}/3/events (v2: /2/events),
 * after Tanji took a token at the token endpoint the host's OpenID configuration names (a
 * non-default path, so discovery is what found it), with the credentials recorded for the partner.
 */

for (const backend of BACKENDS) {
  describe(backend.name, () => {
    describe('PACT event answers reach the requester where it listens', () => {
      let tanji: Instance;
      let partner: PartnerHost;
      let connectionId: string;
      let ourToken: string;
      let product: string;

      before(async () => {
        tanji = await startInstance(backend);
        partner = new PartnerHost('tanji-at-partner', 'partner-issued-secret');
        await partner.start();
        const connected = await connectPartner(tanji, partner);
        ({ connectionId, token: ourToken, product } = connected);
        assert.equal(connected.recorded.partnerClientId, partner.clientId);
        assert.equal(connected.recorded.hasPartnerSecret, true);
        assert.equal(connected.recorded.partnerUrl, null, 'no partner host: the source alone says where to answer');
      });
      after(async () => {
        await tanji?.close();
        await partner?.close();
      });

      const request = (spec: '3.0' | '2.3', source: string, productId = product) =>
        requestCreated(tanji, ourToken, spec, source, productId);
      const answerTo = (id: string) =>
        until(`the answer to ${id}`, () => partner.received.find((x) => x.body.data?.requestEventId === id));

      it('v3: a base-URL source is answered at {base}/3/events with a bearer token from the discovered token endpoint', async () => {
        const id = await request('3.0', partner.base);
        const got = await answerTo(id);
        assert.equal(got.path, '/3/events');
        assert.ok(
          partner.tokens.includes(got.authorization?.replace(/^Bearer /, '') ?? ''),
          `authorization ${got.authorization}`,
        );
        assert.equal(got.body.type, 'org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3');
        assert.ok(got.body.data.pfs.length >= 1);
        assert.ok(got.body.data.pfs.every((pf: { productIds: string[] }) => pf.productIds.includes(product)));
        assert.deepEqual(oracle([{ spec: '3.0', schema: 'RequestFulfilledEvent', instance: got.body }]), [[]]);
      });

      it('v2: a base URL with a trailing slash is answered at /2/events', async () => {
        const id = await request('2.3', `${partner.base}/`);
        const got = await answerTo(id);
        assert.equal(got.path, '/2/events');
        assert.match(got.authorization ?? '', /^Bearer partner-token-\d+$/);
        assert.equal(got.body.type, 'org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1');
        assert.deepEqual(oracle([{ spec: '2.3', schema: 'RequestFulfilledEvent', instance: got.body }]), [[]]);
      });

      it('a source that already names an events endpoint is answered there; an unknown product is rejected there', async () => {
        const id = await request('3.0', `${partner.base}/pact/callback/events`, 'urn:pact:nothing:here');
        const got = await answerTo(id);
        assert.equal(got.path, '/pact/callback/events');
        assert.equal(got.body.type, 'org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3');
        assert.equal(got.body.data.error.code, 'NotFound');
      });

      it('a failed delivery is kept for a retry with its reason and the next attempt shown to the company', async () => {
        partner.failEvents = Infinity;
        try {
          const id = await request('3.0', partner.base);
          await answerTo(id);
          const row = await until('the failure recorded', async () =>
            (await tanji.api('GET', '/api/pact/events')).data.find(
              (e: { eventId: string; attempts: number }) => e.eventId === id && e.attempts > 0,
            ),
          );
          assert.equal(row.state, 'accepted', 'still to be answered');
          assert.match(row.error, /503/);
          assert.ok(Date.parse(row.nextAttemptAt) > Date.now(), 'a later attempt is planned');
          // the delivery is a job of its own, queued again on the event's backoff
          const job = async () =>
            (
              await tanji.store.query<{ id: string; state: string; error: string | null }>(
                "SELECT id, state, error FROM jobs WHERE kind = 'pact-event' AND (params->>'event')::int = $1",
                [row.id],
              )
            )[0];
          const queued = await job();
          assert.equal(queued.state, 'queued');
          assert.match(queued.error!, /503/);
          // 73 hours later the next failure gives up, with the reason on the event and on the job
          await tanji.store.query("UPDATE pact_events SET at = now() - interval '73 hours' WHERE id = $1", [row.id]);
          await tanji.store.query('UPDATE jobs SET run_after = now() WHERE id = $1', [queued.id]);
          wakeLocalWorkers(tanji.store);
          const failed = await until('the delivery given up', async () => {
            const j = await job();
            return j.state === 'failed' ? j : undefined;
          });
          const [, attempts] = /^gave up after 72 h and (\d+) attempts; last: .*503/.exec(failed.error!) ?? [];
          assert.ok(Number(attempts) >= 2, failed.error!);
          const given = (await tanji.api('GET', '/api/pact/events')).data.find((e: { id: number }) => e.id === row.id);
          assert.equal(given.state, 'failed');
          assert.equal(given.nextAttemptAt, null);
          assert.equal(given.attempts, Number(attempts));
          assert.equal(given.error, failed.error);
          // the same reason in the catalogue's words, for a reader of either language
          assert.equal(given.codedError.code, 'pact.event-gave-up');
          assert.equal(render(given.codedError, 'en'), given.error);
          assert.match(render(given.codedError, 'zh'), /^72 小时内尝试 \d+ 次后放弃；最后一次：.*503/);
        } finally {
          partner.failEvents = 0;
        }
      });

      it('only the company’s practitioners record partner credentials, and only https hosts', async () => {
        const r = await tanji.api('PATCH', `/api/pact/connections/${connectionId}`, { partnerClientId: 'x' }, 1);
        assert.ok(r.status === 403 || r.status === 404, `status ${r.status}`);
        const bad = await tanji.api('PATCH', `/api/pact/connections/${connectionId}`, {
          partnerUrl: 'http://plain.example',
        });
        assert.equal(bad.status, 400);
      });
    });
  });
}
