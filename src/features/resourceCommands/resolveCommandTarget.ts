import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { getResourceJson } from '../../azure/inventory/getResourceJson.ts';
import { getSubscriptionJson } from '../../azure/inventory/getSubscriptionJson.ts';
import type { InventoryStore } from '../../azure/inventory/SubscriptionInventory.ts';
import { subscriptionResourceId } from '../../core/resources/subscriptionResourceId.ts';
import { SubscriptionNode } from '../../tree/nodes/SubscriptionNode.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';

/** What View Properties, Copy Resource ID and Open in Portal work on: a resource, or a subscription row. */
export interface CommandTarget {
  readonly session: SubscriptionSession;
  readonly id: string;
  readonly name: string;
  /** Its ARM JSON, read fresh. */
  readJson(): Promise<unknown>;
}

export type CommandNode = ResourceNode | SubscriptionNode;

/** The node's resource or subscription; from the palette, a resource picked subscription → kind → resource. */
export async function resolveCommandTarget(accounts: AccountManager, inventories: InventoryStore, node?: CommandNode): Promise<CommandTarget> {
  if (node instanceof SubscriptionNode) {
    const session = node.session;
    return { session, id: subscriptionResourceId(session.subscriptionId), name: session.name, readJson: () => getSubscriptionJson(session) };
  }
  const picked = await pickResource(accounts, inventories, node);
  return {
    session: picked.session,
    id: picked.resource.id,
    name: picked.resource.name ?? '',
    readJson: () => getResourceJson(picked.session, picked.kind, picked.resource.id),
  };
}
