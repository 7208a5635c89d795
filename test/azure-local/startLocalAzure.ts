// One call to get a private local Azure: the ARM stand-in (https, its own CA) + Azurite + a fake `az` for
// AzureCliCredential, on free loopback ports so tests run in parallel. stop() leaves nothing running or on disk.
import { appendFile, chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyStateChange, type StateChange } from './arm/admin.ts';
import { FaultController } from './arm/FaultController.ts';
import type { ArmSettings } from './arm/route.ts';
import { LOCAL_GRAPH_TOKEN_AUDIENCE, startArmServer } from './arm/startArmServer.ts';
import { startAzurite } from './azurite.ts';
import { defaultFixture } from './fixtures/default.ts';
import { generateFixture, parseBenchFixtureName } from './fixtures/generateFixture.ts';
import { LocalAzureState } from './state/LocalAzureState.ts';
import type { Fixture } from './state/model.ts';
import { attachBlobOAuthProxy } from './storage/attachBlobOAuthProxy.ts';
import { STORAGE_TOKEN_AUDIENCE } from './storage/BlobOAuthProxy.ts';
import { attachEntraDiskProxy } from './storage/attachEntraDiskProxy.ts';
import { DiskBlobStore } from './storage/DiskBlobStore.ts';
import { ADE_KEY_VAULT_FIXTURE, adeKeyVaultFixture } from './keyvault/adeKeyVaultFixture.ts';
import type { KeyStore } from './keyvault/KeyStore.ts';
import { startKeyVaultServer } from './keyvault/startKeyVaultServer.ts';

/** The audience of the stand-in's tokens; clients ask for `${tokenAudience}/.default`. */
export const LOCAL_TOKEN_AUDIENCE = 'https://management.local-azure.test';

export interface LocalAzureOptions {
  /** A fixture object, 'default', or 'bench:SUBSxRESOURCES' (e.g. 'bench:20x500'). */
  fixture?: Fixture | string;
  /** Items per page before nextLink (default 5, so the default fixture pages). */
  pageSize?: number;
  /** Added to every ARM call (the benchmark uses 100). */
  latencyMs?: number;
  /** How long each long-running operation stays InProgress (default 300 ms). */
  lroDurationMs?: number;
  /** Retry-After seconds on 202 / InProgress answers (default 0, which pollers ignore). */
  retryAfterSeconds?: number;
  /** Azurite in memory (default true); false keeps its files in a temp folder until stop(). */
  inMemoryAzurite?: boolean;
  /** Lifetime of the tokens the fake `az` issues (default 3600; negative = already expired). */
  tokenLifetimeSeconds?: number;
}

export interface LocalAzure {
  /** https://127.0.0.1:PORT (no trailing slash) */
  armEndpoint: string;
  tokenAudience: string;
  /** Audience of the tokens Entra-ID-secured disks' downloads need here (setting azureLinuxVm.customCloud.diskTokenAudience). */
  diskTokenAudience: string;
  /** Audience of blob tokens on the staging accounts' https endpoints: https://storage.azure.com/, as in Azure. */
  storageTokenAudience: string;
  /** The Microsoft Graph stand-in, served by the same https server: `${armEndpoint}/graph` (add /v1.0/...). */
  graphEndpoint: string;
  /** Audience of Graph tokens: https://graph.local-azure.test */
  graphTokenAudience: string;
  caCertFile: string;
  caCertPem: string;
  /** Put first on PATH so `az` is the fake CLI. */
  azBinDir: string;
  /** http://127.0.0.1:PORT/devstoreaccount1 */
  blobEndpoint: string;
  /** Azurite's account, for tests that look at blobs directly. */
  storage: { accountName: string; accountKey: string; connectionString: string };
  state: LocalAzureState;
  faults: FaultController;
  /** Live settings (pageSize, lroDurationMs, retryAfterSeconds): change them between calls if needed. */
  settings: ArmSettings;
  blobs: DiskBlobStore;
  /** The Key Vault data plane (vaults whose vaultUri is on vault.local-azure.test; see keyvault/localVaultHosts.ts). */
  keyVault: { endpoint: string; keys: KeyStore };
  /** Same changes as POST /__admin/state. */
  changeState(change: StateChange): void;
  /** Rewrites the fake az's config (e.g. { tokenLifetimeSeconds: -60 } or { loggedIn: false }). */
  configureAz(change: { tokenLifetimeSeconds?: number; loggedIn?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

const fakeAzSource = fileURLToPath(new URL('./fake-az/az', import.meta.url));

export function resolveFixture(fixture: Fixture | string | undefined): Fixture {
  if (fixture === undefined || fixture === 'default') return defaultFixture();
  if (fixture === ADE_KEY_VAULT_FIXTURE) return adeKeyVaultFixture();
  if (typeof fixture !== 'string') return fixture;
  const bench = parseBenchFixtureName(fixture);
  if (!bench) throw new Error(`Unknown fixture '${fixture}': use 'default' or 'bench:SUBSxRESOURCES' (e.g. bench:20x500)`);
  return generateFixture(bench);
}

export async function startLocalAzure(options: LocalAzureOptions = {}): Promise<LocalAzure> {
  const workDir = await mkdtemp(join(tmpdir(), 'local-azure-'));
  const stops: Array<() => Promise<void>> = [() => rm(workDir, { recursive: true, force: true })];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const state = new LocalAzureState(resolveFixture(options.fixture));
    const azurite = await startAzurite({ inMemory: options.inMemoryAzurite ?? true });
    stops.push(() => azurite.stop());
    const blobs = new DiskBlobStore(azurite);
    const faults = new FaultController();
    faults.globalLatencyMs = options.latencyMs ?? 0;
    const arm = await startArmServer({
      state,
      blobs,
      faults,
      tokenAudience: LOCAL_TOKEN_AUDIENCE,
      workDir,
      settings: {
        ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
        ...(options.lroDurationMs !== undefined ? { lroDurationMs: options.lroDurationMs } : {}),
        ...(options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
      },
    });
    stops.push(() => arm.stop());
    const entraDiskProxy = await attachEntraDiskProxy(state, blobs);
    stops.push(() => entraDiskProxy.stop());
    // The staging storage accounts' https blob endpoints (key and Entra ID token alike), from the ARM CA.
    const blobOAuthProxy = attachBlobOAuthProxy(state, blobs, arm.tls);
    stops.push(() => blobOAuthProxy.stop());
    // The Key Vault data plane has its own CA; clients trust both through the one CA file.
    const keyVault = await startKeyVaultServer(state);
    stops.push(() => keyVault.stop());
    await appendFile(arm.caCertFile, '\n' + keyVault.caCertPem);

    const azBinDir = join(workDir, 'bin');
    await mkdir(azBinDir);
    const azPath = join(azBinDir, 'az');
    await copyFile(fakeAzSource, azPath);
    await chmod(azPath, 0o755);
    const azConfig = {
      tokenAudience: LOCAL_TOKEN_AUDIENCE,
      armEndpoint: arm.armEndpoint,
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
      loggedIn: true,
      user: state.user,
      tenants: state.tenants,
      subscriptions: state.subscriptions.map(({ subscriptionId, tenantId, displayName, state: s }) => ({ subscriptionId, tenantId, displayName, state: s })),
    };
    const writeAzConfig = () => writeFile(join(azBinDir, 'az-config.json'), JSON.stringify(azConfig, null, 2));
    await writeAzConfig();

    return {
      armEndpoint: arm.armEndpoint,
      tokenAudience: LOCAL_TOKEN_AUDIENCE,
      diskTokenAudience: entraDiskProxy.audience,
      storageTokenAudience: STORAGE_TOKEN_AUDIENCE,
      graphEndpoint: `${arm.armEndpoint}/graph`,
      graphTokenAudience: LOCAL_GRAPH_TOKEN_AUDIENCE,
      caCertFile: arm.caCertFile,
      caCertPem: `${arm.caCertPem}\n${keyVault.caCertPem}`,
      azBinDir,
      blobEndpoint: azurite.blobEndpoint,
      storage: { accountName: azurite.accountName, accountKey: azurite.accountKey, connectionString: azurite.connectionString },
      state,
      faults,
      settings: arm.settings,
      blobs,
      keyVault: { endpoint: keyVault.endpoint, keys: keyVault.keys },
      changeState: (change) => applyStateChange(state, arm.settings, change),
      async configureAz(change) {
        Object.assign(azConfig, change);
        await writeAzConfig();
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
