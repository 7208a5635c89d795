import { performance } from 'node:perf_hooks';
import { createTreeListing } from '../../src/azure/inventory/createTreeListing.ts';
import { listResourcesOfKind } from '../../src/azure/inventory/listResourcesOfKind.ts';
import { listEverything } from '../../src/azure/inventory/listEverything.ts';
import { InventoryStore } from '../../src/azure/inventory/SubscriptionInventory.ts';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../src/azure/auth/listAzureCliSubscriptions.ts';
import { listProtectedVms } from '../../src/azure/recoveryServices/listProtectedVms.ts';
import { armScope } from '../../src/core/cloud/resolveCloudEndpoints.ts';
import type { CloudEndpoints } from '../../src/core/cloud/CloudEndpoints.ts';
import { resourceKinds } from '../../src/core/resources/models.ts';
import { localCloud } from '../integration/support/localCloud.ts';
import { startLocalAzureProcess } from '../support/startLocalAzureProcess.ts';

export interface ListingFigures {
  readonly subscriptions: number;
  readonly resources: number;
  readonly latencyMs: number;
  /** The extension's "Refresh" the first time in a process: includes loading the SDKs (what preloading saves). */
  readonly coldMs: number;
  /** The same, SDKs loaded (the extension preloads them after activation): every run, and their median. */
  readonly warmMs: readonly number[];
  readonly warmMedianMs: number;
  /** The simple way, same calls (backup protection included): one subscription after another, one kind after another. */
  readonly sequentialMs: number;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Lists everything in 20 subscriptions × 500 resources with 100 ms added to every ARM call exactly the way the
 * tree's "Refresh" does (src/tree/ResourceTreeDataProvider.ts → listEverything over the account's subscription
 * listing, each subscription's resources starting as soon as its tenant answered, through the tree's listing with
 * backup protection), against the same calls made one after another. Each run starts from a signed-in CLI
 * login (the token the sign-in check got is cached) and fresh sessions, as after a Refresh.
 */
export async function runListingBenchmark(options = { subscriptions: 20, resourcesPerSubscription: 500, latencyMs: 100, warmRuns: 3 }): Promise<ListingFigures> {
  // ARM pages list results; 100 a page is on the small side of what Compute and Key Vault return.
  const local = await startLocalAzureProcess([
    '--fixture', `bench:${options.subscriptions}x${options.resourcesPerSubscription}`,
    '--latency-ms', String(options.latencyMs),
    '--page-size', '100',
  ]);
  const previousPath = process.env.PATH;
  process.env.PATH = `${local.azBinDir}:${previousPath}`;
  try {
    const cloud = localCloud(local);
    const refreshAll = async () => {
      const credentials = await signedIn(cloud);
      const t0 = performance.now();
      const outcomes = await listEverything(
        (onFound) => listAzureCliSubscriptions(cloud, credentials, onFound),
        new InventoryStore(createTreeListing(() => undefined)),
      );
      const ms = performance.now() - t0;
      const failed = outcomes.filter((o) => o.error);
      if (failed.length) throw new Error(`listing failed: ${String(failed[0].error)}`);
      return { ms, subscriptions: new Set(outcomes.map((o) => o.subscriptionId)).size, resources: outcomes.reduce((sum, o) => sum + (o.count ?? 0), 0) };
    };
    const cold = await refreshAll();
    const warm = [];
    for (let i = 0; i < options.warmRuns; i++) warm.push(await refreshAll());

    const credentials = await signedIn(cloud);
    const t1 = performance.now();
    const { subscriptions } = await listAzureCliSubscriptions(cloud, credentials);
    let sequentialCount = 0;
    for (const session of subscriptions) {
      for (const kind of resourceKinds) sequentialCount += (await listResourcesOfKind(session, kind)).length;
      await listProtectedVms(session);
    }
    const sequentialMs = performance.now() - t1;
    if (sequentialCount !== cold.resources) throw new Error(`listings disagree: ${cold.resources} vs ${sequentialCount}`);
    const warmMs = warm.map((w) => w.ms);
    return {
      subscriptions: cold.subscriptions, resources: cold.resources, latencyMs: options.latencyMs,
      coldMs: cold.ms, warmMs, warmMedianMs: median(warmMs), sequentialMs,
    };
  } finally {
    process.env.PATH = previousPath;
    await local.stop();
  }
}

/** A fresh CLI login whose default token is already cached, as after the tree's sign-in check. */
async function signedIn(cloud: CloudEndpoints) {
  const credentials = azureCliCredentials();
  await (await credentials(undefined)).getToken(armScope(cloud));
  return credentials;
}

if (import.meta.main) {
  console.log(JSON.stringify(await runListingBenchmark()));
}
