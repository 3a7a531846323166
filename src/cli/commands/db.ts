import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandSpec } from '../args.ts';
import { cliText, UsageError } from '../args.ts';
import { importDatabase } from '../../formats/index.ts';
import { SEED_RELEASE } from '../../factors/seed.ts';
import { loadBundledDatabases, publishSeedFactors, storeLocation } from '../databases.ts';
import { importFactorsCsv } from '../../factors/import-csv.ts';
import { getMethod } from '../../factors/gwp.ts';
import { buildSystem } from '../../engine/system.ts';
import { allProcessScores, characterizationVector, factorizeSystem, totalVector } from '../../engine/lca.ts';
import type { LciDatabase } from '../../model/lci.ts';
import {
  defaultDataDir,
  backupPglite,
  backupPostgres,
  diffReleases,
  restorePglite,
  restorePostgres,
  exportReleaseCsv,
  exportReleaseJsonLd,
  exportReleaseIlcd,
  exportReleaseEcoSpold2,
  ZIP_FORMATS,
  listReleases,
  loadRelease,
  openStore,
  saveRelease,
  schemaVersion,
  type Store,
} from '../../store/index.ts';
import { num } from '../format.ts';
import { Progress } from '../progress.ts';

const SUBCOMMANDS = ['init', 'status', 'releases', 'import', 'diff', 'export', 'backup', 'restore'];

export const dbCommand: CommandSpec = {
  name: 'db',
  summary: 'the store: init, status, releases, import, diff, export, backup, restore',
  usage:
    'tanji db init|status|releases|import <zip> --release R|diff R1 R2 [--product <process id>]|export R --format jsonld|ilcd|ecospold2|csv --out <path>|backup <file>|restore <file> [--json]',
  options: {
    release: { type: 'string' },
    product: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    notes: { type: 'string' },
    json: { type: 'boolean' },
    'factors-only': { type: 'boolean' },
  },
  help: `
The store is embedded PGlite in $TANJI_DATA/pglite (default ~/.tanji), or the PostgreSQL server
in DATABASE_URL. Releases are numbered and immutable: a study pins one and always reads the same numbers.
  tanji db init                          create and migrate the store; publish the seed factors as release ${SEED_RELEASE};
                                         load USLCI and TianGong as releases uslci and tiangong (TANJI_SEED,
                                         TANJI_TIANGONG; --factors-only skips them)
  tanji db status                        where the store is, its schema version and releases
  tanji db releases                      every release with its counts and provenance
  tanji db import <zip|csv> --release R  an openLCA JSON-LD, EcoSpold2 or ILCD zip, or a factor CSV (the layout
                                         db export writes), as release R, in one transaction
  tanji db diff R1 R2 [--product <id>]   added, removed and changed datasets, flows and factors; with
                                         --product, the GWP100 of that process in both releases
  tanji db export R --format jsonld|ilcd|ecospold2|csv --out <path>
                                         a zip that tanji import (and openLCA) reads back, or CSV

  tanji db backup <file>                 the whole store: PGlite's data directory as a .tar.gz, or a
                                         PostgreSQL server's database (its TANJI_DB_SCHEMA) with pg_dump
  tanji db restore <file>                PGlite: into an empty TANJI_DATA directory; PostgreSQL: into
                                         DATABASE_URL with pg_restore (objects in the backup are replaced)
Stop servers and workers before a restore.`,
  async run(positionals, values) {
    const [sub, ...args] = positionals;
    if (!sub || !SUBCOMMANDS.includes(sub))
      throw new UsageError(cliText('cli.db-what', { usage: `tanji db ${SUBCOMMANDS.join('|')}` }));
    if (sub === 'restore') return restore(args[0]);
    const store = await openStore();
    try {
      await SUBS[sub](store, args, values);
    } finally {
      await store.close();
    }
  },
};

type Values = Record<string, string | boolean | undefined>;

async function restore(file: string | undefined): Promise<void> {
  if (!file) throw new UsageError(cliText('cli.db-which-backup', { usage: 'tanji db restore <file>' }));
  if (process.env.DATABASE_URL) restorePostgres(process.env.DATABASE_URL, file);
  else await restorePglite(file, defaultDataDir());
  console.log(`restored ${file} into ${storeLocation()}`);
}

const SUBS: Record<string, (store: Store, args: string[], values: Values) => Promise<void>> = {
  async init(store, _args, values) {
    const seeded = await publishSeedFactors(store);
    const loaded = values['factors-only'] ? [] : await loadBundledDatabases(store, (line) => console.error(line));
    await SUBS.status(store, [], values);
    if (!values.json) {
      console.log(
        seeded ? `published the seed factors as release ${SEED_RELEASE}` : `release ${SEED_RELEASE} was already there`,
      );
      if (loaded.length) console.log(`loaded the background databases as release(s) ${loaded.join(', ')}`);
    }
  },

  async backup(store, [file]) {
    if (!file) throw new UsageError(cliText('cli.db-where-to', { usage: 'tanji db backup <file>' }));
    if (store.kind === 'pglite')
      console.log(`${file}: ${num((await backupPglite(store, file)) / 1e6)} MB (PGlite data directory, gzipped tar)`);
    else {
      backupPostgres(process.env.DATABASE_URL!, store.schema, file);
      console.log(`${file}: pg_dump custom format${store.schema ? ` of schema ${store.schema}` : ''}`);
    }
  },

  async status(store, _args, values) {
    const releases = await listReleases(store);
    const where = store.kind === 'pglite' ? join(defaultDataDir(), 'pglite') : 'DATABASE_URL';
    const status = {
      backend: store.kind,
      location: where,
      schemaVersion: await schemaVersion(store),
      releases: releases.map((r) => r.number),
    };
    if (values.json) console.log(JSON.stringify(status));
    else
      console.log(
        `${status.backend} at ${status.location}, schema version ${status.schemaVersion}, ${releases.length} release(s)${releases.length ? ': ' + status.releases.join(', ') : ' (tanji db init)'}`,
      );
  },

  async releases(store, _args, values) {
    const releases = await listReleases(store);
    if (values.json) {
      console.log(JSON.stringify(releases));
      return;
    }
    if (!releases.length) console.log('no releases yet: tanji db init, then tanji db import <zip> --release <number>');
    for (const r of releases) {
      console.log(
        `${r.number}\t${r.createdAt.toISOString()}\t${r.processes} processes, ${r.flows} flows, ${r.factors} factors${r.database ? `\t${r.database}` : ''}${r.notes ? `\t${r.notes}` : ''}`,
      );
    }
  },

  async import(store, [file], values) {
    if (!file) throw new UsageError(cliText('cli.db-which-zip', { usage: 'tanji db import <zip> --release <number>' }));
    const release = values.release as string | undefined;
    if (!release) throw new UsageError(cliText('cli.release-required', { option: '--release <number>' }));
    const notes = values.notes as string | undefined;
    if (/\.csv$/i.test(file)) {
      const info = await saveRelease(store, { release, factors: importFactorsCsv(file), notes });
      if (values.json) console.log(JSON.stringify(info));
      else console.log(`release ${info.number}: ${info.factors} factors from ${file}`);
      return;
    }
    const progress = new Progress(`import ${file}`, Boolean(values.json));
    const db = await importDatabase(file, { onProgress: (d, t) => progress.update(d, t) });
    progress.done(`${db.processes.length} processes`);
    const info = await saveRelease(store, { release, database: db, notes });
    if (values.json) console.log(JSON.stringify(info));
    else console.log(`release ${info.number}: ${info.processes} processes, ${info.flows} flows from ${db.origin}`);
  },

  async diff(store, [from, to], values) {
    if (!from || !to)
      throw new UsageError(
        cliText('cli.usage', { usage: 'tanji db diff <release> <release> [--product <process id>]' }),
      );
    const diff = await diffReleases(store, from, to);
    const product = values.product as string | undefined;
    const effect = product ? await footprintEffect(store, from, to, product) : undefined;
    if (values.json) {
      console.log(JSON.stringify({ ...diff, effect }));
      return;
    }
    for (const [what, d] of Object.entries({ datasets: diff.datasets, flows: diff.flows, factors: diff.factors })) {
      console.log(`${what}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`);
      for (const r of d.added.slice(0, 20)) console.log(`  + ${r.id}  ${r.name}`);
      for (const r of d.removed.slice(0, 20)) console.log(`  - ${r.id}  ${r.name}`);
      for (const r of d.changed.slice(0, 20)) console.log(`  ~ ${r.id}  ${r.name}  (${r.fields.join(', ')})`);
    }
    if (effect)
      console.log(
        `\n${effect.name}: ${num(effect.from)} → ${num(effect.to)} kg CO2e per unit (${effect.change >= 0 ? '+' : ''}${(effect.change * 100).toFixed(2)} %), ${effect.method}`,
      );
  },

  async export(store, [release], values) {
    const format = values.format as string | undefined;
    const out = values.out as string | undefined;
    if (!release || !out || (format !== 'csv' && !(format !== undefined && format in ZIP_FORMATS)))
      throw new UsageError(
        cliText('cli.usage', {
          usage: 'tanji db export <release> --format jsonld|ilcd|ecospold2|csv --out <path>',
        }),
      );
    if (format !== 'csv') {
      const zip =
        format === 'ilcd' ? exportReleaseIlcd : format === 'ecospold2' ? exportReleaseEcoSpold2 : exportReleaseJsonLd;
      writeFileSync(out, await zip(store, release));
      console.log(`wrote release ${release} as ${ZIP_FORMATS[format as keyof typeof ZIP_FORMATS].label} to ${out}`);
      return;
    }
    const { exchanges, factors } = await exportReleaseCsv(store, release);
    const written = [];
    if (exchanges) (writeFileSync(`${out}-exchanges.csv`, exchanges), written.push(`${out}-exchanges.csv`));
    if (factors) (writeFileSync(`${out}-factors.csv`, factors), written.push(`${out}-factors.csv`));
    console.log(`wrote release ${release} as CSV: ${written.join(', ')}`);
  },
};

/** the AR6 GWP100 of one process in two releases: what a release change does to a product */
async function footprintEffect(store: Store, from: string, to: string, processId: string) {
  const score = (db: LciDatabase, release: string) => {
    const system = buildSystem(db);
    const column = system.index.providers.find((p) => p.process.id === processId && p.exchange.reference);
    if (!column) throw new UsageError(cliText('cli.no-release-process', { release, process: processId }));
    const lambda = allProcessScores(
      system,
      factorizeSystem(system),
      totalVector(characterizationVector(system, getMethod('ipcc-ar6-gwp100'))),
    );
    return { value: lambda[column.index], name: column.process.name };
  };
  const a = score(await loadRelease(store, from), from);
  const b = score(await loadRelease(store, to), to);
  return {
    processId,
    name: a.name,
    method: 'ipcc-ar6-gwp100',
    from: a.value,
    to: b.value,
    change: a.value === 0 ? 0 : (b.value - a.value) / Math.abs(a.value),
  };
}
