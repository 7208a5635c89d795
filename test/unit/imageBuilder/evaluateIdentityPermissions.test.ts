import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateIdentityPermissions, templateIdentityId } from '../../../src/core/imageBuilder/evaluateIdentityPermissions.ts';
import type { PermissionNeed } from '../../../src/core/imageBuilder/explainIdentityPermissions.ts';

const SUB = '/subscriptions/11111111-2222-3333-4444-555555555555';
const RG = `${SUB}/resourceGroups/images`;
const GALLERY = `${RG}/providers/Microsoft.Compute/galleries/g`;
const PRINCIPAL = 'aaaaaaaa-0000-0000-0000-000000000001';
const publish: PermissionNeed = { scope: GALLERY, reason: 'publish', actions: ['Microsoft.Compute/galleries/read', 'Microsoft.Compute/galleries/images/versions/write'] };
const readSource: PermissionNeed = { scope: `${RG}/providers/Microsoft.Compute/galleries/src`, reason: 'read', actions: ['Microsoft.Compute/galleries/images/versions/read'] };
const storage: PermissionNeed = { scope: 'storage account scripts', reason: 'download', actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'] };
const role = (id: string, actions: string[], notActions: string[] = []) => ({ name: id, roleName: id, permissions: [{ actions, notActions }] });
const assign = (scope: string, roleId: string, extra: Record<string, string> = {}) => ({ scope, roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${roleId}`, principalId: PRINCIPAL, ...extra });

test('nothing assigned: every ARM scope is missing, with Reader for read-only needs and Contributor for writes', () => {
  const gaps = evaluateIdentityPermissions({ needs: [publish, readSource, storage], principalId: PRINCIPAL, roleAssignments: [], roleDefinitions: [] });
  assert.deepEqual(gaps.map((g) => [g.need.reason, g.role.name, g.missingActions.length]), [['publish', 'Contributor', 2], ['read', 'Reader', 1]]);
});

test('an assignment above the scope counts; notActions, other principals, conditions and unrelated scopes do not', () => {
  const definitions = [role('all', ['*']), role('noWrite', ['*'], ['Microsoft.Compute/galleries/images/versions/write']), role('reader', ['*/read'])];
  const covered = evaluateIdentityPermissions({ needs: [publish, readSource], principalId: PRINCIPAL, roleAssignments: [assign(SUB, 'all')], roleDefinitions: definitions });
  assert.deepEqual(covered, []);
  const partly = evaluateIdentityPermissions({
    needs: [publish], principalId: PRINCIPAL, roleDefinitions: definitions,
    roleAssignments: [assign(RG, 'noWrite'), assign(GALLERY, 'all', { principalId: 'someone-else' }), assign(GALLERY, 'all', { condition: '@Resource[x] == y' }), assign(`${SUB}/resourceGroups/other`, 'all')],
  });
  assert.deepEqual(partly.map((g) => g.missingActions), [['Microsoft.Compute/galleries/images/versions/write']]);
  assert.deepEqual(evaluateIdentityPermissions({ needs: [readSource], principalId: PRINCIPAL, roleAssignments: [assign(RG, 'reader')], roleDefinitions: definitions }), []);
});

test('the template\'s identity is its first user-assigned identity id', () => {
  const id = `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib`;
  assert.equal(templateIdentityId({ identity: { type: 'UserAssigned', userAssignedIdentities: { [id]: {} } } }), id);
  assert.equal(templateIdentityId({ identity: { type: 'UserAssigned', userAssignedIdentities: { '<identityId>': {} } } }), undefined);
  assert.equal(templateIdentityId({}), undefined);
});
