import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { revokeReadAccess } from '../../azure/compute/diskAccess.ts';
import { resourceClaim } from '../../core/exportDisk/exportLocks.ts';
import { findActiveSasResources } from '../../core/exportDisk/findActiveSasResources.ts';
import { resourceRef, type DiskLikeModel, type ExportKind } from '../../core/exportDisk/exportTarget.ts';
import { describeAzureError } from '../../core/errors/describeAzureError.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickSubscription } from '../pickers/pickSubscription.ts';
import { refreshTree } from './refreshTree.ts';
import type { ExportContext } from './runExportWithProgress.ts';

interface Revocable {
  readonly session: SubscriptionSession;
  readonly kind: ExportKind;
  readonly id: string;
  readonly name: string;
}

/**
 * "Revoke Disk Access…": on a node with an active SAS, that one; from the palette, every disk and snapshot with an
 * active SAS across the selected subscriptions, to choose from. Always confirmed: someone may be downloading.
 */
export async function revokeDiskAccess(ctx: ExportContext, node?: ResourceNode): Promise<void> {
  const chosen = node && (node.kind === 'disk' || node.kind === 'snapshot')
    ? [{ session: node.session, kind: node.kind, id: node.resource.id, name: node.resource.name ?? '' }]
    : await pickActive(ctx);
  const names = chosen.map((c) => c.name).join(', ');
  const revoke = vscode.l10n.t('Revoke Access');
  // The link may be our own export's: say so, since revoking ends that export too.
  const ours = chosen.flatMap((c) => {
    const heldBy = ctx.locks.holderOf(resourceClaim(c));
    if (heldBy === undefined) return [];
    return [heldBy === c.name
      ? vscode.l10n.t('This window is exporting {0} now: revoking cuts that export off. To stop it, cancel it from its notification instead: it revokes the link itself, and a later export continues from its partial file.', c.name)
      : vscode.l10n.t('This window is exporting {0} now ({1}): revoking cuts that export off. To stop it, cancel it from its notification instead: it revokes the link itself, and a later export continues from its partial file.', c.name, heldBy)];
  });
  const sure = await vscode.window.showWarningMessage(
    vscode.l10n.t('Revoke access to {0}?', names),
    { modal: true, detail: [vscode.l10n.t('Anyone downloading with the current link is cut off. The disk can be attached and used again afterwards.'), ...ours].join('\n\n') },
    revoke,
  );
  if (sure !== revoke) throw new UserCancelledError();
  const failures: string[] = [];
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Revoking access to {0}…', names) }, async () => {
    await Promise.all(chosen.map(async (item) => {
      try {
        await revokeReadAccess(item.session, { kind: item.kind, ...resourceRef(item.id) });
      } catch (error) {
        ctx.services.logger.error(`Revoking access to ${item.name} failed`, error);
        const summary = describeAzureError(error);
        failures.push(`${item.name}: ${summary.code ? `${summary.code}: ` : ''}${summary.message}`);
      }
    }));
  });
  for (const session of new Set(chosen.map((c) => c.session))) refreshTree(ctx.services, session);
  if (failures.length > 0) throw new Error(vscode.l10n.t('Access could not be revoked for {0}', failures.join('; ')));
  void vscode.window.showInformationMessage(vscode.l10n.t('Access to {0} was revoked.', names));
}

async function pickActive(ctx: ExportContext): Promise<Revocable[]> {
  await pickSubscription(ctx.services.accounts); // signs in when needed
  const { selected } = await ctx.services.accounts.getSubscriptions();
  const listings = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for disks and snapshots with an active download link…') },
    () => Promise.all(selected.map(async (session) => {
      const inventory = ctx.services.inventories.for(session);
      inventory.invalidate('disk');
      inventory.invalidate('snapshot');
      const [disks, snapshots] = await Promise.all([inventory.get<DiskLikeModel>('disk'), inventory.get<DiskLikeModel>('snapshot')]);
      return { session, disks, snapshots };
    })),
  );
  const active = findActiveSasResources(listings);
  if (active.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No disk or snapshot in the selected subscriptions has an active download link.'));
    throw new UserCancelledError();
  }
  const items = active.map((a) => ({
    label: `$(warning) ${a.resource.name ?? ''}`,
    description: `${a.kind === 'disk' ? vscode.l10n.t('Disk') : vscode.l10n.t('Snapshot')} · ${a.resource.diskState ?? ''}`,
    detail: `${a.session.name} · ${resourceRef(a.resource.id).resourceGroup}`,
    picked: true,
    item: { session: a.session, kind: a.kind, id: a.resource.id, name: a.resource.name ?? '' },
  }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Revoke access to which disks and snapshots?'), ignoreFocusOut: true });
  if (!picked || picked.length === 0) throw new UserCancelledError();
  return picked.map((p) => p.item);
}
