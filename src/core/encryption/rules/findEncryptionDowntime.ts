import { finding, type Finding } from '../finding.ts';
import { requestIncludesOs, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001: while the Linux OS volume encrypts, treat the VM as unavailable and avoid SSH logins (open files can
// block the process); a 30 GB OS volume takes a few hours plus the data volumes (whose time grows with their size and
// number, unless EncryptFormatAll is used). Enabling or disabling encryption can restart the VM. Article 004: when the
// OS volume reaches VMRestartPending the VM must be restarted to finish.
export const ENCRYPTION_DOWNTIME_RULE = 'ade.downtime';

export const ENCRYPTION_DOWNTIME_MESSAGES = {
  osVolume: {
    message: localizable('Encrypting the OS volume makes the VM unavailable for hours.'),
    why: localizable('While the OS volume encrypts, the VM should be considered unavailable, and SSH logins should be avoided: files they open can block the process. A 30 GB OS volume takes a few hours, plus the time for the data volumes.'),
    fix: localizable('Plan downtime, stop services that write to the disks, log out of SSH sessions, and restart the VM when the OS volume reaches VMRestartPending.'),
  },
  mayRestart: {
    message: localizable('Enabling or disabling encryption may restart the VM.'),
    why: localizable('The extension can restart the VM as part of the operation.'),
    fix: localizable('Run it at a time when a restart is acceptable.'),
  },
  dataDuration: {
    message: localizable('Encrypting data volumes takes time in proportion to their size and number.'),
    why: localizable('Data volumes are encrypted in place, block by block (EncryptFormatAll avoids this by formatting them); the data drives are unavailable while they encrypt.'),
  },
} as const;

export function findEncryptionDowntime(context: EncryptionPreflightContext): Finding[] {
  const op = context.request.operation;
  const out: Finding[] = [];
  if (op !== 'Disable' && requestIncludesOs(context)) {
    out.push(finding(ENCRYPTION_DOWNTIME_RULE, 'warning', ENCRYPTION_DOWNTIME_MESSAGES.osVolume, { path: 'request.volumeType' }));
  } else if (op === 'Enable' && context.request.volumeType === 'Data') {
    out.push(finding(ENCRYPTION_DOWNTIME_RULE, 'info', ENCRYPTION_DOWNTIME_MESSAGES.dataDuration, { path: 'request.volumeType' }));
  }
  out.push(finding(ENCRYPTION_DOWNTIME_RULE, 'info', ENCRYPTION_DOWNTIME_MESSAGES.mayRestart, { path: 'request.operation' }));
  return out;
}
