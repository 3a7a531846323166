import type { CommandSpec } from '../args.ts';
import { loadMethods } from '../../factors/gwp.ts';

export const methodsCommand: CommandSpec = {
  name: 'methods',
  summary: 'list the impact assessment methods and their sources',
  usage: 'tanji methods [--json]',
  options: { json: { type: 'boolean' } },
  help: `
Lists each method id with its GWP set, source and number of substances.
  --json   JSON array`,
  run(_positionals, values) {
    const methods = loadMethods();
    if (values.json) {
      console.log(
        JSON.stringify(
          methods.map((m) => ({
            id: m.id,
            name: m.name,
            unit: m.unit,
            gwpSet: m.gwpSet,
            source: m.source,
            substances: m.entries.length,
          })),
        ),
      );
      return;
    }
    for (const m of methods) console.log(`${m.id}\t${m.name}\t${m.entries.length} substances\n\t${m.source}`);
  },
};
