import type { AccessToken, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';

/**
 * A credential for Microsoft Graph in the session's tenant. The Azure CLI login issues a token for any audience;
 * VS Code's Microsoft account issues ARM tokens from the session, so Graph goes through VS Code's own sign-in
 * (it may ask the user to consent once).
 */
export function graphCredentialFor(accounts: AccountManager, session: SubscriptionSession): TokenCredential {
  if (accounts.getProvider().method === 'azureCli' || session.cloud.isCustom) return session.credential;
  return {
    async getToken(scopes: string | string[]): Promise<AccessToken | null> {
      const list = Array.isArray(scopes) ? scopes : [scopes];
      const auth = await vscode.authentication.getSession('microsoft', [...list, `VSCODE_TENANT:${session.tenantId}`], { createIfNone: true });
      return { token: auth.accessToken, expiresOnTimestamp: Date.now() + 5 * 60_000 };
    },
  };
}
