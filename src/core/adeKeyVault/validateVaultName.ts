import { localizable } from '../l10n/Translate.ts';

// Key vault names (Microsoft.KeyVault naming rules): 3-24 characters, letters, digits and hyphens, starting with a
// letter, ending with a letter or digit, no two hyphens in a row. The name is global: it becomes the DNS name
// {name}.vault.azure.net, so availability is checked separately with checkNameAvailability.

export function validateVaultName(name: string): string | undefined {
  if (name.length < 3 || name.length > 24) return localizable('A key vault name has 3 to 24 characters.');
  if (!/^[0-9a-zA-Z-]+$/.test(name)) return localizable('A key vault name may contain only letters, digits and hyphens.');
  if (!/^[a-zA-Z]/.test(name)) return localizable('A key vault name must start with a letter.');
  if (!/[0-9a-zA-Z]$/.test(name)) return localizable('A key vault name must end with a letter or a digit.');
  if (name.includes('--')) return localizable('A key vault name cannot contain two hyphens in a row.');
  return undefined;
}

/** Key names: 1-127 characters, letters, digits and hyphens (Key Vault object names). */
export function validateKeyName(name: string): string | undefined {
  if (name.length < 1 || name.length > 127) return localizable('A key name has 1 to 127 characters.');
  if (!/^[0-9a-zA-Z-]+$/.test(name)) return localizable('A key name may contain only letters, digits and hyphens.');
  return undefined;
}

/** A name to suggest for a new vault next to a VM: `kv-ade-<vm>` cut to fit, made valid. */
export function suggestVaultName(vmName: string | undefined, location: string | undefined): string {
  const base = `kv-ade-${(vmName ?? location ?? 'vm').toLowerCase().replace(/[^0-9a-z-]/g, '-')}`
    .replace(/-{2,}/g, '-')
    .slice(0, 24)
    .replace(/-+$/, '');
  return validateVaultName(base) === undefined ? base : 'kv-ade-keys';
}
