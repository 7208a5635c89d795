import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The people this extension is for read the source articles in Japanese: every string the user can see must
// have a Japanese translation, and a translation nobody uses any more is a sign that a string changed.

const root = join(import.meta.dirname, '../../..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

// Core folders whose messages are not yet shown by any command (their features are being built). Remove a folder
// from this list when its feature reaches the user; the test then demands its translations.
const NOT_YET_USER_FACING = ([] as string[]).map((p) => join('src', p));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (NOT_YET_USER_FACING.some((folder) => path.endsWith(folder))) return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Literal first arguments of `vscode.l10n.t(...)`, of the core's injected `t(...)` and of `localizable(...)`, in
 * 'single', "double" or `backtick` quotes (a backtick literal with `${…}` in it is not a message key: the
 * translation could never match, so it is reported as such).
 */
export function messagesIn(text: string): string[] {
  const call = /(?:l10n\.t|\bt|\blocalizable)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)/g;
  return [...text.matchAll(call)].map((m) => unescape(m[1] ?? m[2] ?? m[3]));
}

function unescape(literal: string): string {
  return literal.replace(/\\(['"`\\])/g, '$1').replace(/\\n/g, '\n');
}

function usedMessages(): Set<string> {
  const used = new Set<string>();
  for (const file of sourceFiles(join(root, 'src'))) {
    for (const message of messagesIn(readFileSync(file, 'utf8'))) used.add(message);
  }
  return used;
}

test('messages are found in single, double and backtick quotes', () => {
  const source = [
    `vscode.l10n.t('It\\'s {0}', x);`,
    `vscode.l10n.t("Say \\"hi\\"");`,
    'vscode.l10n.t(`Back ${"tick"}`);',
    `localizable(  'Core')`,
    `t("from core {0}", 1)`,
    `format('not a message')`,
  ].join('\n');
  assert.deepEqual(messagesIn(source), ["It's {0}", 'Say "hi"', 'Back ${"tick"}', 'Core', 'from core {0}']);
});

test('no message is a template literal with ${…} in it (it could never match its translation)', () => {
  const dynamic = [...usedMessages()].filter((m) => m.includes('${'));
  assert.deepEqual(dynamic, [], 'use {0} placeholders and pass the values as arguments');
});

test('every runtime message has a Japanese translation with the same placeholders', () => {
  const ja = readJson('l10n/bundle.l10n.ja.json');
  const missing = [...usedMessages()].filter((m) => typeof ja[m] !== 'string');
  assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.ja.json');
  for (const [en, translated] of Object.entries(ja)) {
    const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    assert.equal(placeholders(String(translated)), placeholders(en), `placeholders differ for "${en}"`);
  }
});

test('no Japanese translation is left for a message the code no longer uses', () => {
  const used = usedMessages();
  const stale = Object.keys(readJson('l10n/bundle.l10n.ja.json')).filter((m) => !used.has(m));
  assert.deepEqual(stale, []);
});

test('every %key% in package.json exists in English and Japanese', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
  assert.ok(keys.length > 10, 'package.json should be localized');
  const en = readJson('package.nls.json');
  const ja = readJson('package.nls.ja.json');
  assert.deepEqual(keys.filter((k) => !(k in en)), [], 'missing in package.nls.json');
  assert.deepEqual(keys.filter((k) => !(k in ja)), [], 'missing in package.nls.ja.json');
  assert.deepEqual(Object.keys(en).sort(), Object.keys(ja).sort(), 'package.nls.json and package.nls.ja.json differ');
});
