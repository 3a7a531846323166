import { test } from 'node:test';
import assert from 'node:assert/strict';
import { href, parseRoute } from '../../web/src/router.ts';

test('hash routes parse and print back', () => {
  assert.deepEqual(parseRoute(''), { page: 'studies' });
  assert.deepEqual(parseRoute('#/'), { page: 'studies' });
  assert.deepEqual(parseRoute('#/login'), { page: 'login' });
  assert.deepEqual(parseRoute('#/studies/new'), { page: 'new-study' });
  assert.deepEqual(parseRoute('#/studies/abc'), { page: 'study', id: 'abc', tab: 'inventory' });
  assert.deepEqual(parseRoute('#/studies/abc/results'), { page: 'study', id: 'abc', tab: 'results' });
  assert.deepEqual(parseRoute('#/electricity-map'), { page: 'map' });
  assert.equal(parseRoute('#/studies/abc/nonsense').page, 'not-found');
  for (const route of [
    { page: 'study', id: 'a b/c', tab: 'results' },
    { page: 'new-study' },
    { page: 'map' },
    { page: 'login' },
  ] as const) {
    assert.deepEqual(parseRoute(href(route)), route);
  }
});
