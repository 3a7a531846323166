import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, DOMAIN_TABLES, NOT_DOMAINS, render } from '../../src/i18n/catalogue.ts';
import { root } from '../cli/run.ts';

/** The one catalogue gathers every domain's texts, once each, in both languages. */

test('every src/i18n/<domain>.ts is in the catalogue', () => {
  const source = readFileSync(join(root, 'src/i18n/catalogue.ts'), 'utf8');
  const domains = readdirSync(join(root, 'src/i18n')).filter((f) => f.endsWith('.ts') && !NOT_DOMAINS.includes(f));
  for (const f of domains)
    assert.match(
      source,
      new RegExp(`from '\\./${f.replace('.', '\\.')}'`),
      `src/i18n/${f} is not gathered in catalogue.ts`,
    );
});

test('no two domains define the same code, and every text renders in zh and en', () => {
  const seen = new Map<string, string>();
  for (const [domain, table] of Object.entries(DOMAIN_TABLES)) {
    for (const code of Object.keys(table)) {
      assert.ok(!seen.has(code), `${code} is defined by ${seen.get(code)} and ${domain}`);
      seen.set(code, domain);
    }
  }
  const anyParams = new Proxy(
    {},
    {
      get: (_, k) => (k === 'direction' ? 'above' : k === 'basis' ? 'provinces' : k === 'kind' ? 'product-input' : 7),
    },
  ) as never;
  for (const [code, texts] of Object.entries(CATALOGUE)) {
    assert.ok(texts.en(anyParams).length > 0 && texts.zh(anyParams).length > 0, code);
    assert.notEqual(texts.en(anyParams), texts.zh(anyParams), `${code}: the Chinese text is the English one`);
  }
});

test('a coded message renders in the reader’s language; an unknown code falls back to its English message', () => {
  const m = {
    code: 'entry.region-mismatch',
    params: { entry: 'Cold store', region: 'CN-GD', dataset: 'CN-HI', datasetName: 'Hainan' },
    message: 'x',
  };
  assert.match(render(m, 'zh'), /^Cold store：发生在 CN-GD/);
  assert.match(render(m, 'en'), /^Cold store: happens in CN-GD/);
  assert.equal(render({ code: 'no.such', params: {}, message: 'as sent' }, 'zh'), 'as sent');
});
