// The Key Vault data plane of the local Azure: one https server for every vault, which it tells apart by the Host
// header ({vault}.vault.local-azure.test:PORT). It serves what the extension's key encryption key step calls through
// @azure/keyvault-keys: create a key, get a key (newest or a version), list keys, list a key's versions. It answers
// like Key Vault: a 401 challenge first (WWW-Authenticate with the vault's tenant and the data-plane resource), then
// checks the token, then the caller's access policy or RBAC role. `${endpoint}/__admin/keys` (no auth) lets tests
// seed and read keys from another process.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAzureState } from '../state/LocalAzureState.ts';
import type { ArmResource } from '../state/model.ts';
import { decideKeyAccess, type Caller, type KeyOperation } from './keyVaultAccess.ts';
import { accessPolicyDenied, badParameter, KeyVaultError, keyNotFound, rbacDenied } from './keyVaultErrors.ts';
import { KeyStore, type StoredKeyVersion } from './KeyStore.ts';
import { isLocalVaultUri, LOCAL_VAULT_AUDIENCE, registerLocalVaultPort, vaultNameFromHost, vaultUriFor } from './localVaultHosts.ts';
import { createVaultCertificates } from './vaultCertificates.ts';

/** api-versions @azure/keyvault-keys 4.x sends (4.10: 2025-07-01). */
const API_VERSIONS = ['7.4', '7.5', '7.6', '2025-07-01'];
const KEY_SIZES = [2048, 3072, 4096];

export interface RunningKeyVaultServer {
  /** https://127.0.0.1:PORT (admin only; vaults are addressed by name). */
  endpoint: string;
  port: number;
  caCertPem: string;
  keys: KeyStore;
  stop(): Promise<void>;
}

export async function startKeyVaultServer(state: LocalAzureState): Promise<RunningKeyVaultServer> {
  const certificates = await createVaultCertificates();
  const keys = new KeyStore();
  const server: Server = createServer({ cert: certificates.serverCertPem, key: certificates.serverKeyPem }, (req, res) => {
    handle(req, res).catch((error) => send(res, new KeyVaultError(500, 'InternalServerError', String((error as Error)?.stack ?? error))));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://local');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readJson(req);
    if (url.pathname.startsWith('/__admin/')) return send(res, await admin(method, url, body));
    try {
      const vault = requireVault(req.headers.host);
      if (!req.headers.authorization) throw challenge(vault, 'AKV10000: Request is missing a Bearer or PoP token.');
      const caller = checkToken(req.headers.authorization, vault);
      const apiVersion = url.searchParams.get('api-version');
      if (!apiVersion || !API_VERSIONS.includes(apiVersion)) throw badParameter(`The specified version (${apiVersion ?? ''}) is not recognized. Consider using the latest supported version (${API_VERSIONS[API_VERSIONS.length - 1]}).`);
      const base = vaultUriFor(state, vault.name).replace(/\/$/, '');
      send(res, { status: 200, body: await route(method, url.pathname, body, vault, caller, base) });
    } catch (error) {
      send(res, error instanceof KeyVaultError ? error : new KeyVaultError(500, 'InternalServerError', String((error as Error)?.stack ?? error)));
    }
  }

  async function route(method: string, path: string, body: Record<string, unknown>, vault: ArmResource, caller: Caller, base: string): Promise<unknown> {
    const segments = path.split('/').filter(Boolean);
    if (segments[0] !== 'keys') throw new KeyVaultError(404, 'NotFound', `The requested path ${path} is not served by the local Key Vault.`);
    const allow = (operation: KeyOperation, keyName?: string) => {
      const decision = decideKeyAccess(state, vault, caller, operation);
      if (decision.allowed) return;
      throw decision.model === 'rbac' ? rbacDenied(caller, decision.dataAction, vault, keyName) : accessPolicyDenied(caller, operation, vault);
    };
    const [, name, third] = segments;
    if (method === 'GET' && !name) {
      allow('list');
      return { value: keys.list(vault.name).map(({ name: keyName, latest }) => ({ kid: `${base}/keys/${keyName}`, attributes: attributesOf(latest), tags: latest.tags, ...(latest.managed ? { managed: true } : {}) })), nextLink: null };
    }
    if (method === 'POST' && third === 'create' && segments.length === 3) {
      allow('create', name);
      return bundle(base, name, await createKey(vault, name, body));
    }
    if (method === 'GET' && third === 'versions' && segments.length === 3) {
      allow('list', name);
      const versions = keys.versions(vault.name, name);
      if (!versions) throw keyNotFound(name);
      return { value: versions.map((v) => ({ kid: `${base}/keys/${name}/${v.version}`, attributes: attributesOf(v), tags: v.tags })), nextLink: null };
    }
    if (method === 'GET' && segments.length <= 3) {
      allow('get', name);
      const key = keys.get(vault.name, name, third);
      if (!key) throw keyNotFound(name, third);
      return bundle(base, name, key);
    }
    throw new KeyVaultError(405, 'MethodNotAllowed', `${method} ${path} is not served by the local Key Vault.`);
  }

  async function createKey(vault: ArmResource, name: string, body: Record<string, unknown>): Promise<StoredKeyVersion> {
    if (!/^[0-9a-zA-Z-]{1,127}$/.test(name)) throw badParameter(`The request URI contains an invalid name: ${name}`);
    const kty = body.kty;
    if (kty !== 'RSA' && kty !== 'RSA-HSM') throw badParameter(`Property has invalid value: kty '${String(kty)}' is not served by the local Key Vault (RSA, RSA-HSM).`);
    if (kty === 'RSA-HSM' && String(vault.properties?.sku?.name ?? '').toLowerCase() !== 'premium') {
      throw badParameter(`Keys of type RSA-HSM are not supported by key vault '${vault.name}' (SKU standard); use a Premium key vault.`);
    }
    const keySize = body.key_size === undefined ? 2048 : Number(body.key_size);
    if (!KEY_SIZES.includes(keySize)) throw badParameter(`Property has invalid value: key_size ${String(body.key_size)} (2048, 3072, 4096).`);
    const attributes = (body.attributes ?? {}) as { enabled?: boolean; exp?: number; nbf?: number };
    return keys.create(vault.name, name, {
      kty, keySize,
      keyOps: Array.isArray(body.key_ops) ? (body.key_ops as string[]) : undefined,
      enabled: attributes.enabled,
      expires: attributes.exp,
      notBefore: attributes.nbf,
      tags: (body.tags ?? {}) as Record<string, string>,
    });
  }

  function requireVault(host: string | undefined): ArmResource {
    const name = vaultNameFromHost(host);
    const record = name ? state.all('vaults').find((r) => r.resource.name.toLowerCase() === name) : undefined;
    if (!record) throw new KeyVaultError(404, 'VaultNotFound', `No key vault answers at ${host ?? '(no host)'}.`);
    return record.resource;
  }

  async function admin(method: string, url: URL, body: Record<string, unknown>): Promise<{ status: number; body?: unknown }> {
    if (url.pathname !== '/__admin/keys') return { status: 404, body: { error: 'unknown admin path' } };
    const vaultName = String(url.searchParams.get('vault') ?? body.vault ?? '');
    if (method === 'POST') {
      const version = await keys.create(vaultName, String(body.name), {
        kty: body.kty === 'RSA-HSM' ? 'RSA-HSM' : 'RSA', keySize: Number(body.keySize ?? 2048),
        keyOps: body.keyOps as string[] | undefined, enabled: body.enabled as boolean | undefined,
        // A certificate's key (what `az keyvault certificate create` leaves behind), for the "standalone keys only" check.
        managed: body.managed === true,
      });
      return { status: 200, body: { name: body.name, version: version.version } };
    }
    return { status: 200, body: keys.list(vaultName).map(({ name, latest }) => ({ name, kty: latest.kty, keySize: latest.keySize, version: latest.version, versions: keys.versions(vaultName, name)?.length })) };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  registerLocalVaultPort(state, port);
  // Vaults that opt in (a vaultUri on the local suffix) get the port; others keep Azure's vaultUri.
  for (const record of state.all('vaults')) {
    if (isLocalVaultUri(record.resource.properties?.vaultUri)) record.resource.properties!.vaultUri = vaultUriFor(state, record.resource.name);
  }
  return {
    endpoint: `https://127.0.0.1:${port}`,
    port,
    caCertPem: certificates.caCertPem,
    keys,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function challenge(vault: ArmResource, message: string, error?: string): KeyVaultError {
  const tenant = String(vault.properties?.tenantId ?? '');
  const header = `Bearer authorization="https://login.microsoftonline.com/${tenant}", resource="${LOCAL_VAULT_AUDIENCE}"` + (error ? `, error="${error}"` : '');
  return new KeyVaultError(401, 'Unauthorized', message, { headers: { 'WWW-Authenticate': header } });
}

function checkToken(authorization: string, vault: ArmResource): Caller {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  let claims: { aud?: string; tid?: string; oid?: string; exp?: number } = {};
  try {
    claims = JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    throw challenge(vault, 'AKV10020: Invalid token.', 'invalid_token');
  }
  if (claims.aud?.replace(/\/$/, '') !== LOCAL_VAULT_AUDIENCE) {
    throw challenge(vault, `AKV10022: Invalid audience. Expected ${LOCAL_VAULT_AUDIENCE}, found: ${claims.aud ?? ''}.`, 'invalid_token');
  }
  if (typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000) throw challenge(vault, 'AKV10000: The token has expired.', 'invalid_token');
  const tenant = String(vault.properties?.tenantId ?? '');
  if (claims.tid?.toLowerCase() !== tenant.toLowerCase()) {
    throw challenge(vault, `AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${tenant}/, found https://sts.windows.net/${claims.tid ?? ''}/.`, 'invalid_token');
  }
  return { objectId: claims.oid ?? '', tenantId: claims.tid };
}

function attributesOf(v: StoredKeyVersion) {
  return {
    enabled: v.enabled, created: v.created, updated: v.updated,
    ...(v.notBefore !== undefined ? { nbf: v.notBefore } : {}),
    ...(v.expires !== undefined ? { exp: v.expires } : {}),
    recoveryLevel: 'Recoverable+Purgeable', recoverableDays: 90, exportable: false,
  };
}

function bundle(base: string, name: string, v: StoredKeyVersion) {
  return { key: { kid: `${base}/keys/${name}/${v.version}`, kty: v.kty, key_ops: v.keyOps, n: v.n, e: v.e }, attributes: attributesOf(v), tags: v.tags, ...(v.managed ? { managed: true } : {}) };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function send(res: ServerResponse, answer: { status: number; body?: unknown; headers?: Record<string, string> } | KeyVaultError): void {
  if (res.headersSent) return;
  const result = answer instanceof KeyVaultError ? { status: answer.status, body: answer.toBody(), headers: answer.headers } : answer;
  const text = result.body === undefined ? '' : JSON.stringify(result.body);
  res.writeHead(result.status, {
    'x-ms-request-id': crypto.randomUUID(),
    'Cache-Control': 'no-cache',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...result.headers,
  });
  res.end(text);
}
