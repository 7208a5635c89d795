import type { VirtualMachineLike } from './adeModel.ts';
import type { Finding } from './finding.ts';
import type { AdeEncryptionStatus } from './parseEncryptionStatus.ts';
import type { EncryptionPreflightRule } from './preflightContext.ts';
import { findOperationInProgress } from './rules/findOperationInProgress.ts';
import { findVmNotRunning } from './rules/findVmNotRunning.ts';

// Disabling sends the extension a new configuration, so the VM must be running (the extension runs in the guest) and
// no operation may be running or waiting for a restart (the extension rejects a new one). Checked before the
// confirmation, so a stopped or busy VM gets the reason and what to do, not the extension's raw provisioning error.
export const DISABLE_PRECONDITION_RULES: readonly EncryptionPreflightRule[] = [findVmNotRunning, findOperationInProgress];

/** The errors that stop a disable now (warnings, such as an unreadable power state, do not stop it). */
export function findDisableBlockers(vm: VirtualMachineLike, status: AdeEncryptionStatus): Finding[] {
  const context = { vm, status, request: { operation: 'Disable' as const, volumeType: 'Data' as const } };
  return DISABLE_PRECONDITION_RULES.flatMap((rule) => rule(context)).filter((f) => f.severity === 'error');
}
