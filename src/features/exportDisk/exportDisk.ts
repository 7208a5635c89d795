import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { revokeReadAccess } from '../../azure/compute/diskAccess.ts';
import { getDiskOrSnapshot } from '../../azure/compute/getExportSource.ts';
import { getVmWithInstanceView } from '../../azure/compute/vmPower.ts';
import { attachedVmFrom } from '../../core/exportDisk/attachedVmFrom.ts';
import { activeSasQuestion } from '../../core/exportDisk/decideActiveSas.ts';
import { exportFileNames } from '../../core/exportDisk/exportFileNames.ts';
import { describeExportFailure } from '../../core/exportDisk/describeExportFailure.ts';
import { ExportInProgressError, resourceClaim } from '../../core/exportDisk/exportLocks.ts';
import { exportTargetFrom, resourceRef, type ExportKind, type ExportTarget } from '../../core/exportDisk/exportTarget.ts';
import { planConsistency, type AttachedVm } from '../../core/exportDisk/planConsistency.ts';
import { planExportSteps } from '../../core/exportDisk/planExportSteps.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';
import { askConsistency } from './askConsistency.ts';
import { askAccessSeconds, askFolder, confirmReplacingFiles } from './askDestination.ts';
import { refreshTree } from './refreshTree.ts';
import { runExportWithProgress, type ExportContext } from './runExportWithProgress.ts';
import { t } from './translate.ts';

/**
 * "Export as VHD…" on a disk, a snapshot or a VM's disk (or from the palette): gather the answers (active SAS,
 * consistency, folder, link duration), plan the steps, run them. Nothing is changed in Azure before the last answer.
 */
export async function exportDisk(ctx: ExportContext, node?: ResourceNode): Promise<void> {
  const { accounts, inventories } = ctx.services;
  const picked = await pickResource(accounts, inventories, node, ['disk', 'snapshot']);
  if (picked.kind !== 'disk' && picked.kind !== 'snapshot') throw new Error(vscode.l10n.t('Only disks and snapshots can be exported as a VHD.'));
  const session = picked.session;
  const target = await reading(picked.resource.name ?? '', () => freshTarget(session, picked.kind as ExportKind, picked.resource.id));

  refuseIfBeingExported(ctx, target);
  const question = activeSasQuestion(target, ctx.store.has(target.id), t);
  if (question) {
    const buttons = question.options.map((o) => o.label);
    const answer = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, ...buttons);
    const action = question.options.find((o) => o.label === answer)?.action;
    if (!action) throw new UserCancelledError();
    if (action === 'revokeOnly') return revokeNow(ctx, session, target);
  }

  const vm = await reading(target.name, () => attachedVm(session, target));
  const { choice, incrementalSnapshots } = await askConsistency(planConsistency(target, vm, t));
  const vmDisks = vm && choice.kind !== 'exportDirectly' && choice.disks === 'all'
    ? await reading(vm.name, () => Promise.all(vm.diskIds.map((id) => freshTarget(session, 'disk', id))))
    : undefined;
  const exporting = vmDisks ?? [target];
  const folder = await askFolder(ctx.store, exporting.map((d) => basename(exportFileNames('.', d.name, d.hasGuestState).vhd)));
  const durationSeconds = await askAccessSeconds(Math.max(...exporting.map((d) => d.sizeBytes)));
  const steps = planExportSteps({ target, vm, vmDisks, choice, incrementalSnapshots, folder, durationSeconds, now: new Date() });
  await confirmReplacingFiles(steps);
  await runExportWithProgress(ctx, session, steps, exporting.length > 1 ? vscode.l10n.t('{0} disks of {1}', exporting.length, vm?.name ?? '') : target.name);
}

/**
 * A disk this window is exporting shows as ActiveSAS: say which export has it before the active-link question,
 * which would otherwise offer to revoke (or re-grant) the link our own download is using.
 */
function refuseIfBeingExported(ctx: ExportContext, target: ExportTarget): void {
  const claim = resourceClaim(target);
  const heldBy = ctx.locks.holderOf(claim);
  if (heldBy !== undefined) throw new Error(describeExportFailure(new ExportInProgressError(claim, heldBy), target.name, t));
}

export async function freshTarget(session: SubscriptionSession, kind: ExportKind, id: string): Promise<ExportTarget> {
  const ref = resourceRef(id);
  return exportTargetFrom(kind, await getDiskOrSnapshot(session, kind, ref.resourceGroup, ref.name));
}

/** The VM holding the disk, when it is in the same subscription (a VM elsewhere cannot be acted on from here). */
async function attachedVm(session: SubscriptionSession, target: ExportTarget): Promise<AttachedVm | undefined> {
  if (!target.managedBy) return undefined;
  const ref = resourceRef(target.managedBy);
  if (ref.subscriptionId.toLowerCase() !== session.subscriptionId.toLowerCase()) return undefined;
  return attachedVmFrom(await getVmWithInstanceView(session, ref));
}

async function revokeNow(ctx: ExportContext, session: SubscriptionSession, target: ExportTarget): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Revoking access to {0}…', target.name) },
    () => revokeReadAccess(session, target));
  refreshTree(ctx.services, session);
  void vscode.window.showInformationMessage(vscode.l10n.t('Access to {0} was revoked.', target.name));
}

function reading<T>(name: string, work: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading {0}…', name) }, work));
}
