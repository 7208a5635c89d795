// Which key vault(s) hold a VM's Azure Disk Encryption secrets/keys, and whether it uses a BEK only or BEK + KEK.
// Sources, most authoritative first: the disks' `encryptionSettingsCollection` and the VM's status
// (`instanceView.disks[].encryptionSettings`, what `Get-AzVm -Status` prints) record what encryption applied;
// the ADE extension settings record what was asked for. We merge them and say where they disagree.

import { ADE_EXTENSION_PUBLISHER, ADE_EXTENSION_TYPES } from './backupAccessConstants.ts';
import { backupAccessFinding } from './backupAccessText.ts';
import type { BackupAccessFinding, VaultKeyUsage } from './backupAccessTypes.ts';
import { sameArmId, vaultNameFromKeyVaultUrl, vaultUriFromKeyVaultUrl, lastSegment } from './armResourceIds.ts';
import type { DiskEncryptionSettingsLike, EncryptedDiskLike, VmWithEncryptionLike } from './encryptionSourceTypes.ts';
import { readAdeExtensionSettings } from './readAdeExtensionSettings.ts';

export interface EncryptionKeyVaultUse {
  /** ARM id, when any source gave it (KeyVaultResourceId, sourceVault.id). */
  vaultId?: string;
  /** Lower-case vault name (from the id or the URL host). */
  vaultName: string;
  vaultUri?: string;
  holdsBek: boolean;
  holdsKek: boolean;
  secretUrls: string[];
  keyUrls: string[];
  /** e.g. 'adeExtension', 'disk:myvm_OsDisk', 'vmStatus:myvm_OsDisk'. */
  sources: string[];
}

export type VmKeyKind = 'notEncrypted' | 'bekOnly' | 'bekAndKek' | 'unknown';

export interface EncryptionKeyVaultsResult {
  keyKind: VmKeyKind;
  vaults: EncryptionKeyVaultUse[];
  findings: BackupAccessFinding[];
}

export interface FindEncryptionKeyVaultsInput {
  vm: VmWithEncryptionLike;
  /** The VM's managed disks as returned by disks.get; optional but more precise than the extension settings. */
  disks?: EncryptedDiskLike[];
}

export function vaultKeyUsage(vault: Pick<EncryptionKeyVaultUse, 'holdsBek' | 'holdsKek'>): VaultKeyUsage {
  if (vault.holdsBek && vault.holdsKek) return 'bekAndKek';
  return vault.holdsKek ? 'kekOnly' : 'bekOnly';
}

export function findEncryptionKeyVaults(input: FindEncryptionKeyVaultsInput): EncryptionKeyVaultsResult {
  const vaults: EncryptionKeyVaultUse[] = [];
  const findings: BackupAccessFinding[] = [];

  const useVault = (id: string | undefined, url: string | undefined, source: string): EncryptionKeyVaultUse | undefined => {
    const name = id ? lastSegment(id).toLowerCase() : url ? vaultNameFromKeyVaultUrl(url) : undefined;
    if (!name) return undefined;
    let vault = vaults.find((v) => (id && v.vaultId ? sameArmId(v.vaultId, id) : v.vaultName === name));
    if (!vault) {
      vault = { vaultName: name, holdsBek: false, holdsKek: false, secretUrls: [], keyUrls: [], sources: [] };
      vaults.push(vault);
    }
    if (id && !vault.vaultId) vault.vaultId = id;
    if (url && !vault.vaultUri) vault.vaultUri = vaultUriFromKeyVaultUrl(url);
    if (!vault.sources.includes(source)) vault.sources.push(source);
    return vault;
  };
  const addSecret = (vaultId: string | undefined, secretUrl: string | undefined, source: string) => {
    const v = useVault(vaultId, secretUrl, source);
    if (!v) return;
    v.holdsBek = true;
    if (secretUrl && !v.secretUrls.includes(secretUrl)) v.secretUrls.push(secretUrl);
  };
  const addKey = (vaultId: string | undefined, keyUrl: string | undefined, source: string) => {
    const v = useVault(vaultId, keyUrl, source);
    if (!v) return;
    v.holdsKek = true;
    if (keyUrl && !v.keyUrls.includes(keyUrl)) v.keyUrls.push(keyUrl);
  };

  // 1. What the disks and the VM status record.
  let applied = false;
  const kekOnDisks: { disk: string; keyUrl: string }[] = [];
  const addApplied = (settings: DiskEncryptionSettingsLike, source: string, disk: string) => {
    if (!settings.diskEncryptionKey && !settings.keyEncryptionKey) return;
    applied = true;
    addSecret(settings.diskEncryptionKey?.sourceVault?.id, settings.diskEncryptionKey?.secretUrl, source);
    if (settings.keyEncryptionKey) {
      addKey(settings.keyEncryptionKey.sourceVault?.id, settings.keyEncryptionKey.keyUrl, source);
      kekOnDisks.push({ disk, keyUrl: settings.keyEncryptionKey.keyUrl ?? '' });
    }
  };
  for (const disk of input.disks ?? []) {
    const collection = disk.encryptionSettingsCollection;
    if (!collection || collection.enabled === false) continue;
    const name = disk.name ?? (disk.id ? lastSegment(disk.id) : 'disk');
    for (const s of collection.encryptionSettings ?? []) addApplied(s, `disk:${name}`, name);
  }
  const osDisk = input.vm.storageProfile?.osDisk;
  if (osDisk?.encryptionSettings && osDisk.encryptionSettings.enabled !== false) {
    addApplied(osDisk.encryptionSettings, `vmOsDisk:${osDisk.name ?? 'osDisk'}`, osDisk.name ?? 'osDisk');
  }
  for (const d of input.vm.instanceView?.disks ?? []) {
    for (const s of d.encryptionSettings ?? []) {
      if (s.enabled !== false) addApplied(s, `vmStatus:${d.name ?? 'disk'}`, d.name ?? 'disk');
    }
  }

  // 2. What the ADE extension was asked to do.
  const ade = readAdeExtensionSettings(input.vm.resources ?? [], ADE_EXTENSION_PUBLISHER, ADE_EXTENSION_TYPES);
  if (ade.present && !ade.disabling) {
    if (ade.keyVaultResourceId || ade.keyVaultUrl) {
      const v = useVault(ade.keyVaultResourceId, ade.keyVaultUrl, 'adeExtension');
      if (v) v.holdsBek = true;
    }
    if (ade.keyEncryptionKeyUrl || ade.kekVaultResourceId) {
      addKey(ade.kekVaultResourceId ?? ade.keyVaultResourceId, ade.keyEncryptionKeyUrl, 'adeExtension');
    }
  }

  const adeInUse = applied || (ade.present && !ade.disabling);
  if (!adeInUse) {
    findings.push(backupAccessFinding('ade.notEncrypted', 'info'));
    return { keyKind: 'notEncrypted', vaults: [], findings };
  }

  // Disagreements between the two sources: the disks win, but the user should know.
  if (applied && ade.keyEncryptionKeyUrl && kekOnDisks.length === 0) {
    findings.push(backupAccessFinding('ade.kekOnlyInSettings', 'warning', { keyUrl: ade.keyEncryptionKeyUrl }));
  }
  if (ade.present && !ade.disabling && !ade.keyEncryptionKeyUrl && kekOnDisks.length > 0) {
    findings.push(backupAccessFinding('ade.kekOnlyOnDisks', 'warning', { disk: kekOnDisks[0].disk, keyUrl: kekOnDisks[0].keyUrl }));
  }

  if (vaults.length === 0) {
    // The user will have to pick the vault; without settings we can't know the key kind either, and the
    // shell then plans for BEK + KEK (the portal template's default).
    findings.push(backupAccessFinding('ade.keyVaultNotFound', 'error'));
    findings.push(backupAccessFinding('ade.keyKindUnknown', 'warning'));
    return { keyKind: 'unknown', vaults, findings };
  }
  for (const v of vaults) {
    if (!v.vaultId) {
      findings.push(backupAccessFinding('ade.vaultResourceIdUnknown', 'warning', { vaultName: v.vaultName, vaultUri: v.vaultUri ?? '' }));
    }
  }
  // A KEK named by either source counts: extra key permissions are harmless, a missing one fails backups.
  const keyKind: VmKeyKind = vaults.some((v) => v.holdsKek) ? 'bekAndKek' : 'bekOnly';
  return { keyKind, vaults, findings };
}
