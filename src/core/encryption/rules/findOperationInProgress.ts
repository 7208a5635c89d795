import { finding, type Finding } from '../finding.ts';
import type { EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// The extension rejects a new configuration while one runs ("An operation is already in progress. Please wait for it
// to complete."), and a pending restart must happen before anything else.
export const OPERATION_IN_PROGRESS_RULE = 'ade.operation-in-progress';

export const OPERATION_IN_PROGRESS_MESSAGES = {
  running: {
    message: localizable('An encryption operation is still running (OS volume: {os}, data volumes: {data}).'),
    why: localizable('The extension rejects a new operation while one is in progress.'),
    fix: localizable('Wait until the current operation finishes, then try again.'),
  },
  restartPending: {
    message: localizable('The VM waits for a restart to finish encrypting the OS volume (VMRestartPending).'),
    why: localizable('OS volume encryption completes during the next boot; a new operation cannot start before that.'),
    fix: localizable('Restart the VM, wait a few minutes, and check the status again.'),
  },
} as const;

export function findOperationInProgress(context: EncryptionPreflightContext): Finding[] {
  const status = context.status;
  if (!status) return [];
  const params = { os: status.os, data: status.data };
  if (status.phase === 'RestartPending') {
    return [finding(OPERATION_IN_PROGRESS_RULE, 'error', OPERATION_IN_PROGRESS_MESSAGES.restartPending, { path: 'status', params })];
  }
  if (status.phase === 'Encrypting' || status.phase === 'Decrypting') {
    return [finding(OPERATION_IN_PROGRESS_RULE, 'error', OPERATION_IN_PROGRESS_MESSAGES.running, { path: 'status', params })];
  }
  return [];
}

/** The finding a restart resolves (the shell offers the restart right there). */
export function isRestartPendingFinding(f: Finding): boolean {
  return f.rule === OPERATION_IN_PROGRESS_RULE && f.message === OPERATION_IN_PROGRESS_MESSAGES.restartPending.message;
}
