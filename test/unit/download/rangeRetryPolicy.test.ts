import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyTransferFailure, decideRangeRetry, DEFAULT_RETRY_POLICY, parseRetryAfterMs, retryDelayMs } from '../../../src/core/download/rangeRetryPolicy.ts';

test('failures are classified by what retrying can fix', () => {
  assert.equal(classifyTransferFailure({ status: 503, errorCode: 'ServerBusy' }), 'throttled');
  assert.equal(classifyTransferFailure({ status: 500 }), 'serverError');
  assert.equal(classifyTransferFailure({ networkCode: 'ECONNRESET' }), 'connection');
  assert.equal(classifyTransferFailure({ networkCode: 'aborted' }), 'connection');
  assert.equal(classifyTransferFailure({ status: 403, errorCode: 'AuthenticationFailed' }), 'authExpired');
  assert.equal(classifyTransferFailure({ status: 403, errorCode: 'AuthorizationFailure' }), 'authExpired');
  assert.equal(classifyTransferFailure({ status: 403, errorCode: 'AuthorizationPermissionMismatch' }), 'fatal');
  assert.equal(classifyTransferFailure({ status: 412 }), 'sourceChanged');
  assert.equal(classifyTransferFailure({ status: 404, errorCode: 'BlobNotFound' }), 'fatal');
  assert.equal(classifyTransferFailure({ networkCode: 'aborted', cancelledByCaller: true }), 'cancelled');
  assert.equal(classifyTransferFailure({ networkCode: 'aborted', stalled: true }), 'stalled');
});

test('transient failures are retried with growing delays until the attempt limit', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, maxAttemptsWithoutProgress: 3 };
  const base = { kind: 'connection' as const, sasRefreshesWithoutProgress: 0, canRefreshSas: false };
  assert.deepEqual(decideRangeRetry({ ...base, attemptsWithoutProgress: 1 }, policy, () => 0.999999), { action: 'retry', delayMs: 500 });
  assert.deepEqual(decideRangeRetry({ ...base, attemptsWithoutProgress: 2 }, policy, () => 0.999999), { action: 'retry', delayMs: 1000 });
  assert.deepEqual(decideRangeRetry({ ...base, attemptsWithoutProgress: 3 }, policy), { action: 'fail', reason: 'tooManyAttempts' });
});

test('Retry-After is honoured, but capped', () => {
  assert.equal(retryDelayMs(1, 5000, DEFAULT_RETRY_POLICY, () => 0), 5000);
  assert.equal(retryDelayMs(1, 600_000, DEFAULT_RETRY_POLICY, () => 0), 60_000);
  assert.equal(retryDelayMs(10, undefined, DEFAULT_RETRY_POLICY, () => 0.999999), 30_000);
  assert.equal(retryDelayMs(1, undefined, DEFAULT_RETRY_POLICY, () => 0), 250);
});

test('an expired SAS asks for a new one, but only a bounded number of times without progress', () => {
  const s = { kind: 'authExpired' as const, attemptsWithoutProgress: 1, canRefreshSas: true };
  assert.deepEqual(decideRangeRetry({ ...s, sasRefreshesWithoutProgress: 0 }), { action: 'refreshSas' });
  assert.deepEqual(decideRangeRetry({ ...s, sasRefreshesWithoutProgress: 2 }), { action: 'fail', reason: 'sasRefreshFailed' });
  assert.deepEqual(decideRangeRetry({ ...s, canRefreshSas: false, sasRefreshesWithoutProgress: 0 }), { action: 'fail', reason: 'authExpired' });
});

test('fatal, cancelled and changed-source failures are never retried', () => {
  for (const kind of ['fatal', 'cancelled', 'sourceChanged'] as const) {
    assert.deepEqual(decideRangeRetry({ kind, attemptsWithoutProgress: 1, sasRefreshesWithoutProgress: 0, canRefreshSas: true }), { action: 'fail', reason: kind });
  }
});

test('Retry-After parses as seconds or an HTTP date', () => {
  assert.equal(parseRetryAfterMs('3', 0), 3000);
  assert.equal(parseRetryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10_000);
  assert.equal(parseRetryAfterMs('soon', 0), undefined);
  assert.equal(parseRetryAfterMs(undefined, 0), undefined);
});

test('a 401 is the disk token, not the link: a new token is asked for (once without progress), never a new SAS', () => {
  assert.equal(classifyTransferFailure({ status: 401, errorCode: 'InvalidAuthenticationInfo' }), 'tokenRefused');
  assert.equal(classifyTransferFailure({ status: 401, errorCode: 'NoAuthenticationInformation' }), 'tokenRefused');
  const s = { kind: 'tokenRefused' as const, attemptsWithoutProgress: 1, sasRefreshesWithoutProgress: 0, canRefreshSas: true };
  assert.deepEqual(decideRangeRetry({ ...s, canRefreshToken: true, tokenRefreshesWithoutProgress: 0 }), { action: 'refreshToken' });
  assert.deepEqual(decideRangeRetry({ ...s, canRefreshToken: true, tokenRefreshesWithoutProgress: 1 }), { action: 'fail', reason: 'tokenRefused' });
  assert.deepEqual(decideRangeRetry({ ...s, canRefreshToken: false }), { action: 'fail', reason: 'tokenRefused' }, 'no token sent: a new link would not help either');
});
