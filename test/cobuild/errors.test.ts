import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, AggregationError } from '../../src/cobuild/aggregate.ts';
import { ForbiddenError, SubmissionRejectedError } from '../../src/cobuild/errors.ts';
import { requireSteward } from '../../src/cobuild/parties.ts';
import { nextState } from '../../src/cobuild/workflow.ts';
import { coded as issue } from '../../src/i18n/cobuild.ts';
import { render } from '../../src/i18n/catalogue.ts';
import { DomainError } from '../../src/model/errors.ts';

/** Co-construction refusals carry the catalogue's words: the English as the API always said it, the Chinese from the same params. */

function refusal(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof DomainError, `${String(e)} is a DomainError`);
    return e;
  }
  assert.fail('not refused');
}

const inZh = (e: DomainError) => render(e.text!, 'zh');

test('a refused step names the review’s states, steps and parties in the reader’s language', () => {
  const illegal = refusal(() => nextState('submitted', 'approve', ['steward']));
  assert.equal(illegal.kind, 'conflict');
  assert.equal(illegal.code, 'illegal-transition');
  assert.equal(
    illegal.message,
    '"approve" is not possible while the submission is submitted; possible now: assign, start-review',
  );
  assert.equal(inZh(illegal), '提交处于「已提交」状态，不能执行「通过」；当前可执行：指派审核人、开始审核');

  const notYours = refusal(() => nextState('under-review', 'approve', ['contributor']));
  assert.equal(notYours.kind, 'forbidden');
  assert.equal(notYours.message, '"approve" is for steward or reviewer');
  assert.equal(inZh(notYours), '「通过」只能由数据库管理员或指定的审核人执行');

  const why = refusal(() => nextState('under-review', 'reject', ['steward']));
  assert.equal(why.kind, 'bad-request');
  assert.equal(why.code, 'comment-required');
  assert.equal(why.message, '"reject" needs a comment: say why the dataset is rejected');
  assert.equal(inZh(why), '「拒绝」须填写意见：请说明拒绝该数据集的理由');
});

test('stewards’ work refused to others says what the role may not do, in either language', () => {
  const e = refusal(() => requireSteward({ id: 'u', role: 'enterprise', companyId: 'c' }, 'publish-releases'));
  assert.ok(e instanceof ForbiddenError);
  assert.equal(e.message, 'your role may not publish releases');
  assert.equal(inZh(e), '您的角色无权发布数据库版本');
});

test('refused datasets list each problem in the reader’s language, the validation’s own words nested', () => {
  const unit = { field: 'factor.perUnit', ...issue('unit.unknown', { unit: 'lb', examples: 'kg, t' }) };
  const problems = [
    { index: 0, dataset: 'Haikou coal', errors: [unit] },
    {
      index: 1,
      dataset: 'Many',
      errors: Array.from({ length: 21 }, () => ({ field: 'year', ...issue('year.missing', {}) })),
    },
  ];
  const e = new SubmissionRejectedError(problems);
  assert.equal(e.code, 'invalid-datasets');
  assert.deepEqual(e.details, problems);
  const lines = e.message.split('\n');
  assert.equal(lines[0], '2 datasets refused:');
  assert.equal(lines[1], '  dataset 1 (Haikou coal): factor.perUnit: "lb" is not a known unit (e.g. kg, t)');
  assert.equal(lines.length, 22, 'twenty problems, then how many more');
  assert.equal(lines.at(-1), '  … and 2 more');
  const zh = inZh(e).split('\n');
  assert.equal(zh[0], '2 个数据集被拒收：');
  assert.equal(zh[1], '  数据集 1（Haikou coal）：factor.perUnit：「lb」不是可识别的单位（例如 kg, t）');
  assert.equal(zh[2], '  数据集 2（Many）：year：必须填写数据所代表的年份');
  assert.equal(zh.at(-1), '  ……另有 2 条');
});

test('members that cannot be averaged: every problem coded, the message joining them', () => {
  const factor = {
    id: 'x',
    name: 'Coal power',
    series: 'cn-electricity-footprint',
    kind: 'electricity-footprint',
    value: 0.8,
    unit: 'kg CO2e/kWh',
    perUnit: 'kWh',
    gases: 'CO2e',
    gwpSet: 'AR6',
    region: 'CN-GD',
    year: 2024,
    status: 'check',
    technology: 'coal',
    source: { title: 'LCA', publisher: 'P' },
  };
  const e = refusal(() =>
    aggregate(
      [
        {
          submissionId: 's-1',
          version: 1,
          companyId: 'c',
          dataset: { type: 'factor', factor } as never,
          meta: { sharing: 'confidential' },
        },
      ],
      { region: 'CN-HI', licence: 'CC BY 4.0' },
    ),
  );
  assert.ok(e instanceof AggregationError);
  assert.deepEqual(
    e.issues.map((i) => i.code),
    ['aggregate.outside-region', 'aggregate.no-volume'],
  );
  assert.equal(
    e.message,
    'the datasets cannot be averaged: s-1 (Coal power) is for CN-GD, which is not in CN-HI; s-1 (Coal power) has no production volume to weigh it by',
  );
  assert.equal(
    inZh(e),
    '这些数据集无法平均：s-1（Coal power）的地区为 CN-GD，不在 CN-HI 范围内；s-1（Coal power）没有可用于加权的产量',
  );
});
