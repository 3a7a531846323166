import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCompany, createUser, openStore, type Store } from '../../src/store/index.ts';
import { createApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/passwords.ts';
import { EMAIL_LIMIT, PAIR_LIMIT, retryAfterSeconds, WINDOW_MS } from '../../src/server/login-throttle.ts';
import { BACKENDS } from '../store/backends.ts';

/**
 * The sign-in throttle keys on email AND client address, in the store: a stranger's wrong
 * passwords lock out only the stranger's address; the user signs in from their own; two servers
 * on one store count together; a guessing run spread over many addresses closes the email to
 * addresses it never signed in from.
 */

describe('throttle rule', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  test('the pair limit waits out the rest of the window; the email limit spares known addresses', () => {
    const since = new Date(now - 5 * 60_000).toISOString();
    assert.equal(
      retryAfterSeconds({ pairFailures: PAIR_LIMIT - 1, pairSince: since, emailFailures: 9, knownClient: false }, now),
      0,
    );
    assert.equal(
      retryAfterSeconds(
        { pairFailures: PAIR_LIMIT, pairSince: since, emailFailures: PAIR_LIMIT, knownClient: true },
        now,
      ),
      WINDOW_MS / 1000 - 300,
    );
    assert.equal(
      retryAfterSeconds({ pairFailures: 0, pairSince: null, emailFailures: EMAIL_LIMIT, knownClient: true }, now),
      0,
    );
    assert.equal(
      retryAfterSeconds({ pairFailures: 0, pairSince: null, emailFailures: EMAIL_LIMIT, knownClient: false }, now),
      WINDOW_MS / 1000,
    );
  });
});

for (const backend of BACKENDS) {
  describe(`sign-in throttle on ${backend.name}`, () => {
    const fresh = backend.fresh();
    let store: Store;
    let servers: ReturnType<typeof createApp>[];
    const email = 'user@throttle.example';
    const password = 'correct horse battery';

    before(async () => {
      store = await openStore(fresh.opts);
      const company = await createCompany(store, 'Throttle Co');
      await createUser(store, {
        email,
        name: 'U',
        role: 'enterprise',
        companyId: company.id,
        passwordHash: await hashPassword(password),
      });
      servers = [createApp({ store, worker: false }), createApp({ store, worker: false })];
    });

    after(async () => {
      await store.close();
      await fresh.dispose();
    });

    const login = (server: number, from: string, pw: string) =>
      servers[server].request(
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: pw }),
        },
        { incoming: { socket: { remoteAddress: from } } },
      );

    test("a stranger's ten wrong passwords, spread over two servers, lock out the stranger and not the user", async () => {
      assert.equal((await login(0, '10.0.0.1', password)).status, 200, 'the user signs in from home');
      for (let i = 0; i < PAIR_LIMIT; i++) assert.equal((await login(i % 2, '203.0.113.9', `guess ${i}`)).status, 401);
      const locked = await login(0, '203.0.113.9', password);
      assert.equal(locked.status, 429);
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      assert.match(((await locked.json()) as { error: { message: string } }).error.message, /from your address/);
      assert.equal(
        (await login(1, '10.0.0.1', password)).status,
        200,
        'the user, from their own address, on the other server',
      );
      assert.equal(
        (await login(0, '198.51.100.7', password)).status,
        200,
        'and from a new address, while no mass guessing goes on',
      );
    });

    test('a guessing run over many addresses closes the email to new addresses only', async () => {
      await store.query(
        `INSERT INTO login_failures (email, client, failures, since) SELECT $1, '192.0.2.' || n, 5, now() FROM generate_series(1, $2::int) n`,
        [email, EMAIL_LIMIT / 5],
      );
      assert.equal((await login(0, '192.0.2.250', password)).status, 429, 'an address the email never signed in from');
      assert.equal((await login(1, '10.0.0.1', password)).status, 200, 'where the user usually signs in');
    });
  });
}
