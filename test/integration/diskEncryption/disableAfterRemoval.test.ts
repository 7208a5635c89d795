// Article 001: removing the extension without disabling leaves the disks encrypted, and disabling is never supported
// once the OS volume is encrypted. After the removal only the platform's disk states tell that the OS disk is
// encrypted; the product must still refuse to disable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteAdeExtension, restartVm } from '../../../src/azure/encryption/adeExtensionOperations.ts';
import { applyAdeOperation } from '../../../src/azure/encryption/applyAdeOperation.ts';
import { gatherPreflightContext, readEncryptionTarget } from '../../../src/azure/encryption/gatherPreflightContext.ts';
import { DISABLE_NOT_SUPPORTED_RULE } from '../../../src/core/encryption/rules/findDisableNotSupported.ts';
import { runEncryptionPreflight } from '../../../src/core/encryption/runEncryptionPreflight.ts';
import { checkDisableEncryption, VOLUME_TYPE_REASONS } from '../../../src/core/encryption/volumeTypeRules.ts';
import { fast, JPE_VAULT_ID, JPE_VAULT_URL, startAdeEnvironment, statusUntil, vmId, type AdeEnvironment } from './adeEnvironment.ts';

let env: AdeEnvironment;
before(async () => { env = await startAdeEnvironment(); });
after(() => env?.stop());

test('All, restart, Encrypted, extension deleted: disable is still refused with the article\'s reason', async () => {
  const vm = { id: vmId('vm-web-01'), location: 'japaneast' };
  await applyAdeOperation(env.prod, vm, { operation: 'Enable', volumeType: 'All', keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID }, fast);
  await statusUntil(() => env.status('vm-web-01'), (s) => s.phase === 'RestartPending');
  await restartVm(env.prod, vm.id, fast);
  await statusUntil(() => env.status('vm-web-01'), (s) => s.phase === 'Encrypted' && s.os === 'Encrypted' && s.data === 'Encrypted');

  await deleteAdeExtension(env.prod, vm.id, fast);
  const removed = await env.status('vm-web-01');
  assert.equal(removed.extension.present, false);
  assert.equal(removed.extension.lastVolumeType, undefined, 'the settings went with the extension');
  assert.equal(removed.disks.find((d) => d.role === 'os')?.diskState, 'encrypted');

  assert.deepEqual(checkDisableEncryption({ status: removed }), { allowed: false, reason: VOLUME_TYPE_REASONS.disableOsEncrypted });
  const target = await readEncryptionTarget(env.prod, vm.id);
  const preflight = runEncryptionPreflight(await gatherPreflightContext(env.prod, target, { operation: 'Disable', volumeType: 'Data' }, {}, new Date()));
  const refusal = preflight.findings.find((f) => f.rule === DISABLE_NOT_SUPPORTED_RULE);
  assert.equal(refusal?.severity, 'error');
  assert.equal(refusal?.why, VOLUME_TYPE_REASONS.disableOsEncrypted);
  assert.equal(preflight.blocking, true);
});
