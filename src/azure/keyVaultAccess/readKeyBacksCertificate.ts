import { parseKeyVaultKeyUrl } from '../../core/backupAccess/armResourceIds.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { keyClientFor } from '../keyVault/keyEncryptionKeys.ts';

/**
 * Whether a key encryption key is the key of a certificate, which Azure Backup does not support ("standalone keys
 * only"). Key Vault marks such keys `managed: true`; @azure/keyvault-keys reads that into `properties.managed`.
 * Reading the key needs the data plane's `get` on keys, which the caller may lack: then it stays unknown.
 */
export async function readKeyBacksCertificate(session: SubscriptionSession, keyUrl: string): Promise<boolean> {
  const parsed = parseKeyVaultKeyUrl(keyUrl);
  if (!parsed) throw new Error(`Not a Key Vault key URL: ${keyUrl}`);
  const client = await keyClientFor(session, parsed.vaultUri);
  const key = await client.getKey(parsed.name, parsed.version ? { version: parsed.version } : {});
  return key.properties.managed === true;
}
