import type { AdeEncryptionStatus } from './parseEncryptionStatus.ts';
import { localizable } from '../l10n/Translate.ts';

// The article (001): disable first, then remove. Removing the extension without disabling leaves the disks encrypted;
// disabling after removal reinstalls the extension, which then has to be removed again.

export const EXTENSION_REMOVAL_MESSAGES = {
  afterDisable: localizable('Encryption is disabled on the data volumes. Removing the Azure Disk Encryption extension is now safe.'),
  stillEncrypted: localizable('The disks stay encrypted if you remove the extension now (OS volume: {os}, data volumes: {data}). If you disable encryption later, the extension is installed again and you will have to remove it once more. Disable encryption first, then remove the extension.'),
  osEncrypted: localizable('The OS volume is encrypted and cannot be decrypted, so the disks stay encrypted after the extension is removed.'),
  busy: localizable('An encryption operation is still running (OS volume: {os}, data volumes: {data}). Wait for it to finish before removing the extension.'),
  notInstalled: localizable('The Azure Disk Encryption extension is not installed on this VM.'),
} as const;

export type ExtensionRemovalPlan = {
  readonly allowed: boolean;
  /** When true, the shell asks for an explicit confirmation showing `message`. */
  readonly needsConfirmation: boolean;
  readonly message: string;
  readonly params?: Readonly<Record<string, string>>;
};

export function planAdeExtensionRemoval(status: AdeEncryptionStatus): ExtensionRemovalPlan {
  const params = { os: status.os, data: status.data };
  if (!status.extension.present) return { allowed: false, needsConfirmation: false, message: EXTENSION_REMOVAL_MESSAGES.notInstalled };
  if (status.phase === 'Encrypting' || status.phase === 'Decrypting' || status.phase === 'RestartPending' || status.phase === 'Starting') {
    return { allowed: false, needsConfirmation: false, message: EXTENSION_REMOVAL_MESSAGES.busy, params };
  }
  if (status.os === 'Encrypted') {
    return { allowed: true, needsConfirmation: true, message: EXTENSION_REMOVAL_MESSAGES.osEncrypted };
  }
  if (status.data === 'Encrypted' || status.disks.some((d) => d.diskState === 'encrypted')) {
    return { allowed: true, needsConfirmation: true, message: EXTENSION_REMOVAL_MESSAGES.stillEncrypted, params };
  }
  return { allowed: true, needsConfirmation: false, message: EXTENSION_REMOVAL_MESSAGES.afterDisable };
}
