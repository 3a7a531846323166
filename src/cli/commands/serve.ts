import type { CommandSpec } from '../args.ts';
import { numberOption } from '../args.ts';
import { log } from '../../ops/log.ts';
import { serve } from '../../server/main.ts';
import { openStore } from '../../store/index.ts';

/**
 * `tanji serve`: the API, web app and PACT host without a job worker, for deployments that run
 * several servers behind a proxy and `tanji worker` processes beside them, on one PostgreSQL.
 */
export const serveCommand: CommandSpec = {
  name: 'serve',
  summary: 'serve the API, web app and PACT host (jobs are left to `tanji worker` processes)',
  usage: 'tanji serve [--port P] [--host H] [--pact-port P] [--with-worker]',
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'pact-port': { type: 'string' },
    'with-worker': { type: 'boolean' },
    web: { type: 'string' },
  },
  help: `
Stateless: sessions, the sign-in throttle, the PACT certificate and PACT event deliveries live in
the store, so any number of servers can share DATABASE_URL behind a proxy (set
TANJI_TRUST_PROXY=1 there, so the sign-in throttle sees client addresses). /healthz, /readyz and
/metrics (Prometheus) are on the API port. SIGTERM closes the listeners and stops.
  --port P        API and web app (default PORT or 3000); --pact-port P the PACT host (default P + 1)
  --host H        default HOST or 127.0.0.1 (0.0.0.0 behind a proxy on another machine)
  --with-worker   also run jobs in this process (as npm start does)
  --web DIR       the built web app to serve (web/dist)`,
  async run(_positionals, values) {
    const store = await openStore();
    const port = numberOption(values, 'port', Number(process.env.PORT ?? 3000));
    const running = await serve(store, {
      port,
      host: typeof values.host === 'string' ? values.host : (process.env.HOST ?? '127.0.0.1'),
      pactPort: values['pact-port'] === undefined ? undefined : numberOption(values, 'pact-port', port + 1),
      worker: values['with-worker'] === true,
      webDir: typeof values.web === 'string' ? values.web : undefined,
    });
    log.info(
      { url: running.url, pact: running.pactUrl, store: store.location, worker: values['with-worker'] === true },
      'serving',
    );
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', () => resolve());
      process.once('SIGINT', () => resolve());
    });
    await running.close();
    await store.close();
  },
};
