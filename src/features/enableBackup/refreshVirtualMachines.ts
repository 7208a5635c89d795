import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import type { Services } from '../../services.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';

/**
 * The VM nodes show backup protection from the VM listing: forget it and redraw the "Virtual machines" group the
 * VM sits in (its parent), or the whole tree when the command came from the palette.
 */
export function refreshVirtualMachines(s: Services, session: SubscriptionSession, node?: ResourceNode): void {
  s.inventories.for(session).invalidate('virtualMachine');
  if (node?.parent) s.tree.refresh(node.parent);
  else s.tree.refresh();
}
