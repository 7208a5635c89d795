import * as vscode from 'vscode';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import { armScope } from '../../core/cloud/resolveCloudEndpoints.ts';
import type { AccountProvider, SubscriptionListing, TenantInfo } from './AccountProvider.ts';
import { azureCliCredentials, listAzureCliSubscriptions, type CredentialForTenant, type OnSubscriptionsFound } from './listAzureCliSubscriptions.ts';
import { listTenantsWithArm } from './listSubscriptionsWithArm.ts';

/**
 * Sign-in through the Azure CLI's own login (`az login`), for remote machines and code-server, where VS Code's
 * Microsoft account is not available. Tokens come from `az account get-access-token` via @azure/identity's
 * AzureCliCredential, one credential per tenant so multi-tenant accounts work.
 */
export class AzureCliAccountProvider implements AccountProvider {
  readonly method = 'azureCli' as const;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSession = this.changed.event;
  private readonly credentialFor: CredentialForTenant = azureCliCredentials();
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

  async signInToTenant(knownTenantId?: string): Promise<void> {
    const tenantId = knownTenantId ?? await vscode.window.showInputBox({
      title: vscode.l10n.t('Sign in to another tenant with the Azure CLI'),
      prompt: vscode.l10n.t('Tenant ID or domain (for example contoso.onmicrosoft.com)'),
      ignoreFocusOut: true,
      validateInput: (value) => (/^[\w.-]+$/.test(value.trim()) ? undefined : vscode.l10n.t('Enter a tenant ID (GUID) or a domain name.')),
    });
    // Typed into a terminal: only a tenant ID or domain name gets there, never shell syntax.
    if (!tenantId || !/^[\w.-]+$/.test(tenantId.trim())) return;
    // The CLI owns its login: run it where the user can answer its prompts (browser or device code).
    const terminal = vscode.window.createTerminal({ name: 'az login' });
    terminal.show();
    terminal.sendText(`az login --tenant ${tenantId.trim()}`);
    vscode.window.showInformationMessage(vscode.l10n.t('When "az login" has finished, refresh the Azure Linux VMs view.'));
  }

  async listTenants(): Promise<TenantInfo[]> {
    return listTenantsWithArm(await this.credentialFor(undefined), this.cloud);
  }

  listSubscriptions(onFound?: OnSubscriptionsFound): Promise<SubscriptionListing> {
    return listAzureCliSubscriptions(this.cloud, this.credentialFor, onFound);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
