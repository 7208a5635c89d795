import * as vscode from 'vscode';
import type { CloudSettings } from '../../core/cloud/resolveCloudEndpoints.ts';
import type { SignInMethod } from './AccountProvider.ts';

export const SETTINGS_SECTION = 'azureLinuxVm';

export interface AuthSettings extends CloudSettings {
  readonly method: SignInMethod;
  readonly selectedSubscriptions: readonly string[];
}

export function readAuthSettings(): AuthSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    method: config.get<string>('auth.method') === 'azureCli' ? 'azureCli' : 'vscode',
    cloud: config.get<string>('cloud') ?? 'AzureCloud',
    customCloud: {
      resourceManagerEndpoint: config.get<string>('customCloud.resourceManagerEndpoint'),
      tokenAudience: config.get<string>('customCloud.tokenAudience'),
      caCertificateFile: config.get<string>('customCloud.caCertificateFile'),
      portalUrl: config.get<string>('customCloud.portalUrl'),
      storageEndpointSuffix: config.get<string>('customCloud.storageEndpointSuffix'),
      microsoftGraphEndpoint: config.get<string>('customCloud.microsoftGraphEndpoint'),
      microsoftGraphTokenAudience: config.get<string>('customCloud.microsoftGraphTokenAudience'),
    },
    selectedSubscriptions: config.get<string[]>('selectedSubscriptions') ?? [],
  };
}

/** Settings whose change means a new sign-in context (a new provider, subscriptions listed again). */
export function affectsSignIn(event: vscode.ConfigurationChangeEvent): boolean {
  return ['auth.method', 'cloud', 'customCloud'].some((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`))
    || event.affectsConfiguration('microsoft-sovereign-cloud');
}

/** Only which subscriptions are shown changed: the listing stays valid. */
export function affectsSelection(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SETTINGS_SECTION}.selectedSubscriptions`);
}
