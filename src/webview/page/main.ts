// Entry of the image template editor page (bundled to dist/webview.js, iife). Registers the @vscode-elements controls
// it uses, asks the extension for its strings and state, then keeps the form in step with the document.

import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './editor.css';
import { FormPage } from './FormPage.ts';
import { HostConnection } from './hostConnection.ts';

// Lit adds <style> elements only where constructable stylesheets are missing; give them the CSP nonce.
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || undefined;
if (nonce) (globalThis as { litNonce?: string }).litNonce = nonce;

let page: FormPage | undefined;
const host = new HostConnection({
  onState: (state) => page?.setState(state),
  onFindings: (version, findings, otherCount) => page?.setFindings(version, findings, otherCount),
});

const root = document.getElementById('app');
if (root) {
  host.getInitialState().then(
    ({ strings, state }) => {
      page = new FormPage(root, strings, state, host);
    },
    (error: unknown) => {
      root.textContent = error instanceof Error ? error.message : String(error);
    },
  );
}
