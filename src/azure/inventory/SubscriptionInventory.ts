import type { ResourceKind } from '../../core/resources/models.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';

export type ListResources = (session: SubscriptionSession, kind: ResourceKind) => Promise<unknown[]>;

/**
 * What is known about one subscription's resources, loaded lazily one kind at a time and shared by the tree and
 * the pickers, so expanding a node and answering a picker never list the same thing twice. A failed listing is
 * not kept: the next ask (Retry) lists again.
 */
export class SubscriptionInventory {
  readonly session: SubscriptionSession;
  private readonly list: ListResources;
  private readonly loads = new Map<ResourceKind, Promise<unknown[]>>();

  constructor(session: SubscriptionSession, list: ListResources) {
    this.session = session;
    this.list = list;
  }

  get<T>(kind: ResourceKind): Promise<T[]> {
    let load = this.loads.get(kind);
    if (!load) {
      load = this.list(this.session, kind);
      this.loads.set(kind, load);
      load.catch(() => {
        if (this.loads.get(kind) === load) this.loads.delete(kind);
      });
    }
    return load as Promise<T[]>;
  }

  invalidate(kind?: ResourceKind): void {
    if (kind) this.loads.delete(kind);
    else this.loads.clear();
  }
}

/** One inventory per subscription, for the lifetime of the sign-in. */
export class InventoryStore {
  private readonly list: ListResources;
  private readonly inventories = new Map<string, SubscriptionInventory>();
  private readonly listeners = new Set<(session: SubscriptionSession, kind: ResourceKind, items: unknown[]) => void>();

  constructor(list: ListResources) {
    // Every fresh listing is also told to the listeners (e.g. Image Builder follows the builds a listing shows running).
    this.list = async (session, kind) => {
      const items = await list(session, kind);
      for (const listener of this.listeners) listener(session, kind, items);
      return items;
    };
  }

  onDidList(listener: (session: SubscriptionSession, kind: ResourceKind, items: unknown[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  for(session: SubscriptionSession): SubscriptionInventory {
    const key = `${session.tenantId}/${session.subscriptionId}`;
    let inventory = this.inventories.get(key);
    if (!inventory || inventory.session !== session) {
      inventory = new SubscriptionInventory(session, this.list);
      this.inventories.set(key, inventory);
    }
    return inventory;
  }

  clear(): void {
    this.inventories.clear();
  }
}
