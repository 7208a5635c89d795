import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import type { InventoryStore } from '../../azure/inventory/SubscriptionInventory.ts';
import { resourceKinds, type ArmResource, type ResourceKind } from '../../core/resources/models.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { kindGroupLabel, kindIcon, presentResource } from '../../tree/nodes/presentResource.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickSubscription } from './pickSubscription.ts';

export interface PickedResource {
  readonly kind: ResourceKind;
  readonly session: SubscriptionSession;
  readonly resource: ArmResource & { readonly id: string };
}

/**
 * The palette's way to name a resource: subscription → kind (unless the command fixes it) → resource, each item
 * showing the same state the tree shows. A tree node, when given, answers all three at once.
 */
export async function pickResource(
  accounts: AccountManager,
  inventories: InventoryStore,
  node: ResourceNode | undefined,
  kinds: readonly ResourceKind[] = resourceKinds,
): Promise<PickedResource> {
  if (node) return node;
  const session = await pickSubscription(accounts);
  const kind = kinds.length === 1 ? kinds[0] : await pickKind(kinds);
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { resource: ArmResource & { id: string } }>();
  quickPick.title = vscode.l10n.t('Select from {0} in {1}', kindGroupLabel(kind), session.name);
  quickPick.placeholder = vscode.l10n.t('Loading…');
  quickPick.busy = true;
  quickPick.ignoreFocusOut = true;
  quickPick.matchOnDescription = true;
  quickPick.show();
  try {
    const resources = (await inventories.for(session).get<ArmResource>(kind))
      .filter((r): r is ArmResource & { id: string } => typeof r.id === 'string')
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
    if (resources.length === 0) throw new Error(vscode.l10n.t('There are no {0} in {1}.', kindGroupLabel(kind), session.name));
    quickPick.items = resources.map((resource) => {
      const p = presentResource(kind, resource);
      return { label: `$(${p.icon.id.replace('~spin', '')}) ${p.label}`, description: p.description, detail: resourceGroupOf(resource.id), resource };
    });
    quickPick.placeholder = vscode.l10n.t('Type to filter');
    quickPick.busy = false;
    const picked = await new Promise<(typeof quickPick.items)[number] | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
    });
    if (!picked) throw new UserCancelledError();
    return { kind, session, resource: picked.resource };
  } finally {
    quickPick.dispose();
  }
}

async function pickKind(kinds: readonly ResourceKind[]): Promise<ResourceKind> {
  // Not `kind`: QuickPickItem already has a `kind` (separator or default).
  const items = kinds.map((resourceKind) => ({ label: `$(${kindIcon(resourceKind)}) ${kindGroupLabel(resourceKind)}`, resourceKind }));
  const picked = await vscode.window.showQuickPick(items,
    { title: vscode.l10n.t('Select a resource type'), ignoreFocusOut: true },
  );
  if (!picked) throw new UserCancelledError();
  return picked.resourceKind;
}

function resourceGroupOf(id: string): string {
  const match = /\/resourceGroups\/([^/]+)/i.exec(id);
  return match ? vscode.l10n.t('Resource group: {0}', match[1]) : '';
}
