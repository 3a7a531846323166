import type { Queryable, Store } from './connection.ts';

/**
 * Notices every process on one store receives: PostgreSQL's NOTIFY, on one channel per schema
 * (`tanji_<schema>`), delivered when the sending transaction commits and never when it rolls back.
 * A notice says only what changed (a topic and a subject); listeners read the store for the rest.
 *
 * Delivery is best effort: a listener whose connection dropped misses what was sent meanwhile, so
 * after reconnecting it receives the topic `*` ("anything may have changed") and each user keeps
 * its own safety net (the workers' slow poll, the caches' bounded size and expiry).
 */

export type NoticeTopic =
  /** a job became claimable (enqueued, handed back, or due for a retry); subject: its kind */
  | 'jobs'
  /** a release was saved; subject: its number */
  | 'release'
  /** a study has a new version or a new current result; subject: its id */
  | 'study'
  /** a user's sessions ended (role, organisation or password changed); subject: the user id */
  | 'user'
  /** one session ended (sign-out); subject: the session token's hash */
  | 'session'
  /** the listener reconnected, or the store was restored: drop or re-read everything */
  | '*';

export interface Notice {
  topic: NoticeTopic;
  subject: string;
}

export type NoticeListener = (notice: Notice) => void;

/** The channel of the store whose objects are in `schema` (public when none was chosen). */
export function noticeChannel(schema: string | undefined): string {
  return `tanji_${schema ?? 'public'}`;
}

/**
 * Sends a notice to every listener of this store, this process's included. Inside a transaction it
 * goes out at COMMIT; the channel follows the connection's schema, so `db` may be either.
 */
export async function sendNotice(db: Queryable, topic: Exclude<NoticeTopic, '*'>, subject: string): Promise<void> {
  await db.query(`SELECT pg_notify('tanji_' || current_schema(), $1)`, [JSON.stringify({ topic, subject })]);
}

/** The notice in a payload, or undefined when the payload is not one of ours (another program on the channel). */
export function parseNotice(payload: string | undefined): Notice | undefined {
  try {
    const n = JSON.parse(payload ?? '') as Partial<Notice>;
    if (typeof n.topic === 'string' && typeof n.subject === 'string') return { topic: n.topic, subject: n.subject };
  } catch {
    // not JSON: not ours
  }
  return undefined;
}

/** Listeners of one store in this process, fed by its one listening connection. */
export class NoticeHub {
  private readonly listeners = new Set<NoticeListener>();

  get size(): number {
    return this.listeners.size;
  }

  add(listener: NoticeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispatch(notice: Notice): void {
    for (const l of [...this.listeners]) l(notice);
  }
}

/**
 * Subscribes to the notices of `source` when it is a store; a transaction has none (what is cached
 * on one ends with it), so it gets a no-op. The returned function unsubscribes.
 */
export function watchStore(source: object, listener: NoticeListener): () => void {
  return 'listen' in source ? (source as Store).listen(listener).close : () => undefined;
}
