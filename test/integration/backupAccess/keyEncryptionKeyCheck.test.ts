import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { readKeyBacksCertificate } from '../../../src/azure/keyVaultAccess/readKeyBacksCertificate.ts';
import { ADE_KEY_VAULT_FIXTURE, LOCAL_VAULTS } from '../../azure-local/keyvault/adeKeyVaultFixture.ts';
import { resolveLocalVaultHosts } from '../../azure-local/keyvault/resolveLocalVaultHosts.ts';
import { PROD_SUBSCRIPTION } from '../../azure-local/fixtures/default.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';

// "Azure Backup supports VMs encrypted with standalone keys; keys that are part of a certificate are not supported":
// the KEK is read with @azure/keyvault-keys from the local Key Vault data plane, and its `managed` flag decides.

let local: LocalAzure;
let prod: SubscriptionSession;
const originalPath = process.env.PATH;

before(async () => {
  resolveLocalVaultHosts();
  local = await startLocalAzure({ fixture: ADE_KEY_VAULT_FIXTURE });
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  const listing = await listAzureCliSubscriptions(localCloud(local), azureCliCredentials());
  prod = listing.subscriptions.find((s) => s.subscriptionId === PROD_SUBSCRIPTION)!;
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

function keyUrl(vault: string, name: string, version: string): string {
  const uri = String(local.state.all('vaults').find((v) => v.resource.name === vault)!.resource.properties!.vaultUri);
  return `${uri}keys/${name}/${version}`;
}

test('a certificate\'s key reads as managed, a standalone key does not', async () => {
  const vault = LOCAL_VAULTS.premiumReady;
  const cert = await local.keyVault.keys.create(vault, 'ade-cert-kek', { kty: 'RSA', keySize: 2048, managed: true });
  const standalone = await local.keyVault.keys.create(vault, 'ade-kek', { kty: 'RSA', keySize: 2048 });
  assert.equal(await readKeyBacksCertificate(prod, keyUrl(vault, 'ade-cert-kek', cert.version)), true);
  assert.equal(await readKeyBacksCertificate(prod, keyUrl(vault, 'ade-kek', standalone.version)), false);
});

test('a KEK the user may not read is an error for the caller to report, not a pass', async () => {
  const vault = LOCAL_VAULTS.rbacNoRole;
  const key = await local.keyVault.keys.create(vault, 'ade-kek', { kty: 'RSA', keySize: 2048 });
  await assert.rejects(readKeyBacksCertificate(prod, keyUrl(vault, 'ade-kek', key.version)), /Forbidden|not authorized|does not have/i);
});
