import { armScope } from '../../core/cloud/resolveCloudEndpoints.ts';
import { readTokenClaims, type TokenIdentity } from '../../core/adeKeyVault/readTokenClaims.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';

/**
 * The signed-in user's object id, tenant and sign-in name, read from an ARM token of the session: what a new
 * vault's access policy and a "grant yourself" command need. Empty when the credential gives no token claims.
 */
export async function signedInIdentity(session: SubscriptionSession): Promise<TokenIdentity> {
  const token = await session.credential.getToken(armScope(session.cloud));
  return token ? readTokenClaims(token.token) : {};
}
