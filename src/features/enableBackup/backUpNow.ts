import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { readVmBackupProtection } from '../../azure/recoveryServices/readVmBackupProtection.ts';
import type { VmBackupProtection } from '../../core/enableBackup/recoveryServicesTypes.ts';
import type { VirtualMachineModel } from '../../core/resources/models.ts';
import type { Services } from '../../services.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';
import { askRetentionDate } from './askRetentionDate.ts';
import { refreshVirtualMachines } from './refreshVirtualMachines.ts';
import { runBackupJob } from './runBackupJob.ts';

/** "Back Up Now…" on a protected VM: where it is protected is asked fresh of Azure Backup, not taken from the tree. */
export async function backUpNow(s: Services, node?: ResourceNode): Promise<void> {
  const picked = await pickResource(s.accounts, s.inventories, node, ['virtualMachine']);
  const vm = picked.resource as VirtualMachineModel & { id: string };
  const vmName = vm.name ?? '';
  const protection = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking Azure Backup for {0}…', vmName) },
    () => readVmBackupProtection(picked.session, { id: vm.id, name: vm.name, location: vm.location ?? '' }),
  );
  if (!protection) {
    const enable = vscode.l10n.t('Enable Backup…');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} is not protected by Azure Backup yet.', vmName), enable);
    if (choice === enable) await vscode.commands.executeCommand('azureLinuxVm.enableBackup', node);
    return;
  }
  await backUpProtectedVm(s, picked.session, vmName, protection, node);
}

export async function backUpProtectedVm(s: Services, session: SubscriptionSession, vmName: string, protection: VmBackupProtection, node?: ResourceNode): Promise<void> {
  const expiry = await askRetentionDate(vmName);
  await runBackupJob(s.logger, session, protection, vmName, expiry);
  refreshVirtualMachines(s, session, node);
}
