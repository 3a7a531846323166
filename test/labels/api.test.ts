import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CredentialSchema, type LogHead, type RegistryEntry, type TrustBundle } from '../../src/model/credential.ts';
import { DEMO_USERS } from '../../src/server/demo.ts';
import { DEMO_AUDITOR } from '../../src/server/demo-verification-body.ts';
import { DEMO_STUDY_NAME, durianHarvest } from '../../src/studies/demo-durian.ts';
import { calculateAndSave } from '../../src/studies/results.ts';
import { closePdfBrowser } from '../../src/report/pdf.ts';
import { createStudy, findUserByEmail, latestStoredResult, type Store } from '../../src/store/index.ts';
import { checkLog } from '../../src/labels/registry.ts';
import { verifyLabel } from '../../src/labels/verify.ts';
import { validatePactFootprint } from '../../src/formats/pact.ts';
import { render } from '../../src/i18n/catalogue.ts';
import { client, platform, signIn } from '../server/platform.ts';

/**
 * The label chain over the HTTP API on the real background data: the demo's signed durian, then
 * practitioner → request → verifier checks and signs → public registry → offline verification of
 * the downloaded files → revocation and supersession, with the roles and the refusals on the way.
 */

const [practitioner, verifier, admin, steward] = DEMO_USERS;
let store: Store;
let app: Awaited<ReturnType<typeof platform>>['app'];
type Client = ReturnType<typeof client>;
let alice: Client;
let vera: Client;
let stella: Client;
let otto: Client;
const pub = () => client(app);

before(async () => {
  ({ store, app } = await platform());
  alice = await signIn(app, practitioner.email, practitioner.password);
  vera = await signIn(app, verifier.email, verifier.password);
  stella = await signIn(app, steward.email, steward.password);
  const root = await signIn(app, admin.email, admin.password);
  const other = await root.post('/api/admin/companies', {
    name: 'Other Certification Ltd.',
    kind: 'verification-body',
  });
  assert.equal(
    (
      await root.post('/api/admin/users', {
        email: 'otto@verify.example',
        name: 'Otto',
        password: 'correct horse battery',
        role: 'verifier',
        companyId: other.data.id,
      })
    ).status,
    201,
  );
  otto = await signIn(app, 'otto@verify.example', 'correct horse battery');
});

after(async () => {
  await closePdfBrowser();
  await store.close();
});

/** A refusal answers its status and API code with the catalogue's words, which read in Chinese on a zh page. */
function assertRefusal(
  r: { status: number; data: { error: { code: string; message: string; messageCode?: string; params?: object } } },
  status: number,
  code: string,
  messageCode: string,
  zh: RegExp,
) {
  const e = r.data.error;
  assert.deepEqual([r.status, e.code, e.messageCode], [status, code, messageCode], JSON.stringify(r.data));
  assert.match(
    render({ code: e.messageCode, params: e.params as Record<string, unknown>, message: e.message }, 'zh'),
    zh,
  );
}

const trust = async () => (await pub().get('/api/registry/trust')).data as TrustBundle;

test('the demo durian is in the public registry: graded, signed, and valid offline with the trust file', async () => {
  const list = await pub().get('/api/registry?q=durian');
  assert.equal(list.status, 200);
  const demo = list.data.find((i: { product: string }) => /durian/i.test(i.product));
  assert.ok(demo, JSON.stringify(list.data));
  assert.equal(demo.status, 'active');
  assert.match(demo.grade, /^[A-E]$/);
  const file = await pub().get(`/api/registry/${demo.id}/credential`);
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-disposition')!, /attachment; filename="tanji-label-/);
  const verdict = await verifyLabel({ file: JSON.stringify(file.data), trust: await trust() });
  assert.equal(verdict.verdict, 'valid', JSON.stringify(verdict.checks, null, 1));
  // the credential names exactly the stored result of the demo study by its hash
  const credential = CredentialSchema.parse(file.data);
  assert.equal(credential.credentialSubject.study.name, DEMO_STUDY_NAME);
  assert.equal(
    credential.credentialSubject.result.hash,
    (await latestStoredResult(store, credential.credentialSubject.study.id))!.hash,
  );
  assert.equal(credential.credentialSubject.grade!.benchmark.id, 'fresh-durian');
  // verified by the independent verification body's auditor, not the practitioner's colleague
  assert.equal(credential.credentialSubject.verification.verifier, DEMO_AUDITOR.name);
  const detail = await pub().get(`/api/registry/${demo.id}`);
  assert.equal(detail.data.disclosure.footprint.value, demo.value);
  assert.ok(detail.data.disclosure.footprint.byStage.length > 0);
});

test('practitioner requests, verifier checks and signs, anyone finds and verifies the label; the roles hold', async () => {
  const me = (await findUserByEmail(store, practitioner.email))!;
  const study = await createStudy(
    store,
    { ...durianHarvest(2021), name: 'Label test durian 2021' },
    me.companyId!,
    me.id,
  );
  // not calculated: nothing to request or sign
  assertRefusal(
    await alice.post(`/api/studies/${study.id}/label-requests`, { verifierEmail: verifier.email }),
    409,
    'conflict',
    'sign.no-result',
    /^版本 1 尚无计算结果：须先计算再核查$/,
  );
  assertRefusal(
    await vera.post(`/api/studies/${study.id}/labels`, { statement: 'ok' }),
    409,
    'conflict',
    'sign.no-result',
    /尚无计算结果/,
  );
  // the general rule asks for an uncertainty assessment: a Monte Carlo run
  await calculateAndSave(store, study.id, { iterations: 100, seed: 1 });

  assertRefusal(
    await alice.post(`/api/studies/${study.id}/label-requests`, { verifierEmail: practitioner.email }),
    400,
    'invalid-request',
    'label.not-a-verifier',
    new RegExp(`^${practitioner.email} 不是核查员账户$`),
  );
  const request = await alice.post(`/api/studies/${study.id}/label-requests`, {
    verifierEmail: verifier.email,
    benchmark: 'fresh-durian',
    message: 'please',
  });
  assert.equal(request.status, 201, JSON.stringify(request.data));
  const queue = await vera.get('/api/verification/queue');
  assert.ok(queue.data.some((r: { id: string; state: string }) => r.id === request.data.id && r.state === 'open'));
  assert.equal((await alice.get('/api/verification/queue')).status, 403);

  const check = await vera.get(`/api/studies/${study.id}/label-check?benchmark=fresh-durian`);
  assert.equal(check.status, 200, JSON.stringify(check.data));
  assert.deepEqual(
    check.data.blockers,
    [],
    JSON.stringify(check.data.conformance.findings.filter((f: { status: string }) => f.status === 'missing')),
  );
  assert.equal(check.data.conformance.conforms, true);
  assert.equal(check.data.resultHash, (await latestStoredResult(store, study.id))!.hash);

  // a practitioner cannot sign; a verifier of another company who was not asked does not see the study
  assert.equal((await alice.post(`/api/studies/${study.id}/labels`, { statement: 'mine' })).status, 403);
  assertRefusal(
    await otto.post(`/api/studies/${study.id}/labels`, { statement: 'x' }),
    404,
    'not-found',
    'label.study-not-visible',
    /不存在，或您无权查看$/,
  );
  assertRefusal(
    await vera.post(`/api/studies/${study.id}/labels`, { statement: 'x', validUntil: '2099-01-01T00:00:00Z' }),
    400,
    'invalid-request',
    'sign.valid-too-long',
    /^标识的有效期最长为 5 年$/,
  );

  const signed = await vera.post(`/api/studies/${study.id}/labels`, {
    statement: 'Reviewed against GB/T 24067.',
    requestId: request.data.id,
  });
  assert.equal(signed.status, 201, JSON.stringify(signed.data));
  const id = signed.data.id;
  assert.equal(signed.data.status, 'active');
  assert.equal(
    (await vera.get('/api/verification/queue')).data.find((r: { id: string }) => r.id === request.data.id).state,
    'signed',
  );
  assert.ok(
    (await pub().get(`/api/registry?company=${encodeURIComponent('Demo Orchard')}&region=CN-HI`)).data.some(
      (i: { id: string }) => i.id === id,
    ),
  );
  assert.ok(
    (await pub().get(`/api/registry?region=CN`)).data.some((i: { id: string }) => i.id === id),
    'a province lies within its country',
  );

  // the SVG label verifies offline; one changed byte of it does not
  const res = await pub().get(`/api/registry/${id}/label.svg?lang=en`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^image\/svg\+xml/);
  const svg = { data: Buffer.from(res.data).toString('utf8') };
  const bundle = await trust();
  const svgVerdict = await verifyLabel({ file: svg.data, trust: bundle });
  assert.equal(
    svgVerdict.verdict,
    'valid',
    JSON.stringify(
      svgVerdict.checks.filter(
        (c: { ok?: boolean; status?: string }) => c.ok === false || (c.status && c.status !== 'ok'),
      ),
    ),
  );
  const value = /<text x="10" y="68" font-size="36" font-weight="700">([^<]+)<\/text>/.exec(svg.data)![1]!;
  const tampered = svg.data.replace(
    `>${value}<`,
    `>${value.replace(/\d/, (d: string) => String((Number(d) + 1) % 10))}<`,
  );
  assert.notEqual(tampered, svg.data);
  assert.equal((await verifyLabel({ file: tampered, trust: bundle })).verdict, 'invalid');
  const png = await pub().get(`/api/registry/${id}/label.png`);
  assert.deepEqual([...png.data.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const pdf = await pub().get(`/api/registry/${id}/label.pdf?lang=zh`);
  assert.equal(Buffer.from(pdf.data.slice(0, 5)).toString(), '%PDF-');

  // the same signed result as a PACT footprint carrying the verification; not a battery
  const pact = await pub().get(`/api/registry/${id}/pact`);
  assert.equal(pact.status, 200);
  assert.ok(validatePactFootprint(pact.data, '3.0').ok);
  assert.equal(
    pact.data.pcf.verification.providerName,
    CredentialSchema.parse((await pub().get(`/api/registry/${id}/credential`)).data).issuer.name,
  );
  assertRefusal(
    await pub().get(`/api/registry/${id}/battery-passport`),
    409,
    'conflict',
    'passport.unit',
    /^电池护照按使用寿命内总能量每 1 kWh 声明 kg CO2e；本标识按每 1 kg 声明$/,
  );

  // signing the study again supersedes the label; it stays listed as superseded
  const again = await vera.post(`/api/studies/${study.id}/labels`, { statement: 'Re-verified.' });
  assert.equal(again.status, 201);
  const first = (await pub().get(`/api/registry?status=superseded`)).data.find((i: { id: string }) => i.id === id);
  assert.equal(first.supersededBy, again.data.id);

  // revocation: only the signing organisation; the label stays visible as revoked and fails offline
  assertRefusal(
    await otto.post(`/api/registry/${again.data.id}/revoke`, { reason: 'not mine' }),
    403,
    'forbidden',
    'label.revoke-not-signer',
    /^只有签署该标识的机构的核查员可以撤销它$/,
  );
  const revoked = await vera.post(`/api/registry/${again.data.id}/revoke`, {
    reason: 'inventory error found after signing',
  });
  assert.equal(revoked.status, 200);
  assert.equal(revoked.data.status, 'revoked');
  const credential = await pub().get(`/api/registry/${again.data.id}/credential`);
  const verdict = await verifyLabel({ file: JSON.stringify(credential.data), trust: await trust() });
  assert.equal(verdict.verdict, 'invalid');
  assert.match(
    verdict.checks.find((c) => c.id === 'revocation')!.message,
    /REVOKED on .*: inventory error found after signing/,
  );
  assertRefusal(
    await vera.post(`/api/registry/${again.data.id}/revoke`, { reason: 'again' }),
    409,
    'conflict',
    'label.already-revoked',
    /^标识 .+ 已被撤销$/,
  );
});

test("a study failing its rule's mandatory requirements cannot be signed", async () => {
  const me = (await findUserByEmail(store, practitioner.email))!;
  const input = {
    ...durianHarvest(2020),
    name: 'Battery rule on a durian',
    pcr: { id: 'eu-battery-ev', version: '1.0' },
  };
  const study = await createStudy(store, input as Parameters<typeof createStudy>[1], me.companyId!, me.id);
  await calculateAndSave(store, study.id, { iterations: 0 });
  const check = await vera.get(`/api/studies/${study.id}/label-check`);
  assert.equal(check.status, 200, JSON.stringify(check.data));
  assert.equal(check.data.conformance.conforms, false);
  assert.equal(check.data.blockers[0].code, 'sign.not-conforming');
  const refused = await vera.post(`/api/studies/${study.id}/labels`, { statement: 'ok' });
  assert.equal(refused.status, 409);
  assert.match(refused.data.error.message, /cannot be signed/);
  assert.equal(refused.data.error.messageCode, 'sign.not-conforming');
  assert.deepEqual(refused.data.error.details, check.data.blockers, 'every blocker is listed');
  assert.match(render(check.data.blockers[0], 'zh'), /^研究未满足 eu-battery-ev 1\.0 的强制性要求（.+）：不能签署$/);
  assert.equal((await pub().get(`/api/registry?q=${encodeURIComponent('Battery rule')}`)).data.length, 0);
});

test('the registry log chains every event, its head is signed by the registry key, and the store refuses rewrites', async () => {
  const { entries, head } = (await pub().get('/api/registry/log')).data as { entries: RegistryEntry[]; head: LogHead };
  assert.ok(entries.length >= 4);
  assert.deepEqual(
    entries
      .map((e) => e.event)
      .filter((e) => e !== 'issued')
      .sort(),
    ['revoked', 'superseded'],
  );
  const registryKey = (await trust()).keys.find((k) => k.purpose === 'registry')!.did;
  assert.deepEqual(await checkLog(entries, head, registryKey), []);
  const rewritten = entries.map((e, i) => (i === 1 ? { ...e, label: 'someone else' } : e));
  assert.equal((await checkLog(rewritten, head, registryKey))[0]!.problem, 'broken-chain');
  await assert.rejects(store.query(`UPDATE registry_log SET entry = '{}' WHERE seq = 1`), /immutable|refuse|may not/i);
});

test('stewards publish benchmark versions; others may not; the grade bounds come from the published numbers', async () => {
  const input = {
    id: 'fresh-durian',
    title: { zh: '鲜榴莲', en: 'Fresh durian' },
    pcr: (await pub().get('/api/benchmarks')).data[0].pcr,
    declaredUnit: 'kg',
    distribution: { kind: 'registry', source: 'Tanji registry', values: [], verified: true },
    grading: { basis: 'percentile', percentiles: [20, 40, 60, 80] },
  };
  assert.equal((await alice.post('/api/benchmarks', input)).status, 403);
  const published = await stella.post('/api/benchmarks', input);
  assert.equal(published.status, 201, JSON.stringify(published.data));
  assert.equal(published.data.version, 2);
  const active = (await pub().get('/api/registry?status=active')).data.filter(
    (i: { category: string; declaredUnit: string }) => i.category === input.pcr && i.declaredUnit === '1 kg',
  );
  assert.deepEqual(
    [...published.data.distribution.values].sort(),
    active.map((i: { value: number }) => i.value).sort(),
  );
  const bad = await stella.post('/api/benchmarks', { ...input, grading: { basis: 'value', bounds: [3, 2, 1, 0] } });
  assert.equal(bad.status, 400);
  assert.match(bad.data.error.message, /grading/);
});
