import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBackupProtection } from '../../../src/azure/recoveryServices/withBackupProtection.ts';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { iaasVmContainerName, iaasVmProtectedItemName, operationIdFromUrl, parseRecoveryVaultId } from '../../../src/core/enableBackup/iaasVmBackupNames.ts';
import { protectionFromBackupStatus, protectionFromProtectedItem } from '../../../src/core/enableBackup/readVmBackupProtection.ts';
import type { VmBackupProtection } from '../../../src/core/enableBackup/recoveryServicesTypes.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';
import { presentVirtualMachine } from '../../../src/core/resources/presentVirtualMachine.ts';

const VM = '/subscriptions/s1/resourceGroups/RG-Web/providers/Microsoft.Compute/virtualMachines/vm1';
const VAULT = '/subscriptions/s1/resourceGroups/rg-bk/providers/Microsoft.RecoveryServices/vaults/rsv1';

test('container and item names follow the REST guide ("iaasvmcontainer;" / "vm;" + iaasvmcontainerv2;rg;vm)', () => {
  assert.equal(iaasVmContainerName(VM), 'iaasvmcontainer;iaasvmcontainerv2;RG-Web;vm1');
  assert.equal(iaasVmProtectedItemName(VM), 'vm;iaasvmcontainerv2;RG-Web;vm1');
  assert.throws(() => iaasVmContainerName('/subscriptions/s1'), /Not a virtual machine/);
  assert.deepEqual(parseRecoveryVaultId(VAULT), { vaultName: 'rsv1', resourceGroup: 'rg-bk', subscriptionId: 's1' });
});

test('the operation id is the last path segment of Azure-AsyncOperation / Location', () => {
  assert.equal(operationIdFromUrl('https://x/Subscriptions/s/.../protectedItems/vm;a;b/operationsStatus/b8daecaa-f8f5?api-version=2019-05-13'), 'b8daecaa-f8f5');
  assert.equal(operationIdFromUrl('https://x/.../backupFabrics/Azure/operationResults/aad204aa/'), 'aad204aa');
  assert.equal(operationIdFromUrl(undefined), undefined);
});

test('backup status: Protected (and Protecting) name the item; NotProtected and incomplete answers do not', () => {
  const status = { protectionStatus: 'Protected', vaultId: VAULT, containerName: 'iaasvmcontainer;x', protectedItemName: 'VM;x', policyName: 'DefaultPolicy' };
  assert.deepEqual(protectionFromBackupStatus(status), {
    vaultId: VAULT, vaultName: 'rsv1', vaultResourceGroup: 'rg-bk', containerName: 'iaasvmcontainer;x', protectedItemName: 'VM;x', policyName: 'DefaultPolicy',
  });
  assert.ok(protectionFromBackupStatus({ ...status, protectionStatus: 'Protecting' }));
  assert.equal(protectionFromBackupStatus({ protectionStatus: 'NotProtected' }), undefined);
  assert.equal(protectionFromBackupStatus({ ...status, containerName: undefined }), undefined);
});

test('a protected item maps to its VM; stopped protection does not count as protected', () => {
  const item = {
    id: `${VAULT}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg;vm1/protectedItems/VM;iaasvmcontainerv2;rg;vm1`,
    name: 'VM;iaasvmcontainerv2;rg;vm1',
    properties: { virtualMachineId: VM, policyName: 'DefaultPolicy', protectionState: 'Protected', lastBackupStatus: 'Completed' },
  };
  const found = protectionFromProtectedItem(item, VAULT)!;
  assert.equal(found.vmId, VM);
  assert.equal(found.protection.containerName, 'iaasvmcontainer;iaasvmcontainerv2;rg;vm1');
  assert.equal(found.protection.lastBackupStatus, 'Completed');
  assert.equal(protectionFromProtectedItem({ ...item, properties: { ...item.properties, protectionState: 'ProtectionStopped' } }, VAULT), undefined);
});

const session = { name: 'Prod', subscriptionId: 's1' } as SubscriptionSession;
const protection: VmBackupProtection = { vaultId: VAULT, vaultName: 'rsv1', vaultResourceGroup: 'rg-bk', containerName: 'c', protectedItemName: 'i' };

test('the inventory adds backupProtection to protected VMs only, and the node shows it', async () => {
  const list = withBackupProtection(async () => [{ id: VM, name: 'vm1' }, { id: VM.replace('vm1', 'vm2'), name: 'vm2' }], () => assert.fail('no warning'),
    async () => new Map([[VM.toLowerCase(), protection]]));
  const [vm1, vm2] = (await list(session, 'virtualMachine')) as Array<{ name: string; backupProtection?: VmBackupProtection }>;
  assert.equal(vm1.backupProtection?.vaultName, 'rsv1');
  assert.equal(vm2.backupProtection, undefined);
  const shown = presentVirtualMachine(vm1, t);
  assert.match(shown.contextValue, /\bvirtualMachine\b.*\bbackupProtected\b/);
  assert.ok(shown.tooltip.includes('Backup: protected by vault rsv1'));
  assert.doesNotMatch(presentVirtualMachine(vm2, t).contextValue, /backupProtected/);
});

test('when Azure Backup can\'t be read, VMs are still listed and a warning is logged; other kinds are not touched', async () => {
  const warnings: string[] = [];
  let backupCalls = 0;
  const list = withBackupProtection(async (_s, kind) => [{ id: VM, kind }], (m) => warnings.push(m), async () => {
    backupCalls++;
    throw new Error('AuthorizationFailed');
  });
  assert.deepEqual(await list(session, 'virtualMachine'), [{ id: VM, kind: 'virtualMachine' }]);
  assert.match(warnings[0], /Could not read Azure Backup protection for Prod: AuthorizationFailed/);
  assert.deepEqual(await list(session, 'disk'), [{ id: VM, kind: 'disk' }]);
  assert.equal(backupCalls, 1);
});
