import { FORMAT_ALL_EXPLANATION } from '../encryptFormatAll.ts';
import { finding, type Finding } from '../finding.ts';
import type { EncryptionPreflightContext } from '../preflightContext.ts';

// Article 001, EncryptFormatAll: data volumes only; it formats the partitions that meet its criteria, so all data
// on them is lost; it also encrypts the temporary disk; try it on a test VM first.
export const ENCRYPT_FORMAT_ALL_RULE = 'ade.encrypt-format-all';

export const ENCRYPT_FORMAT_ALL_MESSAGES = {
  dataOnly: {
    message: 'EncryptFormatAll was requested with volume type "{volumeType}".',
    why: FORMAT_ALL_EXPLANATION.dataOnly,
    fix: 'Choose the "Data" volume type, or encrypt without EncryptFormatAll.',
  },
  dataLoss: {
    message: 'EncryptFormatAll formats every mounted data partition that meets its criteria: all data on them is lost.',
    why: `${FORMAT_ALL_EXPLANATION.criteria} ${FORMAT_ALL_EXPLANATION.temporaryDisk}`,
    fix: `${FORMAT_ALL_EXPLANATION.exclude} ${FORMAT_ALL_EXPLANATION.fstab} ${FORMAT_ALL_EXPLANATION.testFirst}`,
  },
} as const;

export function findEncryptFormatAllRisks(context: EncryptionPreflightContext): Finding[] {
  if (context.request.operation !== 'EnableFormatAll') return [];
  const out: Finding[] = [];
  const vt = context.request.volumeType;
  if (vt && vt !== 'Data') {
    out.push(finding(ENCRYPT_FORMAT_ALL_RULE, 'error', ENCRYPT_FORMAT_ALL_MESSAGES.dataOnly, { path: 'request.volumeType', params: { volumeType: vt } }));
  }
  out.push(finding(ENCRYPT_FORMAT_ALL_RULE, 'warning', ENCRYPT_FORMAT_ALL_MESSAGES.dataLoss, { path: 'request.operation' }));
  return out;
}
