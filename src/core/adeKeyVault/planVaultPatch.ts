import type { VaultFixKind } from './assessVaultForEncryption.ts';

/** The body of one `vaults.update` (PATCH) that applies the chosen fixes: only the properties that change. */
export interface VaultPatch {
  readonly properties: {
    enabledForDiskEncryption?: true;
    enableSoftDelete?: true;
    enablePurgeProtection?: true;
  };
}

export function planVaultPatch(fixes: readonly VaultFixKind[]): VaultPatch | undefined {
  if (fixes.length === 0) return undefined;
  const properties: VaultPatch['properties'] = {};
  for (const fix of fixes) {
    if (fix === 'enabledForDiskEncryption') properties.enabledForDiskEncryption = true;
    // Purge protection needs soft delete; ARM rejects the one without the other on an old vault with it off.
    if (fix === 'softDelete' || fix === 'purgeProtection') properties.enableSoftDelete = true;
    if (fix === 'purgeProtection') properties.enablePurgeProtection = true;
  }
  return { properties };
}
