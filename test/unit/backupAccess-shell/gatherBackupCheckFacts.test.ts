import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKeyVaultKeyUrl } from '../../../src/core/backupAccess/armResourceIds.ts';
import { findEncryptedVmBackupFindings } from '../../../src/core/backupAccess/findEncryptedVmBackupFindings.ts';
import { findEncryptionKeyVaults } from '../../../src/core/backupAccess/findEncryptionKeyVaults.ts';
import type { EncryptedDiskLike } from '../../../src/core/backupAccess/encryptionSourceTypes.ts';
import { gatherBackupCheckFacts, type BackupCheckFactReaders } from '../../../src/features/backupAccess/gatherBackupCheckFacts.ts';
import { RG_ID, VAULT_ID, VM_ID } from '../backupAccess/backupAccessFixtures.ts';

// What the shell reads for the article's rules besides the VM: the KEK's `managed` flag ("standalone keys only")
// and whether the VM is already protected ("already backed up: just grant access"). Readers are fakes here; the
// integration test reads a real key through @azure/keyvault-keys.

const KEK_URL = 'https://kv-ade.vault.azure.net/keys/kek/0123456789abcdef';
function disk(withKek: boolean): EncryptedDiskLike {
  return {
    id: `${RG_ID}/providers/Microsoft.Compute/disks/osdisk`,
    name: 'osdisk',
    encryptionSettingsCollection: {
      enabled: true,
      encryptionSettings: [{
        diskEncryptionKey: { sourceVault: { id: VAULT_ID }, secretUrl: 'https://kv-ade.vault.azure.net/secrets/bek/1' },
        ...(withKek ? { keyEncryptionKey: { sourceVault: { id: VAULT_ID }, keyUrl: KEK_URL } } : {}),
      }],
    },
  };
}
const vm = { id: VM_ID, location: 'japaneast' };
const encryption = (withKek: boolean) => findEncryptionKeyVaults({ vm, disks: [disk(withKek)] });

function readers(over: Partial<BackupCheckFactReaders> = {}): BackupCheckFactReaders & { read: string[]; warnings: string[] } {
  const read: string[] = [];
  const warnings: string[] = [];
  return {
    read,
    warnings,
    keyBacksCertificate: async (url) => { read.push(url); return false; },
    vmIsProtected: async () => false,
    warn: (m) => warnings.push(m),
    ...over,
  };
}

async function rulesFor(withKek: boolean, r: BackupCheckFactReaders, known = {}) {
  const enc = encryption(withKek);
  const facts = await gatherBackupCheckFacts(enc, r, known);
  const findings = [...findEncryptedVmBackupFindings({ vm, encryption: enc, disks: [disk(withKek)], ...facts }), ...facts.findings];
  return { facts, findings, rules: findings.map((f) => f.rule) };
}

test('a KEK that belongs to a certificate (managed: true) is an error naming that key', async () => {
  const r = readers({ keyBacksCertificate: async () => true });
  const { facts, findings } = await rulesFor(true, r);
  assert.equal(facts.kekBacksCertificate, true);
  const f = findings.find((x) => x.rule === 'backup.standaloneKeysOnly');
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /kv-ade\.vault\.azure\.net\/keys\/kek\/0123456789abcdef belongs to a certificate/);
});

test('a standalone KEK is read and passes; a BEK-only VM reads no key at all', async () => {
  const r = readers();
  const kek = await rulesFor(true, r);
  assert.deepEqual(r.read, [KEK_URL]);
  assert.equal(kek.facts.kekBacksCertificate, false);
  assert.ok(!kek.rules.includes('backup.standaloneKeysOnly'));
  const r2 = readers();
  const bek = await rulesFor(false, r2);
  assert.deepEqual(r2.read, []);
  assert.equal(bek.facts.kekBacksCertificate, undefined);
});

test('a KEK that cannot be read is said, not silently passed', async () => {
  const r = readers({ keyBacksCertificate: async () => { throw new Error('Forbidden: the user does not have keys get permission'); } });
  const { facts, findings } = await rulesFor(true, r);
  assert.equal(facts.kekBacksCertificate, undefined);
  const f = findings.find((x) => x.rule === 'backup.standaloneKeyUnchecked');
  assert.equal(f?.severity, 'warning');
  assert.match(f?.message ?? '', /could not be read.*Forbidden/);
  assert.equal(r.warnings.length, 1);
});

test('a VM Azure Backup already protects gets "just grant the key vault access"; the known answer is not asked again', async () => {
  const asked: number[] = [];
  const r = readers({ vmIsProtected: async () => { asked.push(1); return true; } });
  const { rules } = await rulesFor(false, r);
  assert.ok(rules.includes('backup.alreadyProtected'));
  assert.equal(asked.length, 1);
  const again = await rulesFor(false, r, { vmAlreadyProtected: false });
  assert.ok(!again.rules.includes('backup.alreadyProtected'));
  assert.equal(asked.length, 1, 'not asked when the caller knows');
});

test('key URLs are split into vault, name and version', () => {
  assert.deepEqual(parseKeyVaultKeyUrl('https://kv1.vault.local-azure.test:8443/keys/kek/0abc'), { vaultUri: 'https://kv1.vault.local-azure.test:8443/', name: 'kek', version: '0abc' });
  assert.deepEqual(parseKeyVaultKeyUrl('https://kv1.vault.azure.net/keys/kek'), { vaultUri: 'https://kv1.vault.azure.net/', name: 'kek' });
  assert.equal(parseKeyVaultKeyUrl('https://kv1.vault.azure.net/secrets/bek/1'), undefined);
});
