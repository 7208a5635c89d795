import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { listStorageAccounts, type StorageAccountChoice } from '../../azure/storageAccounts/listStorageAccounts.ts';
import { listContainerNames, openBlobService } from '../../azure/storageAccounts/openBlobService.ts';
import { defaultBlobName, suggestContainerName, validateBlobName, validateContainerName } from '../../core/diskDataAccess/validateStorageNames.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { BlobServiceClient } from '@azure/storage-blob';

export interface ExportDestination {
  readonly account: StorageAccountChoice;
  readonly service: BlobServiceClient;
  readonly containerName: string;
  readonly blobName: string;
  readonly containerExists: boolean;
}

/** Container (existing, or a new one) -> blob name (`<disk>.vhd`) in the chosen account, asking before overwriting. */
export async function pickExportDestination(session: SubscriptionSession, account: StorageAccountChoice, diskName: string): Promise<ExportDestination> {
  const service = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading containers of {0}…', account.name) },
    () => openBlobService(session, account),
  );
  const containers = await listContainerNames(service);
  const newItem = { label: `$(add) ${vscode.l10n.t('New container…')}`, name: undefined as string | undefined };
  const picked = await vscode.window.showQuickPick(
    [newItem, ...containers.map((name) => ({ label: `$(folder) ${name}`, name }))],
    { title: vscode.l10n.t('Container in {0} for {1}', account.name, diskName), ignoreFocusOut: true },
  );
  if (!picked) throw new UserCancelledError();
  let containerName = picked.name;
  if (!containerName) {
    containerName = await vscode.window.showInputBox({
      title: vscode.l10n.t('New container in {0}', account.name),
      value: suggestContainerName('vhd-exports'),
      ignoreFocusOut: true,
      validateInput: (value) => {
        const problem = validateContainerName(value);
        if (problem) return vscode.l10n.t(problem.message, ...problem.args);
        return containers.includes(value) ? vscode.l10n.t('Container {0} already exists: pick it from the list instead.', value) : undefined;
      },
    });
    if (!containerName) throw new UserCancelledError();
  }
  const blobName = await vscode.window.showInputBox({
    title: vscode.l10n.t('Blob name for {0}', diskName),
    value: defaultBlobName(diskName),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const problem = validateBlobName(value);
      return problem ? vscode.l10n.t(problem.message, ...problem.args) : undefined;
    },
  });
  if (!blobName) throw new UserCancelledError();
  const containerExists = containers.includes(containerName);
  if (containerExists && (await service.getContainerClient(containerName).getBlobClient(blobName).exists())) {
    const overwrite = vscode.l10n.t('Overwrite');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0}/{1} already exists in {2}. Overwrite it?', containerName, blobName, account.name), { modal: true }, overwrite,
    );
    if (answer !== overwrite) throw new UserCancelledError();
  }
  return { account, service, containerName, blobName, containerExists };
}

/** The subscription's storage accounts, each with kind, SKU and region (the plan refuses unusable ones). */
export async function pickStorageAccount(session: SubscriptionSession): Promise<StorageAccountChoice> {
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { account: StorageAccountChoice }>();
  quickPick.title = vscode.l10n.t('Storage account to copy the VHD into');
  quickPick.placeholder = vscode.l10n.t('Loading…');
  quickPick.busy = true;
  quickPick.ignoreFocusOut = true;
  quickPick.matchOnDescription = true;
  quickPick.show();
  try {
    const accounts = await listStorageAccounts(session);
    if (accounts.length === 0) throw new Error(vscode.l10n.t('There are no storage accounts in {0}. Create one (general-purpose v2) first.', session.name));
    quickPick.items = accounts.map((account) => ({
      label: `$(database) ${account.name}`,
      description: [account.kind, account.sku?.name, account.location].filter(Boolean).join(' · '),
      detail: vscode.l10n.t('Resource group: {0}', account.resourceGroup),
      account,
    }));
    quickPick.placeholder = vscode.l10n.t('Type to filter');
    quickPick.busy = false;
    const picked = await new Promise<(typeof quickPick.items)[number] | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
    });
    if (!picked) throw new UserCancelledError();
    return picked.account;
  } finally {
    quickPick.dispose();
  }
}
