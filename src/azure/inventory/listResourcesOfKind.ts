import type { ResourceKind } from '../../core/resources/models.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient, imageBuilderClient, keyVaultClient } from '../clients.ts';
import { collectPages } from './collectPages.ts';

/**
 * One ARM listing per kind, across the whole subscription, every page. VMs are listed with `statusOnly=true`
 * so each carries its power state without one instance-view call per VM.
 */
export async function listResourcesOfKind(session: SubscriptionSession, kind: ResourceKind): Promise<unknown[]> {
  switch (kind) {
    case 'virtualMachine': {
      const compute = await computeClient(session);
      // statusOnly returns run-time status but not the full model; the full list gives disks and sizes. Both run
      // at once and are joined by id, so the tree shows power state and disks from two calls per subscription.
      const [models, statuses] = await Promise.all([
        collectPages(compute.virtualMachines.listAll()),
        collectPages(compute.virtualMachines.listAll({ statusOnly: 'true' })),
      ]);
      const statusById = new Map(statuses.map((s) => [s.id?.toLowerCase(), s.instanceView]));
      return models.map((vm) => ({ ...vm, instanceView: vm.instanceView ?? statusById.get(vm.id?.toLowerCase()) }));
    }
    case 'disk':
      return collectPages((await computeClient(session)).disks.list());
    case 'snapshot':
      return collectPages((await computeClient(session)).snapshots.list());
    case 'keyVault':
      // vaults.list goes through /resources and returns thin objects; listBySubscription returns full vaults.
      return collectPages((await keyVaultClient(session)).vaults.listBySubscription());
    case 'imageTemplate':
      return collectPages((await imageBuilderClient(session)).virtualMachineImageTemplates.list());
  }
}
