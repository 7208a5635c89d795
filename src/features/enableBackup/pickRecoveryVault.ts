import * as vscode from 'vscode';
import type { Vault } from '@azure/arm-recoveryservices';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { createRecoveryVault, listRecoveryVaults } from '../../azure/recoveryServices/recoveryVaults.ts';
import { partitionVaultsForVm } from '../../core/enableBackup/chooseRecoveryVault.ts';
import { suggestRecoveryVaultName, validateRecoveryVaultName } from '../../core/enableBackup/recoveryVaultName.ts';
import type { VmForBackup } from '../../core/enableBackup/recoveryServicesTypes.ts';
import { parseResourceId } from '../../core/resources/parseResourceId.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { t } from './translate.ts';

type VaultItem = vscode.QuickPickItem & { vault?: Vault & { id: string }; create?: true; problem?: string };

/**
 * Vaults that can protect the VM first (same region and subscription), then "create a new one", then the others
 * with the reason they can't, so a person who expected a vault sees why it isn't offered.
 */
export async function pickRecoveryVault(session: SubscriptionSession, vm: VmForBackup & { location: string }, usesAde: boolean): Promise<Vault & { id: string }> {
  const quickPick = vscode.window.createQuickPick<VaultItem>();
  quickPick.title = vscode.l10n.t('Recovery Services vault for {0}', vm.name ?? '');
  quickPick.placeholder = vscode.l10n.t('Loading…');
  quickPick.busy = true;
  quickPick.ignoreFocusOut = true;
  quickPick.show();
  let vaults: Vault[];
  try {
    vaults = (await listRecoveryVaults(session)).filter((v) => v.id);
    const { usable, unusable } = partitionVaultsForVm(vm, vaults as Array<Vault & { id: string }>, usesAde, t);
    quickPick.items = [
      ...usable.map((vault): VaultItem => ({ label: `$(archive) ${vault.name}`, description: vault.location, detail: resourceGroupLabel(vault.id), vault })),
      { label: `$(add) ${vscode.l10n.t('Create a new vault in {0}…', vm.location)}`, create: true },
      ...(unusable.length ? [{ label: vscode.l10n.t('Cannot protect this VM'), kind: vscode.QuickPickItemKind.Separator } as VaultItem] : []),
      ...unusable.map(({ vault, problem }): VaultItem => ({ label: `$(circle-slash) ${vault.name}`, description: vault.location, detail: problem, vault, problem })),
    ];
    quickPick.placeholder = usable.length ? vscode.l10n.t('Pick a vault in {0}', vm.location) : vscode.l10n.t('No vault in {0} yet: create one', vm.location);
    quickPick.busy = false;
    const picked = await new Promise<VaultItem | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
    });
    if (!picked) throw new UserCancelledError();
    if (picked.problem) throw new Error(picked.problem);
    if (picked.vault) return picked.vault;
  } finally {
    quickPick.dispose();
  }
  return createVaultForVm(session, vm, vaults);
}

/** Asks a name (suggested from the region) and creates the vault in the VM's resource group and region. */
async function createVaultForVm(session: SubscriptionSession, vm: VmForBackup & { location: string }, vaults: readonly Vault[]): Promise<Vault & { id: string }> {
  const resourceGroup = parseResourceId(vm.id)!.resourceGroup;
  const taken = vaults.filter((v) => v.id && parseResourceId(v.id)?.resourceGroup.toLowerCase() === resourceGroup.toLowerCase()).map((v) => v.name ?? '');
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Recovery Services vault'),
    prompt: vscode.l10n.t('Name of the vault to create in resource group {0}, region {1}', resourceGroup, vm.location),
    value: suggestRecoveryVaultName(vm.location, taken),
    ignoreFocusOut: true,
    validateInput: (value) => validateRecoveryVaultName(value, taken, t),
  });
  if (!name) throw new UserCancelledError();
  const vault = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating vault {0} in {1}…', name.trim(), vm.location) },
    () => createRecoveryVault(session, resourceGroup, name.trim(), vm.location),
  );
  return vault as Vault & { id: string };
}

function resourceGroupLabel(id: string): string {
  const rg = parseResourceId(id)?.resourceGroup;
  return rg ? vscode.l10n.t('Resource group: {0}', rg) : '';
}
