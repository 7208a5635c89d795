import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VirtualMachineLike } from '../../../src/core/encryption/adeModel.ts';
import { renderFinding } from '../../../src/core/encryption/finding.ts';
import { findDisableBlockers } from '../../../src/core/encryption/findDisableBlockers.ts';
import { parseEncryptionStatus } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { encryptedVm } from './instanceViews.ts';

const dataEncrypted = () => encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'Encrypted' });
const blockers = (vm: VirtualMachineLike) => findDisableBlockers(vm, parseEncryptionStatus(vm));

function withPower(vm: VirtualMachineLike, state: string): VirtualMachineLike {
  return { ...vm, instanceView: { ...vm.instanceView, statuses: [{ code: 'ProvisioningState/succeeded' }, { code: `PowerState/${state}` }] } };
}

test('a running VM with encrypted data volumes and nothing in progress: nothing blocks the disable', () => {
  assert.deepEqual(blockers(dataEncrypted()), []);
});

test('a deallocated VM: the finding says it is not running and to start it', () => {
  const [f] = blockers(withPower(dataEncrypted(), 'deallocated'));
  assert.equal(f.rule, 'ade.vm-not-running');
  assert.deepEqual(renderFinding(f), {
    message: 'The VM is not running (power state: deallocated).',
    why: 'Azure Disk Encryption runs as an extension inside the VM, so the VM must be running to enable or disable encryption.',
    fix: 'Start the VM, then run the check again.',
  });
});

test('an operation running or a restart pending: the finding says to wait or restart first', () => {
  const decrypting = encryptedVm({ volumeType: 'Data', os: 'NotEncrypted', data: 'DecryptionInProgress', operation: 'DisableEncryption' });
  assert.deepEqual(blockers(decrypting).map((f) => f.rule), ['ade.operation-in-progress']);
  assert.match(renderFinding(blockers(decrypting)[0]).message, /data volumes: DecryptionInProgress/);
  const pending = encryptedVm({ volumeType: 'All', os: 'VMRestartPending', data: 'Encrypted' });
  assert.match(renderFinding(blockers(pending)[0]).message, /VMRestartPending/);
});

test('a power state that cannot be read is a warning, not a blocker', () => {
  const vm = dataEncrypted();
  assert.deepEqual(blockers({ ...vm, instanceView: { ...vm.instanceView, statuses: [] } }), []);
});
