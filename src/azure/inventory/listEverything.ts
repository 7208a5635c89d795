import { mapWithConcurrency } from '../../core/concurrency/mapWithConcurrency.ts';
import { resourceKinds, type ResourceKind } from '../../core/resources/models.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import type { InventoryStore } from './SubscriptionInventory.ts';

export interface ListingOutcome {
  readonly subscriptionId: string;
  readonly kind: ResourceKind;
  readonly count?: number;
  readonly error?: unknown;
}

/**
 * Lists every kind in every subscription at once (bounded), for "refresh all" and the pickers' warm-up.
 * ARM latency, not bandwidth, dominates: 20 subscriptions × 5 kinds one after another is 100 round trips in
 * series; in parallel it is as long as the slowest paged listing.
 */
export async function listEverything(
  sessions: readonly SubscriptionSession[],
  store: InventoryStore,
  concurrency = 100,
): Promise<ListingOutcome[]> {
  const jobs = sessions.flatMap((session) => resourceKinds.map((kind) => ({ session, kind })));
  const results = await mapWithConcurrency(jobs, concurrency, ({ session, kind }) => store.for(session).get(kind));
  return results.map((result, i) => ({
    subscriptionId: jobs[i].session.subscriptionId,
    kind: jobs[i].kind,
    ...(result.status === 'fulfilled' ? { count: result.value.length } : { error: result.reason }),
  }));
}
