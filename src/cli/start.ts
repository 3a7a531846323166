import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { SEED_RELEASE } from '../factors/seed.ts';
import { openStore } from '../store/index.ts';
import { DEMO_USERS, ensureDemo } from '../server/demo.ts';
import { DEMO_PARTNER } from '../server/demo-pact.ts';
import { DEMO_ORGANISATION_USERS, DEMO_RELEASE, ensureOrganisationsDemo } from '../server/demo-organisations.ts';
import { serve } from '../server/main.ts';
import { loadBundledDatabases, publishSeedFactors, storeLocation } from './databases.ts';
import { ensureWebBuild } from './web-build.ts';

/**
 * `npm start`: the whole platform on one port. On first start it publishes the China seed
 * factors and loads the US LCI database (../shared/data or TANJI_SEED) and the TianGong China
 * background (TANJI_TIANGONG) as releases `uslci` and `tiangong`, creates the
 * demo company with its durian study, builds the web app if needed, then serves the API and
 * the app (PORT, default 3000; HOST, default 127.0.0.1) and the PACT host over HTTPS (PACT_PORT,
 * default PORT + 1), and prints the URLs and the demo accounts.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

console.log(`Tanji (碳迹) — store ${storeLocation()}`);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
// the command line, run while this server holds the PGlite directory, is told at once where the data can be reached
const store = await openStore({
  holder: `the Tanji server at http://${host}:${port} (API: http://${host}:${port}/docs)`,
});
if (await publishSeedFactors(store)) console.log(`published the China factor seed data as release ${SEED_RELEASE}`);
try {
  await loadBundledDatabases(store);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
if (process.env.TANJI_DEMO !== '0' && (await ensureDemo(store)))
  console.log('created the demo company and its durian study (calculated)');
if (process.env.TANJI_DEMO !== '0' && (await ensureOrganisationsDemo(store)))
  console.log(`created the demo organisations and published their aggregate in release ${DEMO_RELEASE}`);
const webDir = await ensureWebBuild(root);
const running = await serve(store, {
  port,
  host,
  webDir,
  pactPort: process.env.PACT_PORT ? Number(process.env.PACT_PORT) : undefined,
});

console.log(`
Tanji is running: ${running.url}
  API docs   ${running.url}/docs  (OpenAPI: ${running.url}/openapi.json)
  PACT host  ${running.pactUrl}  (Tech Spec v3.0 at /3, v2.3 at /2; token at /auth/token; certificate ${running.pactCertificateOrigin})
${process.env.TANJI_DEMO === '0' ? '' : `  Demo PACT partner: client id ${DEMO_PARTNER.clientId}, client secret ${DEMO_PARTNER.clientSecret}\n`}${process.env.TANJI_DEMO === '0' ? '' : `  Demo accounts (local use only):\n${[...DEMO_USERS, ...DEMO_ORGANISATION_USERS].map((u) => `    ${u.role.padEnd(10)} ${u.email.padEnd(32)} ${u.password}`).join('\n')}\n`}
The command line works on the same store: npm run tanji -- --help   (on PGlite stop the server first, one process at a time; on PostgreSQL both run)
Ctrl-C stops the server.`);

const stop = async () => {
  await running.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
