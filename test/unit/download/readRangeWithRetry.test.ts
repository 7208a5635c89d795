import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readRangeWithRetry, type OpenRangeBody } from '../../../src/azure/storage/readRangeWithRetry.ts';
import { SasUrlHolder } from '../../../src/azure/storage/sasUrlHolder.ts';
import { BearerTokenHolder } from '../../../src/azure/storage/bearerTokenHolder.ts';
import { DEFAULT_RETRY_POLICY } from '../../../src/core/download/rangeRetryPolicy.ts';
import { DownloadError } from '../../../src/core/download/downloadError.ts';
import type { RangeRetryEvent } from '../../../src/core/download/pageBlobSource.ts';

const blob = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
const fast = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1, maxDelayMs: 5 };

function httpError(status: number, code: string, retryAfter?: string) {
  const headers = new Map<string, string>([['x-ms-error-code', code], ...(retryAfter ? [['retry-after', retryAfter] as [string, string]] : [])]);
  return Object.assign(new Error(`${code} https://a.blob.core.windows.net/c/b?sv=1&sig=SECRET`), { statusCode: status, response: { status, headers: { get: (n: string) => headers.get(n) } } });
}

/** Serves blob bytes in 1000-byte chunks; `faults` decides, per attempt, what goes wrong. */
function server(faults: (attempt: number, offset: number) => 'ok' | 'cut' | 'stall' | Error) {
  const calls: { offset: number; count: number }[] = [];
  const open: OpenRangeBody = async (offset, count) => {
    calls.push({ offset, count });
    const fault = faults(calls.length, offset);
    if (fault instanceof Error) throw fault;
    const bytes = blob.subarray(offset, offset + count);
    return new Readable({
      read() {
        const sent = (this as unknown as { sent?: number }).sent ?? 0;
        if (fault === 'stall' && sent >= 2000) return; // never pushes again
        if (fault === 'cut' && sent >= 2500) return void this.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
        if (sent >= bytes.length) return void this.push(null);
        const chunk = bytes.subarray(sent, Math.min(bytes.length, sent + 1000));
        (this as unknown as { sent?: number }).sent = sent + chunk.length;
        this.push(chunk);
      },
    });
  };
  return { calls, open };
}

async function collect(open: OpenRangeBody, extra: Partial<Parameters<typeof readRangeWithRetry>[0]> = {}) {
  const parts: Buffer[] = [];
  const events: RangeRetryEvent[] = [];
  await readRangeWithRetry({
    range: { offset: 1000, count: 8000 }, signal: new AbortController().signal, openBody: open, policy: fast,
    receive: async (c) => void parts.push(Buffer.from(c)), onRetry: (e) => events.push(e), ...extra,
  });
  return { bytes: Buffer.concat(parts), events };
}

test('a body cut mid-way is resumed from the first byte not received', async () => {
  const s = server((attempt) => (attempt === 1 ? 'cut' : 'ok'));
  const { bytes, events } = await collect(s.open);
  assert.deepEqual(bytes, blob.subarray(1000, 9000));
  assert.deepEqual(s.calls, [{ offset: 1000, count: 8000 }, { offset: 4000, count: 5000 }]);
  assert.equal(events[0].kind, 'connection');
  assert.equal(events[0].resumeAt, 4000); // 3 chunks of 1000 arrived before the cut
});

test('503 with Retry-After waits at least that long and reports throttling', async () => {
  const s = server((attempt) => (attempt === 1 ? httpError(503, 'ServerBusy', '1') : 'ok'));
  const started = Date.now();
  const { bytes, events } = await collect(s.open);
  assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
  assert.deepEqual(bytes, blob.subarray(1000, 9000));
  assert.equal(events[0].kind, 'throttled');
  assert.equal(events[0].delayMs, 1000);
});

test('a stalled response is aborted after the stall timeout and resumed', async () => {
  const s = server((attempt) => (attempt === 1 ? 'stall' : 'ok'));
  const { bytes, events } = await collect(s.open, { stallTimeoutMs: 100 });
  assert.deepEqual(bytes, blob.subarray(1000, 9000));
  assert.equal(events[0].kind, 'stalled');
  assert.equal(s.calls[1].offset, 3000);
});

test('403 asks for a fresh SAS once for many failing requests, and continues', async () => {
  let renewals = 0;
  const sas = new SasUrlHolder('https://x/old?sig=1', async () => { renewals++; await new Promise((r) => setTimeout(r, 20)); return 'https://x/new?sig=2'; });
  const open: OpenRangeBody = async (offset, count) => {
    if (sas.url.endsWith('sig=1')) throw httpError(403, 'AuthenticationFailed');
    return Readable.from([blob.subarray(offset, offset + count)]);
  };
  const results = await Promise.all([0, 1, 2, 3].map(() => collect(open, { sas })));
  assert.equal(renewals, 1);
  for (const r of results) assert.deepEqual(r.bytes, blob.subarray(1000, 9000));
});

test('403 without a way to renew fails as accessExpired, with the SAS redacted', async () => {
  const s = server(() => httpError(403, 'AuthenticationFailed'));
  await assert.rejects(collect(s.open), (e: DownloadError) => {
    assert.equal(e.code, 'accessExpired');
    assert.ok(!e.message.includes('SECRET'), e.message);
    return true;
  });
});

test('a permanent failure gives up after the attempt limit; progress resets the count', async () => {
  const always = server(() => httpError(500, 'InternalError'));
  await assert.rejects(collect(always.open, { policy: { ...fast, maxAttemptsWithoutProgress: 3 } }), (e: DownloadError) => e.code === 'transferFailed');
  assert.equal(always.calls.length, 3);
  // Every attempt cuts after 2500 bytes but moves forward: 4 cuts on an 8000-byte range still complete.
  const flaky = server(() => 'cut');
  const { bytes } = await collect(flaky.open, { policy: { ...fast, maxAttemptsWithoutProgress: 2 } });
  assert.deepEqual(bytes, blob.subarray(1000, 9000));
});

test('cancelling stops at once with code cancelled', async () => {
  const controller = new AbortController();
  const s = server(() => httpError(503, 'ServerBusy', '30'));
  const pending = collect(s.open, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(pending, (e: DownloadError) => e.code === 'cancelled');
});

test('a disk error from receive() is not retried', async () => {
  const s = server(() => 'ok');
  await assert.rejects(collect(s.open, { receive: async () => { throw new DownloadError('diskFull', 'full'); } }), (e: DownloadError) => e.code === 'diskFull');
  assert.equal(s.calls.length, 1);
});

test('a 401 (the disk token expired) refreshes the token and continues; the SAS is not renewed', async () => {
  const s = server((attempt) => (attempt === 2 ? httpError(401, 'InvalidAuthenticationInfo') : attempt === 1 ? 'cut' : 'ok'));
  let sasRenewals = 0;
  const sas = new SasUrlHolder('https://x/old?sig=1', async () => { sasRenewals++; return 'https://x/new?sig=2'; });
  const forced: boolean[] = [];
  const token = new BearerTokenHolder(async (_signal, options) => { forced.push(options?.forceRefresh === true); return 'token'; });
  const { bytes, events } = await collect(s.open, { sas, token });
  assert.deepEqual(bytes, blob.subarray(1000, 9000));
  assert.equal(sasRenewals, 0, 'no new link for a token problem');
  assert.deepEqual(forced, [true], 'one forced token refresh');
  assert.deepEqual(events.map((e) => e.kind), ['connection', 'tokenRefused']);
});

test('a 401 that a fresh token does not cure ends as tokenRefused (not "the link expired")', async () => {
  const s = server(() => httpError(401, 'InvalidAuthenticationInfo'));
  const sas = new SasUrlHolder('https://x/old?sig=1', async () => 'https://x/new?sig=2');
  const token = new BearerTokenHolder(async () => 'token');
  await assert.rejects(collect(s.open, { sas, token }), (e: unknown) => e instanceof DownloadError && e.code === 'tokenRefused' && !/SECRET/.test(e.message));
  const noToken = server(() => httpError(401, 'NoAuthenticationInformation'));
  await assert.rejects(collect(noToken.open, { sas }), (e: unknown) => e instanceof DownloadError && e.code === 'tokenRefused');
});
