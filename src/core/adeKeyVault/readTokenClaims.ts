// Who is signed in, as Key Vault access policies name them: the object id (`oid`) and tenant (`tid`) of an access
// token. Only read, never verified: the token came from our own credential, and the ids only address a policy
// (Key Vault itself decides what the caller may do).

export interface TokenIdentity {
  readonly objectId?: string;
  readonly tenantId?: string;
  readonly upn?: string;
}

export function readTokenClaims(token: string): TokenIdentity {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    return { objectId: str(claims.oid), tenantId: str(claims.tid), upn: str(claims.upn) ?? str(claims.unique_name) ?? str(claims.preferred_username) };
  } catch {
    return {};
  }
}
