import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { pickResource } from '../pickers/pickResource.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import type { EncryptionDeps } from './EncryptionDeps.ts';

export type EncryptionVm = {
  readonly session: SubscriptionSession;
  readonly id: string;
  readonly name: string;
  readonly location: string;
};

/** The VM from the tree node, or asked for (subscription, then VM) from the palette. */
export async function pickEncryptionVm(deps: EncryptionDeps, node: ResourceNode | undefined): Promise<EncryptionVm> {
  const picked = await pickResource(deps.accounts, deps.inventories, node?.kind === 'virtualMachine' ? node : undefined, ['virtualMachine']);
  const { id, name, location } = picked.resource;
  if (!location) throw new Error(vscode.l10n.t('The location of {0} is not known.', name ?? id));
  return { session: picked.session, id, name: name ?? id, location };
}

/** Shows fresh states in the tree after Azure changed something (re-lists VMs and disks, keeps expansion). */
export function refreshEncryptionStates(deps: EncryptionDeps, vm: EncryptionVm): void {
  const inventory = deps.inventories.for(vm.session);
  inventory.invalidate('virtualMachine');
  inventory.invalidate('disk');
  deps.tree.redraw(vm.session, ['virtualMachine', 'disk']);
}
