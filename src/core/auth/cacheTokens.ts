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

/** Tokens shared by several credentials of one login, keyed by tenant and scope. */
export type SharedTokenCache = Map<string, Promise<AccessTokenLike | null>>;

export interface CacheTokensOptions {
  /** Shared with the login's other credentials: a token got by one is reused by another of the same tenant. */
  readonly shared?: SharedTokenCache;
  /**
   * The tenant this credential is bound to; undefined for the login's default tenant, whose tokens are also filed
   * under the tenant they name (their `tid` claim), so the tenant-bound credential of that tenant reuses them.
   */
  readonly tenantId?: string;
}

/**
 * Shares tokens across every SDK client of a tenant. Each client pipeline caches its own token, so without this
 * the Azure CLI (a process start of a second or more each time) would run once per subscription and SDK when the
 * tree opens; concurrent requests for the same scope wait for one call.
 */
export function cacheTokens<C extends TokenCredentialLike>(credential: C, now: () => number = Date.now, options: CacheTokensOptions = {}): C {
  const cache: SharedTokenCache = options.shared ?? new Map();
  const tenant = options.tenantId?.toLowerCase() ?? '';
  const getToken = (scopes: string | string[], options?: unknown): Promise<AccessTokenLike | null> => {
    const scope = (Array.isArray(scopes) ? scopes : [scopes]).join(' ');
    const key = `${tenant}|${scope}`;
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
    pending.then((token) => {
      const tid = !tenant && token ? tenantOfToken(token.token) : undefined;
      if (tid && !cache.has(`${tid}|${scope}`)) cache.set(`${tid}|${scope}`, pending);
    }, () => {
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

/** The `tid` claim of a JWT access token (lower case), or undefined when the token is not a readable JWT. */
export function tenantOfToken(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const tid = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown }).tid;
    return typeof tid === 'string' && tid ? tid.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
