// The HTML shell of a webview page (pure): a strict CSP with a fresh nonce, the page's script and stylesheet from the
// extension's dist/ folder, nothing inline. `default-src 'none'` blocks everything not listed; scripts run only with
// the nonce; styles come from the extension (`cspSource`) or carry the nonce (Lit's fallback <style> elements).

export interface WebviewHtmlOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The codicon font's stylesheet (vscode-icon looks for it by id); omitted when it isn't shipped. */
  codiconUri?: string;
  title: string;
  lang: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function renderWebviewHtml(o: WebviewHtmlOptions): string {
  const attr = escapeHtml;
  const codicon = o.codiconUri
    ? `\n    <link id="vscode-codicon-stylesheet" rel="stylesheet" nonce="${attr(o.nonce)}" href="${attr(o.codiconUri)}">`
    : '';
  return `<!DOCTYPE html>
<html lang="${attr(o.lang)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <title>${escapeHtml(o.title)}</title>
    <link rel="stylesheet" nonce="${attr(o.nonce)}" href="${attr(o.styleUri)}">${codicon}
  </head>
  <body>
    <main id="app" aria-busy="true"></main>
    <script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
  </body>
</html>`;
}

/** 32 random bytes as base64url: unguessable, and safe inside an attribute and a CSP source expression. */
export function createNonce(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
