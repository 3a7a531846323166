import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coded } from '../../src/i18n/cobuild.ts';
import { ApiError } from '../../web/src/api/client.ts';
import { applyExchangeDrafts, exchangeDrafts, unitsOf, withFlow } from '../../web/src/cobuild/exchangeDraft.ts';
import { exchangeProblems } from '../../web/src/cobuild/ExchangesEditor.tsx';
import { cobuildHref, parseCobuildView } from '../../web/src/cobuild/routes.ts';
import { process } from '../cobuild/fixtures.ts';

const flows = [
  { id: 'lime', name: 'Lime', unit: 'kg', kind: 'product' as const },
  { id: 'power', name: 'Electricity', unit: 'kWh', kind: 'product' as const },
  { id: 'heat', name: 'Heat', unit: 'MJ', kind: 'product' as const },
];
const mill = process('mill', flows, [
  { flowId: 'lime', amount: 1000, input: false, reference: true, originalAmount: 1, originalUnit: 't' },
  { flowId: 'power', amount: 30, input: true, reference: false, providerId: 'grid' },
]);

test('exchanges are edited in their original unit when the data has one, else in the flow unit', () => {
  assert.deepEqual(exchangeDrafts(mill), [
    { flowId: 'lime', amount: '1', unit: 't', providerId: '' },
    { flowId: 'power', amount: '30', unit: 'kWh', providerId: 'grid' },
  ]);
  assert.ok(unitsOf(mill, 'power').some((u) => u.name === 'MWh'));
  assert.deepEqual(unitsOf(mill, 'ghost'), []);
});

test('an edited amount is saved in the flow unit with the amount as entered; untouched exchanges stay as they were', () => {
  const drafts = exchangeDrafts(mill);
  drafts[1] = { ...drafts[1], amount: '0.032', unit: 'MWh', providerId: ' ' };
  const edited = applyExchangeDrafts(mill, drafts);
  assert.equal(edited.process.exchanges[0], mill.process.exchanges[0], 'the same object: nothing changed');
  const power = edited.process.exchanges[1];
  assert.ok(Math.abs(power.amount - 32) < 1e-12);
  assert.equal(power.originalAmount, 0.032);
  assert.equal(power.originalUnit, 'MWh');
  assert.equal(power.providerId, undefined, 'a blank provider links by the default rule');
  const back = applyExchangeDrafts(edited, [
    exchangeDrafts(edited)[0],
    { flowId: 'power', amount: '31', unit: 'kWh', providerId: 'grid' },
  ]).process.exchanges[1];
  assert.deepEqual(
    [back.amount, back.originalAmount, back.originalUnit, back.providerId],
    [31, undefined, undefined, 'grid'],
    'in the flow unit: no original kept',
  );
});

test('another flow keeps the amount, in the new flow unit', () => {
  const drafts = exchangeDrafts(mill);
  const heat = withFlow(mill, drafts[1], 'heat');
  assert.deepEqual(heat, { flowId: 'heat', amount: '30', unit: 'MJ', providerId: 'grid' });
  assert.equal(applyExchangeDrafts(mill, [drafts[0], heat]).process.exchanges[1].flowId, 'heat');
});

test('refusals are matched to the exchange rows they name, from validation (422) and from the request schema (400)', () => {
  const refused = new ApiError(422, 'invalid-datasets', 'refused', [
    {
      index: 0,
      dataset: 'mill',
      errors: [
        { field: 'process.exchanges[1].providerId', message: 'not a process' },
        { field: 'process.location', message: 'required' },
      ],
    },
  ]);
  assert.deepEqual([...exchangeProblems(refused, 'en')], [[1, ['providerId: not a process']]]);
  const invalid = new ApiError(400, 'invalid-request', 'bad', [
    { path: 'dataset.process.exchanges.0.amount', message: 'expected number' },
  ]);
  assert.deepEqual([...exchangeProblems(invalid, 'zh')], [[0, ['amount: expected number']]]);
  assert.equal(exchangeProblems(new Error('x'), 'en').size, 0);
});

test("a coded refusal is said in the reader's language", () => {
  const error = {
    field: 'process.exchanges[1].providerId',
    ...coded('provider.unknown', { provider: 'gird', release: 'lci-1' }),
  };
  const refused = new ApiError(422, 'invalid-datasets', 'refused', [{ index: 0, dataset: 'mill', errors: [error] }]);
  assert.match(exchangeProblems(refused, 'zh').get(1)![0], /^providerId: 提供者 gird 不是版本 lci-1 中的过程/);
  assert.match(
    exchangeProblems(refused, 'en').get(1)![0],
    /^providerId: provider gird is not a process of release lci-1/,
  );
});

test('the benchmark page has its address', () => {
  assert.deepEqual(parseCobuildView(['benchmarks']), { kind: 'benchmarks' });
  assert.equal(cobuildHref({ kind: 'benchmarks' }), '#/cobuild/benchmarks');
});
