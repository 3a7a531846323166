import type { CommandSpec } from '../args.ts';
import { UsageError } from '../args.ts';
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  characterization,
  demandOf,
  method,
  openWorkspace,
  resolveColumn,
} from '../workspace.ts';
import { columnRef, impact, inventory } from '../../engine/lca.ts';
import { systemNotes } from '../../engine/scope.ts';
import { providerChoiceWarning } from '../../studies/provider-choice.ts';
import { formatLines } from '../format.ts';

export const calcCommand: CommandSpec = {
  name: 'calc',
  summary: 'carbon footprint of an amount of one process’s product',
  usage: 'tanji calc <process id or exact name> --method <id> [--amount N] [--unit U] [--json]',
  options: {
    ...COMMON_OPTIONS,
    method: { type: 'string' },
    amount: { type: 'string' },
    unit: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: `
  --method <id>          ipcc-ar6-gwp100 (default) or ipcc-ar5-gwp100
  --amount N             amount of the process's reference product (default 1), in its declared unit:
                         the unit its reference exchange is written in (1 kWh, not the flow's 3.6 MJ)
  --unit U               give --amount in another unit of the product's unit group (e.g. MJ)
  --json                 one JSON object: method, unit, total, lines {fossil, biogenic, landUseChange,
                         aircraft, biogenicRemovals}, the process, amount and unit, and for the
                         calculated system only: cutoffs, providerChoices and unmatchedGhgFlows
${COMMON_HELP}
"total" is every characterised emission without biogenic uptake (PACT pcfExcludingBiogenicUptake);
removals are reported, negative, in lines.biogenicRemovals and are not netted into total.
Example: tanji calc "Electricity, at Grid, US, 2008" --method ipcc-ar6-gwp100 --amount 1000   (1000 kWh)`,
  async run(positionals, values) {
    const query = positionals.join(' ');
    if (!query) throw new UsageError('name the process: tanji calc <process id or exact name> --method <id>');
    const ws = await openWorkspace(values);
    const m = method(values);
    const column = resolveColumn(ws, query);
    const pr = ws.system.index.providers[column];
    const { amount, unit, perUnit, declared } = demandOf(ws, column, values);
    const cv = characterization(ws, m);
    const inv = inventory(ws.system, ws.lu, column, amount * perUnit);
    const result = impact(inv, cv);
    const notes = systemNotes(ws.system, inv.s, cv);
    const ref = columnRef(ws.system, column);
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
      declaredUnit: declared.unit,
      flowAmount: amount * perUnit,
      flowUnit: pr.flow.unit,
      database: ws.dbName,
      release: ws.dbName,
      dataset: ws.db.processes.find((p) => p.id === ref.processId)?.source,
      databaseOrigin: ws.db.origin,
      unmatchedGhgFlows: notes.unmatchedGhgFlows.map((u) => ({
        flowId: u.flowId,
        name: u.name,
        category: u.category,
        reason: u.reason,
      })),
      cutoffs: notes.cutoffs,
      providerChoices: notes.providerChoices,
      warnings: notes.providerChoices.map((c) => providerChoiceWarning(c).message),
    };
    if (values.json) {
      console.log(JSON.stringify(out, null, 2));
      return;
    }
    const flowNote = unit === pr.flow.unit ? '' : ` (${amount * perUnit} ${pr.flow.unit})`;
    console.log(
      `${ref.processName}${ref.location ? ` (${ref.location})` : ''}: ${amount} ${unit}${flowNote} of ${ref.product}`,
    );
    console.log(`method ${m.id} (${m.gwpSet}), database ${ws.dbName}\n`);
    console.log(formatLines(result.total, result.lines, result.unit));
    const counts = [
      [notes.unmatchedGhgFlows.length, `GHG-like flows without a factor in ${m.id}`],
      [notes.cutoffs.length, 'inputs cut off (no provider in the database)'],
      [notes.providerChoices.length, 'providers chosen among several'],
    ] as const;
    const said = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
    if (said.length) console.log(`\nIn this system: ${said.join('; ')}. --json lists them.`);
  },
};
