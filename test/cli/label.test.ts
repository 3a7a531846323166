import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrustBundle } from '../../src/model/credential.ts';
import { newKeyPair, signerOf } from '../../src/labels/keys.ts';
import { signCredential, signRevocationList } from '../../src/labels/credential.ts';
import { renderLabelSvg } from '../../src/labels/render.ts';
import { BENCHMARK, unsignedCredential } from '../labels/fixture.ts';
import { cliInTempStore } from './run.ts';

test('tanji label verify checks a label file offline and answers with its exit status', async () => {
  const { data, tanji } = cliInTempStore('tanji-label-cli-');
  const { did, pkcs8 } = newKeyPair();
  const signer = signerOf(did, pkcs8);
  // valid around the real clock: the command checks validity against now
  const unsigned = {
    ...(await unsignedCredential(did)),
    validFrom: new Date(Date.now() - 86_400_000).toISOString(),
    validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
  };
  const credential = await signCredential(unsigned, signer, unsigned.validFrom);
  const trust: TrustBundle = {
    type: 'TanjiTrustBundle',
    registry: 'https://tanji.example',
    issued: '2026-06-01T00:00:00.000Z',
    keys: [
      {
        did,
        organisation: 'Test Certification',
        purpose: 'verifier',
        createdAt: '2026-01-01T00:00:00.000Z',
        retiredAt: null,
      },
    ],
    revocationLists: [await signRevocationList([], signer, '2026-06-01T00:00:00.000Z')],
    benchmarks: [BENCHMARK],
    head: null,
  };
  const file = (name: string, text: string) => {
    writeFileSync(join(data, name), text);
    return join(data, name);
  };
  const label = file('label.json', JSON.stringify(credential));
  const trustFile = file('trust.json', JSON.stringify(trust));

  const ok = tanji('label', 'verify', label, '--trust', trustFile);
  assert.equal(ok.code, 0, ok.out + ok.err);
  assert.match(ok.out, /✓ The signature holds/);
  assert.match(ok.out, /Valid label/);
  const zh = tanji(
    'label',
    'verify',
    file('label.svg', renderLabelSvg(credential, 'zh')),
    '--trust',
    trustFile,
    '--lang',
    'zh',
  );
  assert.equal(zh.code, 0, zh.out + zh.err);
  assert.match(zh.out, /有效标识/);

  assert.equal(tanji('label', 'verify', label).code, 3, 'no trust file: key and revocation not checked');
  const tampered = tanji(
    'label',
    'verify',
    file('tampered.json', JSON.stringify(credential).replace('"value":1.8', '"value":0.8')),
    '--trust',
    trustFile,
    '--json',
  );
  assert.equal(tampered.code, 1);
  const report = JSON.parse(tampered.out) as { verdict: string; checks: { id: string; status: string }[] };
  assert.equal(report.verdict, 'invalid');
  assert.equal(report.checks.find((c) => c.id === 'signature')!.status, 'fail');

  const missing = tanji('label', 'verify', join(data, 'nope.json'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no such file/);
});
