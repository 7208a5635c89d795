import type { KeyVaultLike } from '../encryption/adeModel.ts';
import { describeKeyCreatePermission, KEY_PERMISSION_MESSAGES } from '../encryption/planKeyEncryptionKey.ts';
import { localizable } from '../l10n/Translate.ts';
import type { LocalizableText } from './assessVaultForEncryption.ts';

// When Key Vault answers 403 to "create key", the user needs one sentence saying which permission is missing under
// the vault's permission model, and the way to get it: an access policy (az keyvault set-policy) or a role
// assignment (az role assignment create) that an owner of the vault can run. The command is offered for copying.

export const KEY_CREATE_ROLE = 'Key Vault Crypto Officer';
/** The access-policy key permissions the KEK step uses: list/get to pick, create to make, wrapKey/unwrapKey to use. */
export const KEY_CREATE_PERMISSIONS = ['get', 'list', 'create', 'wrapKey', 'unwrapKey'] as const;

export interface KeyCreateDeniedExplanation {
  readonly model: 'rbac' | 'accessPolicy';
  /** One sentence: what is missing. */
  readonly explanation: LocalizableText;
  /** One sentence: how to fix it. */
  readonly fix: LocalizableText;
  /** The Azure CLI command that grants it (for copying; contains no secret). */
  readonly command: string;
}

export function explainKeyCreateDenied(vault: KeyVaultLike, user: { upn?: string; objectId?: string }): KeyCreateDeniedExplanation {
  const name = vault.name ?? '';
  const assignee = user.upn || user.objectId || '<your-user>';
  const rbac = describeKeyCreatePermission(vault).message === KEY_PERMISSION_MESSAGES.rbac;
  if (rbac) {
    return {
      model: 'rbac',
      explanation: {
        message: localizable('Key vault "{0}" uses Azure RBAC, and creating a key needs the role "{1}" (or "Key Vault Administrator") on the vault, which your account does not have.'),
        args: [name, KEY_CREATE_ROLE],
      },
      fix: { message: localizable('Ask an owner of the vault to assign you "{0}" on it, then try again.'), args: [KEY_CREATE_ROLE] },
      command: `az role assignment create --role "${KEY_CREATE_ROLE}" --assignee ${assignee} --scope ${vault.id ?? name}`,
    };
  }
  const missing = missingKeyPermissions(vault, user.objectId);
  return {
    model: 'accessPolicy',
    explanation: {
      message: localizable('Key vault "{0}" uses access policies, and yours lacks the key permissions {1}.'),
      args: [name, missing.join(', ')],
    },
    fix: { message: localizable('Ask an owner of the vault to add them to your access policy, then try again.'), args: [] },
    // set-policy adds to the user's policy, so the command names only what is missing.
    command: `az keyvault set-policy --name ${name} ${user.upn ? `--upn ${user.upn}` : `--object-id ${assignee}`} --key-permissions ${missing.join(' ')}`,
  };
}

type AccessPolicyLike = { objectId?: string; permissions?: { keys?: readonly string[] } };

/** The KEK permissions the user's access policy lacks (all of them when the policy cannot be read). */
function missingKeyPermissions(vault: KeyVaultLike, objectId: string | undefined): string[] {
  const policies = ((vault.properties as { accessPolicies?: readonly AccessPolicyLike[] } | undefined)?.accessPolicies) ?? [];
  const granted = new Set(policies
    .filter((p) => objectId && p.objectId?.toLowerCase() === objectId.toLowerCase())
    .flatMap((p) => (p.permissions?.keys ?? []).map((k) => k.toLowerCase())));
  if (granted.has('all')) return [...KEY_CREATE_PERMISSIONS];
  const missing = KEY_CREATE_PERMISSIONS.filter((k) => !granted.has(k.toLowerCase()));
  return missing.length > 0 ? missing : [...KEY_CREATE_PERMISSIONS];
}

/** Key Vault's answer to a call the caller may not make: 403 (Forbidden, ForbiddenByRbac, AccessDenied). */
export function isPermissionDenied(error: { statusCode?: number; code?: string } | undefined): boolean {
  return error?.statusCode === 403 || error?.code === 'Forbidden' || error?.code === 'ForbiddenByRbac';
}
