import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { checkVaultName, createVault, listResourceGroups } from '../../azure/keyVault/keyVaultManagement.ts';
import { signedInIdentity } from '../../azure/keyVault/signedInIdentity.ts';
import { planNewVault, type VaultSku } from '../../core/adeKeyVault/planNewVault.ts';
import { suggestVaultName, validateVaultName } from '../../core/adeKeyVault/validateVaultName.ts';
import type { KeyVaultLike } from '../../core/encryption/adeModel.ts';
import { parseArmResourceId } from '../../core/encryption/armResourceId.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { AdeKeyVaultDeps } from './adeKeyVaultDeps.ts';

/** Where the new vault must be: the VM's region and subscription (ADE requires both). */
export interface VaultPlacement {
  readonly location: string;
  readonly vmName?: string;
  readonly vmResourceGroup?: string;
}

/** Asks name, resource group, SKU and purge protection, then creates the vault (cancellable). */
export async function createKeyVaultForVm(deps: AdeKeyVaultDeps, session: SubscriptionSession, placement: VaultPlacement): Promise<KeyVaultLike> {
  const title = vscode.l10n.t('Create a key vault in {0}', placement.location);
  const name = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Key vault name (3-24 letters, digits and hyphens; unique in all of Azure)'),
    value: suggestVaultName(placement.vmName, placement.location),
    ignoreFocusOut: true,
    validateInput: async (value) => {
      const problem = validateVaultName(value);
      if (problem) return vscode.l10n.t(problem);
      const taken = await checkVaultName(session, value).catch(() => undefined);
      return taken ? vscode.l10n.t('This name cannot be used: {0}', taken) : undefined;
    },
  });
  if (!name) throw new UserCancelledError();

  const groups = await listResourceGroups(session);
  const groupItems = groups
    .sort((a, b) => Number(b.name === placement.vmResourceGroup) - Number(a.name === placement.vmResourceGroup))
    .map((g) => ({ label: g.name, description: g.name === placement.vmResourceGroup ? vscode.l10n.t('the VM\'s resource group · {0}', g.location) : g.location }));
  const group = await vscode.window.showQuickPick(groupItems, { title, placeHolder: vscode.l10n.t('Resource group for {0}', name), ignoreFocusOut: true });
  if (!group) throw new UserCancelledError();

  const sku = await vscode.window.showQuickPick([
    { label: vscode.l10n.t('Standard'), detail: vscode.l10n.t('Software-protected keys.'), sku: 'standard' as VaultSku },
    { label: vscode.l10n.t('Premium'), detail: vscode.l10n.t('Also HSM-protected keys (RSA-HSM) for the key encryption key.'), sku: 'premium' as VaultSku },
  ], { title, placeHolder: vscode.l10n.t('Pricing tier'), ignoreFocusOut: true });
  if (!sku) throw new UserCancelledError();

  const purge = await vscode.window.showQuickPick([
    { label: vscode.l10n.t('Purge protection on (recommended)'), detail: vscode.l10n.t('A deleted vault or key stays recoverable for 90 days and cannot be purged early, so the encrypted disks can always be unlocked. It cannot be turned off later.'), on: true },
    { label: vscode.l10n.t('Purge protection off'), detail: vscode.l10n.t('Deleted keys can be purged at once: if the key that unlocks the disks is purged, their data is lost.'), on: false },
  ], { title, placeHolder: vscode.l10n.t('Soft delete is always on; purge protection is recommended'), ignoreFocusOut: true });
  if (!purge) throw new UserCancelledError();

  const me = await signedInIdentity(session);
  const body = planNewVault({ location: placement.location, tenantId: me.tenantId ?? session.tenantId, sku: sku.sku, purgeProtection: purge.on, userObjectId: me.objectId });
  const vault = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating key vault {0} in {1}…', name, placement.location), cancellable: true },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return createVault(session, group.label, name, body, abort.signal);
    },
  );
  deps.logger.info(`Created key vault ${vault.id} (${sku.sku}, purge protection ${purge.on ? 'on' : 'off'})`);
  deps.inventories.for(session).invalidate('keyVault');
  deps.tree?.refresh();
  return vault;
}

export function resourceGroupOf(id: string | undefined): string | undefined {
  return parseArmResourceId(id)?.resourceGroup;
}
