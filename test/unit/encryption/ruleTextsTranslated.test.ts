// Every text a pre-flight rule can show (message, why, fix) reaches the user translated: the rule modules' exported
// *_MESSAGES objects are walked, so a text written without localizable() is caught even if no test renders it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const rulesDir = join(root, 'src/core/encryption/rules');
const ja = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

test('every message, why and fix of every ADE pre-flight rule has a Japanese translation', async () => {
  const missing: string[] = [];
  for (const file of readdirSync(rulesDir).filter((f) => f.endsWith('.ts'))) {
    const module = await import(join(rulesDir, file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!name.endsWith('_MESSAGES')) continue;
      for (const text of strings(value)) if (typeof ja[text] !== 'string') missing.push(`${file}: ${text}`);
    }
  }
  assert.deepEqual(missing, []);
});
