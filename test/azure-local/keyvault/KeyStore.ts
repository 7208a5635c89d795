// The keys of every local vault: name -> versions, each a real RSA key pair made with node:crypto (so key sizes,
// moduli and key ids look like Key Vault's). Keyed by lower-cased vault name, as vault names are global.
import { generateKeyPair, randomUUID, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);

export interface StoredKeyVersion {
  version: string;
  kty: 'RSA' | 'RSA-HSM';
  keySize: number;
  keyOps: string[];
  n: string;
  e: string;
  enabled: boolean;
  created: number;
  updated: number;
  notBefore?: number;
  expires?: number;
  tags: Record<string, string>;
  /** Set on the key behind a certificate: Key Vault manages its lifetime and answers `managed: true`. */
  managed?: boolean;
  privateKey: KeyObject;
}

export class KeyStore {
  private readonly vaults = new Map<string, Map<string, { name: string; versions: StoredKeyVersion[] }>>();

  /** Makes a new version of `keyName` (the key is created when it has none). */
  async create(vaultName: string, keyName: string, spec: { kty: 'RSA' | 'RSA-HSM'; keySize: number; keyOps?: string[]; enabled?: boolean; expires?: number; notBefore?: number; tags?: Record<string, string>; managed?: boolean }): Promise<StoredKeyVersion> {
    const { publicKey, privateKey } = await generate('rsa', { modulusLength: spec.keySize });
    const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    const now = Math.floor(Date.now() / 1000);
    const version: StoredKeyVersion = {
      version: randomUUID().replace(/-/g, ''),
      kty: spec.kty,
      keySize: spec.keySize,
      keyOps: spec.keyOps?.length ? spec.keyOps : ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'],
      n: jwk.n,
      e: jwk.e,
      enabled: spec.enabled ?? true,
      created: now,
      updated: now,
      ...(spec.expires !== undefined ? { expires: spec.expires } : {}),
      ...(spec.notBefore !== undefined ? { notBefore: spec.notBefore } : {}),
      tags: spec.tags ?? {},
      ...(spec.managed ? { managed: true } : {}),
      privateKey,
    };
    const keys = this.vault(vaultName);
    const entry = keys.get(keyName.toLowerCase()) ?? { name: keyName, versions: [] };
    entry.versions.push(version);
    keys.set(keyName.toLowerCase(), entry);
    return version;
  }

  /** The newest version, or the named one. */
  get(vaultName: string, keyName: string, version?: string): StoredKeyVersion | undefined {
    const versions = this.vault(vaultName).get(keyName.toLowerCase())?.versions;
    if (!versions?.length) return undefined;
    return version ? versions.find((v) => v.version === version.toLowerCase()) : versions[versions.length - 1];
  }

  versions(vaultName: string, keyName: string): StoredKeyVersion[] | undefined {
    return this.vault(vaultName).get(keyName.toLowerCase())?.versions;
  }

  /** Key names (as first created) with their newest version, in creation order. */
  list(vaultName: string): Array<{ name: string; latest: StoredKeyVersion }> {
    return [...this.vault(vaultName).values()].map(({ name, versions }) => ({ name, latest: versions[versions.length - 1] }));
  }

  private vault(name: string): Map<string, { name: string; versions: StoredKeyVersion[] }> {
    let keys = this.vaults.get(name.toLowerCase());
    if (!keys) this.vaults.set(name.toLowerCase(), (keys = new Map()));
    return keys;
  }
}
