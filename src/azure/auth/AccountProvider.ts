import type { TokenCredential } from '@azure/core-auth';
import type * as vscode from 'vscode';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';

/** A subscription the user can work in, with everything needed to call ARM for it. */
export interface SubscriptionSession {
  readonly subscriptionId: string;
  readonly tenantId: string;
  readonly name: string;
  readonly credential: TokenCredential;
  readonly cloud: CloudEndpoints;
  /** Who is signed in, for display (`user@contoso.com`, `Azure CLI`). */
  readonly accountLabel: string;
}

export interface TenantInfo {
  readonly tenantId: string;
  readonly displayName?: string;
}

export type SignInMethod = 'vscode' | 'azureCli';

/**
 * The one place that knows how the user signed in. Everything else asks it for subscriptions and uses their
 * credential; VS Code's Microsoft account and the Azure CLI's login look the same from outside.
 */
export interface AccountProvider extends vscode.Disposable {
  readonly method: SignInMethod;
  isSignedIn(): Promise<boolean>;
  /** Interactive: may show a prompt. Resolves true when signed in. */
  signIn(): Promise<boolean>;
  listTenants(): Promise<TenantInfo[]>;
  /**
   * Signs in to one more tenant of the same account (multi-factor or guest tenants need their own sign-in): the
   * one given (a "Sign in to tenant" row), or one the user picks.
   */
  signInToTenant(tenantId?: string): Promise<void>;
  /**
   * Every subscription the account can see (unfiltered), with per-tenant failures reported, not thrown.
   * `onFound` hears of each tenant's subscriptions as they arrive, before the whole listing is done.
   */
  listSubscriptions(onFound?: (sessions: readonly SubscriptionSession[]) => void): Promise<SubscriptionListing>;
  readonly onDidChangeSession: vscode.Event<void>;
}

export interface SubscriptionListing {
  readonly subscriptions: SubscriptionSession[];
  readonly failures: ReadonlyArray<{ readonly tenantId: string; readonly error: unknown }>;
  /** Tenants of the account that need a sign-in of their own before their subscriptions can be listed. */
  readonly tenantsNeedingSignIn?: readonly TenantInfo[];
}
