import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { RegistryEntry, TrustBundle } from '../../src/model/credential.ts';
import { boundsOf, gradeOf, percentile } from '../../src/labels/grading.ts';
import { base58btc, didKey, fromBase58btc, publicKeyOf } from '../../src/labels/multibase.ts';
import { checkProof } from '../../src/labels/proof.ts';
import { newKeyPair, seal, signerOf, unseal } from '../../src/labels/keys.ts';
import { signCredential, signRevocationList } from '../../src/labels/credential.ts';
import { verifyLabel } from '../../src/labels/verify.ts';
import { renderLabelSvg } from '../../src/labels/render.ts';
import { checkLog, nextEntry, signHead } from '../../src/labels/registry.ts';
import { hashOf } from '../../src/labels/digest.ts';
import { batteryPassport, PassportError } from '../../src/labels/passport.ts';
import { BENCHMARK, unsignedCredential } from './fixture.ts';

test('grades follow a hand-worked bound table: a value on a bound takes the better class', () => {
  const bounds = [1, 1.6, 2.4, 3.2];
  const table: [number, string][] = [
    [0, 'A'],
    [0.5, 'A'],
    [1, 'A'],
    [1.0001, 'B'],
    [1.6, 'B'],
    [2, 'C'],
    [2.4, 'C'],
    [2.41, 'D'],
    [3.2, 'D'],
    [3.21, 'E'],
    [50, 'E'],
  ];
  for (const [value, grade] of table) assert.equal(gradeOf(value, bounds), grade, `${value}`);
  assert.throws(() => gradeOf(Number.NaN, bounds), /finite/);
  // percentile bounds of 1..10 at 20/40/60/80: h = 9q/100 → 2.8, 4.6, 6.4, 8.2 (worked by hand)
  const byPercentile = boundsOf({
    distribution: { ...BENCHMARK.distribution, values: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1] },
    grading: { basis: 'percentile', percentiles: [20, 40, 60, 80] },
  });
  assert.deepEqual(
    byPercentile.map((b) => Number(b.toFixed(12))),
    [2.8, 4.6, 6.4, 8.2],
  );
  assert.equal(gradeOf(4.6, byPercentile), 'B');
  assert.equal(gradeOf(9, byPercentile), 'E');
});

test('percentiles agree with numpy.percentile (linear, its default)', () => {
  const values = Array.from({ length: 37 }, (_, i) => Math.abs(Math.sin(i * 12.9898) * 43758.5453) % 7);
  const qs = [0, 3.5, 20, 50, 66.6, 80, 99, 100];
  const out = execFileSync(
    'python3',
    [
      '-c',
      `import json,sys,numpy as np; d=json.load(sys.stdin); print(json.dumps([float(np.percentile(d['v'], q)) for q in d['q']]))`,
    ],
    { input: JSON.stringify({ v: values, q: qs }) },
  );
  const expected = JSON.parse(String(out)) as number[];
  qs.forEach((q, i) =>
    assert.ok(
      Math.abs(percentile(values, q) - expected[i]!) < 1e-12,
      `q=${q}: ${percentile(values, q)} vs ${expected[i]}`,
    ),
  );
});

/** Python's cryptography signs an eddsa-jcs-2022 proof with its own JCS (json.dumps sorted, compact) and base58: an independent implementation. */
const PYTHON_SIGNER = `
import json, hashlib, sys
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization
A = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
def b58(b):
    n = int.from_bytes(b, 'big'); s = ''
    while n: n, r = divmod(n, 58); s = A[r] + s
    return '1' * (len(b) - len(b.lstrip(b'\\0'))) + s
key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
did = 'did:key:z' + b58(b'\\xed\\x01' + pub)
doc = json.load(sys.stdin)
jcs = lambda v: json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode()
opts = {'type': 'DataIntegrityProof', 'cryptosuite': 'eddsa-jcs-2022', 'created': '2026-01-01T00:00:00Z', 'verificationMethod': did + '#' + did[8:], 'proofPurpose': 'assertionMethod'}
data = hashlib.sha256(jcs(dict(opts, **{'@context': doc['@context']}))).digest() + hashlib.sha256(jcs(doc)).digest()
print(json.dumps({'did': did, 'pub': pub.hex(), 'signed': dict(doc, proof=dict(opts, proofValue='z' + b58(key.sign(data))))}))
`;

test('did:key and eddsa-jcs-2022 agree with an independent Python implementation', async () => {
  const doc = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer: 'x',
    credentialSubject: { name: '榴莲', b: [1, 2.5, true, null], a: 'z' },
  };
  const py = JSON.parse(String(execFileSync('python3', ['-c', PYTHON_SIGNER], { input: JSON.stringify(doc) })));
  assert.equal(didKey(Buffer.from(py.pub, 'hex')), py.did);
  assert.deepEqual(Buffer.from(publicKeyOf(py.did)).toString('hex'), py.pub);
  assert.deepEqual(await checkProof(py.signed), { valid: true, did: py.did });
  const changed = { ...py.signed, credentialSubject: { ...py.signed.credentialSubject, name: '榴梿' } };
  assert.equal((await checkProof(changed)).valid, false);
  // base58btc round trip keeps leading zero bytes
  const bytes = Uint8Array.from([0, 0, 1, 255, 3]);
  assert.deepEqual(fromBase58btc(base58btc(bytes)), bytes);
});

test('a sealed private key opens only with its master key and for its own DID', () => {
  const { did, pkcs8 } = newKeyPair();
  const master = Buffer.alloc(32, 7);
  const sealed = seal(pkcs8, did, master, 'config');
  assert.deepEqual(unseal(sealed, did, master), pkcs8);
  assert.throws(() => unseal(sealed, did, Buffer.alloc(32, 8)), /does not open/);
  assert.throws(() => unseal(sealed, newKeyPair().did, master), /does not open/);
});

async function signed(value = 1.8) {
  const { did, pkcs8 } = newKeyPair();
  const signer = signerOf(did, pkcs8);
  const credential = await signCredential(await unsignedCredential(did, value), signer, '2026-01-01T00:00:00.000Z');
  const trust = async (revoked: { id: string; at: string; reason: string }[] = []): Promise<TrustBundle> => ({
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
    revocationLists: [await signRevocationList(revoked, signer, '2026-06-01T00:00:00.000Z')],
    benchmarks: [BENCHMARK],
    head: null,
  });
  return { did, signer, credential, trust };
}

const NOW = new Date('2026-06-01T00:00:00Z');
const failed = (v: Awaited<ReturnType<typeof verifyLabel>>) =>
  v.checks.filter((c) => c.status === 'fail').map((c) => c.code);

test('a signed label verifies offline; without the trust file the key and revocation stay unchecked', async () => {
  const { credential, trust } = await signed();
  const full = await verifyLabel({ file: JSON.stringify(credential), trust: await trust(), now: NOW });
  assert.equal(full.verdict, 'valid', JSON.stringify(full.checks, null, 1));
  assert.deepEqual(
    full.checks.map((c) => c.id),
    ['signature', 'key', 'validity', 'revocation', 'grade', 'conformance'],
  );
  const bare = await verifyLabel({ file: credential, now: NOW });
  assert.equal(bare.verdict, 'incomplete');
  assert.deepEqual(
    bare.checks.filter((c) => c.status === 'unknown').map((c) => c.id),
    ['key', 'revocation'],
  );
});

test('a changed value, a foreign key, a revocation, an expiry and a wrong grade are each caught', async () => {
  const { credential, trust } = await signed();
  const bundle = await trust();
  // one changed byte of the value in the file: the signature fails, and 1.3 is no longer the stated grade C
  const text = JSON.stringify(credential).replace('"value":1.8', '"value":1.3');
  assert.notEqual(text, JSON.stringify(credential));
  assert.deepEqual(failed(await verifyLabel({ file: text, trust: bundle, now: NOW })), [
    'check.signature-invalid',
    'check.grade-wrong',
  ]);
  // a key nobody published signs a copy that names itself as issuer
  const stranger = await signed();
  assert.deepEqual(failed(await verifyLabel({ file: stranger.credential, trust: bundle, now: NOW })), [
    'check.key-foreign',
  ]);
  // revoked by the issuer's own signed list
  const revoked = await verifyLabel({
    file: credential,
    trust: await trust([{ id: credential.id, at: '2026-05-01T00:00:00.000Z', reason: 'data error found' }]),
    now: NOW,
  });
  assert.equal(revoked.verdict, 'invalid');
  assert.match(revoked.checks.find((c) => c.id === 'revocation')!.message, /REVOKED on 2026-05-01: data error found/);
  // a revocation list signed by someone else is refused, not believed
  const forged = {
    ...bundle,
    revocationLists: [
      { ...(await signRevocationList([], stranger.signer, '2026-06-01T00:00:00.000Z')), issuer: credential.issuer.id },
    ],
  };
  assert.ok(
    failed(await verifyLabel({ file: credential, trust: forged, now: NOW })).includes('check.revocation-list-invalid'),
  );
  assert.deepEqual(
    failed(await verifyLabel({ file: credential, trust: bundle, now: new Date('2029-01-02T00:00:00Z') })),
    ['check.expired'],
  );
  // the issuer itself signing a better grade than the bounds give is caught by recomputing it
  const { did, signer } = await signed();
  const unsigned = await unsignedCredential(did, 1.8);
  unsigned.credentialSubject.grade!.grade = 'A';
  const boasted = await signCredential(unsigned, signer, '2026-01-01T00:00:00.000Z');
  const v = await verifyLabel({ file: boasted, now: NOW });
  assert.deepEqual(failed(v), ['check.grade-wrong']);
  assert.match(
    v.checks.find((c) => c.id === 'grade')!.message,
    /states grade A, but 1\.8 against the bounds 1 \| 1\.6 \| 2\.4 \| 3\.2 is grade C/,
  );
  // a benchmark republished with other numbers under the same version does not match the grade's hash
  const altered = {
    ...bundle,
    benchmarks: [{ ...BENCHMARK, grading: { basis: 'value' as const, bounds: [2, 3, 4, 5] } }],
  };
  assert.deepEqual(failed(await verifyLabel({ file: credential, trust: altered, now: NOW })), [
    'check.benchmark-mismatch',
  ]);
});

test('the label SVG carries its credential, escapes every string, and a changed byte of the picture fails', async () => {
  const { credential, trust } = await signed();
  const svg = renderLabelSvg(credential, 'zh');
  assert.ok(!svg.includes('<Hainan>') && svg.includes('&lt;Hainan&gt;'), 'product names are escaped');
  assert.ok(!/<script|href=|on\w+=/i.test(svg));
  assert.equal(renderLabelSvg(credential, 'zh'), svg, 'drawing is deterministic');
  assert.match(svg, />1\.8</);
  const ok = await verifyLabel({ file: svg, trust: await trust(), now: NOW });
  assert.equal(ok.verdict, 'valid', JSON.stringify(ok.checks));
  assert.equal(ok.checks.at(-1)!.code, 'check.label-matches');
  const edited = svg.replace('>1.8<', '>1.2<');
  assert.deepEqual(failed(await verifyLabel({ file: edited, trust: await trust(), now: NOW })), [
    'check.label-differs',
  ]);
  assert.match(renderLabelSvg(credential, 'en'), /Product carbon footprint/);
});

test('the registry log detects a rewritten entry, a re-chained tail, a head signed by another key, and a lost old head', async () => {
  const registry = newKeyPair();
  const signer = signerOf(registry.did, registry.pkcs8);
  const log: RegistryEntry[] = [];
  for (const [i, event] of (['issued', 'issued', 'revoked'] as const).entries())
    log.push(
      await nextEntry(log.at(-1) ?? null, {
        at: `2026-01-0${i + 1}T00:00:00.000Z`,
        event,
        label: `l${i}`,
        ...(event === 'revoked' ? { reason: 'error' } : { credentialHash: 'b'.repeat(64) }),
      }),
    );
  const head = await signHead(log.at(-1)!, signer, '2026-01-04T00:00:00.000Z');
  assert.deepEqual(await checkLog(log, head, registry.did), []);
  const early = { seq: 2, hash: await hashOf(log[1]) };
  assert.deepEqual(await checkLog(log, head, registry.did, early), []);

  const rewritten = log.map((e) => (e.seq === 2 ? { ...e, label: 'someone-else' } : e));
  assert.deepEqual(
    (await checkLog(rewritten, head, registry.did)).map((p) => [p.seq, p.problem]),
    [[3, 'broken-chain']],
  );
  // re-chaining the tail after the rewrite moves the head, and a head re-signed by another key is not the registry's
  const rechained = [rewritten[0]!];
  for (const e of rewritten.slice(1)) rechained.push({ ...e, prev: await hashOf(rechained.at(-1)) });
  assert.deepEqual(
    (await checkLog(rechained, head, registry.did)).map((p) => p.problem),
    ['head-mismatch'],
  );
  const other = newKeyPair();
  const forgedHead = await signHead(rechained.at(-1)!, signerOf(other.did, other.pkcs8), '2026-01-05T00:00:00.000Z');
  assert.deepEqual(
    (await checkLog(rechained, forgedHead, registry.did, early)).map((p) => p.problem),
    ['head-key', 'old-head-missing'],
  );
});

test('the battery passport takes kg CO2e per kWh by stage and the grade as performance class', async () => {
  const { credential } = await signed();
  assert.throws(() => batteryPassport(credential), PassportError);
  const perKwh = structuredClone(credential);
  perKwh.credentialSubject.footprint.declaredUnit = { amount: 1, unit: 'kWh', description: '' };
  perKwh.credentialSubject.footprint.byStage = [
    { stage: 'raw-materials', name: { zh: '', en: '' }, value: 50 },
    { stage: 'manufacturing', name: { zh: '', en: '' }, value: 20 },
    { stage: 'end-of-life', name: { zh: '', en: '' }, value: 2 },
  ];
  const passport = batteryPassport(perKwh, 80);
  assert.equal(passport.carbonFootprintPerformanceClass, 'C');
  assert.deepEqual(passport.carbonFootprintPerLifecycleStage, [
    { lifecycleStage: 'RawMaterialExtraction', carbonFootprint: 50 },
    { lifecycleStage: 'MainProduction', carbonFootprint: 20 },
    { lifecycleStage: 'Distribution', carbonFootprint: 0 },
    { lifecycleStage: 'Recycling', carbonFootprint: 2 },
  ]);
  assert.equal(passport.absoluteCarbonFootprint, 1.8 * 80);
});
