import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRODUCT_FOOTPRINT_KINDS, type FactorKind } from '../../src/model/factor.ts';
import {
  FactorUseError,
  assertUsableInProductFootprint,
  lookupFactor,
  searchFactors,
} from '../../src/factors/lookup.ts';
import { REGIONS } from '../../src/factors/regions.ts';
import { render } from '../../src/i18n/catalogue.ts';
import { seedFactors, SEED_RELEASE } from '../../src/factors/seed.ts';
import { messageText } from '../../src/model/message.ts';

const factors = seedFactors();
const CONTRACT = [
  'id',
  'name',
  'value',
  'unit',
  'kind',
  'region',
  'resolvedRegion',
  'year',
  'source',
  'release',
  'status',
];

test('电力 and electricity in Sichuan 2022 for an organisational inventory find 0.1404 kg CO2/kWh with its source, first', () => {
  for (const q of ['电力', 'electricity', '电', 'grid']) {
    const hits = searchFactors(factors, q, { region: 'CN-SC', year: 2022, purpose: 'organisational' });
    // "grid" also names the official national footprint factor ("national grid average"), which may rank first
    const top = q === 'grid' ? hits.find((h) => h.kind === 'electricity-co2')! : hits[0];
    if (q === 'grid') assert.ok(hits.indexOf(top) <= 2, 'after the official footprint factor and its estimate');
    for (const k of CONTRACT) assert.ok(k in top, `${q}: result has ${k}`);
    assert.equal(top.id, 'cn-electricity-co2/CN-SC/2022', q);
    assert.equal(top.value, 0.1404);
    assert.equal(top.kind, 'electricity-co2');
    assert.equal(top.region, 'CN-SC');
    assert.equal(top.resolvedRegion, 'CN-SC');
    assert.equal(top.level, 'province');
    assert.equal(top.release, SEED_RELEASE);
    assert.match(top.source.title, /2022/);
    const fp = hits.find((h) => h.kind === 'electricity-footprint' && h.resolvedRegion === 'CN-SC');
    assert.ok(fp, `${q}: the life-cycle estimate is found too, typed differently`);
    assert.equal(fp.status, 'derived');
    assert.equal(fp.verified, false, 'derived from the unverified 2023 CO2 factors');
    assert.ok(fp.notes.map(messageText).some((n) => /nearest later year/.test(n)));
    assert.equal(
      searchFactors(factors, q, { region: 'CN-SC', year: 2022 })[0].id,
      'cn-electricity-footprint/CN/2023',
      `${q}: by default the official life-cycle factor a product footprint needs comes first`,
    );
  }
});

test('Tibet resolves upward and says which level answered', () => {
  const top = searchFactors(factors, '电力', { region: 'CN-XZ', year: 2022, purpose: 'organisational' })[0];
  assert.equal(top.region, 'CN-XZ');
  assert.equal(top.resolvedRegion, 'CN');
  assert.equal(top.level, 'national');
  assert.equal(top.value, 0.5366);
  assert.ok(top.notes.map(messageText).some((n) => /national level/.test(n) && /CN-XZ/.test(n)));
  assert.ok(top.notes.map(messageText).some((n) => /Tibet has no official provincial factor/.test(n)));
});

test('every region resolves for every kind that has factors', () => {
  const kinds: FactorKind[] = ['electricity-co2', 'electricity-footprint', 'fuel-combustion', 'transport'];
  for (const r of REGIONS.filter((x) => x.code !== 'GLO')) {
    for (const kind of kinds) {
      const m = lookupFactor(factors, { kind, region: r.code, year: 2023 });
      assert.equal(m.requestedRegion, r.code);
      if (kind.startsWith('electricity')) {
        // a province's footprint is a Tanji estimate: the official national factor answers unless the estimate is chosen
        const expected = r.code === 'CN-XZ' ? 'CN' : r.code;
        const chosen =
          kind === 'electricity-footprint'
            ? lookupFactor(factors, { kind, region: r.code, year: 2023, preferEstimates: true })
            : m;
        assert.equal(chosen.resolvedRegion, expected, `${kind} ${r.code}`);
        assert.equal(chosen.level, expected === 'CN' ? 'national' : r.level);
        if (kind === 'electricity-footprint') {
          assert.equal(m.resolvedRegion, 'CN', `${kind} ${r.code}: official first`);
          if (expected !== 'CN')
            assert.ok(
              chosen.notes
                .map(messageText)
                .some((n) => n.startsWith('Tanji estimate chosen over the official cn-electricity-footprint/CN/2023')),
            );
        }
      }
    }
  }
});

test('year: exact, else nearest earlier, else nearest later, with a note', () => {
  const q = { kind: 'electricity-co2' as const, region: 'CN-SC' };
  assert.equal(lookupFactor(factors, { ...q, year: 2022 }).factor.value, 0.1404);
  const later = lookupFactor(factors, { ...q, year: 2030 });
  assert.equal(later.yearUsed, 2023);
  assert.ok(later.notes.map(messageText).some((n) => /No 2030 value: used 2023, the nearest earlier year/.test(n)));
  const earlier = lookupFactor(factors, { ...q, year: 2015 });
  assert.equal(earlier.yearUsed, 2021);
  assert.ok(earlier.notes.map(messageText).some((n) => /nearest later year/.test(n)));
});

test('Chinese and English search for fuels and transport', () => {
  for (const q of ['柴油', 'diesel']) {
    const hits = searchFactors(factors, q, { region: 'CN-GD' });
    assert.ok(
      hits.some((h) => h.id === 'fuel-cn-guideline-diesel-co2-per-kg/CN/2015' && h.level === 'national'),
      q,
    );
    assert.ok(
      hits.some((h) => h.id.startsWith('fuel-ipcc2006-gas-diesel-oil') && h.level === 'global'),
      q,
    );
  }
  for (const q of ['公路', 'road']) {
    const hits = searchFactors(factors, q, {});
    assert.ok(hits.length >= 5 && hits.every((h) => h.kind === 'transport' && h.id.includes('-road-')), q);
  }
  assert.ok(searchFactors(factors, '铁路').some((h) => h.value === 0.006502));
  assert.ok(
    searchFactors(factors, '光伏', { year: 2024 }).some(
      (h) => h.id === 'cn-electricity-footprint-photovoltaic/CN/2024',
    ),
  );
  assert.deepEqual(searchFactors(factors, 'no such thing'), []);
});

test('unverified values carry status check and a warning note', () => {
  const hit = searchFactors(factors, '电力', { region: 'CN-SC', year: 2023, purpose: 'organisational' })[0];
  assert.equal(hit.id, 'cn-electricity-co2/CN-SC/2023');
  assert.equal(hit.status, 'check');
  assert.ok(hit.notes.map(messageText).some((n) => /^factor unverified \(status check\)/.test(n)));
});

test('a CO2-only electricity factor is refused in a product footprint, in English or in Chinese words, with the replacement', () => {
  const co2 = factors.find((f) => f.id === 'cn-electricity-co2/CN-SC/2022')!;
  assert.throws(
    () => assertUsableInProductFootprint(co2, factors),
    (e: unknown) =>
      e instanceof FactorUseError &&
      /ISO 14067/.test(e.message) &&
      /GB\/T 24067/.test(e.message) &&
      !/产品碳足迹/.test(e.message) &&
      /不能用于产品碳足迹/.test(render(e.text!, 'zh')) &&
      /请改用 cn-electricity-footprint\/CN\/2023/.test(render(e.text!, 'zh')) &&
      e.suggestion?.factor.id === 'cn-electricity-footprint/CN/2023',
  );
  assert.throws(
    () => lookupFactor(factors, { kind: 'electricity-co2', region: 'CN-SC', year: 2022, purpose: 'product-footprint' }),
    FactorUseError,
  );
  for (const f of factors.filter((x) => PRODUCT_FOOTPRINT_KINDS.includes(x.kind))) assertUsableInProductFootprint(f);
  const pf = searchFactors(factors, '电力', { region: 'CN-SC', year: 2023, purpose: 'product-footprint' });
  assert.ok(pf.length > 0 && pf.every((h) => h.kind !== 'electricity-co2'));
  assert.deepEqual(
    pf.slice(0, 2).map((h) => h.id),
    ['cn-electricity-footprint/CN/2023', 'cn-electricity-footprint/CN-SC/2023'],
  );
});

test('product-footprint lookups prefer CO2e fuel factors', () => {
  const m = lookupFactor(factors, { query: '柴油', perUnit: 'kg', region: 'CN-SC', purpose: 'product-footprint' });
  assert.equal(m.factor.gases, 'CO2e');
  assert.ok(m.notes.map(messageText).some((n) => /Combustion only/.test(n)));
});
