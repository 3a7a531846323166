import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { jobsIdle } from '../../src/server/jobs.ts';
import { API_CSP, WEB_CSP } from '../../src/server/security-headers.ts';
import { csrfTokenFor } from '../../src/server/csrf.ts';
import { serverError } from '../../src/server/client-errors.ts';
import { createPactHost } from '../../src/server/pact/host.ts';
import { PactExchange } from '../../src/pact/exchange.ts';
import { client } from '../server/platform.ts';
import { render } from '../../src/i18n/catalogue.ts';
import { PASSWORD, smallPlatform, smallStudy, USERS, type SmallPlatform } from './fixture.ts';
import { gibibyteBomb } from './zips.ts';

/**
 * The HTTP surface as an attacker and a careless user meet it: security headers, the session
 * cookie and CSRF, who is asked first (401 before validation), body and text limits, bounded
 * amounts, and 4xx answers a person can act on for every malformed request.
 */

let p: SmallPlatform;
let token: string;
let studyId: string;

const raw = (path: string, init: RequestInit = {}) => p.app.request(path, init) as Promise<Response>;
const bearer = () => ({ authorization: `Bearer ${token}` });
const JSON_TYPE = { 'content-type': 'application/json' };

async function errorOf(res: Response) {
  const body = (await res.json()) as {
    error: { code: string; message: string; messageCode?: string; params?: Record<string, unknown>; details?: unknown };
  };
  return { status: res.status, ...body.error };
}

/** An error as the web app shows it on a Chinese page: its catalogue words rendered in zh. */
function inChinese(e: { message: string; messageCode?: string; params?: Record<string, unknown> }): string {
  assert.ok(e.messageCode, `no catalogue words for: ${e.message}`);
  const zh = render({ code: e.messageCode, params: e.params ?? {}, message: e.message }, 'zh');
  assert.notEqual(zh, e.message, `${e.messageCode} renders in English`);
  return zh;
}

before(async () => {
  p = await smallPlatform();
  const login = await client(p.app).post('/api/auth/login', { email: USERS.alice.email, password: PASSWORD });
  token = login.data.token;
  const created = await client(p.app, token).post('/api/studies', smallStudy());
  assert.equal(created.status, 201, JSON.stringify(created.data));
  studyId = created.data.id;
});

after(async () => {
  await jobsIdle();
  await p.store.close();
});

describe('headers', () => {
  test('every answer of the app carries CSP, nosniff, Referrer-Policy and frame denial', async () => {
    for (const path of ['/api/me', '/api/releases', '/openapi.json', '/docs', '/no/such/page']) {
      const res = await raw(path);
      assert.equal(res.headers.get('content-security-policy'), WEB_CSP, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
    }
    assert.match(WEB_CSP, /script-src 'self'(;|$)/, 'no inline script, no eval');
    assert.doesNotMatch(WEB_CSP, /unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  test('the PACT host sends them too, with HSTS', async () => {
    const host = createPactHost(new PactExchange(p.store));
    for (const path of ['/.well-known/openid-configuration', '/3/footprints']) {
      const res = await host.request(path);
      assert.equal(res.headers.get('content-security-policy'), API_CSP, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    }
  });
});

describe('the session cookie and CSRF', () => {
  async function cookieLogin() {
    const res = await raw('/api/auth/login', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ email: USERS.alice.email, password: PASSWORD }),
    });
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('tanji_session='))!;
    const csrf = cookies.find((c) => c.startsWith('tanji_csrf='))!;
    return { session, csrf, token: ((await res.json()) as { token: string }).token };
  }

  test('the session cookie is HttpOnly and SameSite=Strict; the CSRF cookie is readable and derived from it', async () => {
    const { session, csrf, token: t } = await cookieLogin();
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Strict/);
    assert.doesNotMatch(csrf, /HttpOnly/);
    assert.match(csrf, /SameSite=Strict/);
    assert.equal(decodeURIComponent(csrf.split(';')[0].split('=')[1]), csrfTokenFor(t));
  });

  test('a cookie-authenticated write needs the CSRF header; a bearer one does not; reads need none', async () => {
    const { token: t } = await cookieLogin();
    const cookie = `tanji_session=${t}`;
    const body = JSON.stringify({ study: smallStudy('CSRF'), baseVersion: 1 });
    assert.equal((await raw('/api/me', { headers: { cookie } })).status, 200, 'a read with the cookie alone');
    const forged = await errorOf(
      await raw(`/api/studies/${studyId}`, { method: 'PUT', headers: { cookie, ...JSON_TYPE }, body }),
    );
    assert.deepEqual([forged.status, forged.code], [403, 'csrf']);
    assert.match(inChinese(forged), /^此请求须带有本会话的 x-csrf-token 请求头/);
    const wrong = await raw(`/api/studies/${studyId}`, {
      method: 'PUT',
      headers: { cookie, ...JSON_TYPE, 'x-csrf-token': csrfTokenFor('another session') },
      body,
    });
    assert.equal(wrong.status, 403);
    const right = await raw('/api/studies', {
      method: 'POST',
      headers: { cookie, ...JSON_TYPE, 'x-csrf-token': csrfTokenFor(t) },
      body: JSON.stringify(smallStudy('CSRF ok')),
    });
    assert.equal(right.status, 201);
    const api = await raw('/api/studies', {
      method: 'POST',
      headers: { ...bearer(), ...JSON_TYPE },
      body: JSON.stringify(smallStudy('bearer')),
    });
    assert.equal(api.status, 201);
  });

  test('a write from another origin is refused whatever it carries, sign-in included', async () => {
    const evil = { origin: 'https://evil.example', host: 'tanji.example' };
    const login = await errorOf(
      await raw('/api/auth/login', {
        method: 'POST',
        headers: { ...JSON_TYPE, ...evil },
        body: JSON.stringify({ email: USERS.alice.email, password: PASSWORD }),
      }),
    );
    assert.deepEqual([login.status, login.code], [403, 'cross-origin']);
    const same = await raw('/api/auth/login', {
      method: 'POST',
      headers: { ...JSON_TYPE, origin: 'https://tanji.example', host: 'tanji.example' },
      body: JSON.stringify({ email: USERS.alice.email, password: PASSWORD }),
    });
    assert.equal(same.status, 200);
  });

  test('sign-out ends the session and clears both cookies', async () => {
    const { token: t } = await cookieLogin();
    const out = await raw('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: `tanji_session=${t}`, 'x-csrf-token': csrfTokenFor(t) },
    });
    assert.equal(out.status, 200);
    const cleared = out.headers.getSetCookie().map((c) => c.split('=')[0]);
    assert.deepEqual(cleared.sort(), ['tanji_csrf', 'tanji_session']);
    assert.equal((await raw('/api/me', { headers: { cookie: `tanji_session=${t}` } })).status, 401);
  });
});

describe('who asks comes first', () => {
  test('a missing session answers 401 before the body is read, on every kind of write', async () => {
    const writes: [string, string, string | Uint8Array][] = [
      ['POST', '/api/studies', '{"name":'],
      ['PUT', `/api/studies/${studyId}`, JSON.stringify({ x: 'x'.repeat(200_000) })],
      ['POST', '/api/cobuild/submissions/file', new Uint8Array(10)],
      ['POST', '/api/pact/connections', '{}'],
      ['POST', `/api/studies/${studyId}/calculate`, '{}'],
    ];
    for (const [method, path, body] of writes) {
      const e = await errorOf(await raw(path, { method, headers: JSON_TYPE, body: body as BodyInit }));
      assert.deepEqual([e.status, e.code], [401, 'unauthorized'], `${method} ${path}`);
    }
  });
});

describe('limits', () => {
  test('a body over the route limit is 413, naming the limit, before it is parsed', async () => {
    const big = JSON.stringify({
      study: { ...smallStudy(), limitations: 'x'.repeat(3 * 1024 * 1024) },
      baseVersion: 1,
    });
    const e = await errorOf(
      await raw(`/api/studies/${studyId}`, { method: 'PUT', headers: { ...bearer(), ...JSON_TYPE }, body: big }),
    );
    assert.deepEqual([e.status, e.code], [413, 'too-large']);
    assert.match(e.message, /larger than the 2 MiB that PUT \/api\/studies\/[^ ]+ accepts/);
    assert.match(inChinese(e), /^请求体超过了 PUT \/api\/studies\/[^ ]+ 可接受的 2 MiB$/);
    const login = await errorOf(
      await raw('/api/auth/login', {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ email: 'x'.repeat(50_000), password: 'y' }),
      }),
    );
    assert.deepEqual([login.status, login.code], [413, 'too-large']);
    assert.match(login.message, /16 KiB/);
  });

  test('a streamed body without Content-Length is cut at the limit too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await raw('/api/studies', {
      method: 'POST',
      headers: { ...bearer(), ...JSON_TYPE },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.ok(sent < 64, `reading stopped after ${sent} of 64 chunks`);
  });

  test('names, emails and texts have maximum lengths, each refusal naming the field', async () => {
    const long = 'x'.repeat(201);
    const study = await errorOf(
      await raw('/api/studies', {
        method: 'POST',
        headers: { ...bearer(), ...JSON_TYPE },
        body: JSON.stringify({ ...smallStudy(), name: long }),
      }),
    );
    assert.deepEqual([study.status, study.code], [400, 'invalid-request']);
    assert.match(study.message, /^name: .*200/);
    // zod's own words come in Chinese too (its zh-CN locale), the field named as sent
    assert.match(inChinese(study), /^name：数值过大：期望 string <=200 字符$/);
    const entry = smallStudy();
    entry.entries[0].name = long;
    assert.match(
      (
        await errorOf(
          await raw('/api/studies', {
            method: 'POST',
            headers: { ...bearer(), ...JSON_TYPE },
            body: JSON.stringify(entry),
          }),
        )
      ).message,
      /entries\.0\.name: .*200/,
    );
    const login = await errorOf(
      await raw('/api/auth/login', {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ email: `${'x'.repeat(300)}@a.example`, password: 'y' }),
      }),
    );
    assert.deepEqual([login.status, login.code], [400, 'invalid-request']);
    assert.match(login.message, /^email: .*254/);
  });

  test('many problems: the message names the first ten and counts the rest; the details list each', async () => {
    const study = smallStudy();
    study.entries = Array.from({ length: 15 }, (_, i) => ({
      ...study.entries[0]!,
      id: `e${i}`,
      name: 'x'.repeat(201),
    }));
    const e = await errorOf(
      await raw('/api/studies', {
        method: 'POST',
        headers: { ...bearer(), ...JSON_TYPE },
        body: JSON.stringify(study),
      }),
    );
    assert.deepEqual([e.status, e.code], [400, 'invalid-request']);
    assert.equal((e.details as unknown[]).length, 15);
    assert.equal(e.message.split('; ').length, 11);
    assert.match(e.message, /^entries\.0\.name: .*; 5 more: the error's details list every one$/);
    assert.match(inChinese(e), /^entries\.0\.name：.*；另有 5 处问题：错误的 details 逐一列出$/);
  });

  test('the JSON backstop refuses very long strings and deep nesting anywhere, by path', async () => {
    const deep = JSON.parse(`${'['.repeat(40)}1${']'.repeat(40)}`);
    const e = await errorOf(
      await raw('/api/studies', {
        method: 'POST',
        headers: { ...bearer(), ...JSON_TYPE },
        body: JSON.stringify({ ...smallStudy(), entries: deep }),
      }),
    );
    assert.deepEqual([e.status, e.code], [400, 'invalid-request']);
    assert.match(e.message, /nested more than 32 levels/);
    assert.match(inChinese(e), /^entries(\.0)+：嵌套超过 32 层$/);
    const s = await errorOf(
      await raw('/api/studies', {
        method: 'POST',
        headers: { ...bearer(), ...JSON_TYPE },
        body: JSON.stringify({ ...smallStudy(), extra: { note: 'n'.repeat(100_001) } }),
      }),
    );
    assert.match(s.message, /^extra\.note: the text is 100001 characters long, more than the 100000 accepted/);
  });

  test('an uploaded zip bomb is refused as a 422 naming the file, quickly', async () => {
    const bomb = gibibyteBomb();
    const res = await raw('/api/cobuild/submissions/file', {
      method: 'POST',
      headers: { ...bearer(), 'content-type': 'application/zip', 'x-file-name': 'processes.zip' },
      body: bomb as BodyInit,
    });
    const e = await errorOf(res);
    assert.equal(e.status, 422);
    assert.match(e.message, /processes\.zip: the zip inflates to 1073741824 bytes, more than the 536870912 accepted/);
  });
});

describe('bad values never reach a saved result', () => {
  test('amounts are bounded to physical ranges: 1e308 is refused with the bound, 1e309 as out of range', async () => {
    const post = (body: string) =>
      raw('/api/studies', { method: 'POST', headers: { ...bearer(), ...JSON_TYPE }, body });
    const text = JSON.stringify(smallStudy());
    const huge = await errorOf(await post(text.replace('"amount":2', '"amount":1e308')));
    assert.deepEqual([huge.status, huge.code], [400, 'invalid-request']);
    assert.match(huge.message, /^entries\.0\.amount: at most 1e\+12: larger than any physical quantity/);
    const inf = await errorOf(await post(text.replace('"amount":2', '"amount":1e309')));
    assert.equal(inf.status, 400);
    assert.match(inf.message, /^entries\.0\.amount: the number is out of range/);
    assert.doesNotMatch(inf.message, /null/);
    const mass = await errorOf(await post(text.replace('"massKg":1', '"massKg":1e13')));
    assert.match(mass.message, /^entries\.1\.transport\.massKg: at most 1e\+12/);
    const year = await errorOf(await post(text.replace('"year":2024', '"year":20240')));
    assert.match(year.message, /^year: /);
  });

  test('the largest accepted values still give a finite result, which /result, /report and /pact read', async () => {
    const study = smallStudy('Largest');
    study.entries[0].amount = 1e12;
    study.entries.push({
      id: 'supplier',
      stage: 'raw-materials',
      kind: 'material',
      name: 'Supplier part',
      amount: 1e12,
      unit: 'kg',
      source: {
        type: 'supplier',
        supplier: 'S',
        kgCo2ePerUnit: 1e9,
        line: 'fossil',
        evidence: { type: 'supplier-statement', reference: 'st' },
      },
    });
    const api = client(p.app, token);
    const created = await api.post('/api/studies', study);
    assert.equal(created.status, 201, JSON.stringify(created.data));
    const job = await api.post(`/api/studies/${created.data.id}/calculate`, {});
    assert.equal(job.status, 202);
    await jobsIdle();
    const done = await api.get(`/api/jobs/${job.data.id}`);
    assert.equal(done.data.state, 'done', JSON.stringify(done.data));
    const result = await api.get(`/api/studies/${created.data.id}/result`);
    assert.equal(result.status, 200);
    assert.ok(Number.isFinite(result.data.total) && result.data.total > 1e20);
    assert.equal((await api.get(`/api/studies/${created.data.id}/report?lang=en&format=html`)).status, 200);
    const pact = await api.get(`/api/studies/${created.data.id}/pact`);
    assert.ok(pact.status < 500, `/pact answers ${pact.status} ${JSON.stringify(pact.data).slice(0, 200)}`);
  });
});

describe('PACT partners', () => {
  test('a partner host inside the network is refused when the connection is added, naming the field', async () => {
    delete process.env.TANJI_PACT_ALLOW_PRIVATE;
    const add = (partnerUrl: string) =>
      raw('/api/pact/connections', {
        method: 'POST',
        headers: { ...bearer(), ...JSON_TYPE },
        body: JSON.stringify({ name: `p ${partnerUrl}`, partnerUrl, partnerClientId: 'id', partnerSecret: 'secret' }),
      });
    for (const url of ['https://127.0.0.1:5432', 'https://169.254.169.254', 'https://localhost:8443']) {
      const e = await errorOf(await add(url));
      assert.deepEqual([e.status, e.code], [400, 'invalid-request'], url);
      assert.match(e.message, /^partnerUrl: the partner host .* is on a private or local network/);
    }
    assert.equal((await add('https://93.184.215.14')).status, 201);
  });
});

describe('client errors are 4xx a person can act on', () => {
  test('malformed JSON, a wrong or missing content type', async () => {
    const bad = await errorOf(
      await raw('/api/studies', { method: 'POST', headers: { ...bearer(), ...JSON_TYPE }, body: '{"name":' }),
    );
    assert.deepEqual([bad.status, bad.code], [400, 'invalid-json']);
    // the catalogue's words travel with the English message, so the web app shows them in the reader's language
    assert.equal(bad.messageCode, 'api.invalid-json');
    assert.match(render({ code: bad.messageCode!, params: bad.params ?? {}, message: bad.message }, 'zh'), /JSON/);
    assert.notEqual(render({ code: bad.messageCode!, params: {}, message: bad.message }, 'zh'), bad.message);
    const type = await errorOf(
      await raw('/api/studies', { method: 'POST', headers: { ...bearer(), 'content-type': 'text/plain' }, body: '{}' }),
    );
    assert.deepEqual([type.status, type.code], [415, 'unsupported-media-type']);
    assert.match(type.message, /does not take a body of type "text\/plain".*application\/json/);
    assert.match(inChinese(type), /^POST \/api\/studies 不接受类型为“text\/plain”的请求体/);
    const none = await errorOf(await raw('/api/studies', { method: 'POST', headers: bearer(), body: '{}' }));
    assert.equal(none.status, 415);
  });

  test('an unknown region or release in a query is 400 or 404 naming it', async () => {
    const region = await errorOf(await raw('/api/datasets?q=electricity&region=XX-YY', { headers: bearer() }));
    assert.deepEqual([region.status, region.code], [400, 'unknown-region']);
    assert.match(region.message, /Unknown region "XX-YY"/);
    const release = await errorOf(await raw('/api/datasets?q=x&factors=nope', { headers: bearer() }));
    assert.deepEqual([release.status, release.code], [404, 'unknown-release']);
    assert.match(release.message, /"nope"/);
    const map = await errorOf(await raw('/api/electricity-map?release=nope', { headers: bearer() }));
    assert.deepEqual([map.status, map.code], [404, 'unknown-release']);
  });

  test('uploads: empty, truncated, mislabelled, empty zip, over-long name; no server path in any message', async () => {
    const upload = async (body: Uint8Array, name: string, type = 'application/octet-stream') =>
      errorOf(
        await raw('/api/cobuild/submissions/file', {
          method: 'POST',
          headers: { ...bearer(), 'content-type': type, 'x-file-name': name },
          body: body as BodyInit,
        }),
      );
    const messages: string[] = [];
    const empty = await upload(new Uint8Array(0), 'a.zip');
    assert.deepEqual([empty.status, empty.code], [400, 'invalid-request']);
    assert.equal(inChinese(empty), '请求体：请发送文件（收到的请求体为空）');
    const good = zipSync({ 'processes/a.json': strToU8('{"@type":"Process"}'.repeat(50)) });
    const cut = await upload(good.subarray(0, good.length - 40), 'database.zip', 'application/zip');
    assert.equal(cut.status, 422);
    assert.match(cut.message, /database\.zip: the zip file is truncated/);
    const emptyZip = await upload(zipSync({}), 'nothing.zip', 'application/zip');
    assert.match(emptyZip.message, /nothing\.zip: the zip file is empty/);
    const pdf = await upload(strToU8('%PDF-1.7 not a zip at all'), 'release.zip', 'application/zip');
    assert.equal(pdf.status, 422);
    assert.match(pdf.message, /release\.zip/);
    const longName = await upload(good, `${'n'.repeat(5000)}.zip`, 'application/zip');
    assert.deepEqual([longName.status, longName.code], [400, 'invalid-request']);
    assert.match(longName.message, /X-File-Name: a file name has at most 255 characters/);
    assert.match(inChinese(longName), /^X-File-Name：文件名最多 255 个字符（此文件名有 5004 个）$/);
    const workbook = await errorOf(
      await raw(`/api/studies/${studyId}/inventory.xlsx`, {
        method: 'POST',
        headers: {
          ...bearer(),
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'x-file-name': 'inventory.xlsx',
        },
        body: gibibyteBomb() as BodyInit,
      }),
    );
    assert.equal(workbook.status, 422);
    assert.match(workbook.message, /inventory\.xlsx/);
    // the refusals carry the catalogue's words: the English message as it was, Chinese for a zh reader
    const zh = (e: typeof cut) => render({ code: e.messageCode!, params: e.params ?? {}, message: e.message }, 'zh');
    assert.deepEqual([cut.code, cut.messageCode], ['bad-file', 'import.at']);
    assert.equal(zh(cut), 'database.zip：zip 文件不完整（缺少末尾的目录）：请重新上传或复制');
    assert.equal(zh(emptyZip), 'nothing.zip：zip 文件是空的：其中没有任何文件');
    assert.deepEqual([workbook.code, workbook.messageCode], ['bad-workbook', 'import.at']);
    assert.equal(zh(workbook), 'inventory.xlsx：清单中有 1 处问题');
    messages.push(empty.message, cut.message, emptyZip.message, pdf.message, longName.message, workbook.message);
    for (const m of messages) assert.doesNotMatch(m, /\/tmp\/|tanji-upload-|\/work\/|node_modules|at .*\.ts:\d+/, m);
  });

  test('a refused role, a missing thing and an unknown route each say so in Chinese too', async () => {
    const role = await errorOf(
      await raw('/api/admin/companies', {
        method: 'POST',
        headers: { ...bearer(), ...JSON_TYPE },
        body: JSON.stringify({ name: 'Not mine to make' }),
      }),
    );
    assert.deepEqual([role.status, role.code, role.messageCode], [403, 'forbidden', 'api.forbidden']);
    assert.match(role.message, /^your role may not administer /);
    assert.match(inChinese(role), /^您的角色无权管理(企业|组织)和用户$/);
    const id = '00000000-0000-4000-8000-000000000000';
    const job = await errorOf(await raw(`/api/jobs/${id}`, { headers: bearer() }));
    assert.deepEqual([job.status, job.code, job.messageCode], [404, 'not-found', 'api.not-found']);
    assert.equal(job.message, `job ${id} does not exist or is not visible to you`);
    assert.equal(inChinese(job), `任务 ${id} 不存在，或您无权查看`);
    const route = await errorOf(await raw('/api/no-such-thing', { headers: bearer() }));
    assert.deepEqual([route.status, route.code, route.message], [404, 'not-found', 'no route GET /api/no-such-thing']);
    assert.equal(inChinese(route), '没有此接口：GET /api/no-such-thing');
  });

  test('a server fault answers 500 with an id to quote, never its message or a path', () => {
    const e = serverError(new Error("ENOENT: no such file or directory, open '/tmp/tanji-upload-x/secret.zip'"));
    assert.equal(e.status, 500);
    assert.match(e.message, /^the server failed \(error [0-9a-f-]{36}\)/);
    assert.doesNotMatch(e.message, /ENOENT|\/tmp/);
  });
});
