import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { localizable } from '../../core/l10n/Translate.ts';
import { LocalizableError } from '../../core/errors/LocalizableError.ts';

/** Refresh this long before expiry, so a token never lapses between getting it and Azure checking it. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The `getBearerToken` the download engine calls before every request for an Entra-ID-secured disk: a token for
 * the disk audience's scope (`https://disk.azure.com/.default`), cached until five minutes before it expires.
 * Concurrent callers share one request. The token never leaves this closure except in the Authorization header.
 */
export function createDiskTokenGetter(credential: TokenCredential, scope: string): (signal: AbortSignal, options?: { forceRefresh?: boolean }) => Promise<string> {
  let current: AccessToken | undefined;
  let pending: Promise<AccessToken> | undefined;
  return async (signal, options = {}) => {
    // forceRefresh: the disk refused the cached token (401), however long it claims to live.
    if (!options.forceRefresh && current && current.expiresOnTimestamp - REFRESH_MARGIN_MS > Date.now()) return current.token;
    pending ??= credential.getToken(scope, { abortSignal: signal }).then((token) => {
      if (!token) throw new LocalizableError(localizable('No token was issued for {0}.'), scope);
      return token;
    }).finally(() => {
      pending = undefined;
    });
    current = await pending;
    return current.token;
  };
}
