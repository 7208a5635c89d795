import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseObjectId } from '../../../src/features/backupAccess/parseObjectId.ts';

test('a pasted GUID is accepted with quotes, braces and spaces around it, lower-cased', () => {
  assert.equal(parseObjectId(' F40E18F0-6544-45C2-9D24-639A8BB3B41A '), 'f40e18f0-6544-45c2-9d24-639a8bb3b41a');
  assert.equal(parseObjectId('"{f40e18f0-6544-45c2-9d24-639a8bb3b41a}"'), 'f40e18f0-6544-45c2-9d24-639a8bb3b41a');
});

test('anything but one GUID is refused', () => {
  for (const text of ['', 'Backup Management Service', '262044b1-e2ce-469f-a196', 'f40e18f0654445c29d24639a8bb3b41a', 'f40e18f0-6544-45c2-9d24-639a8bb3b41g', 'a f40e18f0-6544-45c2-9d24-639a8bb3b41a']) {
    assert.equal(parseObjectId(text), undefined, text);
  }
});
