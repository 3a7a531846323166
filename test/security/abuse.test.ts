import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvCell, parseCsv } from '../../src/factors/csv.ts';
import { importFactorsCsv } from '../../src/factors/import-csv.ts';
import { seedFactors } from '../../src/factors/seed.ts';
import { call } from '../../src/pact/client.ts';
import {
  checkPartnerUrl,
  isPrivateAddress,
  PartnerAddressError,
  partnerLookup,
} from '../../src/pact/partner-address.ts';
import { exportReleaseCsv, MEMORY, openStore, saveRelease } from '../../src/store/index.ts';
import { FORMULA_PAYLOADS } from './payloads.ts';

/**
 * Abuse through features that work as designed: a partner host URL pointing inside the server's
 * network (and error messages that would map it), and exported text that spreadsheets run.
 */

const servers: Server[] = [];
const dirs: string[] = [];
after(() => {
  for (const s of servers) s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  delete process.env.TANJI_PACT_ALLOW_PRIVATE;
});

const refusedUrl = (url: string, pattern: RegExp) =>
  assert.throws(
    () => checkPartnerUrl(url),
    (e: unknown) => e instanceof PartnerAddressError && pattern.test(e.message),
    url,
  );

test('a partner URL must be https, carry no credentials and, as an IP, be public', () => {
  delete process.env.TANJI_PACT_ALLOW_PRIVATE;
  refusedUrl('http://partner.example', /https/);
  refusedUrl('https://user:pw@partner.example', /user name or password/);
  for (const inside of [
    'https://127.0.0.1:5432',
    'https://[::1]:6379',
    'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.5',
    'https://192.168.1.1',
    'https://172.20.0.1',
    'https://[fd00::1]',
    'https://[::ffff:127.0.0.1]',
    'https://0.0.0.0',
  ]) {
    refusedUrl(inside, /private or local network/);
  }
  refusedUrl('not a url', /not a URL/);
  assert.equal(checkPartnerUrl('https://93.184.215.14/pact').hostname, '93.184.215.14');
  assert.equal(checkPartnerUrl('https://partner.example:8443').port, '8443');
  assert.equal(isPrivateAddress('8.8.8.8'), false);
  assert.equal(isPrivateAddress('100.64.1.1'), true, 'carrier-grade NAT');
  process.env.TANJI_PACT_ALLOW_PRIVATE = '1';
  assert.equal(checkPartnerUrl('https://127.0.0.1:5432').port, '5432', 'allowed when the administrator says so');
  delete process.env.TANJI_PACT_ALLOW_PRIVATE;
});

test('a name that resolves inside is refused when the connection is made', async () => {
  delete process.env.TANJI_PACT_ALLOW_PRIVATE;
  const err = await new Promise<Error | null>((resolve) => partnerLookup('localhost', {}, (e) => resolve(e)));
  assert.ok(err instanceof PartnerAddressError, String(err));
  await assert.rejects(call('https://localhost:1/3/footprints', {}), /private or local network/);
});

test('a refused port, a port that speaks no TLS and a closed connection give one and the same message', async () => {
  process.env.TANJI_PACT_ALLOW_PRIVATE = '1';
  const listen = (onConnection: (s: import('node:net').Socket) => void) =>
    new Promise<number>((resolve) => {
      const server = createServer(onConnection);
      servers.push(server);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
  const plain = await listen((s) => s.end('SSH-2.0-OpenSSH_9.6\r\n'));
  const hangUp = await listen((s) => s.destroy());
  const closed = await listen(() => undefined);
  servers.at(-1)!.close();
  const messages: string[] = [];
  for (const port of [plain, hangUp, closed]) {
    const e = await call(`https://127.0.0.1:${port}/3/footprints`, {}).then(
      () => assert.fail('connected'),
      (e: Error) => e,
    );
    messages.push(e.message.replace(`:${port}`, ':PORT'));
  }
  assert.equal(new Set(messages).size, 1, messages.join('\n'));
  assert.match(messages[0], /^could not connect to the partner host https:\/\/127\.0\.0\.1:PORT: check its URL/);
  assert.doesNotMatch(messages[0], /ECONNREFUSED|ECONNRESET|SSH|wrong version|socket/i);
  delete process.env.TANJI_PACT_ALLOW_PRIVATE;
});

test('CSV cells that start like a formula get a leading apostrophe; numbers stay numbers', () => {
  for (const payload of FORMULA_PAYLOADS) {
    const cell = csvCell(payload);
    const [[read]] = parseCsv(`${cell}\r\n`);
    assert.ok(read.startsWith("'"), `${JSON.stringify(payload)} → ${cell}`);
    assert.equal(read.slice(1), payload);
  }
  assert.equal(csvCell(-2.5), '-2.5', 'a negative number is data, not a formula');
  assert.equal(csvCell('Electricity, grid'), '"Electricity, grid"');
  assert.equal(csvCell("'quoted"), "'quoted", 'an apostrophe before ordinary text is left alone');
});

test("a release's CSV export carries no formula, and imports back with the original names", async () => {
  const factors = seedFactors()
    .slice(0, FORMULA_PAYLOADS.length)
    .map((f, i) => ({ ...f, name: FORMULA_PAYLOADS[i] }));
  const store = await openStore({ dataDir: MEMORY });
  try {
    await saveRelease(store, { release: 'r', factors });
    const { factors: text } = await exportReleaseCsv(store, 'r');
    for (const row of parseCsv(text).slice(1))
      for (const cell of row) assert.doesNotMatch(cell, /^[=+@\t\r]|^-(?!\d)/, `cell ${JSON.stringify(cell)}`);
    const dir = mkdtempSync(join(tmpdir(), 'tanji-csv-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'r-factors.csv'), text);
    const back = importFactorsCsv(join(dir, 'r-factors.csv'));
    assert.deepEqual(back.map((f) => f.name).sort(), [...FORMULA_PAYLOADS].sort());
  } finally {
    await store.close();
  }
});
