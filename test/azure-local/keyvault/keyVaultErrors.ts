// Key Vault's data-plane error envelope `{ error: { code, message, innererror? } }` and the messages it really
// sends for the cases the extension must handle (missing token, wrong audience, denied by policy or by RBAC).
import type { Caller, KeyOperation } from './keyVaultAccess.ts';

export class KeyVaultError extends Error {
  readonly status: number;
  readonly code: string;
  readonly inner?: string;
  readonly headers: Record<string, string>;
  constructor(status: number, code: string, message: string, options: { inner?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.inner = options.inner;
    this.headers = options.headers ?? {};
  }
  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.inner ? { innererror: { code: this.inner } } : {}) } };
  }
}

/** The Azure CLI's application id: what Key Vault names as the caller's app for `az` tokens. */
const AZURE_CLI_APP_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

export function accessPolicyDenied(caller: Caller, operation: KeyOperation, vault: { name: string; location?: string }): KeyVaultError {
  return new KeyVaultError(403, 'Forbidden',
    `The user, group or application 'appid=${AZURE_CLI_APP_ID};oid=${caller.objectId};iss=https://sts.windows.net/${caller.tenantId}/' ` +
    `does not have keys ${operation} permission on key vault '${vault.name};location=${vault.location ?? ''}'. ` +
    'For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287',
    { inner: 'AccessDenied' });
}

export function rbacDenied(caller: Caller, dataAction: string, vault: { id: string; name: string; location?: string }, keyName?: string): KeyVaultError {
  return new KeyVaultError(403, 'Forbidden',
    'Caller is not authorized to perform action on resource.\r\n' +
    'If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\n' +
    `Caller: appid=${AZURE_CLI_APP_ID};oid=${caller.objectId};iss=https://sts.windows.net/${caller.tenantId}/\r\n` +
    `Action: '${dataAction}'\r\n` +
    `Resource: '${vault.id.toLowerCase()}${keyName ? `/keys/${keyName.toLowerCase()}` : ''}'\r\n` +
    'Assignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: null \r\n' +
    `Vault: ${vault.name};location=${vault.location ?? ''}\r\n`,
    { inner: 'ForbiddenByRbac' });
}

export function keyNotFound(name: string, version?: string): KeyVaultError {
  return new KeyVaultError(404, 'KeyNotFound',
    `A key with (name/id) ${name}${version ? `/${version}` : ''} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`);
}

export function badParameter(message: string): KeyVaultError {
  return new KeyVaultError(400, 'BadParameter', message);
}
