import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  coded,
  ISSUE_CODES,
  ISSUE_TEXTS,
  issueText,
  type IssueCode,
  type IssueParams,
  type ParamsOf,
} from '../../src/i18n/cobuild.ts';

/**
 * Every code validation can emit has an English and a Chinese text, both written from the same
 * params. The sample params below must cover every code of the catalogue, so a new code without
 * a sample (and so without a look at its texts) fails here.
 */

const SAMPLES: { [C in IssueCode]: ParamsOf<C> } = {
  'unit.unknown': { unit: 'kwhh', examples: 'kg, t, kWh' },
  'region.unknown': { region: 'Atlantis' },
  'year.missing': {},
  'year.out-of-range': { year: 1890, first: 1990, last: 2027 },
  'licence.missing': {},
  'factor.gwp-kind': {},
  'factor.value-not-positive': { value: -1 },
  'factor.unit-form': { unit: 'kg/kWh' },
  'factor.unit-per-mismatch': { per: 'MWh', perUnit: 'kWh' },
  'factor.unit-gas-mismatch': { gas: 'CO2', gases: 'CO2e' },
  'factor.gwp-set-missing': {},
  'factor.electricity-co2-gases': {},
  'factor.electricity-footprint-gases': {},
  'factor.id-suffix': { suffix: '/CN-HI/2024', id: 'cn-electricity-footprint/CN-HI/2023' },
  'factor.technology-missing': {},
  'factor.source-missing': {},
  'factor.publisher-missing': {},
  'exchange.flow-missing': { flowId: 'ghost' },
  'exchange.unit-group-missing': { flow: 'Lime', property: 'mass' },
  'exchange.unit-not-in-group': { flow: 'Lime', unit: 'kWh', group: 'Units of mass' },
  'exchange.amount-negative': { amount: -3, flow: 'Lime' },
  'process.reference-count': { count: 2 },
  'process.reference-kind': {},
  'process.reference-amount': { amount: 0 },
  'process.location-missing': {},
  'process.technology-missing': {},
  'process.source-missing': {},
  'provider.unknown': { provider: 'gird', release: 'lci-1' },
  'provider.not-providing': { name: 'kiln', provider: 'kiln', flowId: 'power' },
  'submission.empty': {},
  'balance.mass': { into: 1.5, out: 1, gap: 1 / 3, tolerance: 0.1 },
  'balance.energy': { into: 10, out: 12, efficiency: 1.2 },
  'plausibility.factor-median': {
    value: 0.03,
    unit: 'kg CO2e/kWh',
    fold: 19.04,
    direction: 'below',
    basis: 'provinces',
    peers: 30,
    series: 'cn-electricity-footprint',
    release: '2026.1',
    median: 0.5712,
    year: 2024,
  },
  'plausibility.factor-region': {
    value: 0.03,
    fold: 13.2,
    direction: 'below',
    region: 'CN-HI',
    current: 0.3972,
    id: 'cn-electricity-footprint/CN-HI/2024',
  },
  'plausibility.exchange': {
    side: 'input',
    flow: 'Electricity',
    value: 300,
    fold: 10.5,
    direction: 'above',
    peers: 1,
    release: 'uslci',
    median: 28.5,
  },
  'validation.value-converted': { value: 612, unit: 'g CO2e/kWh', converted: 0.612, gas: 'CO2e', perUnit: 'kWh' },
  'validation.region-read': { region: '海南', code: 'CN-HI' },
  'validation.status-check': { status: 'official' },
  'validation.location-read': { location: '海南', code: 'CN-HI' },
  'validation.location-outside': { location: 'DE' },
  'validation.no-volume': {},
  'validation.mass-balance': { into: 1.02, out: 1, gap: 0.0196 },
  'validation.mass-unchecked': {},
  'validation.energy-unchecked': {},
  'validation.energy-balance': { into: 3.6, out: 3.2 },
  'validation.factor-unchecked': { release: '2026.1', series: 'material-clinker', perUnit: 't' },
  'validation.process-unchecked': { release: '2026.1' },
  'validation.no-release': { what: 'LCI' },
  'validation.process-compared': { compared: 1, peers: 3, release: '2026.1' },
};

const CJK = /[\u4e00-\u9fff]/;

test('every code has a sample, and no sample names a code the catalogue lacks', () => {
  assert.deepEqual(Object.keys(SAMPLES).sort(), [...ISSUE_CODES].sort());
});

for (const code of ISSUE_CODES) {
  test(`${code}: an English and a Chinese text from the same params`, () => {
    const params = SAMPLES[code] as IssueParams;
    const en = issueText({ code, params, message: '' }, 'en');
    const zh = issueText({ code, params, message: '' }, 'zh');
    for (const text of [en, zh]) {
      assert.ok(text.trim().length > 0);
      assert.doesNotMatch(text, /undefined|NaN|\[object/);
    }
    assert.match(zh, CJK, 'the Chinese text is Chinese');
    assert.notEqual(zh, en);
    for (const value of Object.values(params))
      if (typeof value === 'string' && !['above', 'below', 'provinces', 'regions', 'input', 'output'].includes(value)) {
        assert.ok(en.includes(value) && zh.includes(value), `${value} appears in both texts`);
      }
    assert.equal(coded(code, params as never).message, en, 'the API message is the English text');
  });
}

test("the texts' numbers: fold, percentages and medians rounded alike in both languages", () => {
  const median = SAMPLES['plausibility.factor-median'];
  assert.equal(
    issueText({ code: 'plausibility.factor-median', params: median, message: '' }, 'en'),
    '0.03 kg CO2e/kWh is 19.04× below the provincial median (30 provinces) of cn-electricity-footprint in release 2026.1 (0.5712, 2024)',
  );
  assert.equal(
    issueText({ code: 'plausibility.factor-median', params: median, message: '' }, 'zh'),
    '0.03 kg CO2e/kWh 仅为版本 2026.1 中 cn-electricity-footprint 省级中位数（30 个省份）的 1/19.04（中位数 0.5712，2024 年）',
  );
  assert.equal(
    issueText({ code: 'balance.mass', params: SAMPLES['balance.mass'], message: '' }, 'zh'),
    '质量平衡：输入 1.5 kg，输出 1 kg，相差 33.33%，超过允许的 10%',
  );
  assert.match(
    issueText({ code: 'plausibility.exchange', params: SAMPLES['plausibility.exchange'], message: '' }, 'zh'),
    /^输入「Electricity」每单位产品 300，是版本 uslci 中 1 个过程的中位数（28\.5）的 10\.5 倍$/,
  );
});

test('an unknown or absent code is said with the message the server wrote', () => {
  assert.equal(
    issueText({ code: 'from.a.newer.server', params: {}, message: 'as the server said' }, 'zh'),
    'as the server said',
  );
  assert.equal(issueText({ message: 'a report stored before codes' }, 'zh'), 'a report stored before codes');
  assert.equal(issueText({ code: 'toString', params: {}, message: 'not a code' }, 'en'), 'not a code');
});
