import * as vscode from 'vscode';
import { resolveDiskTokenAudience } from '../../core/diskDataAccess/resolveDiskTokenAudience.ts';

export const DISK_TOKEN_AUDIENCE_SETTING = 'azureLinuxVm.customCloud.diskTokenAudience';

/** The scope of the disk token, from the setting (default https://disk.azure.com/); a wrong setting is said as such. */
export function readDiskTokenScope(): string {
  const value = vscode.workspace.getConfiguration().get<string>(DISK_TOKEN_AUDIENCE_SETTING);
  const resolved = resolveDiskTokenAudience(value);
  if (!resolved.ok) throw new Error(vscode.l10n.t(resolved.problem, ...resolved.problemArgs) + ' ' + vscode.l10n.t('Check the setting {0}.', DISK_TOKEN_AUDIENCE_SETTING));
  return resolved.scope;
}
