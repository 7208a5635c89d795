// Every string the editor shows has a Japanese translation ready to merge into l10n/bundle.l10n.ja.json, and the page
// gets every string it needs from the host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_STRING_KEYS } from '../../../src/webview/pageStringKeys.ts';

const root = join(import.meta.dirname, '../../..');
const folders = ['src/features/imageTemplateEditor', 'src/webview', 'src/webview/page'];

function usedMessages(): Set<string> {
  const call = /(?:l10n\.t|\bt)\(\s*'((?:[^'\\]|\\.)*)'/g;
  const used = new Set<string>();
  for (const folder of folders) {
    for (const name of readdirSync(join(root, folder)).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(join(root, folder, name), 'utf8').matchAll(call)) used.add(m[1].replace(/\\'/g, "'"));
    }
  }
  return used;
}

test('every message of the editor has a Japanese translation with the same placeholders, and none is stale', () => {
  const ja = JSON.parse(readFileSync(join(root, 'src/features/imageTemplateEditor/l10n.ja.json'), 'utf8')) as Record<string, string>;
  const used = usedMessages();
  assert.deepEqual([...used].filter((m) => typeof ja[m] !== 'string'), []);
  assert.deepEqual(Object.keys(ja).filter((m) => !used.has(m)), []);
  const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
  for (const [en, translated] of Object.entries(ja)) assert.equal(holes(translated), holes(en), en);
});

test('the host provides every page string, and the page holds no English of its own', () => {
  const host = readFileSync(join(root, 'src/features/imageTemplateEditor/pageStrings.ts'), 'utf8');
  const provided = [...host.matchAll(/^\s+(\w+): t\('/gm)].map((m) => m[1]);
  assert.deepEqual([...provided].sort(), [...PAGE_STRING_KEYS].sort());
  const page = join(root, 'src/webview/page');
  for (const name of readdirSync(page).filter((n) => n.endsWith('.ts'))) {
    const code = readFileSync(join(page, name), 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
    // Text nodes come from `strings.*` / `s.*`: a capitalised English phrase in quotes would be a hard-coded label.
    assert.doesNotMatch(code, /h\([^)]*'[A-Z][a-z]+ [a-z]+[^']*'/, `${name} passes English text to the DOM`);
  }
});
