import * as vscode from 'vscode';
import { applyAdeOperation, AdeSettingsError } from '../../azure/encryption/applyAdeOperation.ts';
import { readEncryptionTarget } from '../../azure/encryption/gatherPreflightContext.ts';
import { DEFAULT_KEY_ENCRYPTION_ALGORITHM, KEY_ENCRYPTION_ALGORITHMS, type AdeOperation, type VolumeType } from '../../core/encryption/adeModel.ts';
import { KEYS_KEPT_NOTE, readPreviousEncryptionKeys, showsEncryption } from '../../core/encryption/previousEncryptionKeys.ts';
import { parseEncryptionStatus } from '../../core/encryption/parseEncryptionStatus.ts';
import { ADE_RETIREMENT_MESSAGES } from '../../core/encryption/retirementNotice.ts';
import { hasDataDisks } from '../../core/encryption/vmDisks.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { prepareKeyVaultForEncryption } from '../adeKeyVault/prepareKeyVaultForEncryption.ts';
import { askKeyEncryptionAlgorithm } from './askKeyEncryptionAlgorithm.ts';
import { askVolumeType } from './askVolumeType.ts';
import { confirmEncryptFormatAll } from './confirmEncryptFormatAll.ts';
import type { EncryptionDeps } from './EncryptionDeps.ts';
import { pickEncryptionVm, refreshEncryptionStates } from './pickEncryptionVm.ts';
import { runPreflightDoctor } from './runPreflightDoctor.ts';
import { translateCoreText } from './translateCoreText.ts';
import { watchEncryptionRun } from './watchEncryptionRun.ts';

const t = vscode.l10n.t as (message: string, ...args: Array<string | number | boolean>) => string;
const RETIREMENT_SHOWN = 'azureLinuxVm.diskEncryption.retirementNoticeShown';

/**
 * Enable Disk Encryption…: the doctor first (blocking findings stop here), then volume type, key vault and KEK,
 * the full check with its report, EncryptFormatAll's typed confirmation when chosen, one explicit confirmation,
 * the extension PUT, and the watch to the end.
 */
export async function enableDiskEncryption(deps: EncryptionDeps, node?: ResourceNode): Promise<void> {
  const vm = await pickEncryptionVm(deps, node);
  const first = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0}…', vm.name) },
    () => readEncryptionTarget(vm.session, vm.id),
  );
  await showRetirementNoticeOnce(deps);
  // The doctor may restart the VM to finish a pending run: go on with the VM as it read it last.
  const report: { uri?: vscode.Uri } = {};
  const { target } = await runPreflightDoctor(deps, { vm, target: first, request: { operation: 'Enable' }, operationLabel: vscode.l10n.t('Enable encryption'), early: true, report });

  const dataDisks = hasDataDisks(target.vm);
  const status = parseEncryptionStatus(target.vm);
  const operation = await askOperation(dataDisks);
  const volumeType = await askVolumeType({ vmName: vm.name, vm: target.vm, operation, ...(status.extension.present || showsEncryption(status) ? { status } : {}) });
  // The key vault step picks or creates a vault in the VM's region, fixes what it must, and picks or creates the KEK.
  // An encrypted VM keeps the keys it has (article 004: changing them is not supported): they are preselected.
  const previous = showsEncryption(status) ? readPreviousEncryptionKeys(target.vm) : undefined;
  const keep = previous?.keyVaultResourceId
    ? { vault: { id: previous.keyVaultResourceId }, keepKek: { ...(previous.keyEncryptionKeyUrl ? { keyUrl: previous.keyEncryptionKeyUrl } : {}), ...(previous.kekVaultResourceId ? { vaultId: previous.kekVaultResourceId } : {}) } }
    : {};
  const prepared = await prepareKeyVaultForEncryption(deps, vm.session, target.vm, { kek: 'ask', ...keep });
  const vault = prepared.vault;
  const keptAlgorithm = KEY_ENCRYPTION_ALGORITHMS.find((a) => a === previous?.keyEncryptionAlgorithm);
  const kek = prepared.kek ? {
    keyEncryptionKeyUrl: prepared.kek.keyUrl,
    kekVaultResourceId: prepared.kek.vaultId,
    keyEncryptionAlgorithm: keep.keepKek ? keptAlgorithm ?? DEFAULT_KEY_ENCRYPTION_ALGORITHM : await askKeyEncryptionAlgorithm(),
  } : undefined;
  const request = { operation, volumeType, ...(kek ? { keyEncryptionKeyUrl: kek.keyEncryptionKeyUrl } : {}) };
  const label = operationLabel(operation, volumeType);
  const result = await runPreflightDoctor(deps, { vm, target, request, vault, operationLabel: label, early: false, report });

  if (operation === 'EnableFormatAll') await confirmEncryptFormatAll(vm.name);
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  const encrypt = vscode.l10n.t('Encrypt');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Encrypt {0} ({1})?', vm.name, label),
    {
      modal: true,
      detail: [
        vscode.l10n.t('Key vault: {0}', vault.name ?? ''),
        kek ? vscode.l10n.t('Key encryption key: {0} ({1})', kek.keyEncryptionKeyUrl, kek.keyEncryptionAlgorithm) : vscode.l10n.t('No key encryption key'),
        ...(keep.keepKek ? [translateCoreText(t, KEYS_KEPT_NOTE)] : []),
        vscode.l10n.t('Enabling encryption can restart the VM.'),
        ...(warnings.length > 0 ? ['', vscode.l10n.t('Warnings from the pre-flight check (see the report):'), ...warnings.map((f) => `• ${translateCoreText(t, f.message, f.params)}`)] : []),
      ].join('\n'),
    },
    encrypt,
  );
  if (answer !== encrypt) throw new UserCancelledError();

  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Installing Azure Disk Encryption on {0}…', vm.name) },
      () => applyAdeOperation(vm.session, vm, {
        operation, volumeType,
        keyVaultUrl: vault.properties?.vaultUri, keyVaultResourceId: vault.id,
        ...(kek ? { keyEncryptionKeyUrl: kek.keyEncryptionKeyUrl, kekVaultResourceId: kek.kekVaultResourceId, keyEncryptionAlgorithm: kek.keyEncryptionAlgorithm } : {}),
      }),
    );
  } catch (error) {
    refreshEncryptionStates(deps, vm);
    if (error instanceof AdeSettingsError) throw new Error(error.problems.map((p) => translateCoreText(t, p)).join(' '));
    throw error;
  }
  refreshEncryptionStates(deps, vm);
  await watchEncryptionRun(deps, vm);
}

async function askOperation(dataDisks: boolean): Promise<Exclude<AdeOperation, 'Disable'>> {
  if (!dataDisks) return 'Enable';
  const picked = await vscode.window.showQuickPick([
    { label: vscode.l10n.t('Encrypt in place'), detail: vscode.l10n.t('Keeps the data: volumes are encrypted as they are. Takes longer for large data volumes.'), operation: 'Enable' as const },
    { label: vscode.l10n.t('EncryptFormatAll (data volumes only)'), detail: vscode.l10n.t('Formats the mounted data partitions that meet its criteria: all data on them is lost. Faster.'), operation: 'EnableFormatAll' as const },
  ], { title: vscode.l10n.t('How should the data volumes be encrypted?'), ignoreFocusOut: true });
  if (!picked) throw new UserCancelledError();
  return picked.operation;
}

function operationLabel(operation: AdeOperation, volumeType: VolumeType): string {
  return operation === 'EnableFormatAll'
    ? vscode.l10n.t('EncryptFormatAll, volume type {0}', volumeType)
    : vscode.l10n.t('volume type {0}', volumeType);
}

async function showRetirementNoticeOnce(deps: EncryptionDeps): Promise<void> {
  if (deps.memento.get<boolean>(RETIREMENT_SHOWN)) return;
  await deps.memento.update(RETIREMENT_SHOWN, true);
  void vscode.window.showInformationMessage(
    `${translateCoreText(t, ADE_RETIREMENT_MESSAGES.message)} ${translateCoreText(t, ADE_RETIREMENT_MESSAGES.why)}`,
  );
}
