// The default local Azure plus what the backup-access tests need beyond it: a VM encrypted with BEK + KEK in the
// access-policy vault, and a second RBAC vault with a BEK-only VM (to show the custom role is reused).
import { linuxVm, managedDisk } from '../../azure-local/fixtures/builders.ts';
import { CONTOSO_TENANT, PROD_SUBSCRIPTION, defaultFixture } from '../../azure-local/fixtures/default.ts';
import { keyVault } from '../../azure-local/fixtures/vaultAndTemplateBuilders.ts';
import type { Fixture } from '../../azure-local/state/model.ts';

const sec = { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: 'rg-security-prod', location: 'japaneast' };
const web = { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: 'rg-web-prod-japaneast', location: 'japaneast' };
const vaultId = (name: string) => `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/rg-security-prod/providers/Microsoft.KeyVault/vaults/${name}`;

export const ACCESS_POLICY_VAULT_ID = vaultId('kv-contoso-ade-jpe');
export const RBAC_VAULT_ID = vaultId('kv-contoso-ade-eus');
export const SECOND_RBAC_VAULT_ID = vaultId('kv-contoso-ade-jpe2');
export const vmId = (rg: string, name: string) => `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;
export const KEK_VM_ID = vmId(web.resourceGroup, 'vm-app-kek-01');
export const BEK_VM_ID = vmId(web.resourceGroup, 'vm-app-bek-02');
export const RBAC_VM_ID = vmId('rg-data-prod-eastus', 'vm-db-01');

/** ADE as the disks record it: the BEK secret, and the KEK that wraps it when given. */
function adeSettings(vault: string, withKek: boolean): Record<string, unknown> {
  return {
    encryptionSettingsCollection: {
      enabled: true,
      encryptionSettingsVersion: '1.1',
      encryptionSettings: [{
        diskEncryptionKey: { sourceVault: { id: vaultId(vault) }, secretUrl: `https://${vault}.vault.azure.net/secrets/5c1f0a7e-bek/8a3d2f10c4b94e7d` },
        ...(withKek ? { keyEncryptionKey: { sourceVault: { id: vaultId(vault) }, keyUrl: `https://${vault}.vault.azure.net/keys/ade-kek/1f2e3d4c5b6a` } } : {}),
      }],
    },
  };
}

export function backupAccessFixture(): Fixture {
  const fixture = defaultFixture();
  const kekOs = managedDisk({ ...web, name: 'vm-app-kek-01_OsDisk_1', sizeGB: 1, os: true, diskState: 'Attached', extra: { properties: adeSettings('kv-contoso-ade-jpe', true) } });
  const kekVm = linuxVm({ ...web, name: 'vm-app-kek-01', size: 'Standard_D2s_v5', powerState: 'running', osDisk: kekOs });
  const bekOs = managedDisk({ ...web, name: 'vm-app-bek-02_OsDisk_1', sizeGB: 1, os: true, diskState: 'Attached', extra: { properties: adeSettings('kv-contoso-ade-jpe2', false) } });
  const bekVm = linuxVm({ ...web, name: 'vm-app-bek-02', size: 'Standard_D2s_v5', powerState: 'running', osDisk: bekOs });
  fixture.virtualMachines.push(kekVm, bekVm);
  fixture.disks.push(kekOs, bekOs);
  fixture.vaults.push(keyVault({ ...sec, name: 'kv-contoso-ade-jpe2', tenantId: CONTOSO_TENANT, enabledForDiskEncryption: true, enableRbacAuthorization: true }));
  return fixture;
}
