import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partitionVaultsForVm, recoveryVaultProblem } from '../../../src/core/enableBackup/chooseRecoveryVault.ts';
import { backupPolicyProblem, describeBackupPolicy, preferredPolicyName } from '../../../src/core/enableBackup/describeBackupPolicy.ts';
import { suggestRecoveryVaultName, validateRecoveryVaultName } from '../../../src/core/enableBackup/recoveryVaultName.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';

const SUB = '11111111-1111-1111-1111-111111111111';
const OTHER = '22222222-2222-2222-2222-222222222222';
const vm = { id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`, name: 'vm1', location: 'japaneast' };
const vault = (name: string, location: string, sub = SUB, provisioningState = 'Succeeded') =>
  ({ id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/${name}`, name, location, properties: { provisioningState } });

test('a vault of the VM\'s region and subscription is usable (region names compared as ARM does)', () => {
  assert.equal(recoveryVaultProblem(vm, vault('a', 'Japan East'), true, t), undefined);
});

test('a vault in another region is refused with both regions named', () => {
  assert.equal(recoveryVaultProblem(vm, vault('a', 'eastus'), false, t),
    'Vault a is in eastus, but vm1 is in japaneast: Azure Backup protects a VM only with a vault in the same region.');
});

test('a vault in another subscription is refused; for an encrypted VM the article\'s reason is given', () => {
  assert.match(recoveryVaultProblem(vm, vault('a', 'japaneast', OTHER), true, t)!, /encrypted VMs are backed up and restored only within one subscription/);
  assert.match(recoveryVaultProblem(vm, vault('a', 'japaneast', OTHER), false, t)!, /a VM is protected by a vault in its own subscription/);
});

test('a vault still being created is not offered', () => {
  assert.match(recoveryVaultProblem(vm, vault('a', 'japaneast', SUB, 'Creating'), false, t)!, /not ready \(provisioning state: Creating\)/);
});

test('partition keeps every vault, sorted by name, usable ones apart', () => {
  const { usable, unusable } = partitionVaultsForVm(vm, [vault('z', 'japaneast'), vault('b', 'westus'), vault('a', 'japaneast')], false, t);
  assert.deepEqual(usable.map((v) => v.name), ['a', 'z']);
  assert.deepEqual(unusable.map((u) => u.vault.name), ['b']);
});

test('vault names follow ARM\'s rule and must be new in the resource group', () => {
  assert.equal(validateRecoveryVaultName('rsv-japaneast', [], t), undefined);
  assert.match(validateRecoveryVaultName('1abc', [], t)!, /starting with a letter/);
  assert.match(validateRecoveryVaultName('a', [], t)!, /2 to 50 characters/);
  assert.match(validateRecoveryVaultName('a'.repeat(51), [], t)!, /2 to 50/);
  assert.match(validateRecoveryVaultName('my_vault', [], t)!, /letters, digits and hyphens/);
  assert.equal(validateRecoveryVaultName('RSV-JPE', ['rsv-jpe'], t), 'A vault named RSV-JPE already exists in this resource group.');
});

test('the suggested name says the region and avoids names taken', () => {
  assert.equal(suggestRecoveryVaultName('japaneast', []), 'rsv-japaneast');
  assert.equal(suggestRecoveryVaultName('Japan East', ['rsv-japaneast', 'rsv-japaneast-2']), 'rsv-japaneast-3');
  assert.equal(validateRecoveryVaultName(suggestRecoveryVaultName('southafricanorth', []), [], t), undefined);
});

const standard = {
  name: 'DefaultPolicy',
  properties: {
    backupManagementType: 'AzureIaasVM',
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: [new Date('2017-12-05T19:00:00Z')] },
    retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionDuration: { count: 30, durationType: 'Days' } } },
  },
};
const enhanced = {
  name: 'EnhancedPolicy',
  properties: {
    backupManagementType: 'AzureIaasVM', policyType: 'V2', timeZone: 'Tokyo Standard Time',
    schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly', hourlySchedule: { interval: 4, scheduleWindowStartTime: '2025-01-01T08:00:00Z', scheduleWindowDuration: 12 } },
    retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionDuration: { count: 6, durationType: 'Months' } } },
  },
};
const weekly = {
  name: 'Weekly',
  properties: {
    backupManagementType: 'AzureIaasVM',
    schedulePolicy: { scheduleRunFrequency: 'Weekly', scheduleRunDays: ['Sunday', 'Wednesday'], scheduleRunTimes: ['2025-01-01T02:30:00Z'] },
    retentionPolicy: { weeklySchedule: { retentionDuration: { count: 12, durationType: 'Weeks' } } },
  },
};

test('policies read as the portal lists them: schedule in the policy\'s time zone, retention, tier', () => {
  assert.deepEqual(describeBackupPolicy(standard, t), { name: 'DefaultPolicy', tier: 'Standard', schedule: 'Daily at 19:00 (UTC)', retention: 'keeps recovery points 30 days' });
  assert.deepEqual(describeBackupPolicy(enhanced, t), { name: 'EnhancedPolicy', tier: 'Enhanced', schedule: 'Every 4 hours from 08:00 for 12 hours (Tokyo Standard Time)', retention: 'keeps recovery points 6 months' });
  assert.deepEqual(describeBackupPolicy(weekly, t), { name: 'Weekly', tier: 'Standard', schedule: 'Weekly on Sunday, Wednesday at 02:30 (UTC)', retention: 'keeps recovery points 12 weeks' });
  assert.equal(describeBackupPolicy({ name: 'x' }, t).schedule, 'No schedule');
});

test('Trusted Launch VMs need an Enhanced policy; other workloads\' policies never fit a VM', () => {
  const tl = { ...vm, securityProfile: { securityType: 'TrustedLaunch' } };
  assert.equal(backupPolicyProblem(standard, vm, t), undefined);
  assert.match(backupPolicyProblem(standard, tl, t)!, /vm1 uses Trusted Launch.*DefaultPolicy is a Standard policy/);
  assert.equal(backupPolicyProblem(enhanced, tl, t), undefined);
  assert.match(backupPolicyProblem({ name: 'sql', properties: { backupManagementType: 'AzureWorkload' } }, vm, t)!, /for AzureWorkload/);
});

test('DefaultPolicy is preselected when it fits, else the first policy that does', () => {
  assert.equal(preferredPolicyName([weekly, standard, enhanced], vm, t), 'DefaultPolicy');
  assert.equal(preferredPolicyName([weekly, standard, enhanced], { ...vm, securityProfile: { securityType: 'TrustedLaunch' } }, t), 'EnhancedPolicy');
  assert.equal(preferredPolicyName([standard], { ...vm, securityProfile: { securityType: 'TrustedLaunch' } }, t), undefined);
});
