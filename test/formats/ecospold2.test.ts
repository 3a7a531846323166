import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importEcoSpold2 } from '../../src/formats/ecospold2.ts';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import { importDatabase } from '../../src/formats/index.ts';
import { nameUuid } from '../../src/formats/name-ids.ts';
import type { LciDatabase } from '../../src/model/lci.ts';
import { USLCI_ECOSPOLD2, USLCI_JSONLD } from '../uslci.ts';
import { rejectsNaming, writeZip } from './helpers.ts';

const so2 = nameUuid('air/unspecified/sulfur dioxide/kg');

/** One activity: 1 kWh of electricity from 0.5 l of fuel oil, emitting 2 g SO2 (compartment only in its id). */
function spold(exchangeAttrs = 'amount="0.5"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ecoSpold xmlns="http://www.EcoInvent.org/EcoSpold02"><activityDataset>
<activityDescription><activity id="act-1"><activityName xml:lang="en">Electricity, from oil </activityName><generalComment><text index="0" xml:lang="en">Test</text></generalComment></activity>
<geography><shortname xml:lang="en">US</shortname></geography><timePeriod startDate="2010-01-01" endDate="2010-12-31"/></activityDescription>
<flowData>
<intermediateExchange id="x1" intermediateExchangeId="f-elec" amount="1"><name xml:lang="en">Electricity</name><unitName xml:lang="en">kWh</unitName><outputGroup>0</outputGroup></intermediateExchange>
<intermediateExchange id="x2" intermediateExchangeId="f-oil" ${exchangeAttrs} activityLinkId="act-0"><name xml:lang="en">Fuel oil</name><unitName xml:lang="en">l</unitName>
<uncertainty><lognormal meanValue="0.5" mu="-0.693" variance="0.04" varianceWithPedigreeUncertainty="0.05"/><pedigreeMatrix reliability="2" completeness="3" temporalCorrelation="1" geographicalCorrelation="4" furtherTechnologyCorrelation="5"/></uncertainty><inputGroup>5</inputGroup></intermediateExchange>
<elementaryExchange id="x3" elementaryExchangeId="${so2}" amount="2"><name xml:lang="en">Sulfur dioxide</name><unitName xml:lang="en">g</unitName><uncertainty><triangular minValue="3" mostLikelyValue="2" maxValue="1"/></uncertainty><outputGroup>4</outputGroup></elementaryExchange>
<elementaryExchange id="x4" elementaryExchangeId="f-water" amount="3"><name xml:lang="en">Water</name><unitName xml:lang="en">m3</unitName><compartment subcompartmentId="s"><compartment xml:lang="en">natural resource</compartment><subcompartment xml:lang="en">in water</subcompartment></compartment><inputGroup>4</inputGroup></elementaryExchange>
</flowData></activityDataset>
<usedUserMasterData xmlns="http://www.EcoInvent.org/UsedUserMasterData"><intermediateExchange id="f-elec"><name xml:lang="en">Electricity</name><unitName xml:lang="en">kWh</unitName></intermediateExchange></usedUserMasterData>
</ecoSpold>`;
}

let jsonld: LciDatabase;
let ecospold: LciDatabase;
let seconds = 0;
const warnings: string[] = [];

test('USLCI EcoSpold2 imports completely and fast', async () => {
  jsonld = await importJsonLd(USLCI_JSONLD);
  const t0 = performance.now();
  ecospold = await importEcoSpold2(USLCI_ECOSPOLD2, { masterFlows: jsonld.flows, onWarning: (m) => warnings.push(m) });
  seconds = (performance.now() - t0) / 1000;
  // 767 activities, of which 21 have no reference product (outputGroup 0) and are left out with a warning
  assert.equal(ecospold.processes.length + warnings.filter((w) => /no reference product/.test(w)).length, 767);
  assert.equal(ecospold.processes.length, 746);
  const flows = new Set(ecospold.flows.map((f) => f.id));
  for (const p of ecospold.processes) {
    assert.equal(p.exchanges.filter((e) => e.reference).length, 1, p.name);
    for (const e of p.exchanges) assert.ok(flows.has(e.flowId), `${p.name}: ${e.flowId}`);
  }
  // usedUserMasterData repeats every exchange; it must not be counted
  assert.equal(ecospold.processes.reduce((n, p) => n + p.exchanges.length, 0), 30986);
  assert.ok(seconds < 8, `import took ${seconds.toFixed(2)} s`);
});

test('units, uncertainty, pedigree, compartments from the exchange and from name-based ids', async () => {
  const db = await importEcoSpold2(writeZip('mini-es2.zip', { 'datasets/a1.spold': spold() }));
  const p = db.processes[0];
  assert.equal(p.name, 'Electricity, from oil');
  assert.equal(p.location, 'US');
  assert.equal(p.description, 'Test');
  const [elec, oil, s, water] = p.exchanges;
  assert.equal(elec.amount, 3.6);
  assert.equal(elec.reference, true);
  assert.equal(oil.amount, 0.5e-3);
  assert.equal(oil.providerId, 'act-0');
  assert.equal(oil.uncertainty?.type, 'lognormal');
  assert.ok(oil.uncertainty?.type === 'lognormal' && Math.abs(oil.uncertainty.gm - 0.5e-3) < 1e-18 && Math.abs(oil.uncertainty.gsd - Math.exp(0.2)) < 1e-12);
  assert.deepEqual(oil.pedigree, { reliability: 2, completeness: 3, temporal: 1, geographical: 4, technological: 5 });
  assert.deepEqual(s.uncertainty, { type: 'triangular', min: 1e-3, mode: 2e-3, max: 3e-3 });
  assert.equal(s.amount, 2e-3);
  assert.equal(water.input, true);
  const flow = (id: string) => db.flows.find((f) => f.id === id)!;
  assert.deepEqual(flow(so2).category, ['Elementary flows', 'air', 'unspecified']);
  assert.deepEqual(flow('f-water').category, ['Elementary flows', 'resource', 'in water']);
  assert.equal(flow('f-elec').unit, 'MJ');
  assert.equal(flow('f-oil').unit, 'm3');
  assert.equal(p.exchanges.length, 4);
});

test('a missing amount attribute names file, record and field', async () => {
  const file = writeZip('bad.zip', { 'a1.spold': spold('') });
  await rejectsNaming(importEcoSpold2(file), ['bad.zip', 'a1.spold', '"Electricity, from oil"', 'field "flowData.intermediateExchange[1]@amount"', 'expected a number']);
});

test('an unknown unit and malformed XML are named', async () => {
  await rejectsNaming(importEcoSpold2(writeZip('unit.zip', { 'a1.spold': spold().replace('>l<', '>furlong<') })), ['unit.zip', 'a1.spold', 'field "flowData.intermediateExchange[1].unitName"', 'unknown unit "furlong"']);
  await rejectsNaming(importEcoSpold2(writeZip('xml.zip', { 'a1.spold': '<ecoSpold><activityDataset>' })), ['xml.zip', 'a1.spold']);
});

test('importDatabase recognises EcoSpold2 by its .spold entries', async () => {
  const db = await importDatabase(writeZip('mini-es2.zip', { 'a1.spold': spold() }));
  assert.match(db.origin, /EcoSpold2/);
});

test('the two USLCI imports agree on the shared processes', () => {
  const jp = new Map(jsonld.processes.map((p) => [p.id, p]));
  const jf = new Map(jsonld.flows.map((f) => [f.id, f]));
  const ef = new Map(ecospold.flows.map((f) => [f.id, f]));
  const shared = ecospold.processes.filter((p) => jp.has(p.id));
  let exchanges = 0, matched = 0, byName = 0, unitMismatch = 0, compartmentMismatch = 0;
  const referenceMismatch: string[] = [];
  for (const p of shared) {
    const q = jp.get(p.id)!;
    const r1 = p.exchanges.find((e) => e.reference)!, r2 = q.exchanges.find((e) => e.reference)!;
    if (r1.flowId !== r2.flowId || Math.abs(r1.amount - r2.amount) > 1e-12 * Math.abs(r2.amount)) referenceMismatch.push(p.name);
    for (const e of p.exchanges) {
      exchanges++;
      const same = q.exchanges.find((x) => x.flowId === e.flowId && x.input === e.input && Math.abs(x.amount - e.amount) <= 1e-9 * Math.abs(x.amount));
      if (!same) {
        // USLCI's EcoSpold2 export gives ~85 common flows other ids than its JSON-LD: compare those by name
        const name = ef.get(e.flowId)!.name.toLowerCase();
        if (q.exchanges.some((x) => jf.get(x.flowId)!.name.toLowerCase() === name && x.input === e.input && Math.abs(x.amount - e.amount) <= 1e-9 * Math.abs(x.amount))) byName++;
        continue;
      }
      matched++;
      const a = jf.get(e.flowId)!, b = ef.get(e.flowId)!;
      if (a.unit !== b.unit) unitMismatch++;
      if (a.kind === 'elementary' && a.category[1] !== b.category[1]) compartmentMismatch++;
    }
  }
  console.log(
    `shared processes ${shared.length}; EcoSpold2 exchanges ${exchanges}: equal in JSON-LD by flow id and amount ${matched}, by flow name and amount ${byName}, ` +
      `unmatched ${exchanges - matched - byName}; reference mismatches ${referenceMismatch.join(', ') || 'none'}; unit mismatches ${unitMismatch}; ` +
      `compartment mismatches ${compartmentMismatch}; EcoSpold2 import ${seconds.toFixed(2)} s`,
  );
  // 754 activity ids are process ids of the JSON-LD too; 15 of them have no reference product in the EcoSpold2 file
  assert.equal(shared.length, 739);
  // the Texas 2000 grid mix names its product with another flow id in each export (same name and amount)
  assert.deepEqual(referenceMismatch, ['Electricity, at grid, Texas US, 2000']);
  assert.equal(unitMismatch, 0);
  assert.equal(compartmentMismatch, 0);
  assert.ok((matched + byName) / exchanges > 0.95, `${matched + byName} of ${exchanges}`);
});
