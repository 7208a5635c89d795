import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainKeyCreateDenied, isPermissionDenied } from '../../../src/core/adeKeyVault/explainKeyCreateDenied.ts';
import { kekCreationChoices, whyKeyCannotBeKek } from '../../../src/core/adeKeyVault/keyEncryptionKeyChoices.ts';
import { planNewVault } from '../../../src/core/adeKeyVault/planNewVault.ts';
import { readTokenClaims } from '../../../src/core/adeKeyVault/readTokenClaims.ts';
import { suggestVaultName, validateKeyName, validateVaultName } from '../../../src/core/adeKeyVault/validateVaultName.ts';
import { normalizeVaultUrl, parseKeyUrl } from '../../../src/core/encryption/keyVaultUrls.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';

const text = (t: { message: string; args: readonly string[] }) => formatMessage(t.message, ...t.args);

test('vault names follow Key Vault\'s rules', () => {
  for (const ok of ['kv1', 'kv-ade-jpe', 'A23456789012345678901234']) assert.equal(validateVaultName(ok), undefined, ok);
  assert.match(String(validateVaultName('kv')), /3 to 24/);
  assert.match(String(validateVaultName('a234567890123456789012345')), /3 to 24/);
  assert.match(String(validateVaultName('kv_ade')), /letters, digits and hyphens/);
  assert.match(String(validateVaultName('1kv')), /start with a letter/);
  assert.match(String(validateVaultName('kv-')), /end with a letter or a digit/);
  assert.match(String(validateVaultName('kv--ade')), /two hyphens/);
  assert.equal(validateKeyName('kek-2025'), undefined);
  assert.match(String(validateKeyName('kek.1')), /letters, digits and hyphens/);
  assert.match(String(validateKeyName('')), /1 to 127/);
});

test('the suggested vault name is always valid', () => {
  assert.equal(suggestVaultName('vm-web-01', 'japaneast'), 'kv-ade-vm-web-01');
  for (const vmName of ['VM_With.Dots__and_underscores_and_a_long_tail', 'x', undefined, '---']) {
    assert.equal(validateVaultName(suggestVaultName(vmName, 'japaneast')), undefined, String(vmName));
  }
});

test('a new vault: VM region, disk encryption on, soft delete on, purge protection only when kept, a policy for the user', () => {
  const withPp = planNewVault({ location: 'japaneast', tenantId: 't', sku: 'premium', purgeProtection: true, userObjectId: 'me' });
  assert.equal(withPp.location, 'japaneast');
  assert.equal(withPp.properties.enabledForDiskEncryption, true);
  assert.equal(withPp.properties.enableSoftDelete, true);
  assert.equal(withPp.properties.enablePurgeProtection, true);
  assert.deepEqual(withPp.properties.sku, { family: 'A', name: 'premium' });
  assert.deepEqual(withPp.properties.accessPolicies, [{ tenantId: 't', objectId: 'me', permissions: { keys: ['get', 'list', 'create', 'wrapKey', 'unwrapKey'], secrets: ['get', 'list'] } }]);
  const without = planNewVault({ location: 'eastus', tenantId: 't', sku: 'standard', purgeProtection: false });
  assert.equal('enablePurgeProtection' in without.properties, false);
  assert.deepEqual(without.properties.accessPolicies, []);
});

test('RSA-HSM is offered only on Premium, with HSM first; three sizes each', () => {
  const standard = kekCreationChoices({ properties: { sku: { name: 'standard' } } });
  assert.deepEqual(standard.map((c) => `${c.keyType}/${c.keySize}`), ['RSA/2048', 'RSA/3072', 'RSA/4096']);
  const premium = kekCreationChoices({ properties: { sku: { name: 'Premium' } } });
  assert.deepEqual(premium.map((c) => `${c.keyType}/${c.keySize}`), ['RSA-HSM/2048', 'RSA-HSM/3072', 'RSA-HSM/4096', 'RSA/2048', 'RSA/3072', 'RSA/4096']);
  assert.deepEqual(premium.filter((c) => c.recommended).map((c) => `${c.keyType}/${c.keySize}`), ['RSA-HSM/3072']);
  assert.equal(text(premium[0].label), 'RSA-HSM 2048 (HSM-protected)');
});

test('an existing key must be an enabled, valid RSA key that may wrap', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  assert.equal(whyKeyCannotBeKek({ name: 'k', keyType: 'RSA', enabled: true }, now), undefined);
  assert.equal(whyKeyCannotBeKek({ name: 'k', keyType: 'RSA-HSM', keyOps: ['wrapKey', 'unwrapKey'] }, now), undefined);
  assert.match(text(whyKeyCannotBeKek({ name: 'k', keyType: 'EC' }, now)!), /EC is not an RSA key/);
  assert.match(text(whyKeyCannotBeKek({ name: 'k', keyType: 'RSA', enabled: false }, now)!), /disabled/);
  assert.match(text(whyKeyCannotBeKek({ name: 'k', keyType: 'RSA', expiresOn: new Date('2025-12-31') }, now)!), /expired/);
  assert.match(text(whyKeyCannotBeKek({ name: 'k', keyType: 'RSA', notBefore: new Date('2026-02-01') }, now)!), /not valid yet/);
  assert.match(text(whyKeyCannotBeKek({ name: 'k', keyType: 'RSA', keyOps: ['sign', 'verify'] }, now)!), /wrapKey/);
});

test('a denied key creation is explained per permission model, with the command that grants it', () => {
  const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1';
  const rbac = explainKeyCreateDenied({ id, name: 'kv1', properties: { enableRbacAuthorization: true } }, { upn: 'alex@contoso.com' });
  assert.equal(rbac.model, 'rbac');
  assert.match(text(rbac.explanation), /^Key vault "kv1" uses Azure RBAC, and creating a key needs the role "Key Vault Crypto Officer"/);
  assert.equal(rbac.command, `az role assignment create --role "Key Vault Crypto Officer" --assignee alex@contoso.com --scope ${id}`);
  const policy = explainKeyCreateDenied({ id, name: 'kv1', properties: {} }, { objectId: 'oid-1' });
  assert.equal(policy.model, 'accessPolicy');
  assert.equal(text(policy.explanation), 'Key vault "kv1" uses access policies, and yours lacks the key permissions get, list, create, wrapKey, unwrapKey.');
  assert.equal(policy.command, 'az keyvault set-policy --name kv1 --object-id oid-1 --key-permissions get list create wrapKey unwrapKey');
  // Only what the user's own policy lacks is named (another user's policy does not count).
  const partial = explainKeyCreateDenied({ id, name: 'kv1', properties: { accessPolicies: [
    { objectId: 'OID-1', permissions: { keys: ['Get', 'list', 'wrapKey'] } },
    { objectId: 'someone-else', permissions: { keys: ['create', 'unwrapKey'] } },
  ] } as never }, { objectId: 'oid-1', upn: 'alex@contoso.com' });
  assert.equal(text(partial.explanation), 'Key vault "kv1" uses access policies, and yours lacks the key permissions create, unwrapKey.');
  assert.equal(partial.command, 'az keyvault set-policy --name kv1 --upn alex@contoso.com --key-permissions create unwrapKey');
  assert.ok(isPermissionDenied({ statusCode: 403 }));
  assert.ok(isPermissionDenied({ code: 'Forbidden' }));
  assert.ok(!isPermissionDenied({ statusCode: 404, code: 'KeyNotFound' }));
});

test('the signed-in user is read from the token claims; garbage gives nothing', () => {
  const payload = Buffer.from(JSON.stringify({ oid: 'o1', tid: 't1', upn: 'alex@contoso.com' })).toString('base64url');
  assert.deepEqual(readTokenClaims(`h.${payload}.s`), { objectId: 'o1', tenantId: 't1', upn: 'alex@contoso.com' });
  assert.deepEqual(readTokenClaims('not-a-token'), {});
  assert.deepEqual(readTokenClaims('a.%%%.c'), {});
});

test('vault and key URLs of a private cloud keep their port (the local data plane listens on one)', () => {
  assert.deepEqual(normalizeVaultUrl('https://KV1.vault.local-azure.test:8443/'), { vaultUrl: 'https://kv1.vault.local-azure.test:8443/', vaultName: 'kv1' });
  assert.equal(parseKeyUrl('https://kv1.vault.local-azure.test:8443/keys/kek/0123456789abcdef0123456789abcdef')?.vaultUrl, 'https://kv1.vault.local-azure.test:8443/');
  assert.deepEqual(normalizeVaultUrl('https://kv1.vault.azure.net'), { vaultUrl: 'https://kv1.vault.azure.net/', vaultName: 'kv1' });
});
