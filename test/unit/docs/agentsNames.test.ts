import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// AGENTS.md tells people which function to call, and where: a name that is not exported there sends them looking.
const root = join(import.meta.dirname, '../../..');

test('every `fn()` from `src/….ts` named in AGENTS.md is exported by that file', () => {
  const doc = readFileSync(join(root, 'AGENTS.md'), 'utf8');
  const references = [...doc.matchAll(/`(\w+)\(\)` from `(src\/[\w/.-]+\.ts)`/g)].map((m) => ({ name: m[1], file: m[2] }));
  assert.ok(references.length > 0, 'AGENTS.md names at least the redaction function');
  const missing = references.filter(({ name, file }) => !new RegExp(`export (async )?function ${name}\\b`).test(readFileSync(join(root, file), 'utf8')));
  assert.deepEqual(missing, []);
});
