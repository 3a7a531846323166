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
import { columnRef, totalVector } from '../../engine/lca.ts';
import { monteCarlo } from '../../engine/montecarlo.ts';
import { num, table } from '../format.ts';
import { Progress } from '../progress.ts';

export const montecarloCommand: CommandSpec = {
  name: 'montecarlo',
  summary: 'uncertainty of a footprint by Monte Carlo simulation on exchange uncertainty',
  usage:
    'tanji montecarlo <process id or exact name> [--iterations 1000] [--seed 1] [--method <id>] [--amount N] [--unit U] [--no-pedigree] [--json]',
  options: {
    ...COMMON_OPTIONS,
    method: { type: 'string' },
    amount: { type: 'string' },
    unit: { type: 'string' },
    iterations: { type: 'string' },
    seed: { type: 'string' },
    'no-pedigree': { type: 'boolean' },
    values: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  help: `
Draws every uncertain exchange (lognormal, normal, triangular, uniform as given in the data),
recomputes the total each iteration and reports mean, standard deviation and percentiles.
The same --seed gives the same numbers.
  --iterations N   default 1000
  --seed N         default 1
  --no-pedigree    use the distributions as given; by default lognormals are widened by the
                   exchange's pedigree scores (ecoinvent factors) where the data has them
  --values         with --json: include every iteration's total
  --method <id>, --amount N, --unit U, --json as in tanji calc (--amount in the declared unit)
${COMMON_HELP}`,
  async run(positionals, values) {
    const query = positionals.join(' ');
    if (!query)
      throw new UsageError(cliText('cli.name-process', { usage: 'tanji montecarlo <process> --iterations 1000' }));
    const iterations = numberOption(values, 'iterations', 1000);
    if (!Number.isInteger(iterations) || iterations < 1) throw new UsageError(cliText('cli.iterations', {}));
    const ws = await openWorkspace(values);
    const m = method(values);
    const cv = characterization(ws, m);
    const column = resolveColumn(ws, query);
    const { amount, unit, perUnit } = demandOf(ws, column, values);
    const seed = numberOption(values, 'seed', 1);
    const progress = new Progress('montecarlo', Boolean(values.json));
    const r = monteCarlo(ws.system, totalVector(cv), column, amount * perUnit, {
      iterations,
      seed,
      pedigree: !values['no-pedigree'],
      onProgress: (d, t) => progress.update(d, t),
    });
    progress.done(`${iterations} iterations`);
    const ref = columnRef(ws.system, column);
    const out = {
      method: m.id,
      unit: m.unit,
      process: { id: ref.processId, name: ref.processName, location: ref.location ?? null },
      amount,
      productUnit: unit,
      iterations: r.iterations,
      seed: r.seed,
      deterministic: r.deterministic,
      ...r.summary,
      uncertainExchanges: r.uncertainExchanges,
      failedIterations: r.failed,
      ...(values.values ? { values: Array.from(r.values) } : {}),
    };
    if (values.json) {
      console.log(JSON.stringify(out, null, 2));
      return;
    }
    console.log(`${ref.processName}: ${amount} ${unit}, ${m.id}, ${r.iterations} iterations, seed ${seed}`);
    console.log(
      `${r.uncertainExchanges} uncertain exchanges${r.failed ? `, ${r.failed} singular draws skipped` : ''}\n`,
    );
    const s = r.summary;
    console.log(
      table(
        ['statistic', m.unit],
        [
          ['deterministic', num(r.deterministic)],
          ['mean', num(s.mean)],
          ['standard deviation', num(s.sd)],
          ['2.5 %', num(s.p2_5)],
          ['median', num(s.median)],
          ['97.5 %', num(s.p97_5)],
        ],
      ),
    );
  },
};
