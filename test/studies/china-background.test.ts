import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getMethod } from '../../src/factors/gwp.ts';
import { importDatabase } from '../../src/formats/index.ts';
import type { LciDatabase, Process } from '../../src/model/lci.ts';
import { backgroundOf } from '../../src/studies/background.ts';
import { searchDatasets } from '../../src/studies/datasets.ts';
import { IDS, ilcdFixture } from '../formats/ilcd-fixture.ts';

/**
 * The China background in a study: search in either language, Chinese processes first for a
 * study in China, with region, year and source; a process that makes A singular (a transport
 * stage whose input of its own product links back to itself) is left out of the background and
 * listed, and every other process keeps its footprint.
 */

async function chinaDb(): Promise<LciDatabase> {
  const db = await importDatabase(ilcdFixture());
  const cement = db.processes.find((p) => p.id === IDS.cementProcess)!;
  const us: Process = {
    ...cement,
    id: 'us-cement',
    name: 'Cement, at plant',
    nameZh: undefined,
    location: 'US',
    provenance: { referenceYear: 2010, publication: 'US study (2010)' },
  };
  // 1 kg of cement moved: 1 kg of cement in and out, diesel-free for the test; its column is 1 − 1 = 0
  const transport: Process = {
    ...cement,
    id: 'cement-transport',
    name: 'Cement ; transport stage',
    nameZh: '水泥 ; 运输阶段',
    exchanges: [
      { id: '0', flowId: IDS.cement, amount: 1, input: false, reference: true, avoided: false },
      {
        id: '1',
        flowId: IDS.cement,
        amount: 1,
        input: true,
        reference: false,
        avoided: false,
        providerId: 'cement-transport',
      },
    ],
    leftOut: undefined,
  };
  return { ...db, processes: [...db.processes, us, transport] };
}

test('a search for 水泥 or cement finds the same Chinese process, first for a study in China, with region, year and source', async () => {
  const bg = backgroundOf(await chinaDb(), [], 'tiangong', '2026.1', getMethod('ipcc-ar6-gwp100'));
  const zh = searchDatasets(bg, { q: '水泥', type: 'process', region: 'CN' });
  const en = searchDatasets(bg, { q: 'cement', type: 'process', region: 'CN-SD' });
  assert.equal(zh[0].id, IDS.cementProcess);
  assert.equal(en[0].id, IDS.cementProcess, 'the Shandong process before the US one, though its name is longer');
  assert.deepEqual(
    en.map((h) => h.id),
    [IDS.cementProcess, 'us-cement'],
  );
  assert.deepEqual(
    [en[0].nameZh, en[0].region, en[0].year, en[0].source],
    ['水泥生产 ; 熟料 ; 干法', 'CN-SD', 2019, 'Li et al. 2020: Li, Wang: Cement in Shandong. J. Clean. Prod. (2020)'],
  );
  // outside China the plain order (shorter names first) stands
  assert.deepEqual(
    searchDatasets(bg, { q: 'cement', type: 'process', region: 'US' }).map((h) => h.id),
    ['us-cement', IDS.cementProcess],
  );
});

test('a process that makes A singular is left out of the background and listed; the others keep their footprints', async () => {
  const bg = backgroundOf(await chinaDb(), [], 'tiangong', '2026.1', getMethod('ipcc-ar6-gwp100'));
  assert.deepEqual(
    bg.excluded.map((e) => e.processId),
    ['cement-transport'],
  );
  assert.match(bg.excluded[0].reason, /singular/);
  assert.equal(bg.columnOf.has('cement-transport'), false);
  const gwpCh4 = getMethod('ipcc-ar6-gwp100').entries.find(
    (e) => e.substance === 'methane (non-fossil / biogenic)',
  )!.gwp100;
  const hit = searchDatasets(bg, { q: '水泥生产', type: 'process' })[0];
  assert.ok(Math.abs(hit.kgCo2ePerUnit - (0.8 + 0.09 * (0.2 + 0.001 * gwpCh4))) < 1e-12, String(hit.kgCo2ePerUnit));
});
