import type { CommandSpec } from '../args.ts';
import { numberOption, UsageError } from '../args.ts';
import { COMMON_HELP, COMMON_OPTIONS, characterization, method, openWorkspace, resolveColumn } from '../workspace.ts';
import { columnRef, impact, inventory } from '../../engine/lca.ts';
import { formatLines } from '../format.ts';

export const calcCommand: CommandSpec = {
  name: 'calc',
  summary: 'carbon footprint of an amount of one process’s product',
  usage: 'tanji calc <process id or exact name> --method <id> [--amount N] [--json]',
  options: { ...COMMON_OPTIONS, method: { type: 'string' }, amount: { type: 'string' }, json: { type: 'boolean' } },
  help: `
  --method <id>          ipcc-ar6-gwp100 (default) or ipcc-ar5-gwp100
  --amount N             amount of the process's reference product, in its unit (default 1)
  --json                 one JSON object: method, unit, total, lines {fossil, biogenic, landUseChange,
                         aircraft, biogenicRemovals}, the process, and the GHG-like flows left unmatched
${COMMON_HELP}
"total" is every characterised emission without biogenic uptake (PACT pcfExcludingBiogenicUptake);
removals are reported, negative, in lines.biogenicRemovals and are not netted into total.
Example: tanji calc "Electricity, at Grid, US, 2008" --method ipcc-ar6-gwp100 --amount 1000`,
  async run(positionals, values) {
    const query = positionals.join(' ');
    if (!query) throw new UsageError('name the process: tanji calc <process id or exact name> --method <id>');
    const ws = await openWorkspace(values);
    const m = method(values);
    const column = resolveColumn(ws, query);
    const amount = numberOption(values, 'amount', 1);
    const cv = characterization(ws, m);
    const result = impact(inventory(ws.system, ws.lu, column, amount), cv);
    const ref = columnRef(ws.system, column);
    const unit = ws.system.index.providers[column].flow.unit;
    const out = {
      method: m.id,
      methodName: m.name,
      gwpSource: m.source,
      unit: result.unit,
      total: result.total,
      lines: result.lines,
      process: { id: ref.processId, name: ref.processName, product: ref.product, location: ref.location ?? null },
      amount,
      productUnit: unit,
      database: ws.dbName,
      release: ws.dbName,
      dataset: ws.db.processes.find((p) => p.id === ref.processId)?.source,
      databaseOrigin: ws.db.origin,
      unmatchedGhgFlows: cv.unmatched.map((u) => ({ flowId: u.flowId, name: u.name, category: u.category, reason: u.reason })),
      cutoffs: ws.system.index.cutoffs.length,
    };
    if (values.json) {
      console.log(JSON.stringify(out, null, 2));
      return;
    }
    console.log(`${ref.processName}${ref.location ? ` (${ref.location})` : ''}: ${amount} ${unit} of ${ref.product}`);
    console.log(`method ${m.id} (${m.gwpSet}), database ${ws.dbName}\n`);
    console.log(formatLines(result.total, result.lines, result.unit));
    if (cv.unmatched.length) console.log(`\n${cv.unmatched.length} GHG-like flows in the database have no factor in ${m.id}; --json lists them.`);
  },
};
