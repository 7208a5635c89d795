import * as vscode from 'vscode';
import { diskRefFromId } from '../../azure/diskDataAccess/diskRef.ts';
import { getDiskForAccess } from '../../azure/diskDataAccess/getDiskForAccess.ts';
import type { Services } from '../../services.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';
import { MissingDownloadRoleError, prepareEntraIdDownload } from './prepareEntraIdDownload.ts';

/**
 * "Can I download this disk?" before starting a long export: for an Entra-ID disk, the role check and a token for
 * the disk audience; otherwise says a SAS alone is enough. A missing role offers the command an owner runs.
 */
export async function checkDiskDownloadAccess(s: Services, node?: ResourceNode): Promise<void> {
  const picked = await pickResource(s.accounts, s.inventories, node, ['disk', 'snapshot']);
  const ref = diskRefFromId(picked.resource.id);
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking download access to {0}…', ref.name) },
    async () => {
      const disk = await getDiskForAccess(picked.session, ref);
      try {
        const prepared = await prepareEntraIdDownload(picked.session, ref, disk);
        // Proves the token can be had now (sign-in, consent, audience), not only that the role exists.
        if (prepared.getBearerToken) await prepared.getBearerToken(new AbortController().signal);
        return { entra: Boolean(prepared.getBearerToken) } as const;
      } catch (error) {
        if (error instanceof MissingDownloadRoleError) return { missing: error } as const;
        throw error;
      }
    },
  );
  if ('missing' in outcome && outcome.missing) {
    s.logger.info(`Download access to ${ref.id}: missing ${outcome.missing.explanation.detail}`);
    const copy = vscode.l10n.t('Copy Command for an Owner');
    const choice = await vscode.window.showWarningMessage(outcome.missing.message, { detail: outcome.missing.explanation.detail }, copy);
    if (choice === copy) await vscode.env.clipboard.writeText(outcome.missing.explanation.grantCommand);
    return;
  }
  void vscode.window.showInformationMessage('entra' in outcome && outcome.entra
    ? vscode.l10n.t('You can download {0}: it is secured with Microsoft Entra ID, your role allows the download, and a token for the disk was issued.', ref.name)
    : vscode.l10n.t('You can download {0} with a SAS alone: it is not secured with Microsoft Entra ID.', ref.name));
}
