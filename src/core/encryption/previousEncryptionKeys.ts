import { findAdeExtensionResource } from './adeExtension.ts';
import type { VirtualMachineLike } from './adeModel.ts';
import { parseKeyUrl } from './keyVaultUrls.ts';
import type { AdeEncryptionStatus } from './parseEncryptionStatus.ts';
import { localizable } from '../l10n/Translate.ts';

// The key vault and key encryption key an encrypted VM already uses. Article 004: updating the encryption keys of an
// already encrypted Linux VM is not supported, so a new run (for example to encrypt a newly added data disk) must
// send the same ones. Two places keep them: the extension's public settings of the last enable (gone once the
// extension is removed or after a disable), and each encrypted disk's encryptionSettings in the instance view
// (the platform's own record, there as long as the disk is encrypted).

export type PreviousEncryptionKeys = {
  readonly keyVaultResourceId?: string;
  readonly keyVaultUrl?: string;
  readonly keyEncryptionKeyUrl?: string;
  readonly kekVaultResourceId?: string;
  readonly keyEncryptionAlgorithm?: string;
};

/** Said when the flow reuses the keys instead of asking. */
export const KEYS_KEPT_NOTE = localizable('The key vault and key encryption key are the ones this VM is already encrypted with: changing the encryption keys of an encrypted Linux VM is not supported.');

/** The keys of the last encryption, or undefined when the VM shows none (never encrypted, or decrypted). */
export function readPreviousEncryptionKeys(vm: VirtualMachineLike): PreviousEncryptionKeys | undefined {
  const fromSettings = readFromExtensionSettings(vm);
  const fromDisks = readFromDiskSettings(vm);
  const keys: PreviousEncryptionKeys = {
    ...pick('keyVaultResourceId', fromSettings.keyVaultResourceId ?? fromDisks.keyVaultResourceId),
    ...pick('keyVaultUrl', fromSettings.keyVaultUrl ?? fromDisks.keyVaultUrl),
    ...pick('keyEncryptionKeyUrl', fromSettings.keyEncryptionKeyUrl ?? fromDisks.keyEncryptionKeyUrl),
    ...pick('kekVaultResourceId', fromSettings.kekVaultResourceId ?? fromDisks.kekVaultResourceId),
    ...pick('keyEncryptionAlgorithm', fromSettings.keyEncryptionAlgorithm),
  };
  return keys.keyVaultResourceId || keys.keyVaultUrl ? keys : undefined;
}

/** True while any volume is encrypted or on its way there: the keys in use may not change then. */
export function showsEncryption(status: Pick<AdeEncryptionStatus, 'os' | 'data' | 'disks'>): boolean {
  const active = (v: string) => v === 'Encrypted' || v === 'EncryptionInProgress' || v === 'VMRestartPending';
  return active(status.os) || active(status.data) || status.disks.some((d) => d.diskState === 'encrypted');
}

/** Key vault resource ids and key URLs compare case-insensitively (ARM ids and DNS names are). */
export function sameKeyReference(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string | undefined) => (s ?? '').trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

function readFromExtensionSettings(vm: VirtualMachineLike): PreviousEncryptionKeys {
  const settings = findAdeExtensionResource(vm)?.settings;
  if (!settings || typeof settings !== 'object') return {};
  const s = settings as Record<string, unknown>;
  // A disable's settings carry no keys: the keys of the encryption it undid are no longer in use.
  if (String(s.EncryptionOperation ?? '').toLowerCase() === 'disableencryption') return {};
  const text = (key: string) => (typeof s[key] === 'string' && (s[key] as string).trim() ? (s[key] as string).trim() : undefined);
  return {
    ...pick('keyVaultResourceId', text('KeyVaultResourceId')),
    ...pick('keyVaultUrl', text('KeyVaultURL')),
    ...pick('keyEncryptionKeyUrl', text('KeyEncryptionKeyURL')),
    ...pick('kekVaultResourceId', text('KekVaultResourceId')),
    ...pick('keyEncryptionAlgorithm', text('KeyEncryptionAlgorithm')),
  };
}

function readFromDiskSettings(vm: VirtualMachineLike): PreviousEncryptionKeys {
  for (const disk of vm.instanceView?.disks ?? []) {
    const encrypted = (disk.statuses ?? []).some((s) => (s.code ?? '').toLowerCase() === 'encryptionstate/encrypted');
    const settings = (disk.encryptionSettings ?? []).find((e) => e.diskEncryptionKey?.secretUrl);
    if (!encrypted || !settings) continue;
    const secretUrl = settings.diskEncryptionKey?.secretUrl;
    const vaultUrl = secretUrl ? vaultUrlOf(secretUrl) : undefined;
    const kekUrl = settings.keyEncryptionKey?.keyUrl;
    return {
      ...pick('keyVaultResourceId', settings.diskEncryptionKey?.sourceVault?.id),
      ...pick('keyVaultUrl', vaultUrl),
      ...pick('keyEncryptionKeyUrl', kekUrl && parseKeyUrl(kekUrl) ? kekUrl : undefined),
      ...pick('kekVaultResourceId', settings.keyEncryptionKey?.sourceVault?.id),
    };
  }
  return {};
}

function vaultUrlOf(secretUrl: string): string | undefined {
  try {
    const u = new URL(secretUrl);
    return `https://${u.host.toLowerCase()}/`;
  } catch {
    return undefined;
  }
}

function pick<K extends keyof PreviousEncryptionKeys>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Partial<Record<K, string>>) : {};
}
