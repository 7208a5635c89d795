import { createLimiter } from '../../core/concurrency/createLimiter.ts';
import { resourceKinds, type ResourceKind } from '../../core/resources/models.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import type { InventoryStore } from './SubscriptionInventory.ts';

export interface ListingOutcome {
  readonly subscriptionId: string;
  readonly kind: ResourceKind;
  readonly count?: number;
  readonly error?: unknown;
}

/** Lists subscriptions, telling `onFound` of each tenant's as they arrive; resolves when all are known. */
export type ListSubscriptionsAsFound = (onFound: (sessions: readonly SubscriptionSession[]) => void) => Promise<unknown>;

/**
 * Lists every kind in every subscription at once (bounded) into the inventories the tree and pickers read: what
 * the tree's "Refresh" does. ARM latency, not bandwidth, dominates: 20 subscriptions × 5 kinds one after another
 * is 100 round trips in series; in parallel it is as long as the slowest paged listing. Given a subscription
 * listing rather than a list, each subscription's resources start listing as soon as its tenant has answered.
 */
export async function listEverything(
  subscriptions: readonly SubscriptionSession[] | ListSubscriptionsAsFound,
  store: InventoryStore,
  concurrency = 100,
): Promise<ListingOutcome[]> {
  const limit = createLimiter(concurrency);
  const outcomes: Array<Promise<ListingOutcome>> = [];
  const start = (sessions: readonly SubscriptionSession[]) => {
    for (const session of sessions) {
      for (const kind of resourceKinds) {
        outcomes.push(
          limit(() => store.for(session).get(kind)).then(
            (list) => ({ subscriptionId: session.subscriptionId, kind, count: list.length }),
            (error: unknown) => ({ subscriptionId: session.subscriptionId, kind, error }),
          ),
        );
      }
    }
  };
  if (typeof subscriptions === 'function') await subscriptions(start);
  else start(subscriptions);
  return Promise.all(outcomes);
}
