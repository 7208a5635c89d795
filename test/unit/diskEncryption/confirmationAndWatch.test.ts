// EncryptFormatAll goes on only with the VM's exact name; the watcher stops at the points where the user is
// needed (restart) or the run ended, backs off between reads and stops when cancelled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchEncryptionStatus } from '../../../src/azure/encryption/watchEncryptionStatus.ts';
import { parseEncryptionStatus, type AdeEncryptionStatus } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { typedVmNameConfirms } from '../../../src/features/diskEncryption/typedVmNameConfirms.ts';
import { encryptedVm } from '../encryption/instanceViews.ts';

test('EncryptFormatAll confirmation: only the exact VM name (spaces around it ignored)', () => {
  assert.equal(typedVmNameConfirms('vm-web-01', 'vm-web-01'), true);
  assert.equal(typedVmNameConfirms('  vm-web-01 ', 'vm-web-01'), true);
  assert.equal(typedVmNameConfirms('VM-WEB-01', 'vm-web-01'), false);
  assert.equal(typedVmNameConfirms('vm-web-0', 'vm-web-01'), false);
  assert.equal(typedVmNameConfirms('', 'vm-web-01'), false);
  assert.equal(typedVmNameConfirms(undefined, 'vm-web-01'), false);
  assert.equal(typedVmNameConfirms('', ''), false);
});

const states = (seq: Array<[string, string]>, volumeType: 'All' | 'Data' | 'OS' = 'All') =>
  seq.map(([os, data]) => parseEncryptionStatus(encryptedVm({ volumeType, os, data })));

async function run(seq: AdeEncryptionStatus[], signal?: AbortSignal) {
  const sleeps: number[] = [];
  const seen: string[] = [];
  let i = 0;
  const outcome = await watchEncryptionStatus({
    read: async () => seq[Math.min(i++, seq.length - 1)],
    onStatus: (s) => seen.push(s.phase),
    sleep: async (ms) => { sleeps.push(ms); },
    ...(signal ? { signal } : {}),
  });
  return { outcome, sleeps, seen, reads: i };
}

test('the watch stops at VMRestartPending, backing off from 2 s towards the phase interval', async () => {
  const { outcome, sleeps, seen } = await run(states([
    ['EncryptionInProgress', 'EncryptionInProgress'], ['EncryptionInProgress', 'EncryptionInProgress'],
    ['EncryptionInProgress', 'Encrypted'], ['EncryptionInProgress', 'Encrypted'], ['VMRestartPending', 'Encrypted'],
  ]));
  assert.equal(outcome.reason, 'needsRestart');
  assert.equal(outcome.status.next.kind, 'offerRestart');
  assert.deepEqual(seen, ['Encrypting', 'Encrypting', 'Encrypting', 'Encrypting', 'RestartPending']);
  assert.deepEqual(sleeps, [2000, 4000, 8000, 16000]);
});

test('the watch ends when encryption is complete, and on a failed extension', async () => {
  const done = await run(states([['Encrypted', 'Encrypted']]));
  assert.equal(done.outcome.reason, 'finished');
  assert.equal(done.reads, 1);
  const failed = await run([parseEncryptionStatus(encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'NotEncrypted', provisioning: 'failed', message: 'KeyVault is not enabled for disk encryption' }))]);
  assert.equal(failed.outcome.reason, 'failed');
  assert.match(failed.outcome.status.next.message, /reported a failure/);
});

test('a data-only run is read at most every 30 s; cancelling stops the watch', async () => {
  const long = Array.from({ length: 8 }, () => ['NotEncrypted', 'EncryptionInProgress'] as [string, string]);
  const { sleeps } = await run([...states(long, 'Data'), ...states([['NotEncrypted', 'Encrypted']], 'Data')]);
  assert.ok(sleeps.every((ms) => ms <= 30_000));
  assert.equal(sleeps.at(-1), 30_000);
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(run(states(long, 'Data'), controller.signal));
});
