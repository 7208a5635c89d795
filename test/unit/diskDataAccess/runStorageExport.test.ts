import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runStorageExport, type StorageExportSteps } from '../../../src/core/diskDataAccess/runStorageExport.ts';

function steps(overrides: Partial<StorageExportSteps> = {}) {
  const calls: string[] = [];
  const s: StorageExportSteps = {
    grant: async () => { calls.push('grant'); return 'https://acct/blob?sig=secret'; },
    copy: async (sas, onProgress) => { calls.push(`copy ${sas}`); onProgress({ status: 'success', bytesCopied: 1, totalBytes: 1, percent: 100 }); },
    revoke: async () => { calls.push('revoke'); },
    ...overrides,
  };
  return { s, calls };
}

test('grant, copy with the SAS, revoke: in that order', async () => {
  const { s, calls } = steps();
  const phases: string[] = [];
  const progress: number[] = [];
  const outcome = await runStorageExport(s, { signal: new AbortController().signal, onPhase: (p) => phases.push(p), onProgress: (p) => progress.push(p.percent) });
  assert.deepEqual(outcome, { kind: 'copied', revoked: true });
  assert.deepEqual(calls, ['grant', 'copy https://acct/blob?sig=secret', 'revoke']);
  assert.deepEqual(phases, ['granting', 'copying', 'revoking']);
  assert.deepEqual(progress, [100]);
});

test('a failed copy is still revoked, then its error reaches the caller', async () => {
  const { s, calls } = steps({ copy: async () => { throw new Error('CannotVerifyCopySource'); } });
  await assert.rejects(runStorageExport(s, { signal: new AbortController().signal }), /CannotVerifyCopySource/);
  assert.deepEqual(calls, ['grant', 'revoke']);
});

test('a cancel during the copy is revoked, and ends as the cancel', async () => {
  const controller = new AbortController();
  const { s, calls } = steps({
    copy: async (_sas, _p, signal) => {
      controller.abort();
      signal.throwIfAborted();
    },
  });
  await assert.rejects(runStorageExport(s, { signal: controller.signal }), (e: Error) => e.name === 'AbortError');
  assert.deepEqual(calls, ['grant', 'revoke']);
});

test('a failed grant is revoked too (it may have opened a SAS), and its error is the one reported', async () => {
  const { s, calls } = steps({ grant: async () => { calls.push('grant'); throw new Error('grant failed'); } });
  await assert.rejects(runStorageExport(s, { signal: new AbortController().signal }), /grant failed/);
  assert.deepEqual(calls, ['grant', 'revoke']);
});

const noWait = { sleep: async () => {} };

test('a revoke that keeps failing (three attempts) is the outcome, with what happened to the copy: never swallowed', async () => {
  const revokeError = new Error('ExpiredAuthenticationToken');
  const failing = steps({ revoke: async () => { failing.calls.push('revoke'); throw revokeError; } });
  const ok = await runStorageExport(failing.s, { signal: new AbortController().signal, revoke: noWait });
  assert.deepEqual(ok, { kind: 'revokeFailed', revokeError, copied: true });
  assert.equal(failing.calls.filter((c) => c === 'revoke').length, 3, 'retried like the download export');
  const copyError = new Error('copy failed');
  const both = await runStorageExport(steps({ copy: async () => { throw copyError; }, revoke: async () => { throw revokeError; } }).s, { signal: new AbortController().signal, revoke: noWait });
  assert.deepEqual(both, { kind: 'revokeFailed', revokeError, copied: false, copyError });
});

test('a revoke that fails once and then works ends as copied', async () => {
  let attempts = 0;
  const { s } = steps({ revoke: async () => { if (++attempts === 1) throw new Error('ServerTimeout'); } });
  assert.deepEqual(await runStorageExport(s, { signal: new AbortController().signal, revoke: noWait }), { kind: 'copied', revoked: true });
  assert.equal(attempts, 2);
});

test('a grant Azure refused (409: someone else is exporting) is not followed by a revoke that would cut their link', async () => {
  const refused = Object.assign(new Error('OperationNotAllowed'), { statusCode: 409 });
  const { s, calls } = steps({ grant: async () => { calls.push('grant'); throw refused; } });
  await assert.rejects(runStorageExport(s, { signal: new AbortController().signal, revoke: noWait }), /OperationNotAllowed/);
  assert.deepEqual(calls, ['grant']);
});
