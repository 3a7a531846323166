import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importEcoSpold2 } from '../../src/formats/ecospold2.ts';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import { buildSystem, type LcaSystem } from '../../src/engine/system.ts';
import { allProcessScores, characterizationVector, factorizeSystem, totalVector } from '../../src/engine/lca.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import type { LciDatabase, Process } from '../../src/model/lci.ts';
import { USLCI_ECOSPOLD2, USLCI_JSONLD } from '../uslci.ts';

/**
 * The cross-check: USLCI as openLCA JSON-LD and as EcoSpold2 must give the same GWP for
 * every process in both, within TOLERANCE relative. Where they do not, the difference must be
 * explained by the data: the process's own exchanges differ between the two exports, or its
 * supply chain reaches a process whose exchanges differ or which one export lacks.
 */
const TOLERANCE = 1e-6;

let jsonld: LciDatabase;
let ecospold: LciDatabase;

before(async () => {
  jsonld = await importJsonLd(USLCI_JSONLD);
  ecospold = await importEcoSpold2(USLCI_ECOSPOLD2);
});

function scores(db: LciDatabase): { system: LcaSystem; byProcess: Map<string, number> } {
  const system = buildSystem(db);
  const lambda = allProcessScores(
    system,
    factorizeSystem(system),
    totalVector(characterizationVector(system, getMethod('ipcc-ar6-gwp100'))),
  );
  const byProcess = new Map<string, number>();
  for (const p of system.index.providers) if (p.exchange.reference) byProcess.set(p.process.id, lambda[p.index]);
  return { system, byProcess };
}

/** an exchange key that survives the ~85 flows the two exports give different ids: name, direction, amount */
function exchangeKeys(db: LciDatabase, p: Process): string[] {
  const flows = new Map(db.flows.map((f) => [f.id, f]));
  return p.exchanges
    .map((e) => `${flows.get(e.flowId)!.name.toLowerCase()}|${e.input}|${e.amount.toPrecision(9)}`)
    .sort();
}

/** process ids → names of the product inputs left without a provider (cut off) */
function cutoffsByProcess(system: LcaSystem): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const c of system.index.cutoffs)
    out.set(c.processId, [...(out.get(c.processId) ?? []), c.flowName.toLowerCase()]);
  return new Map([...out].map(([id, names]) => [id, names.sort().join('|')]));
}

/** processes whose own data or links differ, or that only one export has */
function differingData(a: LcaSystem, b: LcaSystem): Map<string, string> {
  const es = new Map(ecospold.processes.map((p) => [p.id, p]));
  const roots = new Map<string, string>();
  for (const p of jsonld.processes) {
    const q = es.get(p.id);
    if (!q) {
      roots.set(p.id, 'missing from the EcoSpold2 export (or has no reference product there)');
      continue;
    }
    const mine = exchangeKeys(jsonld, p),
      theirs = exchangeKeys(ecospold, q);
    if (mine.join('\n') !== theirs.join('\n')) roots.set(p.id, 'its own exchanges differ between the exports');
  }
  const ca = cutoffsByProcess(a),
    cb = cutoffsByProcess(b);
  for (const p of jsonld.processes) {
    if (!roots.has(p.id) && es.has(p.id) && (ca.get(p.id) ?? '') !== (cb.get(p.id) ?? '')) {
      roots.set(p.id, 'an input has a provider in one export and is cut off in the other (the flow ids differ)');
    }
  }
  return roots;
}

/** process ids whose supply chain (including themselves) reaches one of `roots` in this system */
function affected(system: LcaSystem, roots: Set<string>): Set<string> {
  const { A, index } = system;
  const consumers: number[][] = Array.from({ length: A.nCols }, () => []);
  for (let j = 0; j < A.nCols; j++)
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) if (A.rowIdx[p] !== j) consumers[A.rowIdx[p]].push(j);
  const seen = new Uint8Array(A.nCols);
  const queue = index.providers.filter((pr) => roots.has(pr.process.id)).map((pr) => pr.index);
  for (const j of queue) seen[j] = 1;
  while (queue.length) for (const k of consumers[queue.pop()!]) if (!seen[k]) (queue.push(k), (seen[k] = 1));
  return new Set(index.providers.filter((pr) => seen[pr.index]).map((pr) => pr.process.id));
}

test('JSON-LD and EcoSpold2 give the same GWP for every shared process, or the data explain why not', () => {
  const a = scores(jsonld),
    b = scores(ecospold);
  const roots = differingData(a.system, b.system);
  const explained = new Set([
    ...affected(a.system, new Set(roots.keys())),
    ...affected(b.system, new Set(roots.keys())),
  ]);
  let shared = 0,
    agree = 0;
  const unexplained: string[] = [];
  const differing: string[] = [];
  for (const [id, x] of a.byProcess) {
    const y = b.byProcess.get(id);
    if (y === undefined) continue;
    shared++;
    if (Math.abs(x - y) <= TOLERANCE * Math.max(Math.abs(x), Math.abs(y)) + 1e-15) {
      agree++;
      continue;
    }
    const name = jsonld.processes.find((p) => p.id === id)!.name;
    differing.push(`${name}: ${x.toPrecision(6)} vs ${y.toPrecision(6)} (${roots.get(id) ?? 'upstream data differ'})`);
    if (!explained.has(id)) unexplained.push(`${name} (${id}): JSON-LD ${x}, EcoSpold2 ${y}`);
  }
  console.log(
    `USLCI GWP agreement: ${agree} of ${shared} shared processes within ${TOLERANCE} relative; ${differing.length} differ:\n  ${differing.join('\n  ')}`,
  );
  assert.deepEqual(unexplained, [], 'every difference is explained by differing data');
  assert.ok(shared >= 735, `${shared} shared processes`);
  assert.ok(agree / shared > 0.94, `${agree} of ${shared} agree`);
});
