import { localizable } from '../l10n/Translate.ts';
import { DEFAULT_DISK_TOKEN_AUDIENCE } from './dataAccessConstants.ts';

export type DiskTokenAudience =
  | { readonly ok: true; readonly audience: string; readonly scope: string }
  | { readonly ok: false; readonly problem: string; readonly problemArgs: string[] };

/**
 * The audience of the token sent with an Entra-ID-secured disk's SAS: `https://disk.azure.com/` unless the
 * setting `azureLinuxVm.customCloud.diskTokenAudience` names another (a private cloud, the local stand-in).
 * The scope asked of the credential is `<audience>/.default`, as for ARM.
 */
export function resolveDiskTokenAudience(setting: string | undefined): DiskTokenAudience {
  const value = setting?.trim() || DEFAULT_DISK_TOKEN_AUDIENCE;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: localizable('The disk token audience "{0}" is not a URL.'), problemArgs: [value] };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, problem: localizable('The disk token audience "{0}" must start with https://.'), problemArgs: [value] };
  }
  const audience = value.endsWith('/') ? value : value + '/';
  return { ok: true, audience, scope: audience.replace(/\/+$/, '') + '/.default' };
}
