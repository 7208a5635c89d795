import type { AzureSubscription, VSCodeAzureSubscriptionProvider as SubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import type { AccountProvider, SubscriptionListing, SubscriptionSession, TenantInfo } from './AccountProvider.ts';

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

  async signInToTenant(): Promise<void> {
    // The package lists the account's tenants that have no session yet and signs in to the one picked.
    const { signInToTenant } = await import('@microsoft/vscode-azext-azureauth');
    await signInToTenant(await this.getProvider());
    this.changed.fire();
  }

  async listTenants(): Promise<TenantInfo[]> {
    const tenants = await (await this.getProvider()).getTenants();
    return tenants.flatMap((t) => (t.tenantId ? [{ tenantId: t.tenantId, displayName: t.displayName }] : []));
  }

  async listSubscriptions(onFound?: (sessions: readonly SubscriptionSession[]) => void): Promise<SubscriptionListing> {
    const { getConfiguredAzureEnv } = await import('@microsoft/vscode-azext-azureauth');
    const provider = await this.getProvider();
    // Unfiltered: our own setting (azureLinuxVm.selectedSubscriptions) decides what the tree shows.
    const subscriptions = await provider.getSubscriptions(false);
    const seen = new Set<string>();
    const sessions: SubscriptionSession[] = subscriptions
      .filter((s) => !seen.has(s.subscriptionId) && seen.add(s.subscriptionId))
      .map((s) => ({
        subscriptionId: s.subscriptionId,
        tenantId: s.tenantId,
        name: s.name,
        credential: s.credential,
        cloud: toCloudEndpoints(s, getConfiguredAzureEnv().isCustomCloud),
        accountLabel: s.account?.label ?? '',
      }));
    if (sessions.length) onFound?.(sessions);
    return { subscriptions: sessions, failures: [] };
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
