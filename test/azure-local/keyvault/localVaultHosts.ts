// Names of the local Key Vault data plane. A vault is reached as https://{name}.vault.local-azure.test:{port}/ —
// the same shape as https://{name}.vault.azure.net/ (the extension and the SDK read the vault name from the host),
// with the port of the local data-plane server. Nothing resolves *.local-azure.test by itself: a process that calls
// the data plane first runs resolveLocalVaultHosts() (tests) or has the hosts extension installed (E2E).
import type { LocalAzureState } from '../state/LocalAzureState.ts';

export const LOCAL_VAULT_DNS_SUFFIX = 'vault.local-azure.test';
/** The resource Key Vault's challenge names; tokens for the data plane carry it as their audience. */
export const LOCAL_VAULT_AUDIENCE = `https://${LOCAL_VAULT_DNS_SUFFIX}`;

const ports = new WeakMap<LocalAzureState, number>();

/** Called by the data-plane server when it listens: vaults of this state are then reachable on `port`. */
export function registerLocalVaultPort(state: LocalAzureState, port: number): void {
  ports.set(state, port);
}

/** The vaultUri ARM reports for a vault named `name` (Azure's form when no local data plane runs). */
export function vaultUriFor(state: LocalAzureState, name: string): string {
  const port = ports.get(state);
  return port === undefined ? `https://${name}.vault.azure.net/` : `https://${name.toLowerCase()}.${LOCAL_VAULT_DNS_SUFFIX}:${port}/`;
}

/** The vault name a data-plane request addresses through its Host header, if it is a local vault host. */
export function vaultNameFromHost(host: string | undefined): string | undefined {
  const hostname = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  const suffix = `.${LOCAL_VAULT_DNS_SUFFIX}`;
  return hostname.endsWith(suffix) ? hostname.slice(0, -suffix.length) : undefined;
}

/** True for a vaultUri that points at the local data plane (fixtures opt in with https://{name}.vault.local-azure.test/). */
export function isLocalVaultUri(uri: unknown): boolean {
  try {
    return typeof uri === 'string' && new URL(uri).hostname.toLowerCase().endsWith(`.${LOCAL_VAULT_DNS_SUFFIX}`);
  } catch {
    return false;
  }
}
