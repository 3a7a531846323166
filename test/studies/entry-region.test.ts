import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getMethod } from '../../src/factors/gwp.ts';
import { searchFactors } from '../../src/factors/lookup.ts';
import { regionInText } from '../../src/factors/regions.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { importDatabase } from '../../src/formats/index.ts';
import { backgroundOf, type Background } from '../../src/studies/background.ts';
import { calculateStudy } from '../../src/studies/calculate.ts';
import { searchDatasets } from '../../src/studies/datasets.ts';
import { durianStudy } from '../../src/studies/demo-durian.ts';
import { unknownRegions } from '../../src/studies/entry-region.ts';
import { render } from '../../src/i18n/catalogue.ts';
import type { Study } from '../../src/model/study.ts';
import { USLCI_JSONLD } from '../uslci.ts';
import { messageText } from '../../src/model/message.ts';

/**
 * A region per entry, on the real seed factors: Guangdong's life-cycle electricity factor is
 * 0.5168 kg CO2e/kWh for 2023 and Hainan's 0.4266 (src/factors/data/china-electricity-lca.csv).
 */

let bg: Background;
before(async () => {
  bg = backgroundOf(await importDatabase(USLCI_JSONLD), seedFactors(), 'uslci', '2026.1', getMethod('ipcc-ar6-gwp100'));
});

test('a region is read out of the search text in Chinese, English or code, and removed from it', () => {
  assert.deepEqual(pick(regionInText('广东电力')), ['CN-GD', '电力']);
  assert.deepEqual(pick(regionInText('电力 广东')), ['CN-GD', '电力']);
  assert.deepEqual(pick(regionInText('electricity Guangdong')), ['CN-GD', 'electricity']);
  assert.deepEqual(pick(regionInText('Inner Mongolia electricity')), ['CN-NM', 'electricity']);
  assert.deepEqual(pick(regionInText('内蒙古电力')), ['CN-NM', '电力']);
  assert.deepEqual(pick(regionInText('cn-gd diesel')), ['CN-GD', 'diesel']);
  assert.deepEqual(pick(regionInText('南方电网')), ['CN-SOUTH', '']);
  assert.deepEqual(pick(regionInText('diesel truck')), [undefined, 'diesel truck']);
});
const pick = (r: ReturnType<typeof regionInText>) => [r.region?.code, r.rest];

test('in a Hainan study, a search for 广东 or Guangdong finds Guangdong’s factors, not Hainan’s', () => {
  for (const q of ['广东', 'Guangdong', '广东电力', 'electricity Guangdong']) {
    const hits = searchDatasets(bg, { q, region: 'CN-HI', year: 2023, type: 'factor' });
    assert.equal(hits[0]?.id, 'cn-electricity-footprint/CN-GD/2023', q);
    assert.equal(hits[0].kgCo2ePerUnit, 0.5168);
    assert.ok(!hits.some((h) => h.id.includes('/CN-HI/')), `${q}: no Hainan factor`);
  }
  const onlyRegion = searchDatasets(bg, { q: '广东', region: 'CN-HI', year: 2023, type: 'factor' });
  assert.ok(
    onlyRegion.every((h) => h.resolvedRegion === 'CN-GD'),
    'a region alone lists that region’s own factors',
  );
});

test('the entry region is searched with its own fallback: Tibet falls back to the national factor', () => {
  const hits = searchDatasets(bg, { q: '电力', region: 'CN-XZ', year: 2023, type: 'factor' });
  assert.equal(hits[0].resolvedRegion, 'CN');
  assert.equal(hits[0].region, 'CN-XZ');
  assert.ok(hits[0].notes.map(messageText).some((n) => /Tibet/.test(n)));
});

test('life-cycle factors rank above CO2-only grid factors unless CO2 is asked for', () => {
  const all = searchFactors(seedFactors(), '电力', { region: 'CN-HI', year: 2023 });
  const co2Only = all.map((f) => f.kind === 'electricity-co2');
  assert.ok(co2Only.includes(true) && co2Only.includes(false));
  assert.deepEqual(co2Only, [...co2Only].sort(), 'every CO2-only factor after every life-cycle one');
  const organisational = searchFactors(seedFactors(), '电力', {
    region: 'CN-HI',
    year: 2023,
    purpose: 'organisational',
  });
  assert.equal(organisational[0].id, 'cn-electricity-co2/CN-HI/2023', 'asked for: the CO2-only factor first');
  assert.ok(
    organisational.slice(0, 3).some((f) => f.id === 'cn-electricity-footprint/CN-HI/2023'),
    'the life-cycle factors right after it (the official national one, then its provincial estimate)',
  );
  assert.equal(
    searchFactors(seedFactors(), '电力 二氧化碳', { region: 'CN-HI', year: 2023 })[0].kind,
    'electricity-co2',
  );
});

test('each entry keeps its region in the result; a dataset from a province the entry does not fall back to is a warning', () => {
  const base = durianStudy();
  const electricity = base.entries.findIndex(
    (e) => e.kind === 'energy' && e.source.type === 'background' && e.source.dataset.id.includes('electricity'),
  );
  assert.ok(electricity >= 0, 'the durian study has an electricity entry');
  const entries = base.entries.map((e, i) =>
    i === electricity
      ? {
          ...e,
          region: 'CN-GD',
          source: {
            type: 'background' as const,
            dataset: { type: 'factor' as const, release: '2026.1', id: 'cn-electricity-footprint/CN-HI/2023' },
          },
        }
      : e,
  );
  const study: Study = {
    ...base,
    entries,
    id: 's',
    companyId: 'c',
    version: 1,
    updatedAt: '',
    updatedBy: '',
    releases: { lci: 'uslci', factors: '2026.1' },
  };
  const result = calculateStudy(study, bg);
  const row = result.entries[electricity];
  assert.equal(row.region, 'CN-GD');
  assert.equal(
    result.entries.find((e, i) => i !== electricity)?.region,
    'CN-HI',
    'other entries take the study’s region',
  );
  assert.ok(
    result.warnings.map(messageText).some((w) => w.includes('CN-GD') && w.includes('CN-HI')),
    result.warnings.map(messageText).join('\n'),
  );
  const fixed = calculateStudy(
    {
      ...study,
      entries: entries.map((e, i) =>
        i === electricity
          ? {
              ...e,
              source: {
                type: 'background' as const,
                dataset: { type: 'factor' as const, release: '2026.1', id: 'cn-electricity-footprint/CN-GD/2023' },
              },
            }
          : e,
      ),
    },
    bg,
  );
  assert.ok(!fixed.warnings.map(messageText).some((w) => w.includes('search its dataset')));
  const kwh = fixed.entries[electricity].amount;
  assert.ok(
    Math.abs(fixed.entries[electricity].total - kwh * 0.5168) < 1e-12,
    'Guangdong’s factor times the entry’s kWh',
  );
});

test('unknown regions on the study or an entry are named by path', () => {
  const base = durianStudy();
  assert.deepEqual(unknownRegions(base), []);
  const bad = { ...base, entries: base.entries.map((e, i) => (i === 1 ? { ...e, region: 'CN-ZZ' } : e)) };
  const problems = unknownRegions(bad);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /^entries\[1\]\.region: unknown region "CN-ZZ"/);
  assert.match(render(problems[0]!, 'zh'), /^entries\[1\]\.region：未知地区「CN-ZZ」/);
});

test('the Sankey shows the removals apart: product → removals → each removal entry, by the CO2 taken up', () => {
  const base = durianStudy();
  const study: Study = {
    ...base,
    id: 's',
    companyId: 'c',
    version: 1,
    updatedAt: '',
    updatedBy: '',
    releases: { lci: 'uslci', factors: '2026.1' },
  };
  const result = calculateStudy(study, bg);
  const removals = result.entries.filter((e) => e.lines.biogenicRemovals < 0);
  assert.ok(removals.length > 0, 'the durian study has its orchard sequestration');
  const total = -removals.reduce((s, e) => s + e.lines.biogenicRemovals, 0);
  const link = result.sankey.links.find((l) => l.source === base.product.name && l.target === '[removals]')!;
  assert.ok(Math.abs(link.value - total) < 1e-12);
  assert.ok(result.sankey.links.filter((l) => l.source === '[removals]').every((l) => l.value > 0));
  assert.ok(result.sankey.nodes.some((n) => n.name === '[removals]'));
});
