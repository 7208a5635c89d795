// Sets up a webview for the bundled page: scripts on, resources only from dist/ and media/, the nonce CSP shell.

import * as vscode from 'vscode';
import { createNonce, renderWebviewHtml } from './webviewHtml.ts';

/** Where the build may put the codicon font (see the report for the copy step); used only when it is there. */
const CODICON_CSS = ['dist', 'codicons', 'codicon.css'];

export async function configureWebview(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): Promise<void> {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  webview.options = {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [dist, vscode.Uri.joinPath(extensionUri, 'media')],
  };
  const codicon = vscode.Uri.joinPath(extensionUri, ...CODICON_CSS);
  const hasCodicons = await vscode.workspace.fs.stat(codicon).then(() => true, () => false);
  webview.html = renderWebviewHtml({
    cspSource: webview.cspSource,
    nonce: createNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
    ...(hasCodicons ? { codiconUri: webview.asWebviewUri(codicon).toString() } : {}),
    title,
    lang: vscode.env.language,
  });
}
