/** The shape of @azure/core-auth's TokenCredential, restated so core code stays free of SDK imports. */
export interface AccessTokenLike {
  readonly token: string;
  readonly expiresOnTimestamp: number;
}
export interface TokenCredentialLike {
  getToken(scopes: string | string[], options?: unknown): Promise<AccessTokenLike | null>;
}

/** Refresh this long before expiry, so a token never expires in the middle of a long operation's polling. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Shares tokens across every SDK client of a tenant. Each client pipeline caches its own token, so without this
 * the Azure CLI (a process start of a second or more each time) would run once per subscription and SDK when the
 * tree opens; concurrent requests for the same scope wait for one call.
 */
export function cacheTokens<C extends TokenCredentialLike>(credential: C, now: () => number = Date.now): C {
  const cache = new Map<string, Promise<AccessTokenLike | null>>();
  const getToken = (scopes: string | string[], options?: unknown): Promise<AccessTokenLike | null> => {
    const key = (Array.isArray(scopes) ? scopes : [scopes]).join(' ');
    const claims = (options as { claims?: string } | undefined)?.claims;
    if (claims) return credential.getToken(scopes, options); // a claims challenge needs a fresh token
    const cached = cache.get(key);
    if (cached) {
      return cached.then((token) => {
        if (token && token.expiresOnTimestamp - REFRESH_MARGIN_MS > now()) return token;
        if (cache.get(key) === cached) cache.delete(key);
        return getToken(scopes, options);
      });
    }
    const pending = credential.getToken(scopes, options);
    cache.set(key, pending);
    pending.catch(() => {
      if (cache.get(key) === pending) cache.delete(key);
    });
    return pending;
  };
  return new Proxy(credential, {
    get(target, prop, receiver) {
      return prop === 'getToken' ? getToken : Reflect.get(target, prop, receiver);
    },
  });
}
