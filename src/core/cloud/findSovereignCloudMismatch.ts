import { localizable } from '../l10n/Translate.ts';
import type { CloudResolution } from './resolveCloudEndpoints.ts';

/** VS Code's `microsoft-sovereign-cloud.environment` value for each of our `azureLinuxVm.cloud` values. */
const VSCODE_ENVIRONMENT_FOR: Record<string, string> = {
  AzureCloud: '',
  AzureChinaCloud: 'ChinaCloud',
  AzureUSGovernment: 'USGovernment',
};

/**
 * VS Code's Microsoft account signs in to the cloud named by its own `microsoft-sovereign-cloud.environment`
 * setting, whatever ours says. When the two differ, the extension would sign in to one cloud and talk to the
 * other's endpoints; this says so (as a settings problem the user can fix) instead of failing later with a token
 * error. Only for sign-in through VS Code: the Azure CLI has its own cloud, and a custom cloud always uses it.
 */
export function findSovereignCloudMismatch(ourCloud: string | undefined, vscodeEnvironment: string | undefined): Extract<CloudResolution, { ok: false }> | undefined {
  const ours = ourCloud || 'AzureCloud';
  const expected = VSCODE_ENVIRONMENT_FOR[ours];
  if (expected === undefined) return undefined; // Custom, or unknown (reported by resolveCloudEndpoints)
  const actual = (vscodeEnvironment ?? '').trim();
  if (actual.toLowerCase() === expected.toLowerCase()) return undefined;
  return {
    ok: false,
    problem: localizable('azureLinuxVm.cloud is {0} but VS Code\'s Microsoft account signs in to {1} (microsoft-sovereign-cloud.environment): choose the cloud again with "Select Cloud".'),
    problemArgs: [ours, actual || 'AzureCloud'],
    setting: 'azureLinuxVm.cloud',
  };
}
