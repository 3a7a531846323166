import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { ImportError } from '../../src/formats/errors.ts';
import { render } from '../../src/i18n/catalogue.ts';

/** Writes a zip of the given text entries to a fresh temp dir and returns its path. */
export function writeZip(name: string, entries: Record<string, string>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tanji-formats-')), name);
  writeFileSync(file, zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)]))));
  return file;
}

export function writeFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tanji-formats-')), name);
  writeFileSync(file, text);
  return file;
}

/**
 * The promise fails with an ImportError whose message names each of `parts`, in catalogue words:
 * rendered in English they are the message, in Chinese they are Chinese around the same names.
 */
export async function rejectsNaming(p: Promise<unknown>, parts: string[]) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ImportError, `expected an ImportError, got ${String(e)}`);
    for (const s of parts) assert.ok(e.message.includes(s), `"${e.message}" should name ${s}`);
    assert.equal(e.text?.code, 'import.at');
    assert.match(e.problem.code, /^import\./);
    assert.equal(render(e.text!, 'en'), e.message);
    const zh = render(e.text!, 'zh');
    assert.notEqual(zh, e.message);
    assert.match(zh, /[\u4e00-\u9fff]/, zh);
    assert.ok(zh.startsWith(e.file), zh);
    return true;
  });
}
