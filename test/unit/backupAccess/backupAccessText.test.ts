import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BACKUP_ACCESS_TEXT, backupAccessFinding } from '../../../src/core/backupAccess/backupAccessText.ts';
import { deterministicGuid } from '../../../src/core/backupAccess/deterministicGuid.ts';

test('a finding fills its template and keeps the params for the shell to localize', () => {
  const f = backupAccessFinding('access.policyLimitReached', 'error', { vault: 'kv1' });
  assert.equal(f.message, 'Key vault kv1 already has 1024 access policies, the maximum; no entry for Azure Backup can be added.');
  assert.deepEqual(f.params, { vault: 'kv1' });
  assert.equal(f.fix, BACKUP_ACCESS_TEXT['access.policyLimitReached'].fix);
});

test('every template placeholder is a plain {name} (the form vscode.l10n.t takes) and no text is Japanese', () => {
  for (const [rule, text] of Object.entries(BACKUP_ACCESS_TEXT)) {
    for (const s of Object.values(text) as string[]) {
      assert.ok(!/[\u3040-\u30ff\u4e00-\u9faf]/.test(s), rule);
      assert.ok(!/\{[^}]*[^\w}][^}]*\}/.test(s), `${rule}: ${s}`);
    }
  }
});

test('deterministic GUIDs: stable, case-insensitive in their inputs, distinct per input, RFC 4122 v5 shaped', () => {
  const a = deterministicGuid('x', '/subscriptions/S/resourceGroups/RG');
  assert.equal(a, deterministicGuid('x', '/subscriptions/s/resourcegroups/rg'));
  assert.notEqual(a, deterministicGuid('y', '/subscriptions/s/resourcegroups/rg'));
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
