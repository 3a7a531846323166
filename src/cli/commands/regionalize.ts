import type { CommandSpec } from '../args.ts';
import { cliText, numberOption, UsageError } from '../args.ts';
import { regionalize } from '../../factors/regionalize.ts';
import { REGIONS } from '../../factors/regions.ts';
import { databaseName, loadDatabase, saveDatabase } from '../databases.ts';
import { chooseDatabase } from '../workspace.ts';

export const regionalizeCommand: CommandSpec = {
  name: 'regionalize',
  summary: 'make province-specific variants of processes whose electricity comes from each province',
  usage:
    'tanji regionalize <process id or exact name>... --regions CN-SC,CN-BJ|provinces [--db <name>] [--out <name>] [--year 2023]',
  options: {
    regions: { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string' },
    year: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: `
Each process P gets a copy P@<region> whose electricity inputs come from electricity-market@<region>,
a market emitting that region's life-cycle electricity footprint (the published factor, or
Tanji's documented provincial estimate, resolved through province → grid → national).
  --regions <list>   comma-separated region codes, or "provinces" for all 31
  --db <name>        database to start from (default: the most recent)
  --out <name>       name of the new database (default: <db>-regionalized); the source is not changed
  --year <yyyy>      electricity footprint year (default: the latest published)
Example: tanji regionalize "Calcium carbonate, ground, 20 micron, at plant" --regions CN-SC,CN-SD --db uslci`,
  async run(positionals, values) {
    if (!positionals.length) throw new UsageError(cliText('cli.name-processes', {}));
    const raw = values.regions as string | undefined;
    if (!raw)
      throw new UsageError(
        cliText('cli.regions-required', { example: '--regions CN-SC,CN-BJ', all: '--regions provinces' }),
      );
    const regions =
      raw === 'provinces'
        ? REGIONS.filter((r) => r.level === 'province').map((r) => r.code)
        : raw
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    const source = await chooseDatabase(values.db as string | undefined);
    const db = await loadDatabase(source);
    const ids = positionals.map((q) => {
      const hits = db.processes.filter((p) => p.id === q || p.name === q);
      if (hits.length !== 1)
        throw new UsageError(
          hits.length
            ? cliText('cli.ambiguous-process-short', { query: q, count: hits.length })
            : cliText('cli.no-process-in', { query: q, source }),
        );
      return hits[0].id;
    });
    const year = values.year === undefined ? undefined : numberOption(values, 'year', 0);
    const out = databaseName((values.out as string | undefined) ?? `${source}-regionalized`);
    const result = regionalize(db, ids, regions, { year });
    await saveDatabase(out, { ...result, name: out });
    const added = result.processes.length - db.processes.length;
    if (values.json)
      console.log(JSON.stringify({ database: out, from: source, added, processes: result.processes.length }));
    else
      console.log(
        `database "${out}": ${added} processes added to the ${db.processes.length} of "${source}" (${ids.length} process(es) × ${regions.length} region(s), plus one electricity market per region)`,
      );
  },
};
