import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diskBackupDecision, findVmDiskBackupFindings } from '../../../src/core/backupAccess/findVmDiskBackupFindings.ts';
import { findEncryptedVmBackupFindings } from '../../../src/core/backupAccess/findEncryptedVmBackupFindings.ts';
import { findEncryptionKeyVaults } from '../../../src/core/backupAccess/findEncryptionKeyVaults.ts';
import { RG_ID, VM_ID } from './backupAccessFixtures.ts';

// Disks Azure Backup does not support, checked for every VM: an Entra-ID disk refuses, a disk that could not be
// read is named and must be accepted, none lets Enable Backup go on.

const diskId = (name: string) => `${RG_ID}/providers/Microsoft.Compute/disks/${name}`;

test('an Entra-ID disk refuses the backup, naming the disk and the fix', () => {
  const findings = findVmDiskBackupFindings({ disks: [{ id: diskId('os'), name: 'os', dataAccessAuthMode: 'AzureActiveDirectory' }, { id: diskId('data'), name: 'data', dataAccessAuthMode: 'None' }] });
  assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.path]), [['backup.entraIdDataAccessDisk', 'error', diskId('os')]]);
  assert.match(findings[0].fix ?? '', /dataAccessAuthMode/);
  assert.equal(diskBackupDecision(findings), 'refuse');
});

test('a disk that could not be read is a warning to accept, not silence', () => {
  const findings = findVmDiskBackupFindings({ disks: [{ id: diskId('os'), name: 'os' }], unreadableDiskIds: [diskId('elsewhere')] });
  assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['backup.diskUnreadable', 'warning']]);
  assert.match(findings[0].message, /Disk elsewhere could not be read/);
  assert.equal(diskBackupDecision(findings), 'confirm');
  assert.equal(diskBackupDecision(findVmDiskBackupFindings({ disks: [{ id: diskId('os'), name: 'os' }] })), 'proceed');
});

test('the encrypted-VM report names unreadable disks too', () => {
  const vm = { id: VM_ID, location: 'japaneast', resources: [{ publisher: 'Microsoft.Azure.Security', typePropertiesType: 'AzureDiskEncryptionForLinux', settings: { EncryptionOperation: 'EnableEncryption', KeyVaultURL: 'https://kv.vault.azure.net/', KeyVaultResourceId: `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv` } }] };
  const rules = findEncryptedVmBackupFindings({ vm, encryption: findEncryptionKeyVaults({ vm }), unreadableDiskIds: [diskId('x')] }).map((f) => f.rule);
  assert.ok(rules.includes('backup.diskUnreadable'));
});
