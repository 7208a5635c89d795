import * as vscode from 'vscode';
import type { Vault } from '@azure/arm-keyvault';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { updateVault } from '../../azure/keyVault/keyVaultManagement.ts';
import type { VaultFix, VaultReadiness } from '../../core/adeKeyVault/assessVaultForEncryption.ts';
import { planVaultPatch } from '../../core/adeKeyVault/planVaultPatch.ts';
import type { KeyVaultLike } from '../../core/encryption/adeModel.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { translate, type AdeKeyVaultDeps } from './adeKeyVaultDeps.ts';

/**
 * Shows what the vault lacks and fixes it with ONE confirmation and one PATCH. Purge protection is irreversible, so
 * the dialog also offers the other fixes without it; when only recommendations are missing the user may go on
 * without changes. Returns the vault as it is afterwards.
 */
export async function offerVaultFixes(
  deps: AdeKeyVaultDeps, session: SubscriptionSession, vault: KeyVaultLike & { id: string }, readiness: VaultReadiness,
): Promise<KeyVaultLike> {
  const fixes = readiness.fixes;
  if (fixes.length === 0) return vault;
  const required = fixes.some((f) => f.required);
  const purge = fixes.find((f) => f.kind === 'purgeProtection');
  const applyAll = vscode.l10n.t('Apply Fixes');
  const withoutPurge = vscode.l10n.t('Apply Without Purge Protection');
  const asIs = vscode.l10n.t('Continue Without Changes');
  const buttons = [applyAll];
  if (purge && fixes.length > 1 && fixes.filter((f) => f !== purge).some((f) => f.required)) buttons.push(withoutPurge);
  if (!required) buttons.push(asIs);
  const detail = [
    ...fixes.map((f) => `• ${translate(f.problem)}`),
    '',
    vscode.l10n.t('One update of the vault will:'),
    ...fixes.map((f) => `  – ${translate(f.action)}`),
  ].join('\n');
  const choice = await vscode.window.showWarningMessage(
    required
      ? vscode.l10n.t('Key vault {0} is not ready for Azure Disk Encryption.', vault.name ?? '')
      : vscode.l10n.t('Key vault {0} can be used, but its keys are not protected against deletion.', vault.name ?? ''),
    { modal: true, detail },
    ...buttons,
  );
  if (!choice) throw new UserCancelledError();
  if (choice === asIs) return vault;
  const chosen: VaultFix[] = choice === withoutPurge ? fixes.filter((f) => f !== purge) : [...fixes];
  const patch = planVaultPatch(chosen.map((f) => f.kind));
  if (!patch) return vault;
  const updated: Vault = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating key vault {0}…', vault.name ?? '') },
    () => updateVault(session, vault.id, patch),
  );
  deps.logger.info(`Key vault ${vault.id}: applied ${chosen.map((f) => f.kind).join(', ')}`);
  deps.inventories.for(session).invalidate('keyVault');
  deps.tree?.refresh();
  vscode.window.setStatusBarMessage(vscode.l10n.t('Key vault {0} updated for Azure Disk Encryption', vault.name ?? ''), 5000);
  return updated;
}
