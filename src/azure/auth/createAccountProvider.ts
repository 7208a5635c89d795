import type * as vscode from 'vscode';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import type { AccountProvider, SignInMethod } from './AccountProvider.ts';
import { AzureCliAccountProvider } from './AzureCliAccountProvider.ts';
import { VSCodeAccountProvider } from './VSCodeAccountProvider.ts';

/** Chooses how the user signs in. A custom cloud always goes through the CLI login (VS Code's account can't reach it). */
export function createAccountProvider(method: SignInMethod, cloud: CloudEndpoints, logger: vscode.LogOutputChannel): AccountProvider {
  return method === 'azureCli' || cloud.isCustom ? new AzureCliAccountProvider(cloud) : new VSCodeAccountProvider(logger);
}
