import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandSpec } from '../args.ts';
import { requireString } from '../args.ts';
import { COMMON_HELP, COMMON_OPTIONS, characterization, method, openWorkspace } from '../workspace.ts';
import { fromTriplets } from '../../engine/sparse/csc.ts';
import { GHG_LINES, totalVector } from '../../engine/lca.ts';
import { toMatrixMarket } from '../../formats/matrix-market.ts';
import { csvCell as csv } from '../../factors/csv.ts';

export const exportMatrixCommand: CommandSpec = {
  name: 'export-matrix',
  summary: 'write A, B and C as MatrixMarket files with index CSVs, to check Tanji with scipy',
  usage: 'tanji export-matrix --out <dir> [--method <id>]',
  options: { ...COMMON_OPTIONS, method: { type: 'string' }, out: { type: 'string' } },
  help: `
Writes into <dir>:
  A.mtx        technosphere (products × provider columns)
  B.mtx        interventions (elementary flows × provider columns); emissions and extractions positive
  C.mtx        1 × flows: the characterisation factors counted in the total (removals left out)
  C_lines.mtx  5 × flows: one row per line (fossil, biogenic, landUseChange, aircraft, biogenicRemovals)
  processes.csv  index,process_id,process_name,location,product,unit (rows and columns of A)
  flows.csv      index,flow_id,name,compartment,unit,line (rows of B)
Check: s = spsolve(A, f); h = C @ (B @ s); all scores: λ = spsolve(A.T, B.T @ C.T)
${COMMON_HELP}`,
  async run(_positionals, values) {
    const dir = requireString(values, 'out');
    const ws = await openWorkspace(values);
    const cv = characterization(ws, method(values));
    mkdirSync(dir, { recursive: true });
    const { A, B, index, elementary } = ws.system;
    writeFileSync(join(dir, 'A.mtx'), toMatrixMarket(A, `technosphere of ${ws.dbName}`));
    writeFileSync(join(dir, 'B.mtx'), toMatrixMarket(B, `interventions of ${ws.dbName}`));
    const c = totalVector(cv);
    const cRows: number[] = [],
      cCols: number[] = [],
      cVals: number[] = [];
    const lRows: number[] = [],
      lCols: number[] = [],
      lVals: number[] = [];
    for (let e = 0; e < c.length; e++) {
      if (c[e] !== 0) (cRows.push(0), cCols.push(e), cVals.push(c[e]));
      const line = cv.line[e];
      if (line) (lRows.push(GHG_LINES.indexOf(line)), lCols.push(e), lVals.push(cv.c[e]));
    }
    writeFileSync(
      join(dir, 'C.mtx'),
      toMatrixMarket(fromTriplets(1, c.length, cRows, cCols, cVals), `${cv.method.id} total`),
    );
    writeFileSync(
      join(dir, 'C_lines.mtx'),
      toMatrixMarket(
        fromTriplets(GHG_LINES.length, c.length, lRows, lCols, lVals),
        `${cv.method.id} lines: ${GHG_LINES.join(' ')}`,
      ),
    );
    const procs = ['index,process_id,process_name,location,product,unit'];
    for (const pr of index.providers)
      procs.push(
        [pr.index, pr.process.id, pr.process.name, pr.process.location ?? '', pr.flow.name, pr.flow.unit]
          .map(csv)
          .join(','),
      );
    writeFileSync(join(dir, 'processes.csv'), procs.join('\n') + '\n');
    const flows = ['index,flow_id,name,compartment,unit,line'];
    elementary.forEach((f, e) =>
      flows.push([e, f.id, f.name, f.category.join('/'), f.unit, cv.line[e] ?? ''].map(csv).join(',')),
    );
    writeFileSync(join(dir, 'flows.csv'), flows.join('\n') + '\n');
    console.log(
      `wrote A (${A.nRows}×${A.nCols}, ${A.colPtr[A.nCols]} entries), B (${B.nRows}×${B.nCols}), C to ${dir}`,
    );
  },
};
