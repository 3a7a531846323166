import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import { buildSystem, type LcaSystem } from '../../src/engine/system.ts';
import {
  allProcessScores,
  characterizationVector,
  factorizeSystem,
  impact,
  inventory,
  totalVector,
  type CharacterizationVector,
} from '../../src/engine/lca.ts';
import { multiply } from '../../src/engine/sparse/csc.ts';
import { fromTriplets } from '../../src/engine/sparse/csc.ts';
import type { Factorization } from '../../src/engine/sparse/lu.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import { toMatrixMarket } from '../../src/formats/matrix-market.ts';
import { USLCI_JSONLD } from '../uslci.ts';

let system: LcaSystem;
let lu: Factorization;
let cv: CharacterizationVector;
let lambda: Float64Array;

before(async () => {
  system = buildSystem(await importJsonLd(USLCI_JSONLD));
  lu = factorizeSystem(system);
  cv = characterizationVector(system, getMethod('ipcc-ar6-gwp100'));
  lambda = allProcessScores(system, lu, totalVector(cv));
});

function relResidual(s: Float64Array, f: Float64Array): number {
  const r = multiply(system.A, s);
  let num = 0,
    den = 0;
  for (let i = 0; i < r.length; i++) {
    num = Math.max(num, Math.abs(r[i] - f[i]));
    den = Math.max(den, Math.abs(f[i]));
  }
  return num / den;
}

test('USLCI: A·s = f to 1e-9 relative for every product', () => {
  const n = system.A.nCols;
  assert.ok(n >= 766, `expected at least 766 provider columns, got ${n}`);
  for (let j = 0; j < n; j++) {
    const inv = inventory(system, lu, j, 1);
    const f = new Float64Array(n);
    f[j] = 1;
    assert.ok(relResidual(inv.s, f) < 1e-9, `column ${j}: residual ${relResidual(inv.s, f)}`);
  }
});

test('USLCI: the adjoint scores equal one forward solve per process', () => {
  for (let j = 0; j < system.A.nCols; j++) {
    const total = impact(inventory(system, lu, j, 1), cv).total;
    assert.ok(
      Math.abs(lambda[j] - total) <= 1e-9 * Math.max(1e-12, Math.abs(total)) + 1e-15,
      `column ${j}: λ ${lambda[j]} vs forward ${total}`,
    );
  }
});

test('USLCI: grid electricity has a plausible footprint, mostly fossil', () => {
  const j = system.index.providers.find((p) => p.process.name === 'Electricity, at Grid, US, 2008')!.index;
  // the process is written per MJ (1 kWh = 3.6 MJ is its reference amount)
  const r = impact(inventory(system, lu, j, 3.6), cv);
  // US grid 2008 is about 0.6–0.9 kg CO2e/kWh in every published inventory
  assert.ok(r.total > 0.5 && r.total < 1.1, `total ${r.total} kg CO2e/kWh`);
  assert.ok(r.lines.fossil / r.total > 0.9, `fossil share ${r.lines.fossil / r.total}`);
});

test('USLCI: scipy, solving the exported matrices independently, agrees on every score', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tanji-oracle-'));
  const c = totalVector(cv);
  writeFileSync(join(dir, 'A.mtx'), toMatrixMarket(system.A));
  writeFileSync(join(dir, 'B.mtx'), toMatrixMarket(system.B));
  const cols = [...c.keys()].filter((e) => c[e] !== 0);
  writeFileSync(
    join(dir, 'C.mtx'),
    toMatrixMarket(
      fromTriplets(
        1,
        c.length,
        cols.map(() => 0),
        cols,
        cols.map((e) => c[e]),
      ),
    ),
  );
  const script = `
import json, sys, numpy as np, scipy.io, scipy.sparse.linalg as sla
d = sys.argv[1]
A, B, C = (scipy.io.mmread(f"{d}/{m}.mtx").tocsc() for m in "ABC")
c = C.toarray().ravel()
lam = sla.spsolve(A.T.tocsc(), B.T @ c)
S = sla.splu(A).solve(np.eye(A.shape[0]))
fwd = c @ (B @ S)
print(json.dumps({"lam": lam.tolist(), "fwd": np.asarray(fwd).ravel().tolist()}))
`;
  const out = JSON.parse(execFileSync('python3', ['-c', script, dir], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  assert.equal(out.lam.length, lambda.length);
  let worst = 0;
  for (let j = 0; j < lambda.length; j++) {
    for (const oracle of [out.lam[j], out.fwd[j]]) {
      const err = Math.abs(lambda[j] - oracle) / Math.max(Math.abs(oracle), 1e-12);
      if (Math.abs(oracle) > 1e-12) worst = Math.max(worst, err);
      assert.ok(
        err < 1e-9 || Math.abs(lambda[j] - oracle) < 1e-15,
        `column ${j}: Tanji ${lambda[j]} vs scipy ${oracle}`,
      );
    }
  }
  assert.ok(worst < 1e-9, `worst relative difference ${worst}`);
});
