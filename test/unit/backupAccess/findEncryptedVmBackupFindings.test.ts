import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEncryptedVmBackupFindings, findKeyVaultBackupFindings } from '../../../src/core/backupAccess/findEncryptedVmBackupFindings.ts';
import { findEncryptionKeyVaults } from '../../../src/core/backupAccess/findEncryptionKeyVaults.ts';
import type { BackupCheckContext } from '../../../src/core/backupAccess/rules/backupCheckContext.ts';
import type { EncryptedDiskLike } from '../../../src/core/backupAccess/encryptionSourceTypes.ts';
import { RG_ID, SUB, VAULT_ID, VM_ID } from './backupAccessFixtures.ts';

const ADE_DISK: EncryptedDiskLike = {
  id: `${RG_ID}/providers/Microsoft.Compute/disks/osdisk`,
  name: 'osdisk',
  encryptionSettingsCollection: {
    enabled: true,
    encryptionSettings: [
      {
        diskEncryptionKey: { sourceVault: { id: VAULT_ID }, secretUrl: 'https://kv-ade.vault.azure.net/secrets/bek/1' },
        keyEncryptionKey: { sourceVault: { id: VAULT_ID }, keyUrl: 'https://kv-ade.vault.azure.net/keys/kek/1' },
      },
    ],
  },
};
const READY_AGENT = { vmAgent: { statuses: [{ code: 'ProvisioningState/succeeded', displayStatus: 'Ready' }] } };

function context(over: Partial<BackupCheckContext> = {}, disks: EncryptedDiskLike[] = [ADE_DISK]): BackupCheckContext {
  const vm = { id: VM_ID, location: 'japaneast', instanceView: READY_AGENT };
  // A member found in Graph unless a test says otherwise (the guest/member note has tests of its own).
  return { vm, disks, encryption: findEncryptionKeyVaults({ vm, disks }), keyVaults: [{ id: VAULT_ID, location: 'japaneast' }], signedInUser: { isGuest: false }, backupPrincipalResolved: true, ...over };
}

const rules = (ctx: BackupCheckContext) => findEncryptedVmBackupFindings(ctx).map((f) => f.rule);

test('an ordinary ADE VM gets only the article\'s standing limits, as info', () => {
  const findings = findEncryptedVmBackupFindings(context());
  assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [
    ['backup.sameSubscriptionOnly', 'info'],
    ['backup.noFileLevelRestore', 'info'],
    ['backup.noReplaceExisting', 'info'],
    ['backup.crossRegionRestorePairedOnly', 'info'],
  ]);
  assert.match(findings[2].message, /Replace existing/);
  assert.equal(findings[2].fix, 'Restore as a new VM or restore the disks.');
});

test('a VM without ADE gets none of the ADE limits, only the "nothing needed" note', () => {
  assert.deepEqual(rules(context({}, [{ name: 'osdisk' }])), ['ade.notEncrypted']);
});

test('guest users are told they must grant the access themselves', () => {
  assert.ok(rules(context({ signedInUser: { isGuest: true } })).includes('backup.guestUser'));
  assert.ok(!rules(context({ signedInUser: { isGuest: false } })).includes('backup.guestUser'));
});

test('an unresolved Backup Management Service asks for the pasted object id, naming the app id', () => {
  const f = findEncryptedVmBackupFindings(context({ backupPrincipalResolved: false })).find((x) => x.rule === 'backup.principalUnresolved');
  assert.ok(f);
  assert.match(f.fix ?? '', /262044b1-e2ce-469f-a196-69ab7ada62d3/);
});

test('disks with Entra ID data access are an error, first in the list, with the disk as path', () => {
  const disk = { ...ADE_DISK, dataAccessAuthMode: 'AzureActiveDirectory' };
  const findings = findEncryptedVmBackupFindings(context({}, [disk]));
  assert.equal(findings[0].rule, 'backup.entraIdDataAccessDisk');
  assert.equal(findings[0].severity, 'error');
  assert.equal(findings[0].path, disk.id);
  assert.equal(findings[0].params?.disk, 'osdisk');
  assert.ok(!rules(context({}, [{ ...ADE_DISK, dataAccessAuthMode: 'None' }])).includes('backup.entraIdDataAccessDisk'));
});

test('a certificate-backed KEK is an error (standalone keys only)', () => {
  assert.ok(rules(context({ kekBacksCertificate: true })).includes('backup.standaloneKeysOnly'));
  assert.ok(!rules(context({ kekBacksCertificate: false })).includes('backup.standaloneKeysOnly'));
});

test('a Recovery Services vault in another subscription or region is an error', () => {
  const otherSub = `/subscriptions/99999999-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv`;
  assert.ok(rules(context({ recoveryServicesVault: { id: otherSub, location: 'japaneast' } })).includes('backup.recoveryVaultOtherSubscription'));
  const sameSubOtherRegion = { id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv`, location: 'Japan West' };
  const f = findEncryptedVmBackupFindings(context({ recoveryServicesVault: sameSubOtherRegion })).find((x) => x.rule === 'backup.recoveryVaultOtherRegion');
  assert.equal(f?.fix, 'Pick or create a Recovery Services vault in japaneast.');
  assert.ok(!rules(context({ recoveryServicesVault: { ...sameSubOtherRegion, location: 'Japan East' } })).some((r) => r.startsWith('backup.recoveryVault')));
});

test('a key vault outside the VM\'s region is a warning', () => {
  assert.ok(rules(context({ keyVaults: [{ id: VAULT_ID, location: 'westeurope' }] })).includes('backup.keyVaultOtherSubscriptionOrRegion'));
});

test('ADE together with SSE + customer-managed key is flagged', () => {
  const disk = { ...ADE_DISK, encryption: { type: 'EncryptionAtRestWithPlatformAndCustomerKeys', diskEncryptionSetId: `${RG_ID}/providers/Microsoft.Compute/diskEncryptionSets/des` } };
  assert.ok(rules(context({}, [disk])).includes('ade.withServerSideCmk'));
});

test('a VM agent that is not ready is a warning; an unread instance view says nothing', () => {
  const notReady = context();
  notReady.vm = { ...notReady.vm, instanceView: { vmAgent: { statuses: [{ displayStatus: 'Not Ready' }] } } };
  assert.ok(rules(notReady).includes('backup.vmAgentNotReady'));
  const unread = context();
  unread.vm = { id: VM_ID, location: 'japaneast' };
  assert.ok(!rules(unread).includes('backup.vmAgentNotReady'));
});

test('an already protected VM is told to grant access so backups continue', () => {
  assert.ok(rules(context({ vmAlreadyProtected: true })).includes('backup.alreadyProtected'));
});

test('the article\'s member/guest sentence is shown when the user type is unknown or the principal was pasted', () => {
  assert.ok(rules(context({ signedInUser: undefined })).includes('backup.guestOrMemberNote'));
  assert.ok(rules(context({ backupPrincipalResolved: false })).includes('backup.guestOrMemberNote'));
  assert.ok(!rules(context()).includes('backup.guestOrMemberNote'), 'a member found in Graph needs no note');
  const guest = rules(context({ signedInUser: { isGuest: true }, backupPrincipalResolved: false }));
  assert.ok(guest.includes('backup.guestUser') && !guest.includes('backup.guestOrMemberNote'), 'a known guest gets the warning instead');
  const note = findEncryptedVmBackupFindings(context({ signedInUser: undefined })).find((f) => f.rule === 'backup.guestOrMemberNote')!;
  assert.match(note.message, /For member users, Azure Backup gets access to the key vault without further action; for guest users, you must give Azure Backup permissions/);
});

test('from a key vault node (no VM) the principal and guest rules still run', () => {
  const pasted = findKeyVaultBackupFindings({ signedInUser: { isGuest: false }, backupPrincipalResolved: false }).map((f) => f.rule);
  assert.deepEqual(pasted, ['backup.principalUnresolved', 'backup.guestOrMemberNote']);
  assert.deepEqual(findKeyVaultBackupFindings({ signedInUser: { isGuest: true }, backupPrincipalResolved: true }).map((f) => f.rule), ['backup.guestUser']);
  assert.deepEqual(findKeyVaultBackupFindings({ signedInUser: { isGuest: false }, backupPrincipalResolved: true }), []);
});
