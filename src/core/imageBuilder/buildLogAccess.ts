// How to read customization.log from the staging storage account with the user's own rights. The account key (via
// listKeys) works wherever the user is Contributor on the staging group; where listKeys is denied (a Reader, a
// policy) or the account refuses Shared Key (`allowSharedKeyAccess: false`), the user's Microsoft Entra ID token is
// the way in, which needs a Storage Blob Data Reader role on the account.

export type BuildLogAuth = 'accountKey' | 'entraId';

/** Shared Key turned off on the account: don't even ask for its keys. */
export function buildLogAuthForAccount(account: { allowSharedKeyAccess?: boolean }): BuildLogAuth {
  return account.allowSharedKeyAccess === false ? 'entraId' : 'accountKey';
}

/** listKeys (or a key-signed request) refused in a way the user's token may get past. */
export function isKeyAccessRefused(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string } | undefined;
  return e?.statusCode === 403 || e?.code === 'AuthorizationFailed' || e?.code === 'KeyBasedAuthenticationNotPermitted' || e?.code === 'ScopeLocked';
}

/** The data-plane refusal of a token: the user lacks a blob data role on the staging account. */
export function isBlobDataAccessRefused(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string } | undefined;
  return e?.statusCode === 403 || e?.code === 'AuthorizationPermissionMismatch' || e?.code === 'AuthorizationFailure';
}
