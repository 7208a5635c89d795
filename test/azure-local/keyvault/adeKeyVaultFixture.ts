// The 'ade-key-vault' fixture: the default fixture plus key vaults whose data plane the local Key Vault serves
// (vaultUri on vault.local-azure.test), each set up for one case of the key vault step of Azure Disk Encryption.
// All in Contoso Production / rg-security-prod (japaneast), next to the japaneast VMs. A separate fixture so the
// default one (and the tests that count its vaults) stays as it is.
import { CONTOSO_TENANT, defaultFixture, PROD_SUBSCRIPTION, USER_OBJECT_ID } from '../fixtures/default.ts';
import { keyVault } from '../fixtures/vaultAndTemplateBuilders.ts';
import type { Fixture } from '../state/model.ts';
import { LOCAL_VAULT_DNS_SUFFIX } from './localVaultHosts.ts';

export const ADE_KEY_VAULT_FIXTURE = 'ade-key-vault';

const where = { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: 'rg-security-prod', location: 'japaneast' };
const kekPermissions = ['get', 'list', 'create', 'wrapKey', 'unwrapKey'];

/** Names of the vaults this fixture adds, by what they are for. */
export const LOCAL_VAULTS = {
  /** Access policies with key create; NOT enabled for disk encryption and purge protection off: needs fixes. */
  needsFixes: 'kv-ade-fixme-jpe',
  /** Access policies: the user may list and get keys but not create them. */
  noKeyCreate: 'kv-ade-readonly-jpe',
  /** Azure RBAC and no role for the user: every key call is denied. */
  rbacNoRole: 'kv-ade-rbac-jpe',
  /** Premium, ready (enabled, purge protection): HSM-protected keys can be created. */
  premiumReady: 'kv-ade-premium-jpe',
} as const;

function localVault(name: string, options: { enabledForDiskEncryption: boolean; rbac: boolean; keys?: string[]; purgeProtection: boolean; premium?: boolean }) {
  return keyVault({
    ...where,
    name,
    tenantId: CONTOSO_TENANT,
    enabledForDiskEncryption: options.enabledForDiskEncryption,
    enableRbacAuthorization: options.rbac,
    accessPolicies: options.keys ? [{ objectId: USER_OBJECT_ID, keys: options.keys, secrets: ['get', 'list'] }] : [],
    tags: { purpose: 'ade-key-vault-tests' },
    extra: {
      properties: {
        vaultUri: `https://${name}.${LOCAL_VAULT_DNS_SUFFIX}/`,
        enablePurgeProtection: options.purgeProtection,
        ...(options.premium ? { sku: { family: 'A', name: 'premium' } } : {}),
      },
    },
  });
}

export function adeKeyVaultFixture(): Fixture {
  const fixture = defaultFixture();
  fixture.vaults.push(
    localVault(LOCAL_VAULTS.needsFixes, { enabledForDiskEncryption: false, rbac: false, keys: kekPermissions, purgeProtection: false }),
    localVault(LOCAL_VAULTS.noKeyCreate, { enabledForDiskEncryption: true, rbac: false, keys: ['get', 'list'], purgeProtection: true }),
    localVault(LOCAL_VAULTS.rbacNoRole, { enabledForDiskEncryption: true, rbac: true, purgeProtection: true, premium: true }),
    localVault(LOCAL_VAULTS.premiumReady, { enabledForDiskEncryption: true, rbac: false, keys: kekPermissions, purgeProtection: true, premium: true }),
  );
  return fixture;
}
