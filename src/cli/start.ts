import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { importDatabase } from '../formats/index.ts';
import { SEED_RELEASE } from '../factors/seed.ts';
import { getRelease, saveRelease } from '../store/index.ts';
import { publishSeedFactors, storeLocation, withStore } from './databases.ts';
import { Progress } from './progress.ts';
import { main } from './main.ts';

/**
 * `npm start`: what exists of the platform today is the engine, the importers, the store and the
 * CLI. On first start it publishes the China seed factors and loads the US LCI database (from
 * ../shared/data or TANJI_SEED) as releases, in one store session; then it computes one footprint
 * as a smoke test and says what to try next. The web app and API are the next issues; this says
 * so instead of pretending.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seed = process.env.TANJI_SEED ?? join(root, '../shared/data/uslci/uslci-olca1.5-jsonld.zip');

console.log(`Tanji (碳迹) — store ${storeLocation()}`);
const hasUslci = await withStore(async (store) => {
  if (await publishSeedFactors(store)) console.log(`published the China factor seed data as release ${SEED_RELEASE}`);
  const existing = await getRelease(store, 'uslci');
  if (existing) return existing.processes > 0;
  if (!existsSync(seed)) {
    console.log(`No seed database found at ${seed}; set TANJI_SEED to an openLCA JSON-LD or EcoSpold2 zip.`);
    return false;
  }
  const progress = new Progress('loading the US LCI database');
  const db = await importDatabase(seed, { onProgress: (d, t) => progress.update(d, t) });
  progress.done(`${db.processes.length} processes`);
  await saveRelease(store, { release: 'uslci', database: db });
  return true;
});
if (hasUslci) {
  console.log('\nSmoke test: 1 kWh (3.6 MJ, the unit USLCI uses) of US grid electricity, IPCC AR6 GWP100\n');
  await main(['calc', 'Electricity, at Grid, US, 2008', '--db', 'uslci', '--method', 'ipcc-ar6-gwp100', '--amount', '3.6']);
}
console.log(`
Ready. What exists today is the calculation engine, the China factor data and the \`tanji\` command:
  npm run tanji -- --help
  npm run tanji -- list --search steel
  npm run tanji -- contributions "Electricity, at Grid, US, 2008" --by tree
  npm run tanji -- calc-all --method ipcc-ar6-gwp100 --out scores.csv
  npm run tanji -- factor search 电力 --region CN-SC --year 2022
  npm run bench
Not built yet: the web app and HTTP API (see the open issues).`);
