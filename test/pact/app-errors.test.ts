import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { render } from '../../src/i18n/catalogue.ts';
import { findUserByEmail, saveReceived } from '../../src/store/index.ts';
import { calculateAndSave } from '../../src/studies/results.ts';
import { client, signIn } from '../server/platform.ts';
import { PASSWORD, smallPlatform, smallStudy, USERS, type SmallPlatform } from '../security/fixture.ts';

/**
 * What a practitioner sees when PACT exchange refuses or a partner fails: the API's stable code and
 * status as before, with the catalogue's words, so that a zh page reads them in Chinese. A
 * partner's own words stay as it sent them.
 */

let p: SmallPlatform;
let alice: ReturnType<typeof client>;
let studyId: string;

before(async () => {
  delete process.env.TANJI_PACT_ALLOW_PRIVATE;
  p = await smallPlatform();
  alice = await signIn(p.app, USERS.alice.email, PASSWORD);
  const created = await alice.post('/api/studies', smallStudy('Exchange'));
  assert.equal(created.status, 201, JSON.stringify(created.data));
  studyId = created.data.id;
});

after(() => p.store.close());

type Answer = {
  status: number;
  data: { error: { code: string; message: string; messageCode?: string; params?: object } };
};

/** The refusal's status, API code and catalogue code; returns its English message and its zh rendering. */
function words(r: Answer, status: number, code: string, messageCode: string): { en: string; zh: string } {
  const e = r.data.error;
  assert.deepEqual([r.status, e.code, e.messageCode], [status, code, messageCode], JSON.stringify(r.data));
  return {
    en: e.message,
    zh: render({ code: messageCode, params: e.params as Record<string, unknown>, message: e.message }, 'zh'),
  };
}

test('a partner host inside the network or with credentials in its URL is refused naming the field, in both languages', async () => {
  const inside = words(
    await alice.post('/api/pact/connections', { name: 'Inside', partnerUrl: 'https://127.0.0.1:5432' }),
    400,
    'invalid-request',
    'pact.partner-url-field',
  );
  assert.match(inside.en, /^partnerUrl: the partner host 127\.0\.0\.1:5432 is on a private or local network/);
  assert.match(inside.zh, /^合作方主机地址（partnerUrl）：合作方主机 127\.0\.0\.1:5432 位于私有或本地网络/);
  const userInUrl = words(
    await alice.post('/api/pact/connections', { name: 'Creds', partnerUrl: 'https://user:pw@partner.example' }),
    400,
    'invalid-request',
    'pact.partner-url-field',
  );
  assert.match(userInUrl.zh, /网址中不得包含用户名或密码/);
});

test('a taken partner name and a connection without a partner host are refused in the catalogue’s words', async () => {
  const made = await alice.post('/api/pact/connections', { name: 'Plain partner' });
  assert.equal(made.status, 201, JSON.stringify(made.data));
  assert.equal(
    words(
      await alice.post('/api/pact/connections', { name: 'Plain partner' }),
      409,
      'conflict',
      'pact.partner-name-taken',
    ).zh,
    '名称：本企业已有名为 Plain partner 的合作方',
  );
  // no partner host to pull from: the partner side is missing, a 502 as before, now with words
  const pull = words(
    await alice.post('/api/pact/pull', { connectionId: made.data.connection.id, productId: 'urn:gtin:5695872369587' }),
    502,
    'partner-failed',
    'pact.partner-not-set',
  );
  assert.match(pull.en, /^connection Plain partner has no partner host and credentials/);
  assert.match(pull.zh, /^连接 Plain partner 没有合作方主机和凭据/);
});

test('a supplier footprint does not cost a direct emission or an entry in a unit it does not convert to', async () => {
  const me = (await findUserByEmail(p.store, USERS.alice.email))!;
  const connection = await alice.post('/api/pact/connections', { name: 'Supplier' });
  const document = JSON.parse(readFileSync('/work/shared/reference/pact/v3/examples/example-1.json', 'utf8'));
  const received = await saveReceived(p.store, {
    companyId: me.companyId!,
    connectionId: connection.data.connection.id,
    pfId: document.id,
    spec: '3.0',
    productIds: document.productIds,
    document,
    sourceUrl: 'https://supplier.example/3/footprints',
    via: 'sync',
  });
  const use = async (entryId: string) =>
    alice.post(`/api/studies/${studyId}/entries/${entryId}/supplier-footprint`, {
      receivedId: received.id,
      baseVersion: 1,
    });
  const direct = words(await use('leak'), 400, 'invalid-request', 'pact.direct-entry');
  assert.match(direct.en, /is a direct emission; a supplier footprint costs a purchased input$/);
  assert.equal(direct.zh, '条目“Exchange N2O”是直接排放；供应商碳足迹只能用于核算外购的投入');
  const unit = words(await use('power'), 400, 'invalid-request', 'pact.entry-unit');
  assert.match(unit.zh, /^条目“Exchange electricity”的单位是 kWh；该碳足迹按每 1 kg 计，二者无法换算$/);
  words(await use('no-such-entry'), 400, 'invalid-request', 'pact.no-entry');
});

test('a study v2.3 cannot express is refused with every problem listed, its words in Chinese too', async () => {
  await calculateAndSave(p.store, studyId, { iterations: 0 });
  const r = await alice.get(`/api/studies/${studyId}/pact?version=2.3`);
  const refusal = words(r, 422, 'not-pact-conformant', 'pact.not-conformant');
  assert.match(refusal.en, /^cannot write the study as a PACT footprint:\n {2}v2\.3 requires productCategoryCpc/);
  assert.match(
    refusal.zh,
    /^无法将该研究写成 PACT 产品碳足迹：\n {2}v2\.3 要求 productCategoryCpc：请将研究的产品分类设为联合国 CPC 代码/,
  );
  assert.ok(
    (r.data.error as { details?: string[] }).details?.some((d) => /productCategoryCpc/.test(d)),
    JSON.stringify(r.data),
  );
});
