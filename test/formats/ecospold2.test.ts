import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importEcoSpold2 } from '../../src/formats/ecospold2.ts';
import { importJsonLd } from '../../src/formats/jsonld.ts';
import { importDatabase } from '../../src/formats/index.ts';
import { nameUuid } from '../../src/formats/name-ids.ts';
import { COPYRIGHT_PROTECTED, type LciDatabase, type Process } from '../../src/model/lci.ts';
import { timed, USLCI_ECOSPOLD2, USLCI_JSONLD } from '../uslci.ts';
import { rejectsNaming, writeZip } from './helpers.ts';

const so2 = nameUuid('air/unspecified/sulfur dioxide/kg');

/** One activity: 1 kWh of electricity from 0.5 l of fuel oil, emitting 2 g SO2 (compartment only in its id). */
function spold(exchangeAttrs = 'amount="0.5"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ecoSpold xmlns="http://www.EcoInvent.org/EcoSpold02"><activityDataset>
<activityDescription><activity id="act-1"><activityName xml:lang="en">Electricity, from oil </activityName><generalComment><text index="0" xml:lang="en">Test</text></generalComment></activity>
<geography><shortname xml:lang="en">US</shortname><comment><text index="0" xml:lang="en">Eastern US&#xD;&#xA;grid </text></comment></geography>
<technology technologyLevel="3"><comment><text index="2" xml:lang="en">condensing</text><text index="1" xml:lang="en">Oil boiler,</text></comment></technology>
<timePeriod startDate="2010-01-01" endDate="2010-12-31" isDataValidForEntirePeriod="false"><comment><text index="0" xml:lang="en">Measured in 2010.</text></comment></timePeriod></activityDescription>
<flowData>
<intermediateExchange id="x1" intermediateExchangeId="f-elec" amount="1"><name xml:lang="en">Electricity</name><unitName xml:lang="en">kWh</unitName><outputGroup>0</outputGroup></intermediateExchange>
<intermediateExchange id="x2" intermediateExchangeId="f-oil" ${exchangeAttrs} activityLinkId="act-0"><name xml:lang="en">Fuel oil</name><unitName xml:lang="en">l</unitName>
<uncertainty><lognormal meanValue="0.5" mu="-0.693" variance="0.04" varianceWithPedigreeUncertainty="0.05"/><pedigreeMatrix reliability="2" completeness="3" temporalCorrelation="1" geographicalCorrelation="4" furtherTechnologyCorrelation="5"/></uncertainty><inputGroup>5</inputGroup></intermediateExchange>
<elementaryExchange id="x3" elementaryExchangeId="${so2}" amount="2"><name xml:lang="en">Sulfur dioxide</name><unitName xml:lang="en">g</unitName><uncertainty><triangular minValue="3" mostLikelyValue="2" maxValue="1"/></uncertainty><outputGroup>4</outputGroup></elementaryExchange>
<elementaryExchange id="x4" elementaryExchangeId="f-water" amount="3"><name xml:lang="en">Water</name><unitName xml:lang="en">m3</unitName><compartment subcompartmentId="s"><compartment xml:lang="en">natural resource</compartment><subcompartment xml:lang="en">in water</subcompartment></compartment><inputGroup>4</inputGroup></elementaryExchange>
</flowData>
<modellingAndValidation><review reviewerName="R. One"/><review reviewerName=" "/><review reviewerName="R. Two"/></modellingAndValidation>
<administrativeInformation><dataEntryBy personId="p-1" personName="Jo Smith"/>
<dataGeneratorAndPublication personId="p-1" personName="jo@example.org" personEmail="jo@example.org" publishedSourceId="s-1" publishedSourceYear="2011" publishedSourceFirstAuthor="Smith, J. " accessRestrictedTo="1" isCopyrightProtected="true"/></administrativeInformation>
</activityDataset>
<usedUserMasterData xmlns="http://www.EcoInvent.org/UsedUserMasterData">
<source id="s-0" year="1999" firstAuthor="Other" title="Not this one"/>
<source title="Oil &amp; gas > boilers, &quot;2011&quot; edition" id="s-1" year="2011" firstAuthor="Smith, J."/>
<person id="p-0" name="Someone Else" email="x@example.org"/><person id="p-1" name="Jo Smith" email="jo@example.org"><companyName>Lab</companyName></person><intermediateExchange id="f-elec"><name xml:lang="en">Electricity</name><unitName xml:lang="en">kWh</unitName></intermediateExchange></usedUserMasterData>
</ecoSpold>`;
}

let jsonld: LciDatabase;
let ecospold: LciDatabase;
let seconds = 0;
const warnings: string[] = [];

test('USLCI EcoSpold2 imports completely and fast', async () => {
  jsonld = await importJsonLd(USLCI_JSONLD);
  const run = await timed(() =>
    importEcoSpold2(USLCI_ECOSPOLD2, { masterFlows: jsonld.flows, onWarning: (m) => warnings.push(m) }),
  );
  ecospold = run.result;
  seconds = run.seconds;
  const { cpuSeconds } = run;
  // 767 activities, of which 21 have no reference product (outputGroup 0) and are left out with a warning
  assert.equal(ecospold.processes.length + warnings.filter((w) => /no reference product/.test(w)).length, 767);
  assert.equal(ecospold.processes.length, 746);
  const flows = new Set(ecospold.flows.map((f) => f.id));
  for (const p of ecospold.processes) {
    assert.equal(p.exchanges.filter((e) => e.reference).length, 1, p.name);
    for (const e of p.exchanges) assert.ok(flows.has(e.flowId), `${p.name}: ${e.flowId}`);
  }
  // usedUserMasterData repeats every exchange; it must not be counted
  assert.equal(
    ecospold.processes.reduce((n, p) => n + p.exchanges.length, 0),
    30986,
  );
  assert.ok(cpuSeconds < 8, `import took ${cpuSeconds.toFixed(2)} s of CPU (${seconds.toFixed(2)} s wall)`);
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
  assert.ok(
    oil.uncertainty?.type === 'lognormal' &&
      Math.abs(oil.uncertainty.gm - 0.5e-3) < 1e-18 &&
      Math.abs(oil.uncertainty.gsd - Math.exp(0.2)) < 1e-12,
  );
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

test('provenance from the activity description, review, administrative information and user master data', async () => {
  const [p] = (await importEcoSpold2(writeZip('mini-es2.zip', { 'datasets/a1.spold': spold() }))).processes;
  assert.deepEqual(p.provenance, {
    // the title only in the master data, and with a ">" inside its attribute
    publication: 'Smith, J. (2011): Oil & gas > boilers, "2011" edition',
    // the e-mail address in personName is replaced by the master data's name for the same person id
    generator: 'Jo Smith',
    technology: 'Oil boiler,\ncondensing\nTechnology level: current.',
    geography: 'Eastern US\r\ngrid',
    time: 'Measured in 2010.\nThe data are not valid for the entire period.',
    referenceYear: 2010,
    licence: `Licensees only. ${COPYRIGHT_PROTECTED}`,
    reviewer: 'R. One; R. Two',
  });
});

test('USLCI EcoSpold2: provenance from each activity and its master data', () => {
  const count = (k: keyof NonNullable<Process['provenance']>) =>
    ecospold.processes.filter((p) => p.provenance?.[k] !== undefined).length;
  const coverage = Object.fromEntries(
    (
      [
        'publication',
        'sources',
        'generator',
        'technology',
        'geography',
        'time',
        'referenceYear',
        'licence',
        'reviewer',
        'pedigree',
        'dqr',
      ] as const
    ).map((k) => [k, count(k)]),
  );
  // no sources list, review, access restriction or process-level pedigree in these files; the licence is only the copyright flag
  assert.deepEqual(coverage, {
    publication: 729,
    sources: 0,
    generator: 746,
    technology: 739,
    geography: 729,
    time: 132,
    referenceYear: 719,
    licence: 124,
    reviewer: 0,
    pedigree: 0,
    dqr: 0,
  });
  const truck = ecospold.processes.find((p) => p.id === 'c2a7ddaa-164e-3a05-b063-221f68080142')!;
  assert.deepEqual(truck.provenance, {
    publication: 'U.S. Environmental Protection Agency (EP (2010): MOVES 2010a',
    generator: 'Nathan Hardesty',
    technology: 'Combustion of diesel in a single unit, long-haul truck.',
    geography: 'US',
    // startDate="2009-12-31": see the next test
    referenceYear: 2009,
  });
});

test('the two USLCI imports agree on the provenance of the shared processes', () => {
  const jp = new Map(jsonld.processes.map((p) => [p.id, p]));
  const shared = ecospold.processes.filter((p) => jp.has(p.id));
  const compare = (k: 'publication' | 'generator' | 'technology' | 'geography' | 'time' | 'referenceYear') => {
    const both = shared.filter((p) => p.provenance?.[k] !== undefined && jp.get(p.id)!.provenance?.[k] !== undefined);
    return { both, same: both.filter((p) => p.provenance![k] === jp.get(p.id)!.provenance![k]) };
  };
  const agreed: string[] = [];
  for (const k of ['publication', 'generator', 'technology', 'geography', 'time'] as const) {
    const { both, same } = compare(k);
    agreed.push(`${k} ${same.length}/${both.length}`);
    assert.equal(
      same.length,
      both.length,
      `${k}: ${same.length} of ${both.length} shared processes that have it in both agree`,
    );
    assert.ok(both.length > 100, `${k}: only ${both.length} shared processes have it in both`);
  }
  // openLCA's EcoSpold2 export of USLCI writes every date one day early (validFrom 2010-01-01 becomes
  // startDate 2009-12-31), so most reference years differ by one; each difference must be that shift
  const { both, same } = compare('referenceYear');
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const shifted = both.filter((p) => !same.includes(p) && day(jp.get(p.id)!.validFrom!) - day(p.validFrom!) === 1);
  const message = `referenceYear: ${same.length} of ${both.length} shared processes that have it in both agree, ${shifted.length} differ by the export's one-day date shift`;
  console.log(`provenance agreement on shared processes: ${agreed.join(', ')}; ${message}`);
  assert.equal(same.length + shifted.length, both.length, message);
  assert.deepEqual([same.length, shifted.length], [14, 698], message);
  assert.ok(
    shared.every((p) => day(jp.get(p.id)!.validFrom!) - day(p.validFrom!) === 1),
    'every shared validFrom is shifted by one day',
  );
});

test('a missing amount attribute names file, record and field', async () => {
  const file = writeZip('bad.zip', { 'a1.spold': spold('') });
  await rejectsNaming(importEcoSpold2(file), [
    'bad.zip',
    'a1.spold',
    '"Electricity, from oil"',
    'field "flowData.intermediateExchange[1]@amount"',
    'expected a number',
  ]);
});

test('an unknown unit and malformed XML are named', async () => {
  await rejectsNaming(importEcoSpold2(writeZip('unit.zip', { 'a1.spold': spold().replace('>l<', '>furlong<') })), [
    'unit.zip',
    'a1.spold',
    'field "flowData.intermediateExchange[1].unitName"',
    'unknown unit "furlong"',
  ]);
  await rejectsNaming(importEcoSpold2(writeZip('xml.zip', { 'a1.spold': '<ecoSpold><activityDataset>' })), [
    'xml.zip',
    'a1.spold',
  ]);
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
  let exchanges = 0,
    matched = 0,
    byName = 0,
    unitMismatch = 0,
    compartmentMismatch = 0;
  const referenceMismatch: string[] = [];
  for (const p of shared) {
    const q = jp.get(p.id)!;
    const r1 = p.exchanges.find((e) => e.reference)!,
      r2 = q.exchanges.find((e) => e.reference)!;
    if (r1.flowId !== r2.flowId || Math.abs(r1.amount - r2.amount) > 1e-12 * Math.abs(r2.amount))
      referenceMismatch.push(p.name);
    for (const e of p.exchanges) {
      exchanges++;
      const same = q.exchanges.find(
        (x) =>
          x.flowId === e.flowId && x.input === e.input && Math.abs(x.amount - e.amount) <= 1e-9 * Math.abs(x.amount),
      );
      if (!same) {
        // USLCI's EcoSpold2 export gives ~85 common flows other ids than its JSON-LD: compare those by name
        const name = ef.get(e.flowId)!.name.toLowerCase();
        if (
          q.exchanges.some(
            (x) =>
              jf.get(x.flowId)!.name.toLowerCase() === name &&
              x.input === e.input &&
              Math.abs(x.amount - e.amount) <= 1e-9 * Math.abs(x.amount),
          )
        )
          byName++;
        continue;
      }
      matched++;
      const a = jf.get(e.flowId)!,
        b = ef.get(e.flowId)!;
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
