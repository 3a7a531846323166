import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { importDatabase } from '../../src/formats/index.ts';
import { importIlcd } from '../../src/formats/ilcd.ts';
import { buildSystem } from '../../src/engine/system.ts';
import { allProcessScores, characterizationVector, factorizeSystem, totalVector } from '../../src/engine/lca.ts';
import { getMethod } from '../../src/factors/gwp.ts';
import type { LciDatabase } from '../../src/model/lci.ts';
import { IDS, ilcdFixture, ilcdFixtureEntries } from './ilcd-fixture.ts';
import { rejectsNaming, writeZip } from './helpers.ts';
import { timed } from '../uslci.ts';
import { TIANGONG } from '../tiangong.ts';

function scores(db: LciDatabase): Map<string, number> {
  const system = buildSystem(db);
  const cv = characterizationVector(system, getMethod('ipcc-ar6-gwp100'));
  const lambda = allProcessScores(system, factorizeSystem(system), totalVector(cv));
  return new Map(system.index.providers.map((p, j) => [p.process.id, lambda[j]]));
}

test('a hand-written ILCD archive: units, names in both languages, provinces, provenance, cut-offs and the footprint', async () => {
  const warnings: string[] = [];
  const db = await importDatabase(ilcdFixture(), { onWarning: (w) => warnings.push(w) });
  assert.match(db.origin, /^ILCD: /);
  assert.equal(db.processes.length, 2);
  const cement = db.processes.find((p) => p.id === IDS.cementProcess)!;
  assert.equal(cement.name, 'Cement production ; clinker ; dry process');
  assert.equal(cement.nameZh, '水泥生产 ; 熟料 ; 干法');
  assert.equal(cement.description, 'Cement production ; clinker ; dry process in China & its provinces');
  assert.equal(cement.descriptionZh, '水泥生产 ; 熟料 ; 干法（中国）');
  assert.equal(cement.location, 'CN-SD');
  assert.deepEqual(cement.category, ['Materials production', 'Construction'], 'classes in level order');
  assert.equal(cement.validFrom, '2019-01-01');
  assert.equal(cement.validUntil, '2024-12-31');
  assert.deepEqual(
    cement.exchanges.map((e) => [e.id, e.flowId, e.amount, e.input, e.reference]),
    [
      ['0', IDS.cement, 1000, false, true],
      ['1', IDS.electricity, 90, true, false],
      ['3', IDS.co2, 800, false, false],
    ],
  );
  assert.deepEqual(cement.leftOut, [
    { exchangeId: '2', flowId: IDS.gypsum, name: 'Gypsum', amount: 50, input: true, reason: 'missing-flow' },
  ]);
  assert.equal(warnings.length, 1);
  assert.match(
    warnings[0],
    new RegExp(
      `china-cement-ilcd.zip: ILCD/processes/${IDS.cementProcess}.xml "Cement production.*": exchange 2 refers to flow ${IDS.gypsum} "Gypsum", which is not in the archive: left out as a cut-off`,
    ),
  );
  assert.deepEqual(cement.provenance, {
    publication: 'Li et al. 2020: Li, Wang: Cement in Shandong. J. Clean. Prod. (2020)',
    sources: ['Li et al. 2020: Li, Wang: Cement in Shandong. J. Clean. Prod. (2020)'],
    generator: 'Tiangong LCI Data Working Group (天工LCI数据团队)',
    technology: 'Dry process kiln\n干法窑',
    geography: 'ILCD location SD-CN Shandong (山东), China (中国).',
    referenceYear: 2019,
    licence: 'Free of charge for all users and uses.',
    reviewer: 'Tiangong LCI Data Working Group (天工LCI数据团队) (Dependent internal review)',
  });

  const electricity = db.processes.find((p) => p.id === IDS.electricityProcess)!;
  assert.equal(electricity.location, 'CN-JS', 'a city (SZ-JS-CN) maps to its province');
  assert.match(electricity.provenance!.geography!, /SZ-JS-CN Suzhou \(苏州\), Jiangsu/);
  assert.deepEqual(
    electricity.exchanges[1].uncertainty,
    { type: 'uniform', min: 0.15, max: 0.25 },
    'bounds written swapped are put in order',
  );

  const flows = new Map(db.flows.map((f) => [f.id, f]));
  assert.equal(flows.get(IDS.cement)!.nameZh, '水泥');
  assert.equal(flows.get(IDS.electricity)!.unit, 'MJ');
  assert.deepEqual(flows.get(IDS.co2)!.category, ['Elementary flows', 'air', 'unspecified']);
  assert.equal(flows.get(IDS.co2)!.cas, '124-38-9');
  assert.equal(flows.size, 4);

  // the time group's reference "a" is written as 365 (of days): d must be 1/365 a, a exactly 1
  assert.equal(
    db.unitGroups.some((g) => g.id === IDS.time),
    false,
    'groups no flow uses are not kept',
  );
  const energy = db.unitGroups.find((g) => g.id === IDS.energy)!;
  assert.deepEqual(
    energy.units.map((u) => [u.name, u.factor]),
    [
      ['MJ', 1],
      ['kWh', 3.6],
    ],
  );

  // by hand: 1 kg of cement = 800/1000 kg CO2 + 90/1000 MJ × (0.2 kg CO2 + 0.001 kg CH4 × GWP)
  const gwpCh4 = getMethod('ipcc-ar6-gwp100').entries.find(
    (e) => e.substance === 'methane (non-fossil / biogenic)',
  )!.gwp100;
  const s = scores(db);
  assert.ok(
    Math.abs(s.get(IDS.cementProcess)! - (0.8 + 0.09 * (0.2 + 0.001 * gwpCh4))) < 1e-12,
    `cement: ${s.get(IDS.cementProcess)}`,
  );
});

test('the unit group time: a reference unit written with meanValue 365 gives factors relative to it', async () => {
  const entries = ilcdFixtureEntries();
  // make the CO2 flow's property the time property so that its group is kept
  entries[`ILCD/flows/${IDS.co2}.xml`] = entries[`ILCD/flows/${IDS.co2}.xml`].replace(
    IDS.massProperty,
    IDS.timeProperty,
  );
  const db = await importIlcd(ilcdFixture(entries));
  const time = db.unitGroups.find((g) => g.id === IDS.time)!;
  assert.equal(time.referenceUnit, 'a');
  assert.deepEqual(
    time.units.map((u) => [u.name, u.factor]),
    [
      ['d', 1 / 365],
      ['a', 1],
    ],
  );
  assert.equal(db.flows.find((f) => f.id === IDS.co2)!.unit, 'a');
});

test('a process whose reference flow is missing, or which names no reference, is left out with a warning', async () => {
  const entries = ilcdFixtureEntries();
  delete entries[`ILCD/flows/${IDS.electricity}.xml`];
  const warnings: string[] = [];
  const db = await importIlcd(ilcdFixture(entries), { onWarning: (w) => warnings.push(w) });
  assert.deepEqual(
    db.processes.map((p) => p.id),
    [IDS.cementProcess],
  );
  assert.ok(
    warnings.some((w) =>
      w.includes(
        `"Electricity production ; coal": left out, its reference flow ${IDS.electricity} "Electricity" is not in the archive`,
      ),
    ),
    warnings.join('\n'),
  );
  assert.deepEqual(
    db.processes[0].leftOut!.map((m) => m.name),
    ['Electricity', 'Gypsum'],
  );
});

test('malformed XML is refused whole, naming the file, the data set and the element', async () => {
  const entries = ilcdFixtureEntries();
  const path = `ILCD/processes/${IDS.cementProcess}.xml`;
  entries[path] = entries[path].replace('<meanAmount>90</meanAmount>', '<meanAmount>90</meanAmunt>');
  await rejectsNaming(importIlcd(ilcdFixture(entries)), [
    'china-cement-ilcd.zip',
    path,
    'not well-formed XML',
    "'meanAmount'",
    'line',
  ]);
  const bad = ilcdFixtureEntries();
  bad[path] = bad[path].replace(
    '<meanAmount>90</meanAmount><resultingAmount>90</resultingAmount>',
    '<meanAmount>ninety</meanAmount>',
  );
  await rejectsNaming(importIlcd(ilcdFixture(bad)), [
    path,
    '"Cement production ; clinker ; dry process"',
    'exchanges.exchange[1].meanAmount',
    'expected a number, got "ninety"',
  ]);
});

test('malicious XML (entity expansion, external entity) is refused at once, before any parsing', async () => {
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">${Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('')}]>
<processDataSet xmlns="http://lca.jrc.it/ILCD/Process"><processInformation><dataSetInformation><UUID>&lol9;</UUID></dataSetInformation></processInformation></processDataSet>`;
  const external = `<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<processDataSet xmlns="http://lca.jrc.it/ILCD/Process"><processInformation><dataSetInformation><UUID>&xxe;</UUID></dataSetInformation></processInformation></processDataSet>`;
  const parameter = `<?xml version="1.0"?><!DOCTYPE p SYSTEM "http://127.0.0.1:9/evil.dtd"><processDataSet/>`;
  for (const [name, xml] of Object.entries({ laughs, external, parameter })) {
    const entries = ilcdFixtureEntries();
    entries[`ILCD/processes/${name}.xml`] = xml;
    const { cpuSeconds } = await timed(() =>
      rejectsNaming(importIlcd(ilcdFixture(entries)), [`ILCD/processes/${name}.xml`, 'refused', 'DTD (<!DOCTYPE>)']),
    );
    assert.ok(cpuSeconds < 2, `${name}: ${cpuSeconds} s`);
  }
});

test('an ILCD reference elementary flow is characterised by its id, whatever its name', async () => {
  const entries = ilcdFixtureEntries();
  const path = `ILCD/flows/${IDS.ch4}.xml`;
  entries[path] = entries[path]
    .replace('<baseName xml:lang="en">methane (biogenic)</baseName>', '<baseName xml:lang="en">甲烷</baseName>')
    .replace('<CASNumber>74-82-8</CASNumber>', '');
  const db = await importIlcd(ilcdFixture(entries));
  const method = getMethod('ipcc-ar6-gwp100');
  const system = buildSystem(db);
  const cv = characterizationVector(system, method);
  const e = system.elementary.findIndex((f) => f.id === IDS.ch4);
  assert.equal(system.elementary[e].name, '甲烷');
  assert.deepEqual(
    [cv.substance[e], cv.line[e], cv.c[e]],
    [
      'methane (non-fossil / biogenic)',
      'biogenic',
      method.entries.find((x) => x.substance === 'methane (non-fossil / biogenic)')!.gwp100,
    ],
  );
});

test('a zip that is not ILCD is not taken for one', async () => {
  await rejectsNaming(importDatabase(writeZip('x.zip', { 'ILCD/flows/a.xml': '<flowDataSet/>' })), [
    'x.zip',
    'not a known LCI database format',
    'processes/*.xml (ILCD)',
  ]);
});

test(
  'TianGong: the real archive imports, its exchanges as the XML says, the missing flows listed',
  { skip: !existsSync(TIANGONG) && 'no TianGong archive' },
  async () => {
    const warnings: string[] = [];
    const {
      result: db,
      cpuSeconds,
      seconds,
    } = await timed(() => importDatabase(TIANGONG, { onWarning: (w) => warnings.push(w) }));
    console.log(`TianGong import: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU`);
    assert.ok(cpuSeconds < 60, `import took ${cpuSeconds.toFixed(1)} s of CPU`);
    const leftOutProcesses = warnings.filter((w) => /": left out, /.test(w));
    // 4,133 data sets: 119 whose reference flow is not in the repository, 1 whose reference has no
    // amount, 17 without a reference flow are left out
    assert.equal(db.processes.length + leftOutProcesses.length, 4133);
    assert.equal(leftOutProcesses.filter((w) => /reference flow .* is not in the archive/.test(w)).length, 119);
    assert.equal(leftOutProcesses.filter((w) => /reference flow .* has no amount/.test(w)).length, 1);
    assert.equal(
      leftOutProcesses.filter((w) => /no reference flow|no exchange with dataSetInternalID/.test(w)).length,
      17,
    );
    assert.equal(leftOutProcesses.length, 137);
    assert.equal(db.processes.length, 3996);
    // 611 whose reference is a product input or an elementary flow with no single product output to
    // count them in (census records of emissions per tonne of raw material, most of them) are counted
    // per their reference as written: 457 product inputs, 125 elementary outputs, 28 elementary inputs,
    // 1 waste output
    const asWritten = warnings.filter((w) => /as written: it has no single product output or waste input/.test(w));
    assert.equal(asWritten.length, 611);
    const kindsWritten = (re: RegExp) => asWritten.filter((w) => re.test(w)).length;
    assert.deepEqual(
      [
        kindsWritten(/, a product input, as written/),
        kindsWritten(/released to the environment\), as written/),
        kindsWritten(/taken from the environment\), as written/),
        kindsWritten(/, a waste output, as written/),
      ],
      [457, 125, 28, 1],
    );
    // ILCD/processes/fc357a09-1181-4015-bb76-4d1ae20c94c6.xml, read by hand: reference exchange 0,
    // an input of 0.1 of "Wastewater" (a product flow in kg), 26 exchanges, no product output it is
    // named after; it stays a process per 0.1 kg of wastewater taken in
    const sewage = db.processes.find((p) => p.id === 'fc357a09-1181-4015-bb76-4d1ae20c94c6')!;
    const sewageRef = sewage.exchanges.find((e) => e.reference)!;
    assert.deepEqual(
      [sewageRef.id, sewageRef.flowId, sewageRef.amount, sewageRef.input, sewage.writtenReference],
      ['0', '9315274a-9f50-4f95-aa9c-a36e781a6d0e', 0.1, true, undefined],
    );
    assert.equal(sewage.exchanges.length + (sewage.leftOut?.length ?? 0), 26);
    // 371 are counted per their product output instead of the input, waste output or elementary flow they name
    const rescaled = db.processes.filter((p) => p.writtenReference);
    assert.equal(rescaled.length, 371);
    const kinds = new Map(db.flows.map((f) => [f.id, f.kind]));
    for (const p of rescaled) {
      const written = p.exchanges.find((e) => e.id === p.writtenReference!.exchangeId)!;
      const used = p.exchanges.find((e) => e.reference)!;
      const provides = (e: typeof used) =>
        kinds.get(e.flowId) === 'product' ? !e.input : kinds.get(e.flowId) === 'waste' && e.input;
      assert.ok(!provides(written), `${p.name}: its written reference could have been a provider`);
      assert.ok(provides(used), p.name);
    }
    assert.equal(db.flows.length, 3021);

    // every exchange of a kept process names a flow of the archive; the others are listed
    const flowIds = new Set(db.flows.map((f) => f.id));
    for (const p of db.processes) for (const e of p.exchanges) assert.ok(flowIds.has(e.flowId));
    const missing = db.processes.flatMap((p) => (p.leftOut ?? []).filter((m) => m.reason === 'missing-flow'));
    const missingIds = new Set(missing.map((m) => m.flowId));
    console.log(`TianGong: ${missingIds.size} missing flows in ${missing.length} exchanges of kept processes`);
    // of the 132 flows the repository lacks, 125 are named by processes that are kept (4,248 exchanges)
    assert.equal(missingIds.size, 125);
    assert.equal(missing.length, 4248);
    assert.equal(
      warnings.filter((w) => /which is not in the archive: left out as a cut-off/.test(w)).length,
      missing.length,
    );

    // ILCD/processes/005cc134-fa14-497c-9eda-9e92f27ad80a.xml, read by hand: reference exchange 21,
    // 1000 kg of "0.12mm Al blank coil" output, location JS-CN; exchange 8: 1052.63 kg of
    // "aluminium, primary, ingot" in; exchange 0: 2273.6844 of electricity in; 29 exchanges.
    const foil = db.processes.find((p) => p.id === '005cc134-fa14-497c-9eda-9e92f27ad80a')!;
    assert.equal(foil.nameZh, '铝空白箔（阳极）生产 ; 0.12 mm铝板卷 ; 铝锭');
    assert.equal(foil.location, 'CN-JS');
    assert.equal(foil.exchanges.length + (foil.leftOut?.length ?? 0), 29);
    assert.deepEqual(
      foil.leftOut?.map((m) => m.reason),
      ['missing-flow', 'missing-flow', 'missing-flow', 'missing-flow'],
    );
    const ex = (id: string) => foil.exchanges.find((e) => e.id === id)!;
    assert.deepEqual(
      [ex('21').flowId, ex('21').amount, ex('21').input, ex('21').reference],
      ['4ec83aa3-9e64-4ed3-a31b-8d9d3e3e0e5d', 1000, false, true],
    );
    assert.deepEqual(
      [ex('8').flowId, ex('8').amount, ex('8').input],
      ['44defed2-3dc7-4d59-b3bc-23dacf1b9140', 1052.63, true],
    );
    assert.deepEqual(
      [ex('0').flowId, ex('0').amount, ex('0').input],
      ['5d954e5c-1e6d-4f78-9fc3-d3857b7892cb', 2273.6844, true],
    );
    assert.equal(foil.provenance?.referenceYear, 2020);
    assert.match(foil.provenance?.publication ?? '', /aluminum electrolytic capacitors in China/);

    // ILCD/processes/0007bd16-…: a census record (NESPS2) of 14 exchanges; 3 and 4 ("Waste water",
    // "Ammonia Nitrogen") name flows the repository lacks
    const drink = db.processes.find((p) => p.id === '0007bd16-fe85-490f-b5e2-66dafb9f6364')!;
    assert.equal(drink.exchanges.length + drink.leftOut!.length, 14);
    assert.deepEqual(
      drink
        .leftOut!.filter((m) => m.reason === 'missing-flow')
        .map((m) => [m.exchangeId, m.flowId, m.name])
        .slice(0, 2),
      [
        ['3', '72721c4e-d589-4ad7-8c5e-4228b8690ddb', 'Waste water'],
        ['4', 'adace266-38eb-4979-877e-45a826bb798d', 'Ammonia Nitrogen'],
      ],
    );

    // the lime kiln census record's reference flow "Lime" (f184f1bd-…) is not in the repository
    assert.ok(
      warnings.some(
        (w) =>
          w.includes('000333f8-f13a-4805-9515-2f1e870e8cfb.xml') &&
          w.includes('left out, its reference flow f184f1bd-335d-47b6-a04e-5916dcc7d7f7 "Lime"'),
      ),
    );

    // provinces: Shandong, Inner Mongolia and a city of Jiangsu land on ISO codes
    const locations = new Map<string, number>();
    for (const p of db.processes) locations.set(p.location ?? '', (locations.get(p.location ?? '') ?? 0) + 1);
    for (const code of ['CN', 'CN-SD', 'CN-NM', 'CN-JS', 'CN-SH', 'CN-HI'])
      assert.ok((locations.get(code) ?? 0) > 0, code);
    assert.equal([...locations.keys()].filter((l) => /-CN$/.test(l)).length, 0, 'no ILCD-style Chinese code is left');
  },
);
