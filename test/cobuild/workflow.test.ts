import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedPaths, hasPath } from '../../src/cobuild/paths.ts';
import { partiesOf } from '../../src/cobuild/parties.ts';
import {
  CommentRequiredError,
  IllegalTransitionError,
  nextState,
  NotYourStepError,
  stepsFrom,
  TRANSITIONS,
} from '../../src/cobuild/workflow.ts';

test('the review path: submitted → under review → changes requested → submitted → under review → approved', () => {
  let s = nextState('submitted', 'start-review', ['reviewer']);
  assert.equal(s, 'under-review');
  s = nextState(s, 'request-changes', ['reviewer'], { comment: 'add the source document' });
  assert.equal(s, 'changes-requested');
  s = nextState(s, 'revise', ['contributor']);
  assert.equal(s, 'submitted');
  s = nextState(nextState(s, 'start-review', ['steward']), 'edit', ['steward']);
  assert.equal(s, 'under-review', 'a correction keeps the state');
  assert.equal(nextState(s, 'approve', ['steward']), 'approved');
  assert.equal(nextState(s, 'reject', ['reviewer'], { comment: 'duplicate of an earlier submission' }), 'rejected');
});

test('illegal steps are refused with what is possible instead; final states allow nothing', () => {
  assert.throws(
    () => nextState('submitted', 'approve', ['steward']),
    (e: unknown) =>
      e instanceof IllegalTransitionError &&
      /"approve" is not possible while the submission is submitted; possible now: assign, start-review$/.test(
        e.message,
      ),
  );
  for (const final of ['approved', 'rejected'] as const) {
    assert.deepEqual(stepsFrom(final, ['steward', 'reviewer', 'contributor']), []);
    assert.throws(() => nextState(final, 'revise', ['contributor']), /it is final/);
  }
});

test('each step is for its parties only', () => {
  assert.throws(() => nextState('under-review', 'approve', ['contributor']), NotYourStepError);
  assert.throws(() => nextState('changes-requested', 'revise', ['steward']), NotYourStepError);
  assert.throws(() => nextState('submitted', 'assign', ['reviewer']), NotYourStepError);
  assert.deepEqual(stepsFrom('under-review', ['contributor']), []);
  assert.deepEqual(stepsFrom('changes-requested', ['contributor']), ['revise']);
});

test('rejecting and requesting changes need a reason; approving flagged values too', () => {
  assert.throws(() => nextState('under-review', 'reject', ['steward']), CommentRequiredError);
  assert.throws(
    () => nextState('under-review', 'request-changes', ['steward'], { comment: '  ' }),
    CommentRequiredError,
  );
  assert.throws(
    () => nextState('under-review', 'approve', ['steward'], { flags: 2 }),
    /flagged 2 values; say why they are accepted/,
  );
  assert.equal(
    nextState('under-review', 'approve', ['steward'], { flags: 2, comment: 'nuclear plant: low factor expected' }),
    'approved',
  );
});

test('every state is reachable from submitted', () => {
  const reached = new Set<string>(['submitted']);
  for (let changed = true; changed;) {
    changed = false;
    for (const t of TRANSITIONS) {
      if (t.to !== 'unchanged' && t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
        reached.add(t.to);
        changed = true;
      }
    }
  }
  assert.deepEqual([...reached].sort(), ['approved', 'changes-requested', 'rejected', 'submitted', 'under-review']);
});

test('parties: contributors by company, stewards by role, reviewers by assignment', () => {
  const head = { companyId: 'c1', reviewerId: 'v1' };
  assert.deepEqual(partiesOf({ id: 'u', role: 'enterprise', companyId: 'c1' }, head), ['contributor']);
  assert.deepEqual(partiesOf({ id: 'u', role: 'enterprise', companyId: 'c2' }, head), []);
  assert.deepEqual(partiesOf({ id: 'v1', role: 'verifier', companyId: 'c9' }, head), ['reviewer']);
  assert.deepEqual(
    partiesOf({ id: 'v2', role: 'verifier', companyId: 'c1' }, head),
    [],
    'a verifier of the same company is not its reviewer',
  );
  assert.deepEqual(
    partiesOf({ id: 'a', role: 'admin', companyId: null }, head),
    [],
    'administrators do not read primary data',
  );
  assert.deepEqual(partiesOf({ id: 'v1', role: 'steward', companyId: null }, head), ['steward', 'reviewer']);
});

test('field paths: what changed between versions, and which fields a comment may name', () => {
  const a = { factor: { value: 1, source: { title: 't' }, tags: ['x', 'y'] } };
  const b = { factor: { value: 2, source: { title: 't', url: 'u' }, tags: ['x', 'z'] } };
  assert.deepEqual(changedPaths(a, b), ['factor.source.url', 'factor.tags[1]', 'factor.value']);
  const p = { process: { exchanges: [{ amount: 1 }, { amount: 2 }] } };
  assert.ok(hasPath(p, 'process.exchanges[1].amount'));
  assert.ok(hasPath(p, 'process.exchanges[1].uncertainty'), 'an optional field not yet given');
  assert.ok(!hasPath(p, 'process.exchanges[2].amount'));
  assert.ok(!hasPath(p, 'process.nothing.deeper'));
  assert.ok(!hasPath(p, 'process..exchanges'));
});
