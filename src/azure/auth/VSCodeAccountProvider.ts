import type { AzureSubscription, VSCodeAzureSubscriptionProvider as SubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import type { AccountProvider, SubscriptionListing, SubscriptionSession, TenantInfo } from './AccountProvider.ts';
import { listVSCodeSubscriptions } from './listVSCodeSubscriptions.ts';

/**
 * Sign-in through VS Code's built-in Microsoft account, via @microsoft/vscode-azext-azureauth. Sovereign clouds
 * are VS Code's own `microsoft-sovereign-cloud.*` settings, which that package reads; we translate its
 * environment into our endpoints so the rest of the extension sees one shape.
 */
export class VSCodeAccountProvider implements AccountProvider {
  readonly method = 'vscode' as const;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSession = this.changed.event;
  private provider: Promise<SubscriptionProvider> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly logger: vscode.LogOutputChannel;

  constructor(logger: vscode.LogOutputChannel) {
    this.logger = logger;
  }

  async isSignedIn(): Promise<boolean> {
    return (await this.getProvider()).isSignedIn();
  }

  async signIn(): Promise<boolean> {
    const signedIn = await (await this.getProvider()).signIn();
    if (signedIn) this.changed.fire();
    return signedIn;
  }

  async signInToTenant(tenantId?: string): Promise<void> {
    const provider = await this.getProvider();
    if (tenantId) {
      // A "Sign in to tenant" row: ask VS Code for a session in exactly that tenant.
      await provider.signIn(tenantId);
    } else {
      // The package lists the account's tenants that have no session yet and signs in to the one picked.
      const { signInToTenant } = await import('@microsoft/vscode-azext-azureauth');
      await signInToTenant(provider);
    }
    this.changed.fire();
  }

  async listTenants(): Promise<TenantInfo[]> {
    const tenants = await (await this.getProvider()).getTenants();
    return tenants.flatMap((t) => (t.tenantId ? [{ tenantId: t.tenantId, displayName: t.displayName }] : []));
  }

  async listSubscriptions(onFound?: (sessions: readonly SubscriptionSession[]) => void): Promise<SubscriptionListing> {
    const { getConfiguredAzureEnv, getUnauthenticatedTenants } = await import('@microsoft/vscode-azext-azureauth');
    const provider = await this.getProvider();
    const isCustom = getConfiguredAzureEnv().isCustomCloud;
    return listVSCodeSubscriptions(provider, () => getUnauthenticatedTenants(provider), (s) => toCloudEndpoints(s, isCustom), onFound);
  }

  dispose(): void {
    this.changed.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private getProvider(): Promise<SubscriptionProvider> {
    this.provider ??= this.createProvider();
    return this.provider;
  }

  private async createProvider(): Promise<SubscriptionProvider> {
    const { VSCodeAzureSubscriptionProvider } = await import('@microsoft/vscode-azext-azureauth');
    const provider = new VSCodeAzureSubscriptionProvider(this.logger);
    this.disposables.push(provider, provider.onDidSignIn(() => this.changed.fire()), provider.onDidSignOut(() => this.changed.fire()));
    return provider;
  }
}

function toCloudEndpoints(subscription: AzureSubscription, isCustom: boolean): CloudEndpoints {
  const env = subscription.environment;
  return {
    name: env.name,
    resourceManagerEndpoint: env.resourceManagerEndpointUrl,
    tokenAudience: env.managementEndpointUrl,
    portalUrl: env.portalUrl,
    storageEndpointSuffix: (env.storageEndpointSuffix ?? 'core.windows.net').replace(/^\./, ''),
    isCustom,
  };
}
