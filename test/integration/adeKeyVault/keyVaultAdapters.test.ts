import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { createKeyEncryptionKey, listKeyEncryptionKeys } from '../../../src/azure/keyVault/keyEncryptionKeys.ts';
import { checkVaultName, createVault, getVault, listResourceGroups, updateVault } from '../../../src/azure/keyVault/keyVaultManagement.ts';
import { signedInIdentity } from '../../../src/azure/keyVault/signedInIdentity.ts';
import { assessVaultForEncryption } from '../../../src/core/adeKeyVault/assessVaultForEncryption.ts';
import { explainKeyCreateDenied, isPermissionDenied } from '../../../src/core/adeKeyVault/explainKeyCreateDenied.ts';
import { planNewVault } from '../../../src/core/adeKeyVault/planNewVault.ts';
import { planVaultPatch } from '../../../src/core/adeKeyVault/planVaultPatch.ts';
import { describeAzureError } from '../../../src/core/errors/describeAzureError.ts';
import { buildAdeExtensionSettings } from '../../../src/core/encryption/buildAdeExtensionSettings.ts';
import { parseKeyUrl } from '../../../src/core/encryption/keyVaultUrls.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { ADE_KEY_VAULT_FIXTURE, LOCAL_VAULTS } from '../../azure-local/keyvault/adeKeyVaultFixture.ts';
import { resolveLocalVaultHosts } from '../../azure-local/keyvault/resolveLocalVaultHosts.ts';
import { CONTOSO_TENANT, PROD_SUBSCRIPTION, USER_OBJECT_ID } from '../../azure-local/fixtures/default.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';

// The key vault step's adapters with the real SDKs (@azure/arm-keyvault for the vault, @azure/keyvault-keys for the
// key, AzureCliCredential through the fake az) against the local ARM stand-in and its Key Vault data plane.

let local: LocalAzure;
let prod: SubscriptionSession;
const originalPath = process.env.PATH;
const vaultId = (name: string) => `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/rg-security-prod/providers/Microsoft.KeyVault/vaults/${name}`;
const text = (t: { message: string; args: readonly string[] }) => formatMessage(t.message, ...t.args);

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

test('a new vault is created in the VM\'s region with disk encryption on and an access policy for the signed-in user', async () => {
  const me = await signedInIdentity(prod);
  assert.equal(me.objectId, USER_OBJECT_ID);
  assert.equal(await checkVaultName(prod, 'kv-ade-new-jpe'), undefined);
  assert.match(String(await checkVaultName(prod, 'kv-contoso-ade-jpe')), /already in use/);
  const groups = await listResourceGroups(prod);
  assert.ok(groups.some((g) => g.name === 'rg-security-prod'));

  const body = planNewVault({ location: 'japaneast', tenantId: CONTOSO_TENANT, sku: 'standard', purgeProtection: true, userObjectId: me.objectId });
  const vault = await createVault(prod, 'rg-security-prod', 'kv-ade-new-jpe', body);
  assert.equal(vault.location, 'japaneast');
  assert.equal(vault.properties.enabledForDiskEncryption, true);
  assert.equal(vault.properties.enablePurgeProtection, true);
  assert.match(String(vault.properties.vaultUri), /^https:\/\/kv-ade-new-jpe\.vault\.local-azure\.test:\d+\/$/);
  assert.deepEqual(assessVaultForEncryption(vault, { id: `/subscriptions/${PROD_SUBSCRIPTION}/x`, location: 'japaneast' }), { blockers: [], fixes: [] });

  // The creator can make the KEK right away: its access policy holds key create.
  const kek = await createKeyEncryptionKey(prod, String(vault.properties.vaultUri), { name: 'kek-new', keyType: 'RSA', keySize: 2048 });
  assert.equal(parseKeyUrl(kek.keyUrl)?.vaultName, 'kv-ade-new-jpe');
});

test('enabledForDiskEncryption and purge protection are fixed with one PATCH', async () => {
  const before = await getVault(prod, vaultId(LOCAL_VAULTS.needsFixes));
  const readiness = assessVaultForEncryption(before);
  assert.deepEqual(readiness.fixes.map((f) => f.kind), ['enabledForDiskEncryption', 'purgeProtection']);
  const patch = planVaultPatch(readiness.fixes.map((f) => f.kind))!;
  const after = await updateVault(prod, vaultId(LOCAL_VAULTS.needsFixes), patch);
  assert.equal(after.properties?.enabledForDiskEncryption, true);
  assert.equal(after.properties?.enablePurgeProtection, true);
  assert.deepEqual(assessVaultForEncryption(await getVault(prod, vaultId(LOCAL_VAULTS.needsFixes))).fixes, []);
  const patches = local.state.requestLog.filter((r) => r.route === 'vaults.update');
  assert.equal(patches.length, 1);
  // Purge protection cannot be turned off again: the stand-in answers as Key Vault does.
  await assert.rejects(updateVault(prod, vaultId(LOCAL_VAULTS.needsFixes), { properties: { enablePurgeProtection: false } }), /irreversible/);
});

test('a created KEK has a versioned URL that the ADE settings accept, and the key is real RSA of the asked size', async () => {
  const vault = await getVault(prod, vaultId(LOCAL_VAULTS.premiumReady));
  const vaultUri = String(vault.properties?.vaultUri);
  const kek = await createKeyEncryptionKey(prod, vaultUri, { name: 'kek-ade', keyType: 'RSA-HSM', keySize: 3072 });
  const parsed = parseKeyUrl(kek.keyUrl);
  assert.equal(parsed?.keyName, 'kek-ade');
  assert.match(String(parsed?.version), /^[0-9a-f]{32}$/);
  assert.equal(kek.keyType, 'RSA-HSM');
  assert.equal(kek.keySize, 3072);
  assert.deepEqual(kek.keyOps, ['wrapKey', 'unwrapKey']);
  assert.equal(local.keyVault.keys.get(LOCAL_VAULTS.premiumReady, 'kek-ade')?.version, parsed?.version);
  const settings = buildAdeExtensionSettings({
    operation: 'Enable', volumeType: 'OS', location: 'japaneast',
    keyVaultUrl: vaultUri, keyVaultResourceId: vault.id, keyEncryptionKeyUrl: kek.keyUrl,
  }, () => '00000000-0000-0000-0000-000000000001');
  assert.deepEqual(settings.ok ? [] : settings.errors, []);
  assert.equal(settings.ok && settings.extension.settings.KeyEncryptionKeyURL, kek.keyUrl);
});

test('existing keys are listed with their current version', async () => {
  const vaultName = LOCAL_VAULTS.noKeyCreate;
  await local.keyVault.keys.create(vaultName, 'kek-old', { kty: 'RSA', keySize: 2048 });
  const latest = await local.keyVault.keys.create(vaultName, 'kek-old', { kty: 'RSA', keySize: 4096 });
  await local.keyVault.keys.create(vaultName, 'signing', { kty: 'RSA', keySize: 2048, keyOps: ['sign', 'verify'] });
  const vault = await getVault(prod, vaultId(vaultName));
  const keys = await listKeyEncryptionKeys(prod, String(vault.properties?.vaultUri));
  assert.deepEqual(keys.map((k) => [k.name, k.version, k.keySize]), [['kek-old', latest.version, 4096], ['signing', keys[1].version, 2048]]);
  assert.ok(keys[0].keyUrl.endsWith(`/keys/kek-old/${latest.version}`));
});

test('creating a key without the permission is denied, and the explanation names what is missing', async () => {
  for (const [name, model, pattern] of [
    [LOCAL_VAULTS.noKeyCreate, 'accessPolicy', /uses access policies, and yours lacks the key permissions create, wrapKey, unwrapKey\./],
    [LOCAL_VAULTS.rbacNoRole, 'rbac', /uses Azure RBAC, and creating a key needs the role "Key Vault Crypto Officer"/],
  ] as const) {
    const vault = await getVault(prod, vaultId(name));
    const error = await createKeyEncryptionKey(prod, String(vault.properties?.vaultUri), { name: 'kek', keyType: 'RSA', keySize: 2048 }).then(
      () => assert.fail('expected 403'), (e: unknown) => e as { statusCode?: number; code?: string });
    assert.ok(isPermissionDenied(describeAzureError(error)), `${name}: ${JSON.stringify(describeAzureError(error))}`);
    const explained = explainKeyCreateDenied(vault, { upn: 'alex@contoso.com', objectId: USER_OBJECT_ID });
    assert.equal(explained.model, model);
    assert.match(text(explained.explanation), pattern);
  }
});

test('on an RBAC vault, the role the explanation names ("Key Vault Crypto Officer") is what lets the key be created', async () => {
  const vault = await getVault(prod, vaultId(LOCAL_VAULTS.rbacNoRole));
  const scope = vault.id!;
  local.state.put('roleAssignments', {
    resource: {
      id: `${scope}/providers/Microsoft.Authorization/roleAssignments/6f1c2b3a-0000-4000-8000-000000000001`,
      name: '6f1c2b3a-0000-4000-8000-000000000001',
      type: 'Microsoft.Authorization/roleAssignments',
      properties: {
        roleDefinitionId: `/subscriptions/${PROD_SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/14b46e9e-c2b7-41b4-b07b-48a6ebf60603`,
        principalId: USER_OBJECT_ID, principalType: 'User', scope,
      },
    },
  });
  const kek = await createKeyEncryptionKey(prod, String(vault.properties?.vaultUri), { name: 'kek-rbac', keyType: 'RSA-HSM', keySize: 4096 });
  assert.equal(kek.keyType, 'RSA-HSM');
  assert.equal(kek.keySize, 4096);
  assert.ok(parseKeyUrl(kek.keyUrl)?.version);
});
