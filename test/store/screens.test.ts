import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedFactors } from '../../src/factors/seed.ts';
import type { Entry, Study } from '../../src/model/study.ts';
import { loadQuarantine, loadScreen, openStore, saveRelease, screenedProcesses } from '../../src/store/index.ts';
import { loadBackground } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { searchDatasets } from '../../src/studies/datasets.ts';
import { render } from '../../src/i18n/catalogue.ts';
import { escapeHtml } from '../../src/report/escape.ts';
import { renderReportHtml } from '../../src/report/html.ts';
import { dictionary } from '../../src/report/i18n.ts';
import { checkReport } from '../../src/rules/iso14067.ts';
import { co2Fossil, database, inp, out, process, product, ref } from '../engine/fixtures.ts';
import { BACKENDS } from './backends.ts';
import { messageText } from '../../src/model/message.ts';

/** The screen runs when an LCI release is saved; its quarantine keeps processes out of default search and flags them when chosen. */

function tiny() {
  const [census, ore, steel] = ['census', 'ore', 'steel'].map((x) => ({
    ...product(x),
    name: `${x} widget`,
    propertyId: 'mass',
  }));
  const db = database(
    [
      process('census', [ref(census, 1), out(co2Fossil, 2)], { nameZh: '普查小部件', location: 'CN-HI' }),
      process('ore', [ref(ore, 1), inp(census, 0.5)]),
      process('steel', [ref(steel, 1), inp(ore, 1.5), out(co2Fossil, 0.2)]),
    ],
    [census, ore, steel, co2Fossil],
  );
  db.name = 'tiny';
  return db;
}

for (const backend of BACKENDS) {
  describe(`quality screen in the store on ${backend.name}`, () => {
    it('is written with the release, keeps quarantined processes out of search, and flags them when chosen', async () => {
      const fresh = backend.fresh();
      const store = await openStore(fresh.opts);
      try {
        await saveRelease(store, { release: 'tiny-1', database: tiny() });
        await saveRelease(store, { release: 'f-1', factors: seedFactors() });
        const report = (await loadScreen(store, 'tiny-1'))!;
        assert.deepEqual(report.quarantined, ['census']);
        assert.deepEqual(
          report.findings.map((f) => [f.processId, f.code]),
          [['census', 'screen.emissions-only']],
        );
        assert.ok(!Number.isNaN(Date.parse(report.screenedAt)));
        assert.deepEqual([...(await loadQuarantine(store, 'tiny-1'))], ['census']);
        // what the steward's page shows beside a finding: the Chinese name and the region, from the release
        assert.deepEqual([...(await screenedProcesses(store, 'tiny-1', ['census', 'ore', 'unknown']))].sort(), [
          ['census', { processNameZh: '普查小部件', location: 'CN-HI' }],
          ['ore', { processNameZh: undefined, location: undefined }],
        ]);
        assert.equal(await loadScreen(store, 'f-1'), undefined, 'a factor release has no LCI screen');
        // the table is append-only like the release it describes
        await assert.rejects(store.query('DELETE FROM release_screens'), /immutable|refuse|not allowed|cannot/i);

        const bg = await loadBackground(store, 'tiny-1', 'f-1', 'ipcc-ar6-gwp100');
        assert.deepEqual(
          searchDatasets(bg, { q: 'widget', type: 'process' })
            .map((h) => h.id)
            .sort(),
          ['ore', 'steel'],
        );
        const all = searchDatasets(bg, { q: 'widget', type: 'process', quarantined: 'true' });
        const flagged = all.find((h) => h.id === 'census')!;
        assert.match(messageText(flagged.screenFlags![0]), /^emissions only: 1 elementary outputs/);

        const entry: Entry = {
          id: 'e',
          stage: 'raw-materials',
          kind: 'material',
          name: 'census input',
          amount: 2,
          unit: 'kg',
          source: { type: 'background', dataset: { type: 'process', release: 'tiny-1', id: 'census' } },
        };
        const study: Study = {
          id: 's',
          companyId: 'c',
          version: 1,
          updatedAt: '',
          updatedBy: '',
          name: 't',
          product: { name: 'P', description: '' },
          unit: { kind: 'declared', amount: 1, unit: 'kg', description: '' },
          referenceFlow: '1 kg',
          boundary: 'cradle-to-gate',
          region: 'CN',
          year: 2024,
          method: 'ipcc-ar6-gwp100',
          releases: { lci: 'tiny-1', factors: 'f-1' },
          cutoff: '',
          allocation: '',
          electricity: '',
          limitations: '',
          entries: [entry],
        };
        const r = calculateStudy(study, bg);
        assert.equal(r.total, 4);
        assert.match(messageText(r.entries[0].provenance.screenFlags![0]), /^emissions only/);
        const quarantined = r.warnings.find((w) =>
          messageText(w).startsWith(
            'census input: quarantined by the quality screen of release tiny-1: emissions only',
          ),
        );
        assert.ok(quarantined, 'the choice of a quarantined process is a warning of the calculation');
        // the flag reaches the report, in both languages: among the calculation warnings (8.2) and on the
        // dataset in the annex
        for (const lang of ['zh', 'en'] as const) {
          const report = renderReportHtml({
            study,
            result: r,
            company: 'C',
            lang,
            generatedAt: '2026-12-06',
            compliance: checkReport(study, r),
          });
          assert.ok(report.includes(`<li>${escapeHtml(render(quarantined, lang))}</li>`), `${lang}: warning listed`);
          const flag = escapeHtml(render(r.entries[0].provenance.screenFlags![0], lang));
          assert.ok(
            report.includes(`${dictionary(lang).screenFlagged}: ${flag}`),
            `${lang}: dataset flagged in the annex`,
          );
        }
      } finally {
        await store.close();
        await fresh.dispose();
      }
    });
  });
}
