import type { CommandSpec } from '../args.ts';
import { numberOption } from '../args.ts';
import { chooseDatabase } from '../workspace.ts';
import { listDatabases, loadDatabase, storeLocation } from '../databases.ts';

export const listCommand: CommandSpec = {
  name: 'list',
  summary: 'list databases, or the processes of one database',
  usage: 'tanji list [databases] [--db <name>] [--search <text>] [--limit N] [--json]',
  options: { db: { type: 'string' }, search: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  help: `
  tanji list databases      the imported databases, newest first
  tanji list                the processes of the default database
  --search <text>           only processes whose name, id or location contains the text (case-insensitive)
  --limit N                 at most N rows (default 50; 0 for all)
  --json                    JSON array instead of a table`,
  async run(positionals, values) {
    if (positionals[0] === 'databases') {
      const dbs = await listDatabases();
      if (values.json)
        console.log(
          JSON.stringify(
            dbs.map((d) => ({
              name: d.number,
              importedAt: d.createdAt.toISOString(),
              origin: d.origin,
              processes: d.processes,
            })),
          ),
        );
      else if (!dbs.length) console.log(`no databases yet in ${storeLocation()}: tanji import <zip>`);
      else
        for (const d of dbs)
          console.log(`${d.number}\t${d.createdAt.toISOString()}\t${d.processes} processes\t${d.origin ?? ''}`);
      return;
    }
    const db = await loadDatabase(await chooseDatabase(values.db as string | undefined));
    const needle = ((values.search as string | undefined) ?? '').toLowerCase();
    const limit = numberOption(values, 'limit', 50);
    const flows = new Map(db.flows.map((f) => [f.id, f]));
    const rows = db.processes
      .filter((p) => !needle || `${p.name} ${p.id} ${p.location ?? ''}`.toLowerCase().includes(needle))
      .map((p) => {
        const ref = p.exchanges.find((e) => e.reference)!;
        const flow = flows.get(ref.flowId)!;
        return {
          id: p.id,
          name: p.name,
          location: p.location ?? '',
          product: flow.name,
          amount: ref.amount,
          unit: flow.unit,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    const shown = limit > 0 ? rows.slice(0, limit) : rows;
    if (values.json) {
      console.log(JSON.stringify(shown));
      return;
    }
    for (const r of shown) console.log(`${r.id}  ${r.location.padEnd(6)} ${r.name}  [${r.amount} ${r.unit}]`);
    if (shown.length < rows.length) console.error(`… ${rows.length - shown.length} more (--limit 0 shows all)`);
  },
};
