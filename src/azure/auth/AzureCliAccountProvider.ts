import type { TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import { cacheTokens } from '../../core/auth/cacheTokens.ts';
import { armScope } from '../../core/cloud/resolveCloudEndpoints.ts';
import type { AccountProvider, SubscriptionListing, SubscriptionSession, TenantInfo } from './AccountProvider.ts';
import { listSubscriptionsWithArm, listTenantsWithArm } from './listSubscriptionsWithArm.ts';

/**
 * Sign-in through the Azure CLI's own login (`az login`), for remote machines and code-server, where VS Code's
 * Microsoft account is not available. Tokens come from `az account get-access-token` via @azure/identity's
 * AzureCliCredential, one credential per tenant so multi-tenant accounts work.
 */
export class AzureCliAccountProvider implements AccountProvider {
  readonly method = 'azureCli' as const;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSession = this.changed.event;
  private readonly credentials = new Map<string, Promise<TokenCredential>>();
  private readonly cloud: CloudEndpoints;

  constructor(cloud: CloudEndpoints) {
    this.cloud = cloud;
  }

  async isSignedIn(): Promise<boolean> {
    try {
      const credential = await this.credentialFor(undefined);
      return !!(await credential.getToken(armScope(this.cloud)));
    } catch {
      return false;
    }
  }

  async signIn(): Promise<boolean> {
    if (await this.isSignedIn()) {
      this.changed.fire();
      return true;
    }
    const openTerminal = vscode.l10n.t('Run az login in a terminal');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The Azure CLI is not signed in (or not installed). Run "az login", then choose Sign In again.'),
      openTerminal,
    );
    if (choice === openTerminal) {
      const terminal = vscode.window.createTerminal({ name: 'az login' });
      terminal.show();
      terminal.sendText('az login');
    }
    return false;
  }

  async listTenants(): Promise<TenantInfo[]> {
    return listTenantsWithArm(await this.credentialFor(undefined), this.cloud);
  }

  async listSubscriptions(): Promise<SubscriptionListing> {
    const tenants = await this.listTenants();
    const subscriptions: SubscriptionSession[] = [];
    const failures: Array<{ tenantId: string; error: unknown }> = [];
    await Promise.all(
      tenants.map(async (tenant) => {
        try {
          const credential = await this.credentialFor(tenant.tenantId);
          for (const s of await listSubscriptionsWithArm(credential, this.cloud)) {
            if (s.tenantId.toLowerCase() !== tenant.tenantId.toLowerCase()) continue;
            subscriptions.push({
              subscriptionId: s.subscriptionId,
              tenantId: s.tenantId,
              name: s.displayName,
              credential,
              cloud: this.cloud,
              accountLabel: 'Azure CLI',
            });
          }
        } catch (error) {
          failures.push({ tenantId: tenant.tenantId, error });
        }
      }),
    );
    subscriptions.sort((a, b) => a.name.localeCompare(b.name));
    return { subscriptions, failures };
  }

  dispose(): void {
    this.changed.dispose();
  }

  private credentialFor(tenantId: string | undefined): Promise<TokenCredential> {
    const key = tenantId ?? '';
    let credential = this.credentials.get(key);
    if (!credential) {
      credential = createAzureCliCredential(tenantId);
      this.credentials.set(key, credential);
    }
    return credential;
  }
}

async function createAzureCliCredential(tenantId: string | undefined): Promise<TokenCredential> {
  const { AzureCliCredential } = await import('@azure/identity');
  // One `az` process per tenant and scope, not one per SDK client: see cacheTokens.
  return cacheTokens(new AzureCliCredential(tenantId ? { tenantId } : {}));
}
