import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import type { SubscriptionInventory } from '../../azure/inventory/SubscriptionInventory.ts';
import { sameResourceId } from '../../core/resources/parseResourceId.ts';
import type { DiskModel, VirtualMachineModel, VmDiskRef } from '../../core/resources/models.ts';
import type { VirtualMachineLike } from '../../core/encryption/adeModel.ts';
import { parseEncryptionStatus } from '../../core/encryption/parseEncryptionStatus.ts';
import { treeItemFromPresentation } from '../themeIcon.ts';
import type { ResourceNode, TreeNode } from '../TreeNode.ts';
import { ErrorNode } from './ErrorNode.ts';
import { presentResource } from './presentResource.ts';
import { ResourceLeafNode } from './ResourceLeafNode.ts';

/** A VM; expands to its OS disk and data disks, each with the disk's own state (diskState comes from the disk). */
export class VirtualMachineNode implements ResourceNode {
  readonly id: string;
  readonly parent: TreeNode;
  /** The power state shown on this row comes from the VM listing of the group above. */
  readonly listedBy: TreeNode;
  readonly kind = 'virtualMachine' as const;
  readonly session: SubscriptionSession;
  readonly resource: VirtualMachineModel & { readonly id: string };
  private readonly inventory: SubscriptionInventory;

  constructor(parent: TreeNode, inventory: SubscriptionInventory, vm: VirtualMachineModel & { id: string }) {
    this.parent = parent;
    this.listedBy = parent;
    this.inventory = inventory;
    this.session = inventory.session;
    this.resource = vm;
    this.id = `${parent.id}/${vm.id.toLowerCase()}`;
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFromPresentation(this.id, presentResource('virtualMachine', this.resource), true);
  }

  async getChildren(): Promise<TreeNode[]> {
    let disks: DiskModel[];
    try {
      disks = await this.inventory.get<DiskModel>('disk');
    } catch (error) {
      return [new ErrorNode(this, vscode.l10n.t('Could not list the disks of {0}', this.resource.name ?? ''), error)];
    }
    const profile = this.resource.storageProfile;
    const refs: Array<{ ref: VmDiskRef; role: 'os' | 'data' }> = [
      ...(profile?.osDisk ? [{ ref: profile.osDisk, role: 'os' as const }] : []),
      ...(profile?.dataDisks ?? []).map((ref) => ({ ref, role: 'data' as const })),
    ];
    // Each disk's ADE state comes from the VM's instance view (listed with the VM).
    const encryption = parseEncryptionStatus(this.resource as VirtualMachineLike).disks;
    return refs.map(({ ref, role }) => {
      const id = ref.managedDisk?.id ?? `${this.resource.id}/disks/${ref.name ?? ref.lun}`;
      // The VM's reference lacks diskState and SKU; the disk listing has them. Fall back to the reference when
      // the disk is in another subscription or not visible to this account.
      const disk: DiskModel & { id: string } = disks.find((d) => sameResourceId(d.id, id)) as DiskModel & { id: string }
        ?? { id, name: ref.name, diskSizeGB: ref.diskSizeGB, sku: { name: ref.managedDisk?.storageAccountType } };
      const diskEncryption = encryption.find((d) => !!ref.name && d.name.toLowerCase() === ref.name.toLowerCase());
      return new ResourceLeafNode(this, 'disk', this.session, disk, { role, lun: ref.lun, ...(diskEncryption ? { encryption: diskEncryption } : {}) });
    });
  }

  invalidate(): void {
    this.inventory.invalidate('virtualMachine');
    this.inventory.invalidate('disk');
  }
}
