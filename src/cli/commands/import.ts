import { basename } from 'node:path';
import type { CommandSpec } from '../args.ts';
import { cliText, UsageError } from '../args.ts';
import { importDatabase } from '../../formats/index.ts';
import { loadScreen } from '../../store/index.ts';
import { databaseName, licenceBeside, saveDatabase, withStore } from '../databases.ts';
import { Progress } from '../progress.ts';

export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'import an LCI database (openLCA JSON-LD, EcoSpold2 or ILCD zip) into the data directory',
  usage: 'tanji import <zip> [--name <name>] [--licence <text>] [--json]',
  options: { name: { type: 'string' }, licence: { type: 'string' }, json: { type: 'boolean' } },
  help: `
The format is recognised from the zip's contents. The import is all-or-nothing: a malformed
record stops it with the file, record and field named, and nothing already stored changes.
  --name <name>   name of the database (default: the zip's file name without .zip)
  --licence <t>   the licence the data is under (default: read from a LICENSE file beside the zip)
  --json          print the import summary as JSON
Example: tanji import ../shared/data/uslci/uslci-olca1.5-jsonld.zip --name uslci`,
  async run(positionals, values) {
    const file = positionals[0];
    if (!file) throw new UsageError(cliText('cli.import-which', { usage: 'tanji import <zip>' }));
    const name = databaseName((values.name as string | undefined) ?? basename(file));
    const progress = new Progress(`import ${basename(file)}`, Boolean(values.json));
    const started = performance.now();
    const warnings: string[] = [];
    const db = await importDatabase(file, {
      onProgress: (d, t) => progress.update(d, t),
      onWarning: (w) => warnings.push(w),
    });
    const seconds = (performance.now() - started) / 1000;
    progress.done(`${db.processes.length} processes`);
    await saveDatabase(name, db, (values.licence as string | undefined) ?? licenceBeside(file));
    const exchanges = db.processes.reduce((n, p) => n + p.exchanges.length, 0);
    const screen = await withStore((store) => loadScreen(store, name));
    const quarantined = screen?.quarantined.length ?? 0;
    const summary = {
      name,
      origin: db.origin,
      processes: db.processes.length,
      flows: db.flows.length,
      exchanges,
      seconds: Number(seconds.toFixed(2)),
      warnings,
      quarantined,
      screen: screen?.counts ?? {},
    };
    if (values.json) {
      console.log(JSON.stringify(summary));
      return;
    }
    console.log(
      `imported ${summary.processes} processes, ${summary.flows} flows, ${exchanges} exchanges into database "${name}" in ${summary.seconds} s`,
    );
    if (quarantined) {
      const counts = Object.entries(screen!.counts)
        .map(([code, n]) => `${n} ${code.replace(/^screen\./, '')}`)
        .join(', ');
      console.log(
        `quality screen: ${quarantined} processes quarantined from default search and study use (${counts}); GET /api/releases/${name}/screen lists the findings`,
      );
    }
    if (warnings.length) {
      console.log(`${warnings.length} record(s) were repaired or left out:`);
      for (const w of warnings.slice(0, 20)) console.log(`  ${w}`);
      if (warnings.length > 20) console.log(`  … and ${warnings.length - 20} more (--json lists them all)`);
    }
  },
};
