import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planBackupKeyVaultAccess } from '../../../src/core/backupAccess/planBackupKeyVaultAccess.ts';
import { backupAccessFinding } from '../../../src/core/backupAccess/backupAccessText.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { fillNamed } from '../../../src/features/backupAccess/localizeBackupAccessText.ts';
import { renderBackupAccessReport } from '../../../src/features/backupAccess/renderBackupAccessReport.ts';
import { isCustomRoleCreationDenied } from '../../../src/core/backupAccess/isCustomRoleCreationDenied.ts';
import { accessPolicyVault, BACKUP_OID, rbacVault, TENANT } from '../backupAccess/backupAccessFixtures.ts';

// The document the user reads before confirming: what changes (as a diff), what runs, and the article's notes,
// in the user's language, rendered from the core's plan without VS Code.

const english = { t: formatMessage, named: fillNamed };
const ja = JSON.parse(readFileSync(join(import.meta.dirname, '../../../l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
const japanese = {
  t: (m: string, ...args: Array<string | number | boolean>) => formatMessage(ja[m] ?? m, ...args),
  named: (m: string, params: Record<string, string>) => fillNamed(ja[m] ?? m, params),
};
const principal = { objectId: BACKUP_OID, resolvedBy: 'graph' as const };

test('access-policy vault, BEK + KEK, nothing granted: before → after as a diff and one step', () => {
  const plan = planBackupKeyVaultAccess({ vault: accessPolicyVault(), keyUsage: 'bekAndKek', backupPrincipal: { objectId: BACKUP_OID } });
  const text = renderBackupAccessReport({ vmName: 'vm1', principal, plans: [plan], findings: [] }, english);
  assert.match(text, /## Key vault kv-ade \(Access policies\)/);
  assert.match(text, /```diff\n  Access policy of the Backup Management Service\n- Key permissions: \(none\)\n\+ Key permissions: get, list, backup\n- Secret permissions: \(none\)\n\+ Secret permissions: get, list, backup\n```/);
  assert.match(text, /- Grant Backup Management Service on key vault kv-ade: keys get, list, backup; secrets get, list, backup/);
  assert.doesNotMatch(text, /Already in place/);
});

test('partly granted BEK-only vault: unchanged key line, only the secrets change', () => {
  const vault = accessPolicyVault([{ tenantId: TENANT, objectId: BACKUP_OID, permissions: { keys: ['get'], secrets: ['get'] } }]);
  const plan = planBackupKeyVaultAccess({ vault, keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID } });
  const text = renderBackupAccessReport({ principal, plans: [plan], findings: [] }, english);
  assert.match(text, /\n  Key permissions: get\n- Secret permissions: get\n\+ Secret permissions: get, list, backup\n/);
});

test('already granted: the document says so and lists no step', () => {
  const vault = accessPolicyVault([{ tenantId: TENANT, objectId: BACKUP_OID, permissions: { keys: ['all'], secrets: ['get', 'list', 'backup'] } }]);
  const plan = planBackupKeyVaultAccess({ vault, keyUsage: 'bekAndKek', backupPrincipal: { objectId: BACKUP_OID } });
  const text = renderBackupAccessReport({ principal, plans: [plan], findings: [] }, english);
  assert.match(text, /## Result\n\nAlready in place: nothing to change\./);
  assert.doesNotMatch(text, /^- Grant/m);
});

test('RBAC vault, least privilege: the added role assignment is a + line; the custom role step comes first', () => {
  const plan = planBackupKeyVaultAccess({ vault: rbacVault(), keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID } });
  const text = renderBackupAccessReport({ principal: { ...principal, resolvedBy: 'pasted' }, plans: [plan], findings: [] }, english);
  assert.match(text, /entered by you/);
  assert.match(text, /  Role assignments of the Backup Management Service\n  \(none\)\n\+ Azure Backup Key Vault Reader \(ADE\) at \/subscriptions\/.*\/vaults\/kv-ade\n/);
  const steps = text.split('\n').filter((l) => l.startsWith('- Create custom role') || l.startsWith('- Assign role'));
  assert.equal(steps.length, 2);
  assert.match(steps[0], /^- Create custom role/);
});

test('the custom role is described before it exists: the article\'s five data actions, in its order, and its assignable scope', () => {
  const plan = planBackupKeyVaultAccess({ vault: rbacVault(), keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID } });
  const text = renderBackupAccessReport({ principal, plans: [plan], findings: [] }, english);
  const block = text.slice(text.indexOf('- Create custom role'), text.indexOf('- Assign role'));
  assert.deepEqual([...block.matchAll(/^  - `([^`]+)`$/gm)].map((m) => m[1]), [
    'Microsoft.KeyVault/vaults/keys/backup/action',
    'Microsoft.KeyVault/vaults/secrets/backup/action',
    'Microsoft.KeyVault/vaults/secrets/getSecret/action',
    'Microsoft.KeyVault/vaults/keys/read',
    'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
  ]);
  assert.match(block, /^  Assignable scopes: \/subscriptions\/11111111-2222-3333-4444-555555555555$/m);
  const withAdministrator = planBackupKeyVaultAccess({ vault: rbacVault(), keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID }, rbacRole: 'keyVaultAdministrator' });
  assert.doesNotMatch(renderBackupAccessReport({ principal, plans: [withAdministrator], findings: [] }, english), /Data actions:/, 'nothing to create, nothing to list');
});

test('a denied role-definition write is recognised only on the custom role step', () => {
  const plan = planBackupKeyVaultAccess({ vault: rbacVault(), keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID } });
  const [create, assign] = plan.steps;
  assert.equal(isCustomRoleCreationDenied(create, { statusCode: 403, code: 'AuthorizationFailed' }), true);
  assert.equal(isCustomRoleCreationDenied(create, { code: 'AuthorizationFailed' }), true);
  assert.equal(isCustomRoleCreationDenied(create, { statusCode: 400, code: 'RoleDefinitionWithSameNameExists' }), false);
  assert.equal(isCustomRoleCreationDenied(assign, { statusCode: 403, code: 'AuthorizationFailed' }), false, 'a denied assignment is not solved by another role');
});

test('the article\'s findings and the plan read in Japanese, placeholders filled', () => {
  const plan = planBackupKeyVaultAccess({ vault: accessPolicyVault(), keyUsage: 'bekAndKek', backupPrincipal: { objectId: BACKUP_OID } });
  const findings = [backupAccessFinding('backup.guestUser', 'warning'), backupAccessFinding('backup.entraIdDataAccessDisk', 'error', { disk: 'disk-01' })];
  const text = renderBackupAccessReport({ vmName: 'vm1', principal, plans: [plan], findings }, japanese);
  assert.match(text, /# 暗号化キーへの Azure Backup のアクセス/);
  assert.match(text, /\+ キーのアクセス許可: get, list, backup/);
  assert.match(text, /- キー コンテナー kv-ade でバックアップ管理サービスに許可: keys get, list, backup; secrets get, list, backup/);
  assert.match(text, /⚠️ ゲスト ユーザーとしてサインインしています/);
  assert.match(text, /⛔ ディスク disk-01 のデータ アクセスには Microsoft Entra ID による承認が必要です/);
  assert.doesNotMatch(text, /\{\w+\}/, 'no placeholder left unfilled');
});

test('after applying: the result section says how many changes and that reading back found nothing missing', () => {
  const vault = accessPolicyVault([{ tenantId: TENANT, objectId: BACKUP_OID, permissions: { keys: ['get', 'list', 'backup'], secrets: ['get', 'list', 'backup'] } }]);
  const plan = planBackupKeyVaultAccess({ vault, keyUsage: 'bekAndKek', backupPrincipal: { objectId: BACKUP_OID } });
  const text = renderBackupAccessReport({ principal, plans: [plan], findings: [], outcome: { applied: 1, verified: true } }, english);
  assert.match(text, /## Result\n\n1 change\(s\) applied\. Read back from Azure: Azure Backup now has the access it needs\./);
});

test('from a key vault node the key usage is said to be the template\'s default; a vault of another tenant names its own principal', () => {
  const plan = planBackupKeyVaultAccess({ vault: accessPolicyVault(), keyUsage: 'bekAndKek', backupPrincipal: { objectId: BACKUP_OID } });
  const fromVault = renderBackupAccessReport({ principal, plans: [plan], findings: [] }, english);
  assert.match(fromVault, /Planned for: BEK \+ KEK \(secrets and keys\) \(the portal template's default/);
  assert.doesNotMatch(fromVault, /Keys used by this VM/);
  assert.match(renderBackupAccessReport({ vmName: 'vm1', principal, plans: [plan], findings: [] }, english), /Keys used by this VM: BEK \+ KEK/);
  const other = planBackupKeyVaultAccess({ vault: accessPolicyVault(), keyUsage: 'bekOnly', backupPrincipal: { objectId: 'dddddddd-0000-4000-8000-000000000001' } });
  assert.match(renderBackupAccessReport({ vmName: 'vm1', principal, plans: [plan, other], findings: [] }, english), /object ID in the tenant of this key vault: dddddddd-0000-4000-8000-000000000001/);
});
