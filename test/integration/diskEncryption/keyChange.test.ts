// Article 004: the keys of an already encrypted Linux VM may not be changed. After a real run against the stand-in,
// the keys are read back from the VM (extension settings, then the disks' encryption settings once the extension is
// gone) and a run with another KEK version is blocked by the pre-flight, while the same keys pass.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteAdeExtension } from '../../../src/azure/encryption/adeExtensionOperations.ts';
import { applyAdeOperation } from '../../../src/azure/encryption/applyAdeOperation.ts';
import { gatherPreflightContext, readEncryptionTarget } from '../../../src/azure/encryption/gatherPreflightContext.ts';
import { getVault } from '../../../src/azure/keyVault/keyVaultManagement.ts';
import type { EncryptionRequest } from '../../../src/core/encryption/preflightContext.ts';
import { readPreviousEncryptionKeys } from '../../../src/core/encryption/previousEncryptionKeys.ts';
import { KEY_CHANGE_MESSAGES, KEY_CHANGE_RULE } from '../../../src/core/encryption/rules/findKeyChangeOnEncryptedVm.ts';
import { runEncryptionPreflight } from '../../../src/core/encryption/runEncryptionPreflight.ts';
import { fast, JPE_VAULT_ID, JPE_VAULT_URL, KEK_URL, startAdeEnvironment, statusUntil, vmId, type AdeEnvironment } from './adeEnvironment.ts';

let env: AdeEnvironment;
before(async () => { env = await startAdeEnvironment(); });
after(() => env?.stop());

const ROTATED_KEK = KEK_URL.replace(/[0-9a-f]{32}$/, 'fedcba9876543210fedcba9876543210');

async function keyChangeFindings(request: EncryptionRequest) {
  const target = await readEncryptionTarget(env.prod, vmId('vm-web-01'));
  const vault = await getVault(env.prod, JPE_VAULT_ID);
  const result = runEncryptionPreflight(await gatherPreflightContext(env.prod, target, request, { vault }, new Date()));
  return result.findings.filter((f) => f.rule === KEY_CHANGE_RULE);
}

test('a data-encrypted VM with a KEK: the same keys pass, another KEK version is blocked, also after the extension is removed', async () => {
  await applyAdeOperation(env.prod, { id: vmId('vm-web-01'), location: 'japaneast' }, {
    operation: 'Enable', volumeType: 'Data', keyVaultUrl: JPE_VAULT_URL, keyVaultResourceId: JPE_VAULT_ID, keyEncryptionKeyUrl: KEK_URL, keyEncryptionAlgorithm: 'RSA-OAEP-256',
  }, fast);
  await statusUntil(() => env.status('vm-web-01'), (s) => s.phase === 'Encrypted');

  const keys = readPreviousEncryptionKeys((await readEncryptionTarget(env.prod, vmId('vm-web-01'))).vm);
  assert.deepEqual(keys, { keyVaultResourceId: JPE_VAULT_ID, keyVaultUrl: JPE_VAULT_URL, keyEncryptionKeyUrl: KEK_URL, kekVaultResourceId: JPE_VAULT_ID, keyEncryptionAlgorithm: 'RSA-OAEP-256' });

  assert.deepEqual(await keyChangeFindings({ operation: 'Enable', volumeType: 'Data', keyEncryptionKeyUrl: KEK_URL }), []);
  const rotated = await keyChangeFindings({ operation: 'Enable', volumeType: 'Data', keyEncryptionKeyUrl: ROTATED_KEK });
  assert.deepEqual(rotated.map((f) => [f.severity, f.message]), [['error', KEY_CHANGE_MESSAGES.kek.message]]);
  const dropped = await keyChangeFindings({ operation: 'Enable', volumeType: 'Data' });
  assert.deepEqual(dropped.map((f) => f.message), [KEY_CHANGE_MESSAGES.kekDropped.message]);

  // Without the extension, the encrypted data disks still name the vault and the KEK.
  await deleteAdeExtension(env.prod, vmId('vm-web-01'), fast);
  const fromDisks = readPreviousEncryptionKeys((await readEncryptionTarget(env.prod, vmId('vm-web-01'))).vm);
  assert.equal(fromDisks?.keyVaultResourceId, JPE_VAULT_ID);
  assert.equal(fromDisks?.keyEncryptionKeyUrl, KEK_URL);
  assert.equal((await keyChangeFindings({ operation: 'Enable', volumeType: 'Data', keyEncryptionKeyUrl: ROTATED_KEK })).length, 1);
});
