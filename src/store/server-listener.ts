import pg from 'pg';
import { parseNotice, type NoticeHub } from './notices.ts';

/**
 * The one connection a process keeps LISTENing on a PostgreSQL server's store channel, outside the
 * pool (a pooled connection would be handed to queries and LISTEN would not stay with it). When
 * the connection drops (server restart, network, an administrator's pg_terminate_backend) it
 * reconnects with growing pauses and then tells the listeners `*`: what was sent meanwhile is lost.
 */

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

export class ServerListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private retry: { timer: NodeJS.Timeout; resolve(): void } | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly hub: NoticeHub,
  ) {}

  /** Connects on the first call; resolves once LISTEN is in effect (or the listener is closed). */
  start(): Promise<void> {
    return (this.connecting ??= this.connect());
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) {
      clearTimeout(this.retry.timer);
      this.retry.resolve();
    }
    await this.connecting;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    for (let pause = FIRST_RETRY_MS; !this.closed; pause = Math.min(pause * 2, MAX_RETRY_MS)) {
      const client = new pg.Client({ connectionString: this.url });
      // an error event without a listener would throw; the 'end' that follows it does the work
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query(`LISTEN "${this.channel}"`);
      } catch {
        await client.end().catch(() => undefined);
        await new Promise<void>((resolve) => (this.retry = { timer: setTimeout(resolve, pause).unref(), resolve }));
        this.retry = undefined;
        continue;
      }
      client.on('notification', (m) => {
        const notice = m.channel === this.channel ? parseNotice(m.payload) : undefined;
        if (notice) this.hub.dispatch(notice);
      });
      client.on('end', () => this.lost(client));
      this.client = client;
      return;
    }
  }

  private lost(client: pg.Client): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.connecting = this.connect().then(() => {
      if (!this.closed) this.hub.dispatch({ topic: '*', subject: 'reconnected' });
    });
  }
}
