import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVmSize } from '../../../src/core/encryption/vmSize.ts';
import { normalizeVaultUrl, parseKeyUrl } from '../../../src/core/encryption/keyVaultUrls.ts';
import { isKeyVaultResourceId, parseArmResourceId, sameLocation } from '../../../src/core/encryption/armResourceId.ts';
import { compareFindings, renderFindingText, type Finding } from '../../../src/core/encryption/finding.ts';
import { listVmDisks } from '../../../src/core/encryption/vmDisks.ts';
import { runningVm, withStorage } from './fixtures.ts';

test('VM size names give tier, family and generation', () => {
  assert.deepEqual(parseVmSize('Standard_D4s_v5'), { raw: 'Standard_D4s_v5', tier: 'Standard', family: 'D', version: 5 });
  assert.deepEqual(parseVmSize('Basic_A1'), { raw: 'Basic_A1', tier: 'Basic', family: 'A' });
  assert.equal(parseVmSize('Standard_M128ms')?.family, 'M');
  assert.equal(parseVmSize('Standard_HB120rs_v3')?.family, 'HB');
  assert.equal(parseVmSize('Standard_DS2_v2')?.family, 'DS');
  assert.deepEqual([parseVmSize('Standard_NC24ads_A100_v4')?.family, parseVmSize('Standard_NC24ads_A100_v4')?.version], ['NC', 4]);
  assert.equal(parseVmSize('Standard_E2as_v6')?.version, 6);
  assert.equal(parseVmSize('nonsense'), undefined);
});

test('key URLs: version required to be 32 hex chars; vault URLs are normalized', () => {
  assert.deepEqual(parseKeyUrl('https://KV-ade.vault.azure.net/keys/kek1/0123456789abcdef0123456789abcdef'), {
    vaultUrl: 'https://kv-ade.vault.azure.net/', vaultName: 'kv-ade', keyName: 'kek1', version: '0123456789abcdef0123456789abcdef',
  });
  assert.equal(parseKeyUrl('https://kv-ade.vault.azure.net/keys/kek1')?.version, undefined);
  assert.equal(parseKeyUrl('https://kv-ade.vault.azure.net/keys/kek1/not-a-version'), undefined);
  assert.equal(parseKeyUrl('http://kv-ade.vault.azure.net/keys/kek1/0123456789abcdef0123456789abcdef'), undefined);
  assert.equal(parseKeyUrl('https://example.com/keys/kek1/0123456789abcdef0123456789abcdef'), undefined);
  assert.deepEqual(normalizeVaultUrl('https://KV-ade.vault.usgovcloudapi.net'), { vaultUrl: 'https://kv-ade.vault.usgovcloudapi.net/', vaultName: 'kv-ade' });
  assert.equal(normalizeVaultUrl('https://kv-ade.vault.azure.net/secrets'), undefined);
});

test('ARM ids and locations compare the way ARM does', () => {
  const p = parseArmResourceId('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss/virtualMachines/3');
  assert.deepEqual(p, { subscriptionId: 's1', resourceGroup: 'rg', provider: 'Microsoft.Compute', types: ['virtualMachineScaleSets', 'virtualMachines'], name: '3' });
  assert.ok(isKeyVaultResourceId('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv'));
  assert.ok(!isKeyVaultResourceId('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/managedHSMs/kv'));
  assert.ok(sameLocation('Japan East', 'japaneast'));
  assert.ok(!sameLocation(undefined, 'japaneast'));
});

test('finding templates fill named placeholders and sort errors first', () => {
  assert.equal(renderFindingText('Disk "{diskName}" has {n} issues {unknown}', { diskName: 'd1', n: 2 }), 'Disk "d1" has 2 issues {unknown}');
  const f = (rule: string, severity: Finding['severity']): Finding => ({ rule, severity, message: '' });
  const sorted = [f('ade.b', 'info'), f('ade.a', 'warning'), f('ade.c', 'error'), f('ade.a', 'error')].sort(compareFindings);
  assert.deepEqual(sorted.map((x) => `${x.severity}:${x.rule}`), ['error:ade.a', 'error:ade.c', 'warning:ade.a', 'info:ade.b']);
});

test('VM disks: OS then data disks with paths; disks being detached are left out', () => {
  const vm = runningVm();
  const disks = listVmDisks(withStorage({ dataDisks: [...vm.storageProfile!.dataDisks!, { lun: 1, name: 'leaving', toBeDetached: true }] }));
  assert.deepEqual(disks.map((d) => [d.role, d.name, d.path]), [
    ['os', 'vm1_OsDisk_1', 'vm.storageProfile.osDisk'], ['data', 'vm1-data0', 'vm.storageProfile.dataDisks[0]'],
  ]);
});
