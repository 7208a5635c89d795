import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_ERROR_MESSAGES } from '../../../src/core/imageTemplate/schemaErrorMessageTexts.ts';

const root = join(import.meta.dirname, '../../..');

function errorMessagesOf(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) errorMessagesOf(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'errorMessage' && typeof value === 'string') found.add(value);
      else errorMessagesOf(value, found);
    }
  }
  return found;
}

test('every errorMessage of the schema is listed for translation, and nothing else', () => {
  const schema = JSON.parse(readFileSync(join(root, 'src/core/imageTemplate/imageTemplate.schema.json'), 'utf8'));
  assert.deepEqual([...SCHEMA_ERROR_MESSAGES].sort(), [...errorMessagesOf(schema, new Set())].sort());
});

test('each has Japanese, so a schema finding reads in Japanese in the Problems panel and the form', () => {
  const ja = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(SCHEMA_ERROR_MESSAGES.filter((m) => typeof ja[m] !== 'string'), []);
});
