import type { CommandSpec } from '../args.ts';
import { cliText, langOf, UsageError } from '../args.ts';
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
import { render } from '../../i18n/catalogue.ts';
import type { Readable } from '../../i18n/define.ts';
import { quantityText } from '../../i18n/units.ts';

export const calcCommand: CommandSpec = {
  name: 'calc',
  summary: 'carbon footprint of an amount of one process’s product',
  usage: 'tanji calc <process id or exact name> --method <id> [--amount N] [--unit U] [--lang zh|en] [--json]',
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
    if (!query)
      throw new UsageError(
        cliText('cli.name-process', { usage: 'tanji calc <process id or exact name> --method <id>' }),
      );
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
      warnings: notes.providerChoices.map((c) => render(providerChoiceWarning(c), langOf(values))),
    };
    if (values.json) {
      console.log(JSON.stringify(out, null, 2));
      return;
    }
    const lang = langOf(values);
    const say = (m: Readable) => render(m, lang);
    const quantity = (n: number, u: string) => quantityText(String(n), u, lang);
    const flowNote = unit === pr.flow.unit ? '' : ` (${quantity(amount * perUnit, pr.flow.unit)})`;
    const process = `${ref.processName}${ref.location ? ` (${ref.location})` : ''}`;
    console.log(
      say(
        cliText('cli.calc.what', { process, quantity: `${quantity(amount, unit)}${flowNote}`, product: ref.product }),
      ),
    );
    console.log(`${say(cliText('cli.calc.method', { method: m.id, gwpSet: m.gwpSet, database: ws.dbName }))}\n`);
    console.log(formatLines(result.total, result.lines, result.unit, lang));
    const counts = [
      cliText('cli.calc.unmatched', { count: notes.unmatchedGhgFlows.length, method: m.id }),
      cliText('cli.calc.cutoffs', { count: notes.cutoffs.length }),
      cliText('cli.calc.provider-choices', { count: notes.providerChoices.length }),
    ];
    const said = counts.filter((c) => c.params.count > 0).map(say);
    if (said.length)
      console.log(`\n${say(cliText('cli.calc.in-this-system', { findings: said.join(lang === 'zh' ? '；' : '; ') }))}`);
  },
};
