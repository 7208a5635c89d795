import * as vscode from 'vscode';

/**
 * One status-bar item for every export running: the single export's progress, or "N exports" with each one in
 * the hover. Hidden when none runs.
 */
export class ExportStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('azureLinuxVm.exportDisk', vscode.StatusBarAlignment.Left, 50);
  private readonly exports = new Map<string, { name: string; text: string }>();
  private counter = 0;

  constructor() {
    this.item.name = vscode.l10n.t('Disk exports');
    this.item.command = 'notifications.showList';
  }

  /** Starts showing an export; returns the key to update and end it with. */
  add(name: string): string {
    const key = String(++this.counter);
    this.exports.set(key, { name, text: vscode.l10n.t('Starting…') });
    this.render();
    return key;
  }

  update(key: string, text: string): void {
    const entry = this.exports.get(key);
    if (!entry || entry.text === text) return;
    entry.text = text;
    this.render();
  }

  remove(key: string): void {
    this.exports.delete(key);
    this.render();
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const entries = [...this.exports.values()];
    if (entries.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = entries.length === 1
      ? `$(cloud-download) ${entries[0].name}: ${entries[0].text}`
      : `$(cloud-download) ${vscode.l10n.t('{0} exports', entries.length)}`;
    this.item.tooltip = entries.map((e) => `${e.name}: ${e.text}`).join('\n');
    this.item.show();
  }
}
