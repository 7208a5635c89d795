import { performance } from 'node:perf_hooks';
import { createTreeListing } from '../../src/azure/inventory/createTreeListing.ts';
import { listResourcesOfKind } from '../../src/azure/inventory/listResourcesOfKind.ts';
import { listEverything } from '../../src/azure/inventory/listEverything.ts';
import { InventoryStore } from '../../src/azure/inventory/SubscriptionInventory.ts';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../src/azure/auth/listAzureCliSubscriptions.ts';
import type { SubscriptionSession } from '../../src/azure/auth/AccountProvider.ts';
import { resourceKinds } from '../../src/core/resources/models.ts';
import { localCloud } from '../integration/support/localCloud.ts';
import { startLocalAzureProcess } from '../support/startLocalAzureProcess.ts';

export interface ListingFigures {
  readonly subscriptions: number;
  readonly resources: number;
  readonly latencyMs: number;
  /** Of parallelMs, the part spent listing tenants and subscriptions. */
  readonly subscriptionsMs: number;
  /** The tree's way: every subscription and kind at once (bounded), each listing followed to its last page, VMs with their backup protection. */
  readonly parallelMs: number;
  /** The simple way: one subscription after another, one kind after another. */
  readonly sequentialMs: number;
}

/**
 * Lists everything in 20 subscriptions × 500 resources with 100 ms added to every ARM call, the way the tree's
 * "refresh all" does it, against the same listing done one call after another. Subscriptions are listed too.
 */
export async function runListingBenchmark(options = { subscriptions: 20, resourcesPerSubscription: 500, latencyMs: 100 }): Promise<ListingFigures> {
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
    const credentials = azureCliCredentials();
    // Warm the token cache: the benchmark measures listing, not the fake CLI's process start.
    await (await credentials(undefined)).getToken(`${cloud.tokenAudience.replace(/\/$/, '')}/.default`);

    const t0 = performance.now();
    const { subscriptions } = await listAzureCliSubscriptions(cloud, credentials);
    const subscriptionsMs = performance.now() - t0;
    const outcomes = await listEverything(subscriptions, new InventoryStore(createTreeListing(() => undefined)));
    const parallelMs = performance.now() - t0;
    const failed = outcomes.filter((o) => o.error);
    if (failed.length) throw new Error(`parallel listing failed: ${String(failed[0].error)}`);
    const resources = outcomes.reduce((sum, o) => sum + (o.count ?? 0), 0);

    const t1 = performance.now();
    const again = await listAzureCliSubscriptions(cloud, credentials);
    let sequentialCount = 0;
    for (const session of again.subscriptions as SubscriptionSession[]) {
      for (const kind of resourceKinds) sequentialCount += (await listResourcesOfKind(session, kind)).length;
    }
    const sequentialMs = performance.now() - t1;
    if (sequentialCount !== resources) throw new Error(`listings disagree: ${resources} vs ${sequentialCount}`);
    return { subscriptions: subscriptions.length, resources, latencyMs: options.latencyMs, subscriptionsMs, parallelMs, sequentialMs };
  } finally {
    process.env.PATH = previousPath;
    await local.stop();
  }
}

if (import.meta.main) {
  console.log(JSON.stringify(await runListingBenchmark()));
}
