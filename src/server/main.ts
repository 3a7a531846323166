import { serve as listen, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { failAbandonedJobs, type Store } from '../store/index.ts';
import { createApp } from './app.ts';
import { closePdfBrowser } from '../report/pdf.ts';

export interface Running {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

/** Listens on the port (0: any free one) and serves the API and the web app. */
export async function serve(store: Store, opts: { port?: number; host?: string; webDir?: string } = {}): Promise<Running> {
  await failAbandonedJobs(store);
  const app = createApp({ store, webDir: opts.webDir });
  const server = await new Promise<ServerType>((resolve) => {
    const s = listen({ fetch: app.fetch, port: opts.port ?? 3000, hostname: opts.host ?? '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }).then(() => closePdfBrowser()),
  };
}
