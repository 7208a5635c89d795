import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cacheTokens } from '../../../src/core/auth/cacheTokens.ts';

function countingCredential(lifetimeMs: number, now: () => number) {
  let calls = 0;
  return {
    get calls() { return calls; },
    async getToken(_scopes?: string | string[], _options?: unknown) {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return { token: `t${calls}`, expiresOnTimestamp: now() + lifetimeMs };
    },
  };
}

test('concurrent requests for one scope make one call, later ones reuse the token', async () => {
  let clock = 1_000_000;
  const inner = countingCredential(60 * 60 * 1000, () => clock);
  const cached = cacheTokens(inner, () => clock);
  const tokens = await Promise.all([1, 2, 3].map(() => cached.getToken('https://m/.default')));
  assert.deepEqual(tokens.map((t) => t?.token), ['t1', 't1', 't1']);
  clock += 10 * 60 * 1000;
  assert.equal((await cached.getToken(['https://m/.default']))?.token, 't1');
  assert.equal(inner.calls, 1);
});

test('a token near expiry is replaced', async () => {
  let clock = 0;
  const inner = countingCredential(10 * 60 * 1000, () => clock);
  const cached = cacheTokens(inner, () => clock);
  assert.equal((await cached.getToken('s'))?.token, 't1');
  clock += 6 * 60 * 1000; // 4 minutes left: inside the 5-minute margin
  assert.equal((await cached.getToken('s'))?.token, 't2');
});

test('different scopes and claims challenges are not shared', async () => {
  const inner = countingCredential(3_600_000, Date.now);
  const cached = cacheTokens(inner);
  await cached.getToken('a');
  await cached.getToken('b');
  await cached.getToken('a', { claims: 'x' });
  assert.equal(inner.calls, 3);
});

test('a failure is not cached', async () => {
  let fail = true;
  const cached = cacheTokens({
    async getToken(_scopes?: string | string[], _options?: unknown) {
      if (fail) throw new Error('az login needed');
      return { token: 'ok', expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  });
  await assert.rejects(cached.getToken('s'), /az login/);
  fail = false;
  assert.equal((await cached.getToken('s'))?.token, 'ok');
});

const jwtFor = (tid: string) => `h.${Buffer.from(JSON.stringify({ tid })).toString('base64url')}.s`;

test('the default tenant\'s token serves that tenant\'s own credential (one az call, not two)', async () => {
  const shared = new Map();
  const calls: string[] = [];
  const credential = (name: string, tid: string) => ({
    async getToken(_scopes?: string | string[], _options?: unknown) {
      calls.push(name);
      return { token: jwtFor(tid), expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  });
  const byDefault = cacheTokens(credential('default', 'AAAA-tenant'), Date.now, { shared });
  const bound = cacheTokens(credential('bound', 'aaaa-tenant'), Date.now, { shared, tenantId: 'aaaa-TENANT' });
  const other = cacheTokens(credential('other', 'bbbb-tenant'), Date.now, { shared, tenantId: 'bbbb-tenant' });
  const first = await byDefault.getToken('arm/.default');
  assert.equal((await bound.getToken('arm/.default'))?.token, first?.token);
  await other.getToken('arm/.default');
  await bound.getToken('graph/.default'); // another scope: its own call
  assert.deepEqual(calls, ['default', 'other', 'bound']);
});
