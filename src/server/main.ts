import { serve as listen, type ServerType } from '@hono/node-server';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { defaultDataDir, MEMORY, type Store } from '../store/index.ts';
import { PactExchange } from '../pact/exchange.ts';
import { createApp } from './app.ts';
import { createPactHost } from './pact/host.ts';
import { tlsCredentials } from './pact/tls.ts';
import { closePdfBrowser } from '../report/pdf.ts';
import { stopInProcessWorker } from './jobs.ts';
import { unwatchStore } from '../ops/metrics.ts';

export interface Running {
  url: string;
  /** the PACT host, https://…:port */
  pactUrl: string;
  /** PEM of the PACT host's certificate, for partners to trust when it is self-signed */
  pactCertificate: string;
  pactCertificateOrigin: string;
  server: ServerType;
  pact: PactExchange;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** the app's port (0: any free one); default 3000 */
  port?: number;
  host?: string;
  webDir?: string;
  /** the PACT host's port; default the app's port + 1 (any free one when the app's is 0) */
  pactPort?: number;
  /** where a self-signed certificate is made; default the PGlite data directory */
  tlsDir?: string;
  /** run jobs in this process (default, `npm start`); false for `tanji serve` beside `tanji worker` processes */
  worker?: boolean;
  /** on close, how long running jobs may take to finish before they go back to the queue; default 10 s */
  graceMs?: number;
}

const KEEP_ALIVE_MS = 65_000;

function listenOn(
  fetch: (r: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
  tls?: { cert: string; key: string },
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const s = listen(
      { fetch, port, hostname, ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}) },
      () => resolve(s),
    );
    // idle keep-alive connections outlive the client's or proxy's (60 s is common): the side that
    // closes an idle connection must be the one that would reuse it, or a request races the close
    if ('keepAliveTimeout' in s) {
      s.keepAliveTimeout = KEEP_ALIVE_MS;
      s.headersTimeout = KEEP_ALIVE_MS + 1000;
    }
    s.once('error', reject);
  });
}

const closeServer = (server: ServerType) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });

/** Serves the API and the web app on one port, and the PACT host over HTTPS on another. */
export async function serve(store: Store, opts: ServeOptions = {}): Promise<Running> {
  const host = opts.host ?? '127.0.0.1';
  const pact = new PactExchange(store);
  const app = createApp({ store, webDir: opts.webDir, pact, worker: opts.worker });
  const server = await listenOn(app.fetch, opts.port ?? 3000, host);
  const { port } = server.address() as AddressInfo;

  const tlsDir =
    opts.tlsDir ??
    (store.kind === 'pglite' && store.location !== MEMORY
      ? store.location
      : store.kind === 'postgres'
        ? defaultDataDir()
        : join(tmpdir(), 'tanji-pact-tls'));
  const tls = await tlsCredentials(store, tlsDir);
  const pactServer = await listenOn(
    createPactHost(pact).fetch,
    opts.pactPort ?? (opts.port === 0 ? 0 : port + 1),
    host,
    tls,
  );
  const pactPort = (pactServer.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const pactUrl = `https://${shown === '127.0.0.1' ? 'localhost' : shown}:${pactPort}`;
  pact.events.source = { '3.0': `${pactUrl}/3/events`, '2.3': `${pactUrl}/2/events` };
  pact.host = { url: pactUrl, certificate: tls.cert };
  return {
    url: `http://${host}:${port}`,
    pactUrl,
    pactCertificate: tls.cert,
    pactCertificateOrigin: tls.origin,
    server,
    pact,
    close: async () => {
      await Promise.all([closeServer(server), closeServer(pactServer)]);
      await stopInProcessWorker(store, opts.graceMs);
      unwatchStore(store);
      await closePdfBrowser();
    },
  };
}
