import * as vscode from 'vscode';
import type { Presentation } from '../../core/resources/Presentation.ts';
import type { DiskModel, ImageTemplateModel, KeyVaultModel, ResourceKind, SnapshotModel, VirtualMachineModel } from '../../core/resources/models.ts';
import { presentDisk, type DiskRole } from '../../core/resources/presentDisk.ts';
import { presentImageTemplate } from '../../core/resources/presentImageTemplate.ts';
import { presentKeyVault } from '../../core/resources/presentKeyVault.ts';
import { presentSnapshot } from '../../core/resources/presentSnapshot.ts';
import { presentVirtualMachine } from '../../core/resources/presentVirtualMachine.ts';

/** The presentation of any resource in the user's language (the tree and the pickers share it). */
export function presentResource(kind: ResourceKind, resource: unknown, role?: DiskRole): Presentation {
  const t = vscode.l10n.t as (message: string, ...args: Array<string | number | boolean>) => string;
  switch (kind) {
    case 'virtualMachine': return presentVirtualMachine(resource as VirtualMachineModel, t);
    case 'disk': return presentDisk(resource as DiskModel, t, role);
    case 'snapshot': return presentSnapshot(resource as SnapshotModel, t);
    case 'keyVault': return presentKeyVault(resource as KeyVaultModel, t);
    case 'imageTemplate': return presentImageTemplate(resource as ImageTemplateModel, t);
  }
}

/** Group labels, plural, as the tree shows them. */
export function kindGroupLabel(kind: ResourceKind): string {
  switch (kind) {
    case 'virtualMachine': return vscode.l10n.t('Virtual machines');
    case 'disk': return vscode.l10n.t('Disks');
    case 'snapshot': return vscode.l10n.t('Snapshots');
    case 'keyVault': return vscode.l10n.t('Key vaults');
    case 'imageTemplate': return vscode.l10n.t('Image templates');
  }
}

export function kindEmptyLabel(kind: ResourceKind): string {
  switch (kind) {
    case 'virtualMachine': return vscode.l10n.t('No virtual machines');
    case 'disk': return vscode.l10n.t('No disks');
    case 'snapshot': return vscode.l10n.t('No snapshots');
    case 'keyVault': return vscode.l10n.t('No key vaults');
    case 'imageTemplate': return vscode.l10n.t('No image templates');
  }
}

export function kindIcon(kind: ResourceKind): string {
  switch (kind) {
    case 'virtualMachine': return 'vm';
    case 'disk': return 'database';
    case 'snapshot': return 'device-camera';
    case 'keyVault': return 'key';
    case 'imageTemplate': return 'file-media';
  }
}
