import { parseArmResourceId } from '../armResourceId.ts';
import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { readPreviousEncryptionKeys, sameKeyReference, showsEncryption } from '../previousEncryptionKeys.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 004 lists "updating the encryption keys of an already encrypted Linux VM" as unsupported. Running enable
// again (to pick up a new data disk) must therefore send the key vault and key encryption key the VM already uses.
export const KEY_CHANGE_RULE = 'ade.key-change-on-encrypted-vm';

const WHY = localizable('Changing the encryption keys (the key vault or the key encryption key) of a Linux VM that is already encrypted is not supported.');

export const KEY_CHANGE_MESSAGES = {
  vault: {
    message: localizable('This VM is encrypted with the keys in key vault "{previous}", but this run would use key vault "{requested}".'),
    why: WHY,
    fix: localizable('Choose key vault "{previous}" again, as the previous encryption did.'),
  },
  kek: {
    message: localizable('This VM is encrypted with key encryption key {previous}, but this run would use {requested}.'),
    why: WHY,
    fix: localizable('Use the same key encryption key (same key and version) as the previous encryption: {previous}.'),
  },
  kekDropped: {
    message: localizable('This VM is encrypted with key encryption key {previous}, but this run would use no key encryption key.'),
    why: WHY,
    fix: localizable('Use the same key encryption key (same key and version) as the previous encryption: {previous}.'),
  },
  kekAdded: {
    message: localizable('This VM is encrypted without a key encryption key, but this run would add {requested}.'),
    why: WHY,
    fix: localizable('Choose "No key encryption key", as the previous encryption did.'),
  },
} as const;

export function findKeyChangeOnEncryptedVm(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation) || !context.status || !showsEncryption(context.status)) return [];
  const previous = readPreviousEncryptionKeys(context.vm);
  if (!previous) return [];
  const out: Finding[] = [];
  const vaultId = context.vault?.id;
  if (vaultId && previous.keyVaultResourceId && !sameKeyReference(vaultId, previous.keyVaultResourceId)) {
    out.push(finding(KEY_CHANGE_RULE, 'error', KEY_CHANGE_MESSAGES.vault, {
      path: 'vault.id',
      params: { previous: vaultName(previous.keyVaultResourceId), requested: vaultName(vaultId) },
    }));
  }
  // The KEK is compared once the key vault step is done (the early check has neither): adding, dropping or
  // changing the KEK (even to another version of the same key) all change how the disk keys are wrapped.
  const requestedKek = context.request.keyEncryptionKeyUrl;
  if ((vaultId || requestedKek) && !sameKeyReference(requestedKek, previous.keyEncryptionKeyUrl)) {
    const previousKek = previous.keyEncryptionKeyUrl;
    const texts = !requestedKek ? KEY_CHANGE_MESSAGES.kekDropped : !previousKek ? KEY_CHANGE_MESSAGES.kekAdded : KEY_CHANGE_MESSAGES.kek;
    out.push(finding(KEY_CHANGE_RULE, 'error', texts, {
      path: 'request.keyEncryptionKeyUrl',
      params: { previous: previousKek ?? '', requested: requestedKek ?? '' },
    }));
  }
  return out;
}

function vaultName(id: string): string {
  return parseArmResourceId(id)?.name ?? id;
}
