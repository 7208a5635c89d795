import type { KeyVaultLike } from './adeModel.ts';

// Choices for creating a key encryption key (issue 5: RSA 2048/3072/4096, HSM-protected when the vault is Premium),
// and the permission to explain when creating it fails. Article 004: HSM-protected keys need a Premium vault.

export type KekKeyType = 'RSA' | 'RSA-HSM';
export const KEK_KEY_SIZES: readonly number[] = [2048, 3072, 4096];

export function kekKeyTypesFor(vault: KeyVaultLike): KekKeyType[] {
  return (vault.properties?.sku?.name ?? '').toLowerCase() === 'premium' ? ['RSA-HSM', 'RSA'] : ['RSA'];
}

export const KEY_PERMISSION_MESSAGES = {
  rbac: 'Key vault "{vaultName}" uses Azure role-based access control. Creating a key needs a role with the key create data action on the vault, such as "Key Vault Crypto Officer" (or "Key Vault Administrator").',
  accessPolicy: 'Key vault "{vaultName}" uses access policies. Creating a key needs an access policy for your account with the key permissions "create", "get" and "list".',
  hsmNeedsPremium: 'HSM-protected keys need a Premium key vault; "{vaultName}" is Standard.',
} as const;

/** The permission to explain when creating a key in this vault is denied (403). */
export function describeKeyCreatePermission(vault: KeyVaultLike): { message: string; params: { vaultName: string } } {
  const params = { vaultName: vault.name ?? '' };
  return vault.properties?.enableRbacAuthorization === true
    ? { message: KEY_PERMISSION_MESSAGES.rbac, params }
    : { message: KEY_PERMISSION_MESSAGES.accessPolicy, params };
}
