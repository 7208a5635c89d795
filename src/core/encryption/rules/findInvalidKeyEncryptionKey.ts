import { normalizeLocation, parseArmResourceId, sameLocation } from '../armResourceId.ts';
import { finding, type Finding } from '../finding.ts';
import { parseKeyUrl } from '../keyVaultUrls.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001: the KEK is given as its full URI with the version (https://[vault].vault.azure.net/keys/[kek]/[id]),
// and the key vault(s) must be in the same region (and subscription) as the VM.
export const KEY_ENCRYPTION_KEY_RULE = 'ade.key-encryption-key';

export const KEY_ENCRYPTION_KEY_MESSAGES = {
  invalidUrl: {
    message: localizable('The key encryption key URL "{url}" is not a key URL.'),
    why: localizable('The key encryption key must be given as its full key identifier.'),
    fix: localizable('Use the key identifier, e.g. https://<vault-name>.vault.azure.net/keys/<key-name>/<version>.'),
  },
  noVersion: {
    message: localizable('The key encryption key URL "{url}" has no version.'),
    why: localizable('The extension wraps the disk encryption key with one exact version of the key; a URL without the version is rejected.'),
    fix: localizable('Use the key identifier that ends with the version (…/keys/{keyName}/<version>).'),
  },
  otherVault: {
    message: localizable('The key encryption key is in vault "{keyVaultName}", but the chosen key vault is "{vaultName}".'),
    why: localizable('The extension reads the key from the vault given as the key encryption key vault; they must match.'),
    fix: localizable('Choose the vault that holds the key, or a key from the chosen vault.'),
  },
  region: {
    message: localizable('The key encryption key vault "{vaultName}" is in {vaultLocation}, but the VM is in {vmLocation}.'),
    why: localizable('The vault holding the key encryption key must be in the same region as the VM.'),
    fix: localizable('Use a key from a vault in {vmLocation}.'),
  },
  subscription: {
    message: localizable('The key encryption key vault "{vaultName}" is in another subscription than the VM.'),
    why: localizable('The key vaults used by Azure Disk Encryption must be in the same subscription as the VM.'),
    fix: localizable('Use a key from a vault in the VM\'s subscription.'),
  },
} as const;

export function findInvalidKeyEncryptionKey(context: EncryptionPreflightContext): Finding[] {
  const url = context.request.keyEncryptionKeyUrl?.trim();
  if (!isEnableOperation(context.request.operation) || !url) return [];
  const path = 'request.keyEncryptionKeyUrl';
  const key = parseKeyUrl(url);
  if (!key) return [finding(KEY_ENCRYPTION_KEY_RULE, 'error', KEY_ENCRYPTION_KEY_MESSAGES.invalidUrl, { path, params: { url } })];
  const out: Finding[] = [];
  if (!key.version) {
    out.push(finding(KEY_ENCRYPTION_KEY_RULE, 'error', KEY_ENCRYPTION_KEY_MESSAGES.noVersion, { path, params: { url, keyName: key.keyName } }));
  }
  const vault = context.kekVault ?? context.vault;
  if (!vault) return out;
  const vaultName = vault.name ?? '';
  const vaultHost = hostOf(vault.properties?.vaultUri);
  const keyHost = hostOf(key.vaultUrl);
  if (vaultHost ? vaultHost !== keyHost : vaultName.toLowerCase() !== key.vaultName) {
    out.push(finding(KEY_ENCRYPTION_KEY_RULE, 'error', KEY_ENCRYPTION_KEY_MESSAGES.otherVault, { path, params: { keyVaultName: key.vaultName, vaultName } }));
  }
  // A KEK in the disk encryption vault: region and subscription are already checked by the vault rules.
  if (!context.kekVault) return out;
  if (vault.location && context.vm.location && !sameLocation(vault.location, context.vm.location)) {
    out.push(finding(KEY_ENCRYPTION_KEY_RULE, 'error', KEY_ENCRYPTION_KEY_MESSAGES.region, {
      path: 'kekVault.location',
      params: { vaultName, vaultLocation: normalizeLocation(vault.location) ?? '', vmLocation: normalizeLocation(context.vm.location) ?? '' },
    }));
  }
  const vaultSub = parseArmResourceId(vault.id)?.subscriptionId;
  const vmSub = parseArmResourceId(context.vm.id)?.subscriptionId;
  if (vaultSub && vmSub && vaultSub.toLowerCase() !== vmSub.toLowerCase()) {
    out.push(finding(KEY_ENCRYPTION_KEY_RULE, 'error', KEY_ENCRYPTION_KEY_MESSAGES.subscription, { path: 'kekVault.id', params: { vaultName } }));
  }
  return out;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try { return new URL(url).hostname.toLowerCase(); } catch { return undefined; }
}
