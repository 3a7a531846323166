import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
      get: (_, k) => SAMPLE_VALUES[String(k)] ?? 7,
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

/** Params that choose among words: a value the texts know (any other param reads as a number). */
const SAMPLE_VALUES: Record<string, string> = {
  direction: 'above',
  basis: 'provinces',
  kind: 'product-input',
  unit: 'kg',
  evidence: 'invoice',
};

/** The params a text reads, by running it on a recorder; `nameZh` and `nameEn` are one param written in each language. */
function paramsRead(text: (p: never) => string): string[] {
  const read = new Set<string>();
  const recorder = new Proxy(
    {},
    {
      get: (_, k) => {
        read.add(String(k).replace(/(?:Zh|En)$/, ''));
        return SAMPLE_VALUES[String(k)] ?? 7;
      },
    },
  ) as never;
  text(recorder);
  return [...read].sort();
}

test('every code reads the same params in zh and en', () => {
  for (const [code, texts] of Object.entries(CATALOGUE))
    assert.deepEqual(paramsRead(texts.zh), paramsRead(texts.en), `${code}: zh and en read different params`);
});

/** The project's source outside the catalogue: src and the web app. */
function sourceText(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(f)) files.push(path);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'web/src'));
  return files
    .filter((f) => !f.startsWith(join(root, 'src/i18n')))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

test('every code the source emits is defined, and every defined code is used', () => {
  const source = sourceText();
  const emitted = [...source.matchAll(/(?:coded\(|finding\([^,()]+, |code: )'([a-z][\w-]*\.[\w.-]+)'/g)].map(
    (m) => m[1]!,
  );
  assert.ok(emitted.length > 20, 'the scan finds the coded messages');
  assert.deepEqual(
    [...new Set(emitted)].filter((c) => !Object.hasOwn(CATALOGUE, c)),
    [],
    'codes emitted in src without a text',
  );
  // an audit text is used by its stored action ('study.saved'); a family rendered from a value by its template (`verdict.${…}`)
  const used = (code: string) =>
    source.includes(`'${code}'`) ||
    (code.startsWith('audit.') && source.includes(`'${code.slice('audit.'.length)}'`)) ||
    source.includes(`\`${code.slice(0, code.lastIndexOf('.'))}.\${`);
  assert.deepEqual(
    Object.keys(CATALOGUE).filter((c) => !used(c)),
    [],
    'codes defined but used nowhere',
  );
});
