import type { CommandSpec } from '../args.ts';
import { cliText, numberOption, UsageError } from '../args.ts';
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  characterization,
  demandOf,
  method,
  openWorkspace,
  resolveColumn,
} from '../workspace.ts';
import { allProcessScores, inventory, totalVector } from '../../engine/lca.ts';
import {
  directFactors,
  flowContributions,
  processContributions,
  sankey,
  stageContributions,
  upstreamTree,
  type UpstreamNode,
} from '../../engine/contributions.ts';
import { num, table } from '../format.ts';

const VIEWS = ['process', 'flow', 'stage', 'tree', 'sankey'] as const;

export const contributionsCommand: CommandSpec = {
  name: 'contributions',
  summary: 'where a footprint comes from: by process, elementary flow, stage, upstream tree or Sankey',
  usage:
    'tanji contributions <process id or exact name> [--by process|flow|stage|tree|sankey] [--method <id>] [--amount N] [--unit U] [--cutoff 0.01] [--limit N] [--json]',
  options: {
    ...COMMON_OPTIONS,
    method: { type: 'string' },
    amount: { type: 'string' },
    unit: { type: 'string' },
    by: { type: 'string' },
    cutoff: { type: 'string' },
    limit: { type: 'string' },
    depth: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: `
  --by process           direct emissions of each process in the system (default)
  --by flow              each characterised elementary flow, with its factor and ISO 14067 line
  --by stage             direct emissions summed by the life cycle stage of each process
  --by tree              upstream tree: every node's total includes its whole supply chain
  --by sankey            nodes and links (kg CO2e carried from provider to consumer) for a Sankey chart
  --cutoff 0.01          tree and Sankey: leave out nodes below this share of the total (summed as cut-off)
  --depth 8              tree: maximum depth
  --limit 20             process and flow views: rows shown
  --method <id>, --amount N, --unit U, --json as in tanji calc (--amount in the declared unit)
${COMMON_HELP}`,
  async run(positionals, values) {
    const query = positionals.join(' ');
    if (!query)
      throw new UsageError(cliText('cli.name-process', { usage: 'tanji contributions <process> --by process' }));
    const by = ((values.by as string | undefined) ?? 'process') as (typeof VIEWS)[number];
    if (!VIEWS.includes(by)) throw new UsageError(cliText('cli.one-of', { option: 'by', choices: VIEWS.join(', ') }));
    const ws = await openWorkspace(values);
    const cv = characterization(ws, method(values));
    const column = resolveColumn(ws, query);
    const demand = demandOf(ws, column, values);
    const amount = demand.amount * demand.perUnit;
    const limit = numberOption(values, 'limit', 20);
    const cutoff = numberOption(values, 'cutoff', 0.01);
    const inv = inventory(ws.system, ws.lu, column, amount);
    const c = totalVector(cv);
    const json = Boolean(values.json);
    const print = (data: unknown, text: () => string) => console.log(json ? JSON.stringify(data, null, 2) : text());
    if (by === 'process') {
      // every contribution names its dataset (source record) and the release it came from
      const sourceOf = new Map(ws.db.processes.map((p) => [p.id, p.source]));
      const rows = processContributions(ws.system, inv, c)
        .slice(0, limit)
        .map((r) => ({ ...r, release: ws.dbName, dataset: sourceOf.get(r.processId) }));
      print(rows, () =>
        table(
          ['process', 'location', 'direct kg CO2e', 'share'],
          rows.map((r) => [r.processName, r.location ?? '', num(r.direct), `${(r.share * 100).toFixed(1)}%`]),
        ),
      );
    } else if (by === 'flow') {
      const rows = flowContributions(ws.system, inv, cv).slice(0, limit);
      print(rows, () =>
        table(
          ['flow', 'compartment', 'line', 'amount', 'unit', 'factor', 'kg CO2e'],
          rows.map((r) => [r.name, r.compartment, r.line, num(r.amount), r.unit, num(r.factor), num(r.result)]),
        ),
      );
    } else if (by === 'stage') {
      const stages = stageContributions(ws.system, inv, c);
      print(stages, () =>
        table(
          ['stage', 'kg CO2e'],
          Object.entries(stages).map(([k, v]) => [k, num(v)]),
        ),
      );
    } else {
      const lambda = allProcessScores(ws.system, ws.lu, c);
      const d = directFactors(ws.system, c);
      if (by === 'tree') {
        const tree = upstreamTree(ws.system, lambda, d, column, amount, {
          cutoff,
          maxDepth: numberOption(values, 'depth', 8),
        });
        print(tree, () => renderTree(tree));
      } else {
        const graph = sankey(ws.system, inv, lambda, d, { cutoff });
        print(graph, () =>
          graph.links
            .map(
              (l) =>
                `${graph.nodes[l.source].processName} → ${graph.nodes[l.target].processName}: ${num(l.value)} kg CO2e`,
            )
            .join('\n'),
        );
      }
    }
  },
};

function renderTree(n: UpstreamNode, indent = ''): string {
  const head = `${indent}${num(n.total)} kg CO2e  ${n.processName} [${num(n.amount)} ${n.unit}] (direct ${num(n.direct)})`;
  const kids = n.children.map((k) => renderTree(k, indent + '  '));
  const cut = n.cutoffTotal !== 0 ? [`${indent}  ${num(n.cutoffTotal)} kg CO2e  (below cut-off)`] : [];
  return [head, ...kids, ...cut].join('\n');
}
