import * as vscode from 'vscode';
import { diskRefFromId } from '../../azure/diskDataAccess/diskRef.ts';
import { getDiskForAccess } from '../../azure/diskDataAccess/getDiskForAccess.ts';
import { exportDiskToStorageAccount } from '../../azure/storageAccounts/exportDiskToStorageAccount.ts';
import { planStorageExport } from '../../core/diskDataAccess/planStorageExport.ts';
import { describeAzureError } from '../../core/errors/describeAzureError.ts';
import type { Services } from '../../services.ts';
import { isUserCancelled, UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';
import { pickExportDestination, pickStorageAccount } from './pickExportDestination.ts';

/**
 * Export a disk or snapshot into a storage account instead of downloading it (too large, too far): Azure copies
 * the VHD's page blob from the disk's SAS into `<container>/<disk>.vhd`, we show its progress, and access to the
 * disk is revoked at the end whatever happened. The destination keeps no SAS.
 */
export async function exportDiskToStorage(s: Services, node?: ResourceNode): Promise<void> {
  const picked = await pickResource(s.accounts, s.inventories, node, ['disk', 'snapshot']);
  const ref = diskRefFromId(picked.resource.id);
  const disk = await getDiskForAccess(picked.session, ref);
  const account = await pickStorageAccount(picked.session);
  const t = (message: string, ...args: Array<string | number | boolean>) => vscode.l10n.t(message, ...args);
  const plan = planStorageExport(disk, account, t);
  const blocking = plan.findings.find((f) => f.severity === 'error');
  if (blocking) throw new Error(blocking.message);

  if (disk.diskState === 'ActiveSAS' || disk.diskState === 'ActiveSASFrozen') {
    const proceed = vscode.l10n.t('Copy Anyway');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already has an active SAS: someone may be downloading it. The copy ends by revoking access, which stops their download.', ref.name),
      { modal: true }, proceed,
    );
    if (answer !== proceed) throw new UserCancelledError();
  }
  const destination = await pickExportDestination(picked.session, account, ref.name);
  const target = `${account.name}/${destination.containerName}/${destination.blobName}`;
  const copy = vscode.l10n.t('Copy');
  const detail = [
    ...plan.findings.map((f) => f.message),
    destination.containerExists ? '' : vscode.l10n.t('Container {0} will be created (private).', destination.containerName),
    vscode.l10n.t('Read access to {0} is granted for the copy and revoked when it ends, whether it succeeds, fails or is cancelled.', ref.name),
  ].filter(Boolean).join('\n\n');
  if ((await vscode.window.showInformationMessage(vscode.l10n.t('Copy {0} to {1}?', ref.name, target), { modal: true, detail }, copy)) !== copy) {
    throw new UserCancelledError();
  }

  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0} to {1}', ref.name, target), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        return await exportDiskToStorageAccount(picked.session, ref, { service: destination.service, containerName: destination.containerName, blobName: destination.blobName, sourceResourceId: ref.id }, {
          grantSeconds: plan.grantSeconds,
          signal: controller.signal,
          onPhase: (phase) => progress.report({
            message: phase === 'granting' ? vscode.l10n.t('Granting read access…') : phase === 'copying' ? vscode.l10n.t('Azure is copying…') : vscode.l10n.t('Revoking access…'),
          }),
          onProgress: (p) => {
            progress.report({ increment: Math.max(0, p.percent - reported), message: vscode.l10n.t('Azure is copying… {0}%', p.percent) });
            reported = Math.max(reported, p.percent);
          },
        });
      } catch (error) {
        if (controller.signal.aborted || isUserCancelled(error)) return 'cancelled' as const;
        throw error;
      }
    },
  );
  s.tree.refresh(node?.parent);
  if (outcome === 'cancelled') {
    void vscode.window.showInformationMessage(vscode.l10n.t('The export of {0} was cancelled; access to it was revoked.', ref.name));
    return;
  }
  if (outcome.kind === 'revokeFailed') {
    s.logger.error(`Revoking access to ${ref.id} failed`, outcome.revokeError);
    const reason = describeAzureError(outcome.revokeError).message;
    throw new Error(outcome.copied
      ? vscode.l10n.t('{0} was copied to {1}, but revoking access to the disk failed ({2}): it still has an active SAS. Revoke it from the tree or with "az disk revoke-access".', ref.name, target, reason)
      : vscode.l10n.t('The copy of {0} failed, and revoking access to the disk failed too ({1}): it still has an active SAS. Revoke it from the tree or with "az disk revoke-access".', ref.name, reason));
  }
  const blobUrl = destination.service.getContainerClient(destination.containerName).getBlobClient(destination.blobName).url;
  s.logger.info(`Exported ${ref.id} to ${blobUrl}; access revoked`);
  const copyUrl = vscode.l10n.t('Copy Blob URL');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} was copied to {1}. Access to the disk was revoked.', ref.name, target), copyUrl);
  if (choice === copyUrl) await vscode.env.clipboard.writeText(blobUrl);
}
