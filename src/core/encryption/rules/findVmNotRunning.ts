import { finding, type Finding } from '../finding.ts';
import type { EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// `az vm encryption enable` works on a running VM: the extension runs inside the guest.
export const VM_NOT_RUNNING_RULE = 'ade.vm-not-running';

export const VM_NOT_RUNNING_MESSAGES = {
  notRunning: {
    message: localizable('The VM is not running (power state: {powerState}).'),
    why: localizable('Azure Disk Encryption runs as an extension inside the VM, so the VM must be running to enable or disable encryption.'),
    fix: localizable('Start the VM, then run the check again.'),
  },
  unknown: {
    message: localizable('The VM power state could not be read.'),
    why: localizable('Azure Disk Encryption needs a running VM; the instance view (which carries the power state) was not available.'),
    fix: localizable('Refresh the VM and run the check again.'),
  },
} as const;

export function findVmNotRunning(context: EncryptionPreflightContext): Finding[] {
  const codes = (context.vm.instanceView?.statuses ?? []).map((s) => s.code ?? '');
  const power = codes.find((c) => c.toLowerCase().startsWith('powerstate/'));
  if (!power) {
    return [finding(VM_NOT_RUNNING_RULE, 'warning', VM_NOT_RUNNING_MESSAGES.unknown, { path: 'vm.instanceView.statuses' })];
  }
  const state = power.split('/')[1] ?? '';
  if (state.toLowerCase() === 'running') return [];
  return [finding(VM_NOT_RUNNING_RULE, 'error', VM_NOT_RUNNING_MESSAGES.notRunning, {
    path: 'vm.instanceView.statuses', params: { powerState: state },
  })];
}
