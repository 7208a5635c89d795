// The vault the "Create key vault" step makes for Azure Disk Encryption: in the VM's region and subscription (the
// article requires both), enabled for disk encryption, soft delete on (it cannot be off on new vaults anyway), and
// purge protection when the user keeps the recommendation. The permission model is access policies with one policy
// for the signed-in user, so that the next step (create the key encryption key) works without a role assignment.

export type VaultSku = 'standard' | 'premium';

export interface NewVaultRequest {
  readonly location: string;
  readonly tenantId: string;
  readonly sku: VaultSku;
  readonly purgeProtection: boolean;
  /** Object id of the signed-in user; without it no access policy is added (the user must add one). */
  readonly userObjectId?: string;
}

/** Key permissions the creator gets: enough to create and use a key encryption key, nothing that deletes. */
export const CREATOR_KEY_PERMISSIONS = ['get', 'list', 'create', 'wrapKey', 'unwrapKey'] as const;
/** Secret permissions: read the disk encryption secrets ADE writes (backup, restore, troubleshooting). */
export const CREATOR_SECRET_PERMISSIONS = ['get', 'list'] as const;

export const SOFT_DELETE_RETENTION_DAYS = 90;

export function planNewVault(request: NewVaultRequest) {
  return {
    location: request.location,
    properties: {
      tenantId: request.tenantId,
      sku: { family: 'A' as const, name: request.sku },
      enabledForDiskEncryption: true,
      enabledForDeployment: false,
      enabledForTemplateDeployment: false,
      enableSoftDelete: true,
      softDeleteRetentionInDays: SOFT_DELETE_RETENTION_DAYS,
      // Purge protection can only be set to true; leaving it out keeps it off.
      ...(request.purgeProtection ? { enablePurgeProtection: true } : {}),
      enableRbacAuthorization: false,
      accessPolicies: request.userObjectId
        ? [{
            tenantId: request.tenantId,
            objectId: request.userObjectId,
            permissions: { keys: [...CREATOR_KEY_PERMISSIONS], secrets: [...CREATOR_SECRET_PERMISSIONS] },
          }]
        : [],
    },
  };
}
