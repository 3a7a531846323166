import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliInTempStore } from './run.ts';

const { tanji, inLocale } = cliInTempStore('tanji-factor-');

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

test('factor search 电力 and electricity in Sichuan 2022 find 0.1404 kg CO2/kWh with its source', () => {
  for (const text of ['电力', 'electricity']) {
    const r = tanji('factor', 'search', text, '--region', 'CN-SC', '--year', '2022', '--json');
    assert.equal(r.code, 0, r.err);
    const items = JSON.parse(r.out);
    for (const item of items) for (const k of CONTRACT) assert.ok(k in item, `${k} missing`);
    const sc = items.find(
      (i: { kind: string; resolvedRegion: string; year: number }) =>
        i.kind === 'electricity-co2' && i.resolvedRegion === 'CN-SC' && i.year === 2022,
    );
    assert.ok(sc, 'the Sichuan CO2 factor is found');
    assert.equal(sc.value, 0.1404);
    assert.equal(sc.unit, 'kg CO2/kWh');
    assert.match(sc.source.publisher, /Ministry of Ecology and Environment/);
    assert.ok(
      items.some((i: { kind: string }) => i.kind === 'electricity-footprint'),
      'life-cycle factors are a different kind',
    );
  }
});

test('factor search for Tibet resolves upward and says which level answered', () => {
  const items = JSON.parse(
    tanji('factor', 'search', 'electricity', '--region', 'CN-XZ', '--year', '2022', '--json').out,
  );
  const co2 = items.find((i: { kind: string }) => i.kind === 'electricity-co2');
  assert.equal(co2.region, 'CN-XZ');
  assert.equal(co2.resolvedRegion, 'CN');
  assert.equal(co2.level, 'national');
  assert.ok(co2.notes.length > 0);
});

test('for a product footprint, CO2-only organisational factors are left out', () => {
  const items = JSON.parse(
    tanji('factor', 'search', '电力', '--region', 'CN-SC', '--purpose', 'product-footprint', '--json').out,
  );
  assert.ok(items.length > 0);
  assert.ok(items.every((i: { kind: string }) => i.kind !== 'electricity-co2'));
});

test('an unknown region is explained', () => {
  const r = tanji('factor', 'search', 'electricity', '--region', 'CN-ZZ');
  assert.equal(r.code, 2);
  assert.match(r.err, /CN-ZZ/);
});

test('by default life-cycle factors come before CO2-only grid factors; a province in the text is searched', () => {
  const items = JSON.parse(tanji('factor', 'search', '电力', '--json', '--limit', '0').out) as {
    kind: string;
    resolvedRegion: string;
  }[];
  assert.equal(items[0].kind, 'electricity-footprint');
  const co2Only = items.map((i) => i.kind === 'electricity-co2');
  assert.deepEqual(co2Only, [...co2Only].sort(), 'every CO2-only factor after every life-cycle one');
  const gd = JSON.parse(tanji('factor', 'search', '广东电力', '--region', 'CN-HI', '--json').out) as { id: string }[];
  // a province named in the text is chosen: its own factor first, the official national one after
  assert.match(gd[0].id, /^cn-electricity-footprint\/CN-GD\//);
  assert.ok(gd.some((h) => /^cn-electricity-footprint\/CN\//.test(h.id)));
});

test('--lang zh prints the table, the best match, its notes and the refusals in Chinese; --lang en as before', () => {
  const zh = tanji('factor', 'search', '电力', '--region', 'CN-XZ', '--year', '2022', '--lang', 'zh');
  assert.equal(zh.code, 0, zh.err);
  assert.match(zh.out, /^\s*数值\s+单位\s+类型\s+取自区域/);
  assert.match(zh.out, /CN（全国）\s+2023\s+已核实/);
  assert.match(zh.out, /\n最佳匹配：.*；版本 /);
  const notes = zh.out.split('\n').filter((l) => l.trim().startsWith('说明：'));
  assert.ok(notes.length > 0, zh.out);
  for (const note of notes) assert.match(note, /\p{Script=Han}{2}/u, `a note in Chinese: ${note}`);
  const en = tanji('factor', 'search', '电力', '--region', 'CN-XZ', '--year', '2022', '--lang', 'en');
  assert.match(en.out, /^\s*value\s+unit\s+kind\s+answered by/);
  assert.match(en.out, /CN \(national\)\s+2023\s+verified/);
  assert.match(en.out, /\nBest match: /);
  assert.ok(en.out.split('\n').some((l) => l.trim().startsWith('note: ')));

  const refused = tanji('factor', 'search', '电力', '--kind', 'nope', '--lang', 'zh');
  assert.equal(refused.code, 2);
  assert.match(refused.err, /^tanji factor: --kind 须为以下之一：/);
  assert.match(tanji('factor', 'search', '电力', '--kind', 'nope').err, /^tanji factor: --kind must be one of /);
  const none = tanji('factor', 'search', 'zzqq', '--lang', 'zh');
  assert.match(none.out, /^没有与「zzqq」匹配的因子/);
  const bad = tanji('factor', 'search', '电力', '--lang', 'fr');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--lang must be zh or en/);
});

test('without --lang the language follows LC_ALL, else LANG', () => {
  const chinese = inLocale({ LANG: 'zh_CN.UTF-8' })('factor', 'search');
  assert.equal(chinese.code, 2);
  assert.match(chinese.err, /要检索什么？/);
  const english = inLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' })('factor', 'search');
  assert.match(english.err, /what should I search for\?/);
  assert.match(inLocale({ LC_ALL: 'zh_CN.UTF-8' })('factor', 'search', '电力', '--lang', 'en').out, /^\s*value /);
  assert.match(tanji('--help').out, /--lang zh\|en/);
  assert.match(tanji('factor', '--help').out, /--lang zh\|en/);
});
