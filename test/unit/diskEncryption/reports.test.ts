// The pre-flight report and the status view are what the user reads: they must say what was found, why it matters
// and what to do, group by severity with blocking problems first, and show every disk's state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEncryptionStatus } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { runEncryptionPreflight } from '../../../src/core/encryption/runEncryptionPreflight.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { renderEncryptionStatusReport } from '../../../src/features/diskEncryption/renderEncryptionStatusReport.ts';
import { renderPreflightReport } from '../../../src/features/diskEncryption/renderPreflightReport.ts';
import { healthyContext, runningVm } from '../encryption/fixtures.ts';
import { encryptedVm } from '../encryption/instanceViews.ts';

test('a blocking finding leads the report with its what / why / what to do, and the retirement notice closes it', () => {
  const context = healthyContext();
  const result = runEncryptionPreflight({ ...context, recoveryPoints: { diskIdsWithRecentSnapshot: [] } });
  assert.equal(result.blocking, true);
  const md = renderPreflightReport({ vmName: 'vm1', operationLabel: 'volume type All', result }, formatMessage);
  assert.match(md, /^# Azure Disk Encryption pre-flight check: vm1/);
  assert.match(md, /\*\*Encryption cannot start: fix the problems marked "Blocks encryption"/);
  const blocks = md.indexOf('## Blocks encryption');
  const warnings = md.indexOf('## Warnings');
  assert.ok(blocks > 0 && (warnings === -1 || blocks < warnings), 'blocking problems come first');
  // Named placeholders are filled: the disk is named, never "{diskName}".
  assert.match(md, /### Disk "vm1_OsDisk_1" has no recent snapshot/);
  assert.doesNotMatch(md, /\{diskName\}/);
  assert.match(md, /\*\*Why it matters:\*\* A snapshot or backup must exist before disks are encrypted/);
  assert.match(md, /\*\*What to do:\*\* Snapshot every disk now/);
  assert.match(md, /Rule: `ade\.backup-required` · `vm\.storageProfile\.osDisk`/);
  assert.ok(md.lastIndexOf('scheduled for retirement on 15 September 2028') > md.lastIndexOf('## '), 'retirement notice at the end');
});

test('a healthy VM gets the "nothing blocks" line and no blocking section', () => {
  const result = runEncryptionPreflight(healthyContext());
  const md = renderPreflightReport({ vmName: 'vm1', operationLabel: 'volume type Data', result }, formatMessage);
  assert.equal(result.blocking, false, JSON.stringify(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule)));
  assert.match(md, /Nothing blocks encryption/);
  assert.doesNotMatch(md, /## Blocks encryption/);
});

test('the status view shows phase, next step, per-volume and per-disk states, and the KEK of each disk', () => {
  const vm = encryptedVm({ volumeType: 'All', os: 'VMRestartPending', data: 'Encrypted', osDiskEncrypted: false, dataDiskEncrypted: true });
  const md = renderEncryptionStatusReport({ vmName: 'vm1', status: parseEncryptionStatus(vm), readAt: new Date('2026-01-02T03:04:05Z') }, formatMessage);
  assert.match(md, /# Encryption status: vm1/);
  assert.match(md, /Read from the VM instance view at 2026-01-02T03:04:05.000Z/);
  assert.match(md, /\*\*ADE: restart pending\*\* — The OS volume is encrypted and waits for a restart/);
  assert.match(md, /\| OS volume \| Restart pending \|/);
  assert.match(md, /\| Data volumes \| Encrypted \|/);
  assert.match(md, /\| vm1_OsDisk_1 \| OS disk \| No \| Restart pending \|/);
  assert.match(md, /\| vm1-data0 \| Data disk \(LUN 0\) \| Yes \| Encrypted \|/);
  assert.match(md, /Last volume type: All/);
});

test('while the OS volume encrypts the status view says to avoid SSH logins', () => {
  const vm = encryptedVm({ volumeType: 'OS', os: 'EncryptionInProgress', data: 'NotMounted' });
  const md = renderEncryptionStatusReport({ vmName: 'vm1', status: parseEncryptionStatus(vm), readAt: new Date() }, formatMessage);
  assert.match(md, /Avoid SSH logins while the OS volume is being encrypted/);
  const plain = renderEncryptionStatusReport({ vmName: 'vm1', status: parseEncryptionStatus(runningVm()), readAt: new Date() }, formatMessage);
  assert.doesNotMatch(plain, /Avoid SSH logins/);
  assert.match(plain, /Installed: No/);
});

test('a failed long-running operation reaches the user as ARM\'s code and message, in one sentence', async () => {
  const { formatAzureError } = await import('../../../src/core/errors/describeAzureError.ts');
  const lro = new Error('The long-running operation has failed. VMExtensionProvisioningError. VM has reported a failure when processing extension \'AzureDiskEncryptionForLinux\'. Error message: "The key vault is not enabled for disk encryption."');
  assert.equal(formatAzureError(lro), 'VMExtensionProvisioningError: VM has reported a failure when processing extension \'AzureDiskEncryptionForLinux\'. Error message: "The key vault is not enabled for disk encryption."');
  assert.equal(formatAzureError(new Error('The long-running operation has failed')), 'The long-running operation has failed');
});

test('volume states inside messages read as words, not the extension\'s tokens', () => {
  const vm = encryptedVm({ volumeType: 'OS', os: 'Encrypted', data: 'NotMounted', osDiskEncrypted: true });
  const md = renderEncryptionStatusReport({ vmName: 'vm1', status: parseEncryptionStatus(vm), readAt: new Date() }, formatMessage);
  assert.match(md, /Encryption is complete \(OS volume: Encrypted, data volumes: Not mounted\)/);
  assert.doesNotMatch(md, /NotMounted/);
});
