import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { readVmEncryptionSources, type VmEncryptionSources } from '../../azure/keyVaultAccess/readVmEncryptionSources.ts';
import { sameArmId } from '../../core/backupAccess/armResourceIds.ts';
import type { VaultKeyUsage } from '../../core/backupAccess/backupAccessTypes.ts';
import { findEncryptionKeyVaults, vaultKeyUsage, type EncryptionKeyVaultsResult } from '../../core/backupAccess/findEncryptionKeyVaults.ts';
import type { ArmResource } from '../../core/resources/models.ts';
import type { Services } from '../../services.ts';
import { pickResource } from '../pickers/pickResource.ts';

export interface VaultUse {
  vaultId: string;
  keyUsage: VaultKeyUsage;
}

export interface VmVaultUses {
  sources: VmEncryptionSources;
  encryption: EncryptionKeyVaultsResult;
  vaults: VaultUse[];
}

/**
 * The key vaults a VM's encryption uses, each with an ARM id. A vault known only by its URL is looked up by name
 * among the subscription's vaults; when none is found at all, the user picks the vault (and BEK + KEK is assumed,
 * the portal template's default, since nothing says which keys it holds).
 */
export async function gatherVaultUses(s: Services, session: SubscriptionSession, vmId: string): Promise<VmVaultUses> {
  const sources = await readVmEncryptionSources(session, vmId);
  const encryption = findEncryptionKeyVaults({ vm: sources.vm, disks: sources.disks });
  if (encryption.keyKind === 'notEncrypted') return { sources, encryption, vaults: [] };
  const vaults: VaultUse[] = [];
  let listed: Array<ArmResource & { id?: string }> | undefined;
  for (const use of encryption.vaults) {
    let id = use.vaultId;
    if (!id) {
      listed ??= await s.inventories.for(session).get<ArmResource>('keyVault');
      id = listed.find((v) => v.name?.toLowerCase() === use.vaultName)?.id;
    }
    if (id && !vaults.some((v) => sameArmId(v.vaultId, id))) vaults.push({ vaultId: id, keyUsage: vaultKeyUsage(use) });
  }
  if (vaults.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The key vault of this VM\'s disk encryption could not be found. Pick the key vault that holds its disk encryption secret.'));
    const picked = await pickResource(s.accounts, s.inventories, undefined, ['keyVault']);
    vaults.push({ vaultId: picked.resource.id, keyUsage: 'bekAndKek' });
  }
  return { sources, encryption, vaults };
}
