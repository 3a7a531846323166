import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDatabase } from '../../src/formats/index.ts';
import { lcaMatrixFiles } from '../../src/formats/matrix-market.ts';
import { allProcessScores, characterizationVector, totalVector } from '../../src/engine/lca.ts';
import { solvableSystem } from '../../src/engine/solvable.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import { TIANGONG } from '../tiangong.ts';

/**
 * TianGong, the China background: its greenhouse gases characterised, and every score of its
 * solvable system (28 processes that make A singular left out, engine/solvable.ts) equal to what
 * scipy computes from the exported matrices on its own.
 */
test(
  'TianGong: GHG flows characterised, every score equal to a scipy solve of the exported matrices',
  { skip: !existsSync(TIANGONG) && 'no TianGong archive' },
  async () => {
    const { system, lu, excluded } = solvableSystem(await importDatabase(TIANGONG));
    assert.equal(excluded.length, 28);
    const cv = characterizationVector(system, getMethod('ipcc-ar6-gwp100'));

    // the gases of TianGong's 896 emitting processes, named as ILCD names them, all have a factor and a line
    // the emission rows (a flow taken in by an input has an uptake row of its own)
    const characterised = new Map(
      system.elementary.flatMap((f, e) =>
        system.uptake[e] ? [] : [[f.id, { flow: f, line: cv.line[e], c: cv.c[e] }] as const],
      ),
    );
    const expect = (id: string, line: string, gwp: (c: number) => boolean) => {
      const x = characterised.get(id);
      assert.ok(x, `flow ${id} is in the system`);
      assert.equal(x.line, line, x.flow.name);
      assert.ok(gwp(x.c), `${x.flow.name}: ${x.c}`);
    };
    expect('08a91e70-3ddc-11dd-923d-0050c2490048', 'fossil', (c) => c === 1); // carbon dioxide (fossil), to air, unspecified
    expect('08a91e70-3ddc-11dd-9c15-0050c2490048', 'biogenic', (c) => c === 1); // carbon dioxide (biogenic)
    expect('08a91e70-3ddc-11dd-9610-0050c2490048', 'fossil', (c) => c > 29 && c < 30); // methane (fossil): AR6 29.8
    expect('fe0acd60-3ddc-11dd-a8e8-0050c2490048', 'biogenic', (c) => c === 27); // methane (biogenic): AR6 27.0
    expect('08a91e70-3ddc-11dd-94c3-0050c2490048', 'fossil', (c) => c === 273); // nitrous oxide
    const takenIn = (u: { reason: string }) => /taken (in|up) by an input/.test(u.reason);
    const unmatched = cv.unmatched.filter(
      (u) => /carbon dioxide|\bmethane|nitrous oxide/i.test(u.name) && /air/.test(u.category) && !takenIn(u),
    );
    assert.deepEqual(unmatched, [], 'no CO2, CH4 or N2O emission to air stays uncharacterised');
    // fossil CO2 some processes take in is listed as not credited, never counted as a biogenic removal
    assert.ok(
      cv.unmatched.some((u) => u.name === 'carbon dioxide (fossil)' && /not a biogenic removal/.test(u.reason)),
    );
    // a GHG-like flow the GWP table lacks is listed, never dropped in silence
    assert.ok(cv.unmatched.some((u) => u.name === 'dichloromethane' && /no AR6 GWP100/.test(u.reason)));

    const c = totalVector(cv);
    const lambda = allProcessScores(system, lu, c);
    const dir = mkdtempSync(join(tmpdir(), 'tanji-tiangong-oracle-'));
    for (const [name, text] of Object.entries(lcaMatrixFiles(system.A, system.B, c)))
      writeFileSync(join(dir, name), text);
    const script = `
import json, sys, numpy as np, scipy.io, scipy.sparse.linalg as sla
d = sys.argv[1]
A, B, C = (scipy.io.mmread(f"{d}/{m}.mtx").tocsc() for m in "ABC")
c = C.toarray().ravel()
lam = sla.spsolve(A.T.tocsc(), B.T @ c)
print(json.dumps({"lam": lam.tolist(), "cond1": float(np.linalg.cond(A.toarray(), 1)) if A.shape[0] < 5000 else None}))
`;
    const out = JSON.parse(execFileSync('python3', ['-c', script, dir], { encoding: 'utf8', maxBuffer: 1 << 28 }));
    assert.equal(out.lam.length, lambda.length);
    // The input-output sector data sets (CEEIO) form a loop whose feedback factor is about 1.8e8
    // (A's 1-norm condition number is printed): there both solvers lose digits, so those columns
    // are held to the loop's scale; every other column must agree to 1e-9.
    const ceeio = (j: number) => /\| CEEIO \|/.test(system.index.providers[j].process.name);
    const loopScale = Math.max(...lambda.filter((_, j) => ceeio(j)).map(Math.abs));
    let worst = 0;
    let loopColumns = 0;
    for (let j = 0; j < lambda.length; j++) {
      const diff = Math.abs(lambda[j] - out.lam[j]);
      if (ceeio(j)) {
        loopColumns++;
        assert.ok(
          diff <= 1e-5 * loopScale,
          `${system.index.providers[j].process.name}: Tanji ${lambda[j]} vs scipy ${out.lam[j]}`,
        );
        continue;
      }
      const err = diff / Math.max(Math.abs(out.lam[j]), 1e-12);
      worst = Math.max(worst, Math.abs(out.lam[j]) > 1e-12 ? err : 0);
      assert.ok(
        err < 1e-9 || diff < 1e-12,
        `${system.index.providers[j].process.name}: Tanji ${lambda[j]} vs scipy ${out.lam[j]}`,
      );
    }
    console.log(
      `TianGong: ${lambda.length} scores (${loopColumns} in the input-output loop, to ${loopScale.toExponential(2)} × 1e-5), worst relative difference elsewhere ${worst.toExponential(2)}; 1-norm condition number of A ${out.cond1?.toExponential(2)}`,
    );
  },
);
