import { watchStore, type Notice, type Store, type StudyHead, type User } from '../store/index.ts';

/**
 * What the server keeps in memory so that reads do not queue behind PGlite, which runs every
 * query on the server's one JavaScript thread: live sessions, the head (latest version, company)
 * of each study, study versions as checked JSON, and the latest result as checked JSON.
 *
 * Study versions never change, so that part is exact. Sessions, heads and results change; every
 * change made through this server updates or drops its entry. On embedded PGlite this server is
 * the only writer (the directory lock), so the cache is exact there too. On a PostgreSQL server,
 * where several servers may write, the store's notices (a study's new version or result, ended
 * sessions) drop them in every server as the writer commits, and they expire after a second all
 * the same, for notices lost while a server's listening connection was down.
 */

interface Timed<T> {
  value: T;
  until: number;
}

const SERVER_TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

export class ReadCache {
  private readonly sessions = new Map<string, Timed<User>>();
  private readonly heads = new Map<string, Timed<StudyHead>>();
  private readonly studies = new Map<string, string>();
  private readonly results = new Map<string, Timed<{ json: string; computedAt: string }>>();
  private readonly ttl: number;

  constructor(store: Pick<Store, 'kind'> & Partial<Pick<Store, 'listen'>>) {
    this.ttl = store.kind === 'pglite' ? Infinity : SERVER_TTL_MS;
    watchStore(store, (n) => this.noticed(n));
  }

  private noticed(notice: Notice): void {
    if (notice.topic === 'study') {
      this.heads.delete(notice.subject);
      this.results.delete(notice.subject);
    } else if (notice.topic === 'user') this.dropUserSessions(notice.subject);
    else if (notice.topic === 'session') this.sessions.delete(notice.subject);
    else if (notice.topic === '*') {
      this.sessions.clear();
      this.heads.clear();
      this.results.clear();
    }
  }

  session(tokenHash: string): User | undefined {
    return live(this.sessions, tokenHash);
  }

  /** Kept until the session expires (or the TTL, whichever is first). */
  putSession(tokenHash: string, user: User, expiresAt: number): void {
    put(this.sessions, tokenHash, { value: user, until: Math.min(expiresAt, Date.now() + this.ttl) });
  }

  dropSession(tokenHash: string): void {
    this.sessions.delete(tokenHash);
  }

  /** Every cached session of a user whose role, organisation or password changed. */
  dropUserSessions(userId: string): void {
    for (const [hash, s] of this.sessions) if (s.value.id === userId) this.sessions.delete(hash);
  }

  head(id: string): StudyHead | undefined {
    return live(this.heads, id);
  }

  /** A read that raced a write never puts an older head back. */
  putHead(head: StudyHead): void {
    const known = live(this.heads, head.id);
    if (known && known.latestVersion > head.latestVersion) return;
    put(this.heads, head.id, { value: head, until: Date.now() + this.ttl });
  }

  /** The JSON of a study version, already checked against the response schema. */
  study(id: string, version: number): string | undefined {
    return this.studies.get(`${id}@${version}`);
  }

  putStudy(id: string, version: number, json: string): void {
    put(this.studies, `${id}@${version}`, json);
  }

  result(studyId: string): string | undefined {
    return live(this.results, studyId)?.json;
  }

  /** The newest calculation wins, whichever put comes last (ISO timestamps compare as strings). */
  putResult(studyId: string, json: string, computedAt: string): void {
    const known = live(this.results, studyId);
    if (known && known.computedAt > computedAt) return;
    put(this.results, studyId, { value: { json, computedAt }, until: Date.now() + this.ttl });
  }

  /** A calculation finished in this process: the next read takes the new current result from the store. */
  dropResult(studyId: string): void {
    this.results.delete(studyId);
  }
}

function live<T>(map: Map<string, Timed<T>>, key: string): T | undefined {
  const hit = map.get(key);
  if (!hit) return undefined;
  if (hit.until <= Date.now()) {
    map.delete(key);
    return undefined;
  }
  return hit.value;
}

/** Bounded: past MAX_ENTRIES the oldest insertion goes (Map keeps insertion order). */
function put<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}
