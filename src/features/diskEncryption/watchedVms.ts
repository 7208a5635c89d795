import type * as vscode from 'vscode';
import type { EncryptionVm } from './pickEncryptionVm.ts';

// The VMs whose encryption run is being followed, kept across windows (ids only: nothing secret). When VS Code
// starts again, the watch is taken up by reading the VM's state from Azure again.

const KEY = 'azureLinuxVm.diskEncryption.watchedVms';

export type WatchedVm = { readonly subscriptionId: string; readonly tenantId: string; readonly id: string; readonly name: string; readonly location: string };

export function listWatchedVms(memento: vscode.Memento): WatchedVm[] {
  return memento.get<WatchedVm[]>(KEY, []);
}

export async function rememberWatchedVm(memento: vscode.Memento, vm: EncryptionVm): Promise<void> {
  const entry: WatchedVm = { subscriptionId: vm.session.subscriptionId, tenantId: vm.session.tenantId, id: vm.id, name: vm.name, location: vm.location };
  await memento.update(KEY, [...listWatchedVms(memento).filter((w) => w.id.toLowerCase() !== vm.id.toLowerCase()), entry]);
}

export async function forgetWatchedVm(memento: vscode.Memento, vmId: string): Promise<void> {
  await memento.update(KEY, listWatchedVms(memento).filter((w) => w.id.toLowerCase() !== vmId.toLowerCase()));
}
