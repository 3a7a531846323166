import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { importDatabase } from '../../src/formats/index.ts';
import { ImportError } from '../../src/formats/errors.ts';
import { readZip, unzipBytes, ZipLimitError, ZIP_LIMITS } from '../../src/formats/zip.ts';
import { USLCI_ECOSPOLD2 } from '../uslci.ts';
import { gibibyteBomb, lyingBomb, rawZip } from './zips.ts';

/**
 * Zip archives are read within limits (src/formats/zip.ts): what a hostile or broken archive
 * gets, and that real databases still read byte for byte as fflate reads them.
 */

const refused = (fn: () => unknown, type: typeof ImportError, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof type, `${(e as Error).name}: ${(e as Error).message}`);
    assert.match((e as Error).message, pattern);
    return true;
  });

test('a 1 MB archive holding 1 GiB is refused from its directory, before anything is inflated', () => {
  const bomb = gibibyteBomb();
  assert.ok(bomb.length < 2_000_000, `the bomb is ${bomb.length} bytes`);
  const before = process.memoryUsage().arrayBuffers;
  refused(
    () => unzipBytes(bomb, 'bomb.zip'),
    ZipLimitError,
    /^bomb\.zip: the zip inflates to 1073741824 bytes, more than the 536870912 accepted$/,
  );
  assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 1024 * 1024, 'nothing of the gibibyte was allocated');
});

test('an entry whose header understates its size is stopped when it outgrows the claim', () => {
  refused(
    () => unzipBytes(lyingBomb(), 'liar.zip'),
    ZipLimitError,
    /^liar\.zip: processes\/liar\.json: the entry inflates to more than the 1024 bytes its header declares$/,
  );
});

test('entry count, one entry and the total have their own limits, each named', () => {
  const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.json`, strToU8('x'.repeat(1000))]));
  const zip = zipSync(files);
  refused(
    () => unzipBytes(zip, 'many.zip', undefined, { ...ZIP_LIMITS, entries: 4 }),
    ZipLimitError,
    /many\.zip: the zip holds 5 entries, more than the 4 accepted/,
  );
  refused(
    () => unzipBytes(zip, 'big.zip', undefined, { ...ZIP_LIMITS, entryBytes: 999 }),
    ZipLimitError,
    /big\.zip: f0\.json: the entry declares 1000 bytes, more than the 999 accepted for one file/,
  );
  refused(
    () => unzipBytes(zip, 'sum.zip', undefined, { ...ZIP_LIMITS, totalBytes: 4999 }),
    ZipLimitError,
    /sum\.zip: the zip inflates to 5000 bytes, more than the 4999 accepted/,
  );
  // entries left out by `keep` do not count towards the sizes
  assert.equal(unzipBytes(zip, 'sum.zip', (n) => n === 'f0.json', { ...ZIP_LIMITS, totalBytes: 1000 }).size, 1);
});

test('empty, truncated, damaged and non-zip files are named as such', () => {
  refused(
    () => unzipBytes(zipSync({}), 'empty.zip'),
    ImportError,
    /^empty\.zip: the zip file is empty: it holds no files$/,
  );
  const good = zipSync({ 'a.json': strToU8('{"a":1}'.repeat(100)) });
  refused(
    () => unzipBytes(good.subarray(0, good.length - 30), 'cut.zip'),
    ImportError,
    /^cut\.zip: the zip file is truncated/,
  );
  refused(
    () => unzipBytes(strToU8('name,value\nx,1\n'), 'data.zip'),
    ImportError,
    /^data\.zip: not a readable zip file/,
  );
  const short = rawZip([{ name: 'a.json', data: new Uint8Array([0x4b, 0x04, 0x00]), size: 700 }]);
  refused(
    () => unzipBytes(short, 'short.zip'),
    ImportError,
    /^short\.zip: a\.json: the entry (holds \d+ bytes, not the 700|is corrupt)/,
  );
});

test('the real US LCI EcoSpold2 zip reads exactly as fflate reads it, and imports', async () => {
  const mine = await readZip(USLCI_ECOSPOLD2);
  const theirs = unzipSync(readFileSync(USLCI_ECOSPOLD2), { filter: (f) => !f.name.endsWith('/') });
  assert.equal(mine.size, Object.keys(theirs).length);
  for (const [name, bytes] of Object.entries(theirs)) assert.deepEqual(mine.get(name), bytes, name);
  const db = await importDatabase(USLCI_ECOSPOLD2);
  assert.ok(db.processes.length > 700);
});
