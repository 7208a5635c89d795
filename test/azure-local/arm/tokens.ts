// Access tokens of the local Azure: JWT-shaped (header.payload.signature, base64url), issued by the fake `az`
// (fake-az/az writes the same format) and checked here the way ARM checks real ones: audience, expiry, and the
// tenant of the subscription being called. Errors carry ARM's codes and a WWW-Authenticate challenge.
// The signature is an HMAC of header.payload under a fixed, public key (it stands in for Entra ID's signing key and
// guards nothing): the storage stand-ins check it, so a token whose claims were edited is refused as Azure refuses it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ArmError } from './armError.ts';

export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  upn?: string;
  name?: string;
  iat: number;
  nbf: number;
  exp: number;
  scp?: string;
}

/** Not a secret: fake-az/az signs with the same key. */
const LOCAL_TOKEN_SIGNING_KEY = 'local-azure-token-signing-key';

function signatureOf(headerAndPayload: string): string {
  return createHmac('sha256', LOCAL_TOKEN_SIGNING_KEY).update(headerAndPayload).digest('base64url');
}

export function encodeToken(claims: TokenClaims): string {
  const header = { typ: 'JWT', alg: 'HS256', kid: 'local-azure' };
  const headerAndPayload = [header, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');
  return `${headerAndPayload}.${signatureOf(headerAndPayload)}`;
}

/**
 * The claims of a token, and whether its signature is the local issuer's (false when header or payload were
 * changed after issue); undefined when it is not a JWT at all.
 */
export function decodeToken(token: string): { claims: Partial<TokenClaims>; signatureValid: boolean } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  let claims: Partial<TokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    return undefined;
  }
  if (!claims || typeof claims !== 'object') return undefined;
  const expected = Buffer.from(signatureOf(`${parts[0]}.${parts[1]}`));
  const actual = Buffer.from(parts[2]);
  return { claims, signatureValid: actual.length === expected.length && timingSafeEqual(actual, expected) };
}

/** Issue a token directly (tests that need an expired or foreign token without going through `az`). */
export function issueToken(options: { audience: string; tenantId: string; objectId: string; lifetimeSeconds?: number; upn?: string }): string {
  const now = Math.floor(Date.now() / 1000);
  return encodeToken({
    aud: options.audience,
    iss: `https://sts.windows.net/${options.tenantId}/`,
    tid: options.tenantId,
    oid: options.objectId,
    upn: options.upn,
    iat: now - 60,
    nbf: now - 60,
    exp: now + (options.lifetimeSeconds ?? 3600),
    scp: 'user_impersonation',
  });
}

function challenge(tenantId: string, error?: { code: string; description: string }): Record<string, string> {
  let value = `Bearer authorization_uri="https://login.windows.net/${tenantId}", error="invalid_token"`;
  if (error) value += `, error_description="${error.description}"`;
  return { 'WWW-Authenticate': value };
}

/** Checks the Authorization header; returns the claims or throws ARM's 401. */
export function authenticate(authorization: string | undefined, audience: string, defaultTenantId: string): TokenClaims {
  if (!authorization) {
    throw new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
      headers: challenge(defaultTenantId),
    });
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) {
    throw new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is provided in an invalid format.", {
      headers: challenge(defaultTenantId),
    });
  }
  const decoded = decodeToken(match[1]);
  if (!decoded) {
    throw new ArmError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', {
      headers: challenge(defaultTenantId, { code: 'invalid_token', description: 'The access token is invalid.' }),
    });
  }
  const claims = decoded.claims as TokenClaims;
  const tenant = claims.tid ?? defaultTenantId;
  const allowed = [audience.replace(/\/+$/, ''), audience.replace(/\/+$/, '') + '/'];
  if (!allowed.includes(claims.aud)) {
    throw new ArmError(
      401,
      'InvalidAuthenticationToken',
      `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences '${allowed.join("','")}'.`,
      { headers: challenge(tenant, { code: 'invalid_token', description: 'The access token has been obtained for wrong audience or resource.' }) },
    );
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) {
    throw new ArmError(
      401,
      'ExpiredAuthenticationToken',
      `The access token expiry UTC time '${formatArmTime(claims.exp)}' is earlier than current UTC time '${formatArmTime(now)}'.`,
      { headers: challenge(tenant, { code: 'invalid_token', description: 'The access token has expired.' }) },
    );
  }
  return claims;
}

/** ARM's 401 when a token of one tenant is used on a subscription of another. */
export function wrongTenant(tokenTenant: string, subscriptionTenant: string): ArmError {
  return new ArmError(
    401,
    'InvalidAuthenticationTokenTenant',
    `The access token is from the wrong issuer 'https://sts.windows.net/${tokenTenant}/'. It must match the tenant ` +
      `'https://sts.windows.net/${subscriptionTenant}/' associated with this subscription. Please use the authority (URL) ` +
      `'https://login.windows.net/${subscriptionTenant}' to get the token. Note, if the subscription is transferred to another ` +
      'tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). ' +
      'If you just transferred your subscription and see this error message, please try back later.',
    { headers: challenge(subscriptionTenant, { code: 'invalid_token', description: 'The access token is from the wrong issuer.' }) },
  );
}

function formatArmTime(epochSeconds: number): string {
  // ARM writes e.g. '11/25/2025 04:13:09'
  const d = new Date((epochSeconds || 0) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
