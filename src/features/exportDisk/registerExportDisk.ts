import * as vscode from 'vscode';
import type { Services } from '../../services.ts';
import { runCommand } from '../../shell/runCommand.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { exportDisk } from './exportDisk.ts';
import { ExportStatusBar } from './ExportStatusBar.ts';
import { PendingExportStore } from './PendingExportStore.ts';
import { offerToResumeInterruptedExports } from './resumeInterruptedExports.ts';
import { revokeDiskAccess } from './revokeDiskAccess.ts';
import type { ExportContext } from './runExportWithProgress.ts';
import { ExportLocks } from '../../core/exportDisk/exportLocks.ts';

/** "Export as VHD…" and "Revoke Disk Access…", and the offer to resume exports a restart interrupted. */
export function registerExportDisk(context: vscode.ExtensionContext, services: Services): ExportContext {
  const statusBar = new ExportStatusBar();
  const ctx: ExportContext = { services, store: new PendingExportStore(context.globalState), statusBar, locks: new ExportLocks() };
  const register = (id: string, handler: (node?: ResourceNode) => Promise<void>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(services.logger, id, handler)));
  register('azureLinuxVm.exportDisk', (node) => exportDisk(ctx, node));
  register('azureLinuxVm.revokeDiskAccess', (node) => revokeDiskAccess(ctx, node));
  context.subscriptions.push(statusBar);
  // After activation settles: asking about sign-in or subscriptions must not slow the extension's start.
  const timer = setTimeout(() => void offerToResumeInterruptedExports(ctx).catch((error) => services.logger.error('Offering to resume exports failed', error)), 3000);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return ctx;
}
