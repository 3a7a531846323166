import { randomUUID } from 'node:crypto';
import { validatePactDocument } from '../formats/pact.ts';
import { coder } from '../i18n/define.ts';
import { errorTextOf } from '../model/errors.ts';
import type { CodedMessageData } from '../model/message.ts';
import { PACT_TEXTS } from '../i18n/pact.ts';
import {
  createJob,
  findEvent,
  getEventRow,
  getConnection,
  insertEvent,
  saveReceived,
  updateEvent,
  type EventRow,
  type Spec,
  type Store,
  type StoredConnection,
} from '../store/index.ts';
import type { Access, FootprintCatalog } from './catalog.ts';
import { PactClient, PactClientError, partnerClient } from './client.ts';
import { PactRequestError } from './errors.ts';
import { filterFromRequest, matches } from './filters.ts';

const coded = coder(PACT_TEXTS);

/**
 * The Action Events of both spec versions. Incoming events are validated and logged; a
 * RequestCreated is accepted at once and answered later (RequestFulfilled with the matching
 * footprints, or RequestRejected) at the requester's events endpoint, after authenticating there;
 * answers to our own requests become received footprints; a Published notice makes us fetch the
 * footprints it names. Each event to deliver is a `pact-event` job queued in the same transaction
 * as the event's row, so one worker delivers it; a failed attempt is recorded on the event
 * (attempts, reason, next attempt) and retried with exponential backoff, given up after 72 hours.
 */

export const EVENT_TYPES = {
  '3.0': {
    published: 'org.wbcsd.pact.ProductFootprint.PublishedEvent.3',
    created: 'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3',
    fulfilled: 'org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3',
    rejected: 'org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3',
  },
  '2.3': {
    published: 'org.wbcsd.pathfinder.ProductFootprint.Published.v1',
    created: 'org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1',
    fulfilled: 'org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1',
    rejected: 'org.wbcsd.pathfinder.ProductFootprintRequest.Rejected.v1',
  },
} as const;

const GIVE_UP_MS = 72 * 3600 * 1000;
const MAX_DELAY_MS = 3600 * 1000;
/** more than the 72 hours of backoff capped at an hour need: the 72 h rule ends a delivery, not this */
const DELIVERY_ATTEMPTS = 1000;

/** What one delivery attempt came to: done (or nothing left to do), to be tried again, or given up with the reason. */
export type DeliveryOutcome =
  { state: 'done' } | { state: 'retry'; inMs: number; reason: string } | { state: 'gave-up'; reason: string };

type Event = { type: string; id: string; source: string; time: string; specversion: string; data: Record<string, any> };

const accesses = new WeakMap<StoredConnection, Access>();

/** What a connection may see; worked out once per connection object (the token cache hands out the same one for a while). */
export function accessOf(c: StoredConnection): Access {
  let access = accesses.get(c);
  if (!access) {
    const products = c.products.map((p) => p.toLowerCase());
    accesses.set(c, (access = { companyId: c.companyId, products, key: JSON.stringify([c.companyId, products]) }));
  }
  return access;
}

/**
 * Where an event's answer goes. A `source` that ends in an events path is that endpoint; a bare
 * base URL (with or without a path prefix) is the requester's host, whose events endpoint is
 * `{base}/3/events` (`/2/events` for a v2 request), as partners and the conformance service send
 * it. A source that is not an address (`//host/path` means https) falls back to the partner's host.
 */
export function answerUrl(event: { source: string }, connection: StoredConnection, spec: Spec): string | undefined {
  const source = event.source.startsWith('//') ? `https:${event.source}` : event.source;
  const given = /^https?:\/\//i.test(source) ? source : connection.partnerUrl;
  if (!given) return undefined;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return undefined;
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/events$/i.test(path)) return `${url.origin}${path}`;
  return `${url.origin}${path}/${spec === '3.0' ? 3 : 2}/events`;
}

/** The host an events endpoint belongs to: where its token endpoint is discovered. */
export const hostOfEvents = (url: string): string => url.replace(/(\/[23])?\/events$/i, '');

export class PactEvents {
  /** the host's own events endpoint per version, sent as `source` of our requests and answers */
  source: Record<Spec, string> = { '3.0': '', '2.3': '' };
  /** called after a delivery job was queued (the process's own workers look for it at once) */
  onQueued: () => void = () => undefined;

  constructor(
    private readonly store: Store,
    private readonly catalog: FootprintCatalog,
  ) {}

  /** Validates and takes an event posted to /3/events or /2/events; throws PactRequestError for a 4xx. */
  async receive(connection: StoredConnection, spec: Spec, body: unknown): Promise<void> {
    const checked = validatePactDocument(body, 'event', spec);
    if (!checked.ok) throw new PactRequestError('BadRequest', `invalid event: ${checked.errors.join('; ')}`);
    const event = checked.value as Event;
    const types = EVENT_TYPES[spec];
    const row = {
      direction: 'in',
      connectionId: connection.id,
      spec,
      eventId: event.id,
      type: event.type,
      body: event,
    } as const;
    const log = (state: string) => insertEvent(this.store, { ...row, state });
    // the event and the job delivering it are written together: neither exists without the other
    const logDue = async (state: string) => {
      await this.store.transaction(async (tx) => {
        const id = await insertEvent(tx, { ...row, state, dueNow: true });
        await createJob(tx, {
          kind: 'pact-event',
          params: { event: id, source: this.source[spec] },
          maxAttempts: DELIVERY_ATTEMPTS,
        });
      });
      this.onQueued();
    };
    if (event.type === types.created) {
      await logDue('accepted');
    } else if (event.type === types.published) {
      const due = Boolean(
        connection.partnerUrl && connection.partnerClientId && connection.partnerSecret && event.data.pfIds?.length,
      );
      await (due ? logDue('fetch') : log('received'));
    } else {
      const request = await findEvent(this.store, connection.id, event.data.requestEventId, 'out');
      if (!request)
        throw new PactRequestError(
          'BadRequest',
          `data.requestEventId: no request ${event.data.requestEventId} was sent to you from here`,
        );
      await log('received');
      if (event.type === types.fulfilled) {
        const url = answerUrl({ source: '' }, connection, spec) ?? event.source;
        for (const pf of event.data.pfs as Record<string, any>[]) {
          await saveReceived(this.store, {
            companyId: connection.companyId,
            connectionId: connection.id,
            pfId: pf.id,
            spec,
            productIds: pf.productIds,
            document: pf,
            sourceUrl: url,
            via: 'async',
            requestEventId: request.eventId,
          });
        }
        await updateEvent(this.store, request.id, {
          state: 'fulfilled',
          answer: { eventId: event.id, pfIds: event.data.pfs.map((p: { id: string }) => p.id) },
        });
      } else {
        await updateEvent(this.store, request.id, {
          state: 'rejected',
          answer: { eventId: event.id },
          error: coded('pact.event-rejected', {
            code: String(event.data.error.code),
            message: String(event.data.error.message),
          }),
        });
      }
    }
  }

  /** Sends a RequestCreatedEvent to a supplier and logs it; the answer arrives at our events endpoint. */
  async request(
    connection: StoredConnection,
    spec: Spec,
    criteria: { productId: string[]; comment?: string },
  ): Promise<string> {
    const id = randomUUID();
    const data =
      spec === '3.0'
        ? { productId: criteria.productId, comment: criteria.comment }
        : { pf: { productIds: criteria.productId }, comment: criteria.comment };
    const event = {
      type: EVENT_TYPES[spec].created,
      specversion: '1.0',
      id,
      source: this.source[spec],
      time: new Date().toISOString(),
      data,
    };
    await partnerClient(connection).sendEvent(spec, event);
    await insertEvent(this.store, {
      direction: 'out',
      connectionId: connection.id,
      spec,
      eventId: id,
      type: event.type,
      body: event,
      state: 'sent',
    });
    return id;
  }

  /**
   * One attempt at delivering the event of row `id` (a `pact-event` job's work): its answer sent
   * from `source`, or the footprints a Published notice names fetched. The outcome is recorded on
   * the event; an event no longer due (delivered by an earlier attempt) is left as it is.
   */
  async deliver(id: number, source: string): Promise<DeliveryOutcome> {
    const row = await getEventRow(this.store, id);
    if (!row || row.nextAttemptAt === null) return { state: 'done' };
    const c = await getConnection(this.store, row.connectionId);
    try {
      if (!c || c.revokedAt) throw new PactClientError(coded('pact.connection-revoked', {}));
      if (row.state === 'fetch') await this.fetchPublished(c, row);
      else await this.answer(c, row, source || this.source[row.spec]);
      return { state: 'done' };
    } catch (e) {
      const attempts = row.attempts + 1;
      const revoked = !c || Boolean(c.revokedAt);
      const expired = Date.now() - Date.parse(row.at) > GIVE_UP_MS || revoked;
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempts);
      const reason = (e as Error).message;
      // a failure of our own making (not a partner's) reads as the catalogue has it
      const words = errorTextOf(e) ?? coded('pact.event-failed', { reason });
      const error =
        expired && !revoked
          ? coded('pact.event-gave-up', { hours: GIVE_UP_MS / 3600_000, attempts, last: words as never })
          : words;
      await updateEvent(this.store, row.id, {
        state: expired ? 'failed' : row.state,
        error: error as CodedMessageData,
        attempts,
        nextAttemptAt: expired ? null : new Date(Date.now() + delay),
      });
      return expired ? { state: 'gave-up', reason: error.message } : { state: 'retry', inMs: delay, reason };
    }
  }

  private async answer(connection: StoredConnection, row: EventRow, source: string): Promise<void> {
    const spec = row.spec;
    const event = row.body as unknown as Event;
    const pfs = (
      await this.catalog.find(accessOf(connection), spec, (e) => requestMatches(spec, event.data, e.facts))
    ).map((t) => JSON.parse(t));
    const types = EVENT_TYPES[spec];
    const answer = {
      specversion: '1.0',
      id: randomUUID(),
      source,
      time: new Date().toISOString(),
      ...(pfs.length
        ? { type: types.fulfilled, data: { requestEventId: event.id, pfs } }
        : {
            type: types.rejected,
            data: {
              requestEventId: event.id,
              error: { code: 'NotFound', message: 'no footprint you may see matches the request' },
            },
          }),
    };
    const url = answerUrl(event, connection, spec);
    if (!url) throw new PactClientError(coded('pact.no-events-endpoint', {}));
    if (!connection.partnerClientId || !connection.partnerSecret) {
      throw new PactClientError(
        coded('pact.no-partner-credentials', { origin: new URL(url).origin, connection: connection.name }),
      );
    }
    // authenticate where the answer goes: its host's OpenID configuration names the token endpoint, else {host}/auth/token
    const client = new PactClient({
      url: hostOfEvents(url),
      clientId: connection.partnerClientId,
      clientSecret: connection.partnerSecret,
      ca: connection.partnerCa,
    });
    await client.sendEvent(spec, answer, url);
    await updateEvent(this.store, row.id, {
      state: pfs.length ? 'fulfilled' : 'rejected',
      answer: { eventId: answer.id, type: answer.type, url },
      error: null,
      nextAttemptAt: null,
    });
  }

  private async fetchPublished(connection: StoredConnection, row: EventRow): Promise<void> {
    const client = partnerClient(connection);
    const ids = (row.body as unknown as Event).data.pfIds as string[];
    for (const id of ids) {
      const { footprint, url } = await client.getFootprint(row.spec, id);
      const checked = validatePactDocument(footprint, 'footprint', row.spec);
      if (!checked.ok)
        throw new PactClientError(coded('pact.footprint-invalid', { url, problems: checked.errors.join('; ') }));
      const pf = checked.value as { id: string; productIds: string[] };
      await saveReceived(this.store, {
        companyId: connection.companyId,
        connectionId: connection.id,
        pfId: pf.id,
        spec: row.spec,
        productIds: pf.productIds,
        document: pf,
        sourceUrl: url,
        via: 'published',
      });
    }
    await updateEvent(this.store, row.id, { state: 'fetched', error: null, nextAttemptAt: null });
  }
}

/** Whether a footprint answers a RequestCreated: v3 carries filter criteria, v2 a ProductFootprint fragment. */
function requestMatches(spec: Spec, data: Record<string, any>, facts: Parameters<typeof matches>[1]): boolean {
  if (spec === '3.0') return matches(filterFromRequest(data), facts);
  const pf = (data.pf ?? {}) as Record<string, unknown>;
  const wanted = (xs: unknown) => (Array.isArray(xs) && xs.length ? xs.map((x) => String(x).toLowerCase()) : undefined);
  return matches({ productId: wanted(pf.productIds), companyId: wanted(pf.companyIds) }, facts);
}
