import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename } from 'node:path';
import { estimateAccessSeconds, formatDuration, parseAccessSeconds } from '../../core/exportDisk/accessDuration.ts';
import { formatBytes } from '../../core/exportDisk/formatExportProgress.ts';
import type { ExportStep } from '../../core/exportDisk/planExportSteps.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { PendingExportStore } from './PendingExportStore.ts';
import { t } from './translate.ts';

/** The folder the VHDs go to: the one used last time (or the workspace folder), or another one chosen now. */
export async function askFolder(store: PendingExportStore, fileNames: readonly string[]): Promise<string> {
  const remembered = store.lastFolder ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  let folder = remembered;
  if (remembered) {
    const here = { label: `$(folder) ${remembered}`, description: vscode.l10n.t('Save here'), folder: remembered };
    const other = { label: `$(folder-opened) ${vscode.l10n.t('Choose Another Folder…')}`, description: '', folder: undefined };
    const picked = await vscode.window.showQuickPick([here, other], {
      title: vscode.l10n.t('Where should {0} be saved?', fileNames.join(', ')), ignoreFocusOut: true,
    });
    if (!picked) throw new UserCancelledError();
    folder = picked.folder;
  }
  if (!folder) {
    const chosen = await vscode.window.showOpenDialog({
      canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
      defaultUri: vscode.Uri.file(remembered ?? homedir()), openLabel: vscode.l10n.t('Save VHD Here'),
    });
    if (!chosen?.[0]) throw new UserCancelledError();
    folder = chosen[0].fsPath;
  }
  await store.rememberFolder(folder);
  return folder;
}

/** A finished file under a planned name is replaced only when the user says so. */
export async function confirmReplacingFiles(steps: readonly ExportStep[]): Promise<void> {
  const existing = steps.flatMap((s) => (s.kind === 'export' ? [s.files.vhd, s.files.guestState, s.files.vmMetadata].filter((f): f is string => f !== undefined) : [])).filter((f) => existsSync(f));
  if (existing.length === 0) return;
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it?', existing.map((f) => basename(f)).join(', ')),
    { modal: true, detail: vscode.l10n.t('The existing file is deleted before the download starts.') },
    replace,
  );
  if (answer !== replace) throw new UserCancelledError();
  for (const file of existing) await rm(file, { force: true });
}

/** How long the download link lives: proposed from the size, editable, checked against 1…5,184,000 s. */
export async function askAccessSeconds(totalBytes: number): Promise<number> {
  const proposed = estimateAccessSeconds(totalBytes);
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('How long may the download link be used?'),
    prompt: vscode.l10n.t('Seconds, from 1 to 5,184,000 (60 days). Proposed for {0}: {1}. Access is revoked as soon as the export ends.', formatBytes(totalBytes), formatDuration(proposed)),
    value: String(proposed),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const check = parseAccessSeconds(text, t);
      return check.ok ? undefined : check.message;
    },
  });
  if (value === undefined) throw new UserCancelledError();
  const check = parseAccessSeconds(value, t);
  if (!check.ok) throw new Error(check.message);
  return check.seconds;
}
