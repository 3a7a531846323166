import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDatabase } from '../../src/formats/index.ts';
import { ilcdZip } from '../../src/formats/ilcd-export.ts';
import { ecoSpold2Zip, LEFT_OUT_FILE, unwritableReference } from '../../src/formats/ecospold2-export.ts';
import { namedUnit } from '../../src/formats/units.ts';
import { strFromU8, unzipSync } from 'fflate';
import { jsonLdZip } from '../../src/store/export-jsonld.ts';
import { buildSystem } from '../../src/engine/system.ts';
import { allProcessScores, characterizationVector, factorizeSystem, totalVector } from '../../src/engine/lca.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import type { LciDatabase } from '../../src/model/lci.ts';
import { ilcdFixture } from './ilcd-fixture.ts';
import { TIANGONG } from '../tiangong.ts';
import { solvableSystem } from '../../src/engine/solvable.ts';

/**
 * import → export → import gives the same matrices and the same scores, in each of the three
 * formats. EcoSpold2 names units, and its importer converts them to openLCA's reference units
 * (TianGong's three flows in "a" come back in days): entries are compared after that conversion.
 */

interface Matrices {
  /** "row flow|row provider process|column process" → A value; "flow|column process" → B value */
  a: Map<string, number>;
  b: Map<string, number>;
  scores: Map<string, number>;
  reference: Map<string, string>;
}

function matrices(db: LciDatabase): Matrices {
  const system = buildSystem(db);
  const cv = characterizationVector(system, getMethod('ipcc-ar6-gwp100'));
  const lambda = allProcessScores(system, factorizeSystem(system), totalVector(cv));
  const providers = system.index.providers;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (let j = 0; j < system.A.nCols; j++) {
    for (let k = system.A.colPtr[j]; k < system.A.colPtr[j + 1]; k++) {
      const i = system.A.rowIdx[k];
      add(a, `${providers[i].flow.id}|${providers[i].process.id}|${providers[j].process.id}`, system.A.values[k]);
    }
    for (let k = system.B.colPtr[j]; k < system.B.colPtr[j + 1]; k++)
      add(b, `${system.elementary[system.B.rowIdx[k]].id}|${providers[j].process.id}`, system.B.values[k]);
  }
  return {
    a,
    b,
    scores: new Map(providers.map((p, j) => [p.process.id, lambda[j]])),
    reference: new Map(providers.map((p) => [p.process.id, p.flow.id])),
  };
}

function write(name: string, bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tanji-round-trip-')), name);
  writeFileSync(path, bytes);
  return path;
}

const close = (x: number, y: number) =>
  Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) || Math.abs(x - y) < 1e-300;

/** `unitFactor(flow id)`: reference units of the re-imported flow per one of the original's. */
function assertSame(before: Matrices, after: Matrices, unitFactor: (flowId: string) => number, label: string) {
  assert.equal(after.scores.size, before.scores.size, `${label}: columns`);
  assert.equal(after.a.size, before.a.size, `${label}: entries of A`);
  assert.equal(after.b.size, before.b.size, `${label}: entries of B`);
  const column = (processId: string) => unitFactor(before.reference.get(processId)!);
  for (const [k, v] of before.a) {
    const [flow, , col] = k.split('|');
    const w = after.a.get(k);
    assert.ok(w !== undefined && close(w, (v * unitFactor(flow)) / column(col)), `${label}: A ${k}: ${v} then ${w}`);
  }
  for (const [k, v] of before.b) {
    const [flow, col] = k.split('|');
    const w = after.b.get(k);
    assert.ok(w !== undefined && close(w, (v * unitFactor(flow)) / column(col)), `${label}: B ${k}: ${v} then ${w}`);
  }
  for (const [id, v] of before.scores)
    assert.ok(
      close(after.scores.get(id)!, v / column(id)),
      `${label}: score of ${id}: ${v} then ${after.scores.get(id)}`,
    );
}

const same = () => 1;
const es2Units = (db: LciDatabase) => {
  const unit = new Map(db.flows.map((f) => [f.id, f.unit]));
  return (flowId: string) => namedUnit(unit.get(flowId)!)?.factor ?? 1;
};

async function roundTrips(db: LciDatabase, name: string) {
  const before = matrices(db);
  const ilcd = await importDatabase(write(`${name}.zip`, ilcdZip(db)));
  assertSame(before, matrices(ilcd), same, `${name} via ILCD`);
  const jsonld = await importDatabase(write(`${name}.zip`, jsonLdZip(db)));
  assertSame(before, matrices(jsonld), same, `${name} via JSON-LD`);
  // EcoSpold2 cannot hold a reference that is not a product output or waste input: those are left
  // out and listed, and the rest compares with the release without them
  const es2Zip = ecoSpold2Zip(db);
  const flows = new Map(db.flows.map((f) => [f.id, f]));
  const writable = db.processes.filter((p) => !unwritableReference(p, flows));
  const listed = unzipSync(es2Zip)[LEFT_OUT_FILE];
  assert.equal(
    listed ? strFromU8(listed).trim().split('\n').length : 0,
    db.processes.length - writable.length,
    `${name} via EcoSpold2: the processes left out are listed`,
  );
  const es2 = await importDatabase(write(`${name}.zip`, es2Zip));
  assertSame(matrices({ ...db, processes: writable }), matrices(es2), es2Units(db), `${name} via EcoSpold2`);
  return { ilcd, jsonld, es2 };
}

test('the hand-written ILCD archive: ILCD, JSON-LD and EcoSpold2 round trips keep matrices and scores', async () => {
  const db = await importDatabase(ilcdFixture());
  const { ilcd } = await roundTrips(db, 'china-cement-ilcd');
  // ILCD keeps what ILCD says: names in both languages, provinces, cut-offs, provenance's sources
  const p = ilcd.processes.find((x) => x.location === 'CN-SD')!;
  const original = db.processes.find((x) => x.location === 'CN-SD')!;
  for (const key of [
    'name',
    'nameZh',
    'description',
    'descriptionZh',
    'category',
    'validFrom',
    'validUntil',
    'leftOut',
  ] as const)
    assert.deepEqual(p[key], original[key], key);
  assert.deepEqual(p.provenance?.sources, original.provenance?.sources);
  assert.equal(p.provenance?.generator, original.provenance?.generator);
  assert.deepEqual(
    ilcd.flows.map((f) => [f.id, f.nameZh, f.category]).sort(),
    db.flows.map((f) => [f.id, f.nameZh, f.category]).sort(),
  );
});

test(
  'TianGong: ILCD, JSON-LD and EcoSpold2 round trips keep every matrix entry and every score',
  { skip: !existsSync(TIANGONG) && 'no TianGong archive' },
  async () => {
    // TianGong as published is singular with 28 of its processes (engine/solvable.ts)
    const { db, excluded } = solvableSystem(await importDatabase(TIANGONG));
    assert.equal(excluded.length, 28);
    await roundTrips(db, 'tiangong');
  },
);
