import * as vscode from 'vscode';
import type { Services } from '../../services.ts';
import { runCommand } from '../../shell/runCommand.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { exportDiskToStorage } from '../exportToStorage/exportDiskToStorage.ts';
import { checkDiskDownloadAccess } from './checkDiskDownloadAccess.ts';
import { setDiskDataAccessMode } from './setDiskDataAccessMode.ts';

export const SET_DISK_DATA_ACCESS_MODE = 'azureLinuxVm.setDiskDataAccessMode';
export const CHECK_DISK_DOWNLOAD_ACCESS = 'azureLinuxVm.checkDiskDownloadAccess';
export const EXPORT_DISK_TO_STORAGE = 'azureLinuxVm.exportDiskToStorageAccount';

/** Entra-ID-secured disks (mode, role check) and export to a storage account; each from the tree or the palette. */
export function registerDiskDataAccess(context: vscode.ExtensionContext, s: Services): void {
  const register = (id: string, handler: (node?: ResourceNode) => Promise<void>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(s.logger, id, handler)));
  register(SET_DISK_DATA_ACCESS_MODE, (node) => setDiskDataAccessMode(s, node));
  register(CHECK_DISK_DOWNLOAD_ACCESS, (node) => checkDiskDownloadAccess(s, node));
  register(EXPORT_DISK_TO_STORAGE, (node) => exportDiskToStorage(s, node));
}
