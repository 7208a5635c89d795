// The local Azure with the extension's own sign-in (fake `az` on PATH, AzureCliCredential) for the ADE tests.
// ADE phases last `adeStepMs` in the stand-in; LROs and the watcher poll quickly so a run takes about a second.
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import { readEncryptionTarget } from '../../../src/azure/encryption/gatherPreflightContext.ts';
import { parseEncryptionStatus, type AdeEncryptionStatus } from '../../../src/core/encryption/parseEncryptionStatus.ts';
import { PROD_SUBSCRIPTION } from '../../azure-local/fixtures/default.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';

export const WEB_RG = 'rg-web-prod-japaneast';
export const vmId = (name: string, rg = WEB_RG) =>
  `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;
export const JPE_VAULT_ID = `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/rg-security-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-ade-jpe`;
export const JPE_VAULT_URL = 'https://kv-contoso-ade-jpe.vault.azure.net/';
export const EUS_VAULT_ID = `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/rg-security-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-ade-eus`;
export const KEK_URL = 'https://kv-contoso-ade-jpe.vault.azure.net/keys/kek-ade/0123456789abcdef0123456789abcdef';
export const fast = { updateIntervalInMs: 20 } as const;

export type AdeEnvironment = {
  readonly local: LocalAzure;
  readonly prod: SubscriptionSession;
  status(vmName: string, rg?: string): Promise<AdeEncryptionStatus>;
  stop(): Promise<void>;
};

export async function startAdeEnvironment(): Promise<AdeEnvironment> {
  const originalPath = process.env.PATH;
  const local = await startLocalAzure({ lroDurationMs: 50 });
  local.settings.adeStepMs = 150;
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  const listing = await listAzureCliSubscriptions(localCloud(local), azureCliCredentials());
  const prod = listing.subscriptions.find((s) => s.subscriptionId === PROD_SUBSCRIPTION);
  if (!prod) throw new Error('the production subscription is not listed');
  return {
    local,
    prod,
    status: async (name, rg) => parseEncryptionStatus((await readEncryptionTarget(prod, vmId(name, rg))).vm),
    async stop() {
      process.env.PATH = originalPath;
      await local.stop();
    },
  };
}

/** Reads the status until `done` holds (or fails after `timeoutMs`). */
export async function statusUntil(
  read: () => Promise<AdeEncryptionStatus>, done: (s: AdeEncryptionStatus) => boolean, timeoutMs = 5000,
): Promise<AdeEncryptionStatus> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const status = await read();
    if (done(status)) return status;
    if (Date.now() > end) throw new Error(`status never reached the expected state; last: ${JSON.stringify({ phase: status.phase, os: status.os, data: status.data })}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}
