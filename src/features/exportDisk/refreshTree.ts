import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import type { Services } from '../../services.ts';

/** Disk states change with every export step: forget the session's disks, snapshots and VMs and redraw. */
export function refreshTree(services: Services, session: SubscriptionSession): void {
  const inventory = services.inventories.for(session);
  for (const kind of ['disk', 'snapshot', 'virtualMachine'] as const) inventory.invalidate(kind);
  services.tree.refresh();
}
