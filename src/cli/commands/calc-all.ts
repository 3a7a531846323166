import { writeFileSync } from 'node:fs';
import type { CommandSpec } from '../args.ts';
import { requireString } from '../args.ts';
import { COMMON_HELP, COMMON_OPTIONS, characterization, method, openWorkspace } from '../workspace.ts';
import { allProcessScores, totalVector } from '../../engine/lca.ts';
import { declaredUnit } from '../../engine/system.ts';
import { csvCell as csv } from '../../factors/csv.ts';
import { Progress } from '../progress.ts';

export const calcAllCommand: CommandSpec = {
  name: 'calc-all',
  summary: 'footprint of one unit of every process’s product, in one adjoint solve, as CSV',
  usage: 'tanji calc-all --method <id> --out <file.csv>',
  options: { ...COMMON_OPTIONS, method: { type: 'string' }, out: { type: 'string' } },
  help: `
Solves Aᵀλ = Bᵀc once: λ[j] is the footprint of one unit of product j, for every process at once.
  --method <id>          ipcc-ar6-gwp100 (default) or ipcc-ar5-gwp100
  --out <file.csv>       header process_id,process_name,location,unit,total; one row per process
                         (per product for allocated multi-output processes); total as in tanji calc,
                         per one declared unit (the unit the reference exchange is written in: kWh, t, ha)
${COMMON_HELP}`,
  async run(_positionals, values) {
    const out = requireString(values, 'out');
    const progress = new Progress('calc-all');
    const steps = 4;
    progress.update(0, steps);
    const ws = await openWorkspace(values);
    progress.update(2, steps);
    const cv = characterization(ws, method(values));
    const started = performance.now();
    const lambda = allProcessScores(ws.system, ws.lu, totalVector(cv));
    const solveMs = performance.now() - started;
    progress.update(3, steps);
    const lines = ['process_id,process_name,location,unit,total'];
    for (const pr of ws.system.index.providers) {
      const id = pr.exchange.reference ? pr.process.id : `${pr.process.id}/${pr.flow.id}`;
      const declared = declaredUnit(ws.db, pr);
      lines.push(
        [id, pr.process.name, pr.process.location ?? '', declared.unit, lambda[pr.index] * declared.factor]
          .map(csv)
          .join(','),
      );
    }
    writeFileSync(out, lines.join('\n') + '\n');
    progress.update(steps, steps);
    progress.done(`${lines.length - 1} scores in one adjoint solve (${solveMs.toFixed(1)} ms) → ${out}`);
  },
};
