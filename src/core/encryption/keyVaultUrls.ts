// Key Vault data-plane URLs. The vault URL is `https://{vault}.{dns suffix}/` (vault.azure.net, vault.azure.cn,
// vault.usgovcloudapi.net, …). A key URL is `{vault URL}keys/{name}/{version}`; ADE needs the version because the
// extension wraps the disk encryption key with that exact key version (article: the KEK URI has the form
// https://[keyvault-name].vault.azure.net/keys/[kekname]/[kek-unique-id]).

export type ParsedKeyUrl = {
  readonly vaultUrl: string;
  readonly vaultName: string;
  readonly keyName: string;
  readonly version?: string;
};

const VAULT_HOST = /^([a-z0-9-]{3,24})\.vault\.[a-z0-9.-]+$/i;

/**
 * `https://name.vault.azure.net/` for a valid vault URL, else undefined. A port is kept: Azure never shows one, but a
 * private cloud's (and the local stand-in's) data plane may listen on one, and the URL must still reach it.
 */
export function normalizeVaultUrl(url: string | undefined): { vaultUrl: string; vaultName: string } | undefined {
  const u = tryUrl(url);
  if (!u || u.protocol !== 'https:' || u.search || u.username) return undefined;
  const m = VAULT_HOST.exec(u.hostname);
  if (!m || (u.pathname !== '/' && u.pathname !== '')) return undefined;
  return { vaultUrl: `https://${u.host.toLowerCase()}/`, vaultName: m[1].toLowerCase() };
}

export function parseKeyUrl(url: string | undefined): ParsedKeyUrl | undefined {
  const u = tryUrl(url);
  if (!u || u.protocol !== 'https:' || u.search) return undefined;
  const m = VAULT_HOST.exec(u.hostname);
  if (!m) return undefined;
  const segments = u.pathname.split('/').filter((s) => s.length > 0);
  if (segments.length < 2 || segments.length > 3 || segments[0].toLowerCase() !== 'keys') return undefined;
  if (!/^[0-9a-zA-Z-]{1,127}$/.test(segments[1])) return undefined;
  const version = segments[2];
  if (version !== undefined && !/^[0-9a-fA-F]{32}$/.test(version)) return undefined;
  return {
    vaultUrl: `https://${u.host.toLowerCase()}/`,
    vaultName: m[1].toLowerCase(),
    keyName: segments[1],
    ...(version ? { version } : {}),
  };
}

function tryUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try { return new URL(url.trim()); } catch { return undefined; }
}
