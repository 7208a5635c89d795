import type * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands.ts';
import { registerAdeKeyVault } from './features/adeKeyVault/registerAdeKeyVault.ts';
import { registerBackupAccess } from './features/backupAccess/registerBackupAccess.ts';
import { registerImageBuilder } from './features/imageBuilder/registerImageBuilder.ts';
import { registerImageTemplateEditor } from './features/imageTemplateEditor/registerImageTemplateEditor.ts';
import { registerDiskDataAccess } from './features/diskDataAccess/registerDiskDataAccess.ts';
import { registerDiskEncryption } from './features/diskEncryption/registerDiskEncryption.ts';
import { registerEnableBackup } from './features/enableBackup/registerEnableBackup.ts';
import { registerExportDisk } from './features/exportDisk/registerExportDisk.ts';
import { preloadAzureSdk } from './azure/preloadAzureSdk.ts';
import { createServices } from './services.ts';

export function activate(context: vscode.ExtensionContext): void {
  const services = createServices(context);
  registerCommands(context, services);
  registerBackupAccess(context, services);
  registerEnableBackup(context, services);
  registerDiskEncryption(context, services);
  registerAdeKeyVault(context, services);
  registerDiskDataAccess(context, services);
  registerExportDisk(context, services);
  registerImageTemplateEditor(context, services);
  registerImageBuilder(context, services);
  context.subscriptions.push(preloadAzureSdk());
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
