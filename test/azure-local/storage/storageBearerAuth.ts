// What Azure Storage does with `Authorization: Bearer`, shared by the local stand-ins in front of Azurite (which
// knows nothing of Microsoft Entra ID): the token's checks (issuer's signature, audience, lifetime, tenant), the
// refusals in the storage service's shape (401 InvalidAuthenticationInfo with an AuthenticationErrorDetail and a
// WWW-Authenticate challenge, 403 AuthorizationPermissionMismatch), and forwarding an accepted request to Azurite
// without the token (Azurite would read it as its own OAuth and refuse it over http).
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { decodeToken, type TokenClaims } from '../arm/tokens.ts';

export interface StorageRefusal {
  status: 401 | 403;
  code: string;
  message: string;
  /** Azure's <AuthenticationErrorDetail>: which check of the token failed. */
  detail?: string;
}

/** What a 401's WWW-Authenticate names: the tenant to sign in to and the resource to ask a token for. */
export interface StorageChallenge {
  tenantId: string;
  resourceId: string;
}

const AUTHENTICATION_FAILED = 'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.';

/** The bearer token of the request, or undefined when it is signed otherwise (Shared Key, SAS) or not at all. */
export function bearerTokenOf(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

function invalidToken(detail: string): StorageRefusal {
  return { status: 401, code: 'InvalidAuthenticationInfo', message: AUTHENTICATION_FAILED, detail };
}

/**
 * Checks a token as the storage service does before it looks at roles. `tenantId`, when given, is the tenant of
 * the account's subscription: a token from another tenant fails the issuer check.
 */
export function checkStorageToken(token: string, expected: { audience: string; tenantId?: string }): { claims: Partial<TokenClaims> } | { refusal: StorageRefusal } {
  const decoded = decodeToken(token);
  if (!decoded) return { refusal: invalidToken('IDX14100: JWT is not well formed.') };
  if (!decoded.signatureValid) return { refusal: invalidToken('Signature validation failed. Unable to match key: kid: \'local-azure\'.') };
  const { claims } = decoded;
  const trim = (s: string) => s.replace(/\/+$/, '');
  if (trim(String(claims.aud ?? '')) !== trim(expected.audience)) return { refusal: invalidToken('Audience validation failed. Audience did not match.') };
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return { refusal: invalidToken('Lifetime validation failed. The token is expired.') };
  if (expected.tenantId && String(claims.tid ?? '').toLowerCase() !== expected.tenantId.toLowerCase()) {
    return { refusal: invalidToken('Issuer validation failed. Issuer did not match.') };
  }
  return { claims };
}

/** 403 for a valid token whose user lacks the data action (no blob data role on the account, for example). */
export function permissionMismatch(): StorageRefusal {
  return { status: 403, code: 'AuthorizationPermissionMismatch', message: 'This request is not authorized to perform this operation using this permission.' };
}

export function sendStorageRefusal(res: ServerResponse, req: IncomingMessage, refusal: StorageRefusal, challenge: StorageChallenge): void {
  const requestId = randomUUID();
  const detail = refusal.detail ? `<AuthenticationErrorDetail>${refusal.detail}</AuthenticationErrorDetail>` : '';
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${refusal.code}</Code><Message>${refusal.message}\nRequestId:${requestId}\nTime:${new Date().toISOString()}</Message>${detail}</Error>`;
  const headers: Record<string, string> = { 'Content-Type': 'application/xml', 'x-ms-error-code': refusal.code, 'x-ms-request-id': requestId };
  if (refusal.status === 401) {
    headers['WWW-Authenticate'] = `Bearer authorization_uri=https://login.microsoftonline.com/${challenge.tenantId}/oauth2/authorize resource_id=${challenge.resourceId}`;
  }
  res.writeHead(refusal.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Sends the request on to Azurite at `path` (path + query), streaming both ways. `withoutToken`: drop the
 * Authorization header (a bearer token); otherwise it goes on as it came (a Shared Key signature).
 */
export function forwardToAzurite(req: IncomingMessage, res: ServerResponse, azurite: URL, path: string, options: { withoutToken: boolean }): void {
  const headers = { ...req.headers, host: azurite.host };
  if (options.withoutToken) delete headers.authorization;
  const upstream = httpRequest({ host: azurite.hostname, port: azurite.port, method: req.method, path, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502);
    res.end(String(error));
  });
  req.pipe(upstream);
}
