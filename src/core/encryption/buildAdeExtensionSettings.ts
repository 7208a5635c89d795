import {
  ADE_EXTENSION_PUBLISHER, ADE_EXTENSION_TYPE, ADE_TYPE_HANDLER_VERSION, DEFAULT_KEY_ENCRYPTION_ALGORITHM,
  KEY_ENCRYPTION_ALGORITHMS, VOLUME_TYPES,
  type AdeOperation, type KeyEncryptionAlgorithm, type VolumeType,
} from './adeModel.ts';
import { isKeyVaultResourceId, parseArmResourceId } from './armResourceId.ts';
import { normalizeVaultUrl, parseKeyUrl } from './keyVaultUrls.ts';
import { localizable } from '../l10n/Translate.ts';

// Builds the AzureDiskEncryptionForLinux extension the way `az vm encryption enable|disable` does for the current
// (v1.1, no Entra ID) schema. SequenceVersion must be new for every operation, otherwise the extension treats the
// PUT as the same configuration and does nothing; the generator is injected so tests are deterministic.

export type AdeSettingsInput = {
  readonly operation: AdeOperation;
  /** Required by ARM for the extension PUT: the VM's location. */
  readonly location: string;
  readonly volumeType?: VolumeType;
  /** `https://{vault}.vault.azure.net/` of the vault that receives the disk encryption secret. */
  readonly keyVaultUrl?: string;
  readonly keyVaultResourceId?: string;
  /** Versioned key URL of the key encryption key, when wrapping with a KEK. */
  readonly keyEncryptionKeyUrl?: string;
  /** Vault holding the KEK; defaults to the disk encryption vault, as the CLI does. */
  readonly kekVaultResourceId?: string;
  readonly keyEncryptionAlgorithm?: KeyEncryptionAlgorithm;
};

export type AdeExtensionSettings = {
  readonly EncryptionOperation: 'EnableEncryption' | 'EnableEncryptionFormatAll' | 'DisableEncryption';
  readonly VolumeType: VolumeType;
  readonly SequenceVersion: string;
  readonly KeyVaultURL?: string;
  readonly KeyVaultResourceId?: string;
  readonly KeyEncryptionKeyURL?: string;
  readonly KekVaultResourceId?: string;
  readonly KeyEncryptionAlgorithm?: KeyEncryptionAlgorithm;
};

/** Shaped like the SDK's VirtualMachineExtension (`typePropertiesType` is its name for `properties.type`). */
export type AdeExtensionProperties = {
  readonly location: string;
  readonly publisher: typeof ADE_EXTENSION_PUBLISHER;
  readonly typePropertiesType: typeof ADE_EXTENSION_TYPE;
  readonly typeHandlerVersion: typeof ADE_TYPE_HANDLER_VERSION;
  readonly autoUpgradeMinorVersion: true;
  readonly settings: AdeExtensionSettings;
};

export type AdeSettingsResult =
  | { readonly ok: true; readonly extension: AdeExtensionProperties }
  | { readonly ok: false; readonly errors: readonly string[] };

export const SETTINGS_ERRORS = {
  location: localizable('The VM location is required to install the extension.'),
  volumeTypeMissing: localizable('Choose a volume type (All, OS or Data).'),
  volumeTypeInvalid: localizable('The volume type must be All, OS or Data.'),
  formatAllDataOnly: localizable('EncryptFormatAll runs with the "Data" volume type only: it formats data volumes.'),
  disableDataOnly: localizable('On Linux VMs, encryption can be disabled for data volumes only (volume type "Data").'),
  vaultUrl: localizable('The key vault URL must look like https://<vault-name>.vault.azure.net/.'),
  vaultId: localizable('The key vault resource id must look like /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>.'),
  vaultMismatch: localizable('The key vault URL and resource id name different vaults.'),
  kekUrl: localizable('The key encryption key URL must be a key URL with its version: https://<vault-name>.vault.azure.net/keys/<key-name>/<version>.'),
  kekVersion: localizable('The key encryption key URL must include the key version (…/keys/<key-name>/<version>).'),
  kekVaultId: localizable('The key encryption key vault resource id must look like /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>.'),
  kekVaultMismatch: localizable('The key encryption key is not in the vault given as its key vault.'),
  kekWithoutUrl: localizable('A key encryption key vault or algorithm was given without a key encryption key URL.'),
  algorithm: localizable('The key encryption algorithm must be RSA-OAEP, RSA-OAEP-256 or RSA1_5.'),
  sequenceVersion: localizable('Could not create a new sequence version for this operation.'),
} as const;

const OPERATION_SETTING = {
  Enable: 'EnableEncryption',
  EnableFormatAll: 'EnableEncryptionFormatAll',
  Disable: 'DisableEncryption',
} as const;

export function buildAdeExtensionSettings(input: AdeSettingsInput, newSequenceVersion: () => string): AdeSettingsResult {
  const errors: string[] = [];
  if (!input.location?.trim()) errors.push(SETTINGS_ERRORS.location);
  const volumeType = checkVolumeType(input, errors);
  if (input.operation === 'Disable') {
    return finish(errors, input, { EncryptionOperation: OPERATION_SETTING.Disable, VolumeType: volumeType ?? 'Data' }, newSequenceVersion);
  }

  const vault = normalizeVaultUrl(input.keyVaultUrl);
  if (!vault) errors.push(SETTINGS_ERRORS.vaultUrl);
  const vaultId = input.keyVaultResourceId?.trim();
  if (!vaultId || !isKeyVaultResourceId(vaultId)) errors.push(SETTINGS_ERRORS.vaultId);
  else if (vault && parseArmResourceId(vaultId)?.name?.toLowerCase() !== vault.vaultName) errors.push(SETTINGS_ERRORS.vaultMismatch);

  const kek = buildKekSettings(input, vaultId, errors);
  return finish(errors, input, {
    EncryptionOperation: OPERATION_SETTING[input.operation],
    VolumeType: volumeType ?? 'Data',
    ...(vault ? { KeyVaultURL: vault.vaultUrl } : {}),
    ...(vaultId ? { KeyVaultResourceId: vaultId } : {}),
    ...kek,
  }, newSequenceVersion);
}

function checkVolumeType(input: AdeSettingsInput, errors: string[]): VolumeType | undefined {
  const vt = input.volumeType;
  // Disable is Data-only on Linux, so the CLI defaults it to Data; enabling needs an explicit choice.
  if (vt === undefined && input.operation === 'Disable') return 'Data';
  if (vt === undefined) { errors.push(SETTINGS_ERRORS.volumeTypeMissing); return undefined; }
  if (!VOLUME_TYPES.includes(vt)) { errors.push(SETTINGS_ERRORS.volumeTypeInvalid); return undefined; }
  if (input.operation === 'EnableFormatAll' && vt !== 'Data') errors.push(SETTINGS_ERRORS.formatAllDataOnly);
  if (input.operation === 'Disable' && vt !== 'Data') errors.push(SETTINGS_ERRORS.disableDataOnly);
  return vt;
}

function buildKekSettings(input: AdeSettingsInput, diskVaultId: string | undefined, errors: string[]) {
  const kekUrl = input.keyEncryptionKeyUrl?.trim();
  if (!kekUrl) {
    if (input.kekVaultResourceId || input.keyEncryptionAlgorithm) errors.push(SETTINGS_ERRORS.kekWithoutUrl);
    return {};
  }
  const key = parseKeyUrl(kekUrl);
  if (!key) errors.push(SETTINGS_ERRORS.kekUrl);
  else if (!key.version) errors.push(SETTINGS_ERRORS.kekVersion);
  const kekVaultId = input.kekVaultResourceId?.trim() || diskVaultId;
  if (input.kekVaultResourceId && !isKeyVaultResourceId(input.kekVaultResourceId.trim())) errors.push(SETTINGS_ERRORS.kekVaultId);
  else if (key && kekVaultId && isKeyVaultResourceId(kekVaultId) && parseArmResourceId(kekVaultId)?.name?.toLowerCase() !== key.vaultName) {
    errors.push(SETTINGS_ERRORS.kekVaultMismatch);
  }
  const algorithm = input.keyEncryptionAlgorithm ?? DEFAULT_KEY_ENCRYPTION_ALGORITHM;
  if (!KEY_ENCRYPTION_ALGORITHMS.includes(algorithm)) errors.push(SETTINGS_ERRORS.algorithm);
  return {
    KeyEncryptionKeyURL: kekUrl,
    ...(kekVaultId ? { KekVaultResourceId: kekVaultId } : {}),
    KeyEncryptionAlgorithm: algorithm,
  };
}

function finish(
  errors: string[],
  input: AdeSettingsInput,
  settings: Omit<AdeExtensionSettings, 'SequenceVersion'>,
  newSequenceVersion: () => string,
): AdeSettingsResult {
  if (errors.length > 0) return { ok: false, errors };
  const sequenceVersion = newSequenceVersion();
  if (!sequenceVersion?.trim()) return { ok: false, errors: [SETTINGS_ERRORS.sequenceVersion] };
  return {
    ok: true,
    extension: {
      location: input.location.trim(),
      publisher: ADE_EXTENSION_PUBLISHER,
      typePropertiesType: ADE_EXTENSION_TYPE,
      typeHandlerVersion: ADE_TYPE_HANDLER_VERSION,
      autoUpgradeMinorVersion: true,
      settings: { ...settings, SequenceVersion: sequenceVersion },
    },
  };
}
