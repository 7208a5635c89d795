import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planDataAccessModeChange } from '../../../src/core/diskDataAccess/planDataAccessModeChange.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';

test('turning on for a disk of a VM protected by Backup: modal, names the VM and vault first, then ASR and the role', () => {
  const plan = planDataAccessModeChange({ kind: 'disk', name: 'os1', enable: true, backup: { kind: 'protected', vmName: 'vm-web-01', vaultName: 'rsv-prod' } }, formatMessage);
  assert.equal(plan.severity, 'modal');
  assert.deepEqual(plan.patch, { dataAccessAuthMode: 'AzureActiveDirectory' });
  assert.equal(plan.title, 'Require Microsoft Entra ID to download os1?');
  assert.equal(plan.warnings[0], 'VM vm-web-01 is protected by Azure Backup (vault rsv-prod). Azure Backup does not support disks secured with Microsoft Entra ID: its backups of this VM may fail.');
  assert.equal(plan.warnings[1], 'Azure Site Recovery does not support disks secured with Microsoft Entra ID.');
  assert.match(plan.warnings[2], /Data Operator for Managed Disks.*Microsoft\.Compute\/disks\/download\/action/);
  assert.equal(plan.confirmLabel, 'Turn On');
});

test('turning on for an unattached disk or snapshot: a warning (not modal) that still names Backup and ASR', () => {
  const plan = planDataAccessModeChange({ kind: 'snapshot', name: 'snap1', enable: true, backup: { kind: 'notAttached' } }, formatMessage);
  assert.equal(plan.severity, 'warning');
  assert.deepEqual(plan.warnings.slice(0, 2), [
    'Azure Backup does not support disks secured with Microsoft Entra ID.',
    'Azure Site Recovery does not support disks secured with Microsoft Entra ID.',
  ]);
  assert.match(plan.warnings[2], /snapshots\/download\/action/);
});

test('when the Backup lookup failed, it says so instead of implying the VM is not protected', () => {
  const plan = planDataAccessModeChange({ kind: 'disk', name: 'd', enable: true, backup: { kind: 'unknown', vmName: 'vm1', reason: 'AuthorizationFailed' } }, formatMessage);
  assert.equal(plan.severity, 'warning');
  assert.ok(plan.warnings.includes('Could not check whether VM vm1 is protected by Azure Backup: AuthorizationFailed'));
});

test('turning off: None, and says anyone with a SAS can then download', () => {
  const plan = planDataAccessModeChange({ kind: 'disk', name: 'd', enable: false, backup: { kind: 'notAttached' } }, formatMessage);
  assert.deepEqual(plan.patch, { dataAccessAuthMode: 'None' });
  assert.equal(plan.title, 'Stop requiring Microsoft Entra ID to download d?');
  assert.deepEqual(plan.warnings, ['Anyone who holds a SAS URL of d will be able to download it without signing in.']);
  assert.equal(plan.confirmLabel, 'Turn Off');
});
