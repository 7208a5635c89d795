import type * as vscode from 'vscode';
import { addPendingExport, removePendingExport, type PendingExport } from '../../core/exportDisk/pendingExports.ts';

const KEY = 'azureLinuxVm.exportDisk.pending';
const FOLDER_KEY = 'azureLinuxVm.exportDisk.folder';

/** Exports in flight and the last folder used, in the extension's global state (ids and paths, never a SAS). */
export class PendingExportStore {
  private readonly state: vscode.Memento;

  constructor(state: vscode.Memento) {
    this.state = state;
  }

  list(): PendingExport[] {
    return this.state.get<PendingExport[]>(KEY, []);
  }

  has(resourceId: string): boolean {
    return this.list().some((e) => e.resourceId.toLowerCase() === resourceId.toLowerCase());
  }

  add(entry: PendingExport): Thenable<void> {
    return this.state.update(KEY, addPendingExport(this.list(), entry));
  }

  remove(entry: Pick<PendingExport, 'resourceId' | 'folder'>): Thenable<void> {
    return this.state.update(KEY, removePendingExport(this.list(), entry));
  }

  get lastFolder(): string | undefined {
    return this.state.get<string>(FOLDER_KEY);
  }

  rememberFolder(folder: string): Thenable<void> {
    return this.state.update(FOLDER_KEY, folder);
  }
}
