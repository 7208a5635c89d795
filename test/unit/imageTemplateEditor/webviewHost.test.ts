// The webview's HTML shell (CSP, nonce, nothing inline) and the host's message router (narrow, dispatch, answer, log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentSecurityPolicy, createNonce, renderWebviewHtml } from '../../../src/webview/webviewHtml.ts';
import { routePageMessages, type WebviewLike } from '../../../src/webview/WebviewMessageRouter.ts';
import type { EditorState, IpcCommand } from '../../../src/webview/protocol.ts';
import { STRINGS } from './formHelpers.ts';

const OPTIONS = {
  cspSource: 'https://*.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/dist/webview.css',
  title: 'Image template <"x">', lang: 'ja',
};

test('the CSP denies by default, runs only scripts with the nonce, takes styles only from the extension', () => {
  const csp = contentSecurityPolicy(OPTIONS.cspSource, 'n0nce');
  assert.match(csp, /^default-src 'none';/);
  assert.match(csp, /script-src 'nonce-n0nce'(;|$)/);
  assert.match(csp, /style-src https:\/\/\*\.vscode-cdn\.net 'nonce-n0nce'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*(?!\.vscode-cdn)/);
});

test('the page HTML carries the CSP, one nonce-tagged script, no inline script, style or handler', () => {
  const html = renderWebviewHtml(OPTIONS);
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(OPTIONS.cspSource, 'abc123').replace(/'/g, '&#39;')}">`));
  assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script nonce="abc123" src="https://x/dist/webview.js">']);
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /<style|style=/i, 'no inline styles');
  assert.ok(html.includes('<title>Image template &lt;&quot;x&quot;&gt;</title>'));
  assert.ok(!html.includes('vscode-codicon-stylesheet'));
  assert.ok(renderWebviewHtml({ ...OPTIONS, codiconUri: 'https://x/dist/codicons/codicon.css' }).includes('id="vscode-codicon-stylesheet"'));
});

test('every nonce is new and safe in an attribute', () => {
  const nonces = new Set(Array.from({ length: 50 }, createNonce));
  assert.equal(nonces.size, 50);
  for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9_-]{40,}$/);
});

test('the page code sets no HTML strings and no inline handlers (CSP-safe by construction)', () => {
  const dir = join(import.meta.dirname, '../../../src/webview/page');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const code = readFileSync(join(dir, name), 'utf8');
    assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.setAttribute\(\s*'on|\beval\(|new Function/, name);
  }
});

function fakeWebview() {
  let listener: ((message: unknown) => unknown) | undefined;
  const posted: unknown[] = [];
  const webview: WebviewLike = {
    onDidReceiveMessage: (l) => { listener = l; return { dispose: () => { listener = undefined; } }; },
    postMessage: async (m) => { posted.push(m); return true; },
  };
  return { webview, posted, receive: async (m: unknown) => { await listener?.(m); } };
}

function fakeLogger() {
  const lines: string[] = [];
  return { lines, logger: { trace: () => {}, info: () => {}, warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) } };
}

const STATE: EditorState = { documentVersion: 1, templates: [], selected: -1, resource: null, embedding: 'document', readOnly: 'empty', findings: [], otherFindingCount: 0 };

test('the router dispatches commands, answers requests and drops (and logs) what it does not know', async () => {
  const { webview, posted, receive } = fakeWebview();
  const { lines, logger } = fakeLogger();
  const commands: IpcCommand[] = [];
  routePageMessages(webview, { onCommand: (c) => commands.push(c), getInitialState: () => ({ strings: STRINGS, state: STATE }) }, logger);

  await receive({ kind: 'command', method: 'selectTemplate', params: { index: 0 } });
  assert.deepEqual(commands, [{ kind: 'command', method: 'selectTemplate', params: { index: 0 } }]);

  await receive({ kind: 'request', id: 9, method: 'getInitialState', params: {} });
  assert.deepEqual(posted, [{ kind: 'response', id: 9, method: 'getInitialState', result: { strings: STRINGS, state: STATE } }]);

  await receive({ kind: 'command', method: 'exec', params: { cmd: 'rm -rf /' } });
  assert.equal(commands.length, 1);
  assert.equal(posted.length, 1);
  assert.deepEqual(lines, ['warn Ignored an unknown message from the image template editor page: kind=command method=exec']);
});

test('a failing request still gets an answer, and a failing command is logged', async () => {
  const { webview, posted, receive } = fakeWebview();
  const { lines, logger } = fakeLogger();
  routePageMessages(webview, {
    onCommand: () => { throw new Error('no'); },
    getInitialState: () => { throw new Error('document closed'); },
  }, logger);
  await receive({ kind: 'request', id: 1, method: 'getInitialState', params: {} });
  assert.deepEqual(posted, [{ kind: 'response', id: 1, method: 'getInitialState', error: 'document closed' }]);
  await receive({ kind: 'command', method: 'createTemplate', params: {} });
  assert.ok(lines.some((l) => l.startsWith('error Image template editor: command createTemplate failed')));
});
