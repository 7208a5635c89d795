import type { KeyClient, KeyVaultKey } from '@azure/keyvault-keys';
import { mapWithConcurrency } from '../../core/concurrency/mapWithConcurrency.ts';
import type { KekKeyType } from '../../core/encryption/planKeyEncryptionKey.ts';
import { KEK_KEY_OPERATIONS, type ExistingKeyFacts } from '../../core/adeKeyVault/keyEncryptionKeyChoices.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { armClientOptions } from '../auth/armClientOptions.ts';

// Data-plane calls of the key encryption key step, through @azure/keyvault-keys against the vault's own URL
// (vault.properties.vaultUri). The SDK authenticates by challenge: its first call goes without a token, the vault
// answers 401 naming its tenant and resource, and the token is asked for that resource, so a sovereign or private
// cloud needs no audience setting here. The session's CA (private cloud, local stand-in) is trusted as for ARM.

export interface KeyEncryptionKeyInfo extends ExistingKeyFacts {
  /** The current version's full key identifier, e.g. https://kv.vault.azure.net/keys/kek/0123…: ADE needs it. */
  readonly keyUrl: string;
  readonly version: string;
  readonly keySize?: number;
}

const clients = new WeakMap<SubscriptionSession, Map<string, Promise<KeyClient>>>();

export function keyClientFor(session: SubscriptionSession, vaultUri: string): Promise<KeyClient> {
  let perSession = clients.get(session);
  if (!perSession) clients.set(session, (perSession = new Map()));
  let client = perSession.get(vaultUri);
  if (!client) {
    client = (async () => {
      const { KeyClient } = await import('@azure/keyvault-keys');
      const { tlsOptions, userAgentOptions } = armClientOptions(session.cloud) as { tlsOptions?: { ca: string }; userAgentOptions: { userAgentPrefix: string } };
      return new KeyClient(vaultUri, session.credential, { ...(tlsOptions ? { tlsOptions } : {}), userAgentOptions });
    })();
    perSession.set(vaultUri, client);
    client.catch(() => perSession.delete(vaultUri));
  }
  return client;
}

/** Every key of the vault with its current version (one `getKey` per key, a few at a time). */
export async function listKeyEncryptionKeys(session: SubscriptionSession, vaultUri: string): Promise<KeyEncryptionKeyInfo[]> {
  const client = await keyClientFor(session, vaultUri);
  const names: string[] = [];
  for await (const properties of client.listPropertiesOfKeys()) {
    if (!properties.managed) names.push(properties.name);
  }
  const results = await mapWithConcurrency(names, 4, (name) => client.getKey(name));
  const keys: KeyEncryptionKeyInfo[] = [];
  for (const result of results) {
    if (result.status === 'rejected') throw result.reason;
    keys.push(describeKey(result.value));
  }
  return keys.sort((a, b) => a.name.localeCompare(b.name));
}

export async function createKeyEncryptionKey(
  session: SubscriptionSession,
  vaultUri: string,
  request: { name: string; keyType: KekKeyType; keySize: number },
  abortSignal?: AbortSignal,
): Promise<KeyEncryptionKeyInfo> {
  const client = await keyClientFor(session, vaultUri);
  const key = await client.createRsaKey(request.name, {
    keySize: request.keySize,
    hsm: request.keyType === 'RSA-HSM',
    keyOps: [...KEK_KEY_OPERATIONS],
    abortSignal,
  });
  return describeKey(key);
}

function describeKey(key: KeyVaultKey): KeyEncryptionKeyInfo {
  const modulus = key.key?.n;
  return {
    name: key.name,
    keyUrl: key.id ?? key.key?.kid ?? '',
    version: key.properties.version ?? '',
    keyType: key.keyType,
    keySize: modulus ? modulus.length * 8 : undefined,
    enabled: key.properties.enabled,
    notBefore: key.properties.notBefore,
    expiresOn: key.properties.expiresOn,
    keyOps: key.keyOperations,
  };
}
