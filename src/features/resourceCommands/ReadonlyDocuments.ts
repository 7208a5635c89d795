import * as vscode from 'vscode';

export const READONLY_SCHEME = 'azurelinuxvm';

/**
 * Documents the extension shows but the user must not edit (resource properties, status reports). A content
 * provider's documents are read-only in VS Code, and they need no file on disk.
 */
export class ReadonlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Stores `content` and returns the URI that shows it; `fileName` becomes the tab title. */
  put(fileName: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: READONLY_SCHEME, path: `/${++this.counter}/${fileName}` });
    this.contents.set(uri.toString(), content);
    return uri;
  }

  /** Replaces the content of an open document (live status views). */
  update(uri: vscode.Uri, content: string): void {
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
