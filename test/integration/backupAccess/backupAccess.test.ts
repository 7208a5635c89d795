import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AzureCliCredential } from '@azure/identity';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import { createGraphClient } from '../../../src/azure/graph/createGraphClient.ts';
import { graphConnectionFor } from '../../../src/azure/graph/graphConnectionFor.ts';
import { lookupBackupManagementService, readSignedInUserType } from '../../../src/azure/graph/lookupBackupManagementService.ts';
import { executeBackupAccessSteps } from '../../../src/azure/keyVaultAccess/executeBackupAccessSteps.ts';
import { planBackupAccessForVault, type VaultAccessRequest } from '../../../src/azure/keyVaultAccess/planBackupAccessForVault.ts';
import { readVmEncryptionSources } from '../../../src/azure/keyVaultAccess/readVmEncryptionSources.ts';
import { parseObjectId } from '../../../src/features/backupAccess/parseObjectId.ts';
import { BACKUP_CUSTOM_ROLE_DEFAULT_NAME, BACKUP_KEY_VAULT_DATA_ACTIONS, KEY_VAULT_ADMINISTRATOR_ROLE_ID } from '../../../src/core/backupAccess/backupAccessConstants.ts';
import { findEncryptionKeyVaults, vaultKeyUsage } from '../../../src/core/backupAccess/findEncryptionKeyVaults.ts';
import { resolveCloudEndpoints } from '../../../src/core/cloud/resolveCloudEndpoints.ts';
import { describeAzureError, formatAzureError } from '../../../src/core/errors/describeAzureError.ts';
import { isCustomRoleCreationDenied } from '../../../src/core/backupAccess/isCustomRoleCreationDenied.ts';
import { CONTOSO_BACKUP_MANAGEMENT_SERVICE_OBJECT_ID, CONTOSO_TENANT, FABRIKAM_TENANT, USER_OBJECT_ID } from '../../azure-local/fixtures/default.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import {
  ACCESS_POLICY_VAULT_ID, BEK_VM_ID, KEK_VM_ID, RBAC_VAULT_ID, RBAC_VM_ID, SECOND_RBAC_VAULT_ID, backupAccessFixture,
} from './backupAccessFixture.ts';

// The extension's own backup-access code (Graph lookup, vault finder, planner, SDK adapters) against the local
// Azure: what the vault's access policies and role assignments hold before and after, and that a second run
// changes nothing.

let local: LocalAzure;
let prod: SubscriptionSession;
const originalPath = process.env.PATH;
const BMS = CONTOSO_BACKUP_MANAGEMENT_SERVICE_OBJECT_ID;

// Every test starts from the fixture as it is (a local Azure of its own), so none depends on what another granted
// and they can run in any order or alone.
beforeEach(async () => {
  local = await startLocalAzure({ fixture: backupAccessFixture() });
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  const resolution = resolveCloudEndpoints({
    cloud: 'Custom',
    customCloud: { resourceManagerEndpoint: local.armEndpoint, tokenAudience: local.tokenAudience, caCertificateFile: local.caCertFile, microsoftGraphEndpoint: local.graphEndpoint, microsoftGraphTokenAudience: local.graphTokenAudience },
  });
  assert.ok(resolution.ok);
  const listing = await listAzureCliSubscriptions(resolution.cloud, azureCliCredentials());
  prod = listing.subscriptions.find((s) => s.name === 'Contoso Production')!;
});

afterEach(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

const changingCalls = () => local.state.requestLog.filter((r) => r.method !== 'GET');
const accessPolicies = (vaultId: string) => structuredClone(local.state.get('vaults', vaultId)!.resource.properties!.accessPolicies) as Array<{ objectId: string; permissions: Record<string, string[]> }>;
const assignmentsOn = (vaultId: string) => local.state.all('roleAssignments').map((r) => r.resource).filter((a) => String(a.properties?.scope).toLowerCase() === vaultId.toLowerCase());

/** What the command does for one VM: find its vaults, plan each, apply the steps. */
async function grantForVm(vmId: string, principal: string, choice: Partial<VaultAccessRequest> = {}) {
  const sources = await readVmEncryptionSources(prod, vmId);
  const found = findEncryptionKeyVaults({ vm: sources.vm, disks: sources.disks });
  const results = [];
  for (const use of found.vaults) {
    const { plan } = await planBackupAccessForVault(prod, { vaultId: use.vaultId!, keyUsage: vaultKeyUsage(use), principalObjectId: principal, ...choice });
    const done = await executeBackupAccessSteps(prod, plan.steps);
    results.push({ use, plan, done });
  }
  return { found, results };
}

async function graphClient(tenantId = CONTOSO_TENANT) {
  const connection = graphConnectionFor(prod.cloud, new AzureCliCredential({ tenantId }));
  assert.ok(connection, 'the custom cloud has a Graph endpoint');
  return createGraphClient(connection);
}

test('Graph gives the Backup Management Service object id of the signed-in tenant, and the user is a member there', async () => {
  const client = await graphClient();
  assert.deepEqual(await lookupBackupManagementService(client), { kind: 'found', objectId: BMS, displayName: 'Backup Management Service' });
  assert.equal(await readSignedInUserType(client), 'Member');
  const fabrikam = await graphClient(FABRIKAM_TENANT);
  const there = await lookupBackupManagementService(fabrikam);
  assert.equal(there.kind === 'found' && there.objectId !== BMS, true, 'the object id differs per tenant');
  assert.equal(await readSignedInUserType(fabrikam), 'Guest');
});

test('access-policy vault, BEK + KEK: adds keys and secrets get/list/backup for Azure Backup; a second run changes nothing', async () => {
  const before = accessPolicies(ACCESS_POLICY_VAULT_ID);
  assert.equal(before.some((p) => p.objectId === BMS), false);
  const first = await grantForVm(KEK_VM_ID, BMS);
  assert.equal(first.found.keyKind, 'bekAndKek');
  assert.deepEqual(first.results.map((r) => r.done.map((s) => s.kind)), [['addAccessPolicyPermissions']]);

  const after1 = accessPolicies(ACCESS_POLICY_VAULT_ID);
  const entry = after1.find((p) => p.objectId === BMS)!;
  assert.deepEqual(entry.permissions.keys, ['get', 'list', 'backup']);
  assert.deepEqual(entry.permissions.secrets, ['get', 'list', 'backup']);
  assert.deepEqual(after1.find((p) => p.objectId === USER_OBJECT_ID), before.find((p) => p.objectId === USER_OBJECT_ID), 'the user\'s own entry is untouched');

  local.state.requestLog.length = 0;
  const second = await grantForVm(KEK_VM_ID, BMS);
  assert.equal(second.results[0].plan.alreadyGranted, true);
  assert.deepEqual(second.results[0].plan.steps, []);
  assert.deepEqual(changingCalls(), [], 'the second run only reads');
  assert.deepEqual(accessPolicies(ACCESS_POLICY_VAULT_ID), after1);
});

test('access-policy vault, partly granted and BEK only: only the missing secret permissions are added, keys stay as they were', async () => {
  // Another principal-pasted scenario: an entry that already has secrets get (and a key permission someone gave it).
  const vault = local.state.get('vaults', ACCESS_POLICY_VAULT_ID)!.resource.properties!;
  const principal = 'c0ffee00-1111-4222-8333-444455556666';
  local.state.servicePrincipals.push({ tenantId: CONTOSO_TENANT, id: principal, appId: 'aaaaaaaa-0000-0000-0000-000000000001', displayName: 'Other' });
  vault.accessPolicies.push({ tenantId: CONTOSO_TENANT, objectId: principal, permissions: { keys: ['get'], secrets: ['Get'] } });
  const { plan } = await planBackupAccessForVault(prod, { vaultId: ACCESS_POLICY_VAULT_ID, keyUsage: 'bekOnly', principalObjectId: principal });
  assert.deepEqual(plan.steps.map((s) => (s.kind === 'addAccessPolicyPermissions' ? s.entry.permissions : undefined)), [{ keys: [], secrets: ['list', 'backup'] }]);
  assert.deepEqual(plan.diff.lines.filter((l) => l.change === 'added').map((l) => l.text), ['Secret permissions: list, backup']);
  await executeBackupAccessSteps(prod, plan.steps);
  const entry = accessPolicies(ACCESS_POLICY_VAULT_ID).find((p) => p.objectId === principal)!;
  assert.deepEqual(entry.permissions, { keys: ['get'], secrets: ['Get', 'list', 'backup'] });
});

test('RBAC vault, least privilege: the custom role with the five data actions is created once and assigned at the vault; re-run and a second vault reuse it', async () => {
  assert.deepEqual(assignmentsOn(RBAC_VAULT_ID), []);
  const first = await grantForVm(RBAC_VM_ID, BMS);
  assert.equal(first.found.keyKind, 'bekOnly');
  assert.deepEqual(first.results[0].done.map((s) => s.kind), ['createCustomRoleDefinition', 'createRoleAssignment']);
  const custom = local.state.all('roleDefinitions').filter((r) => r.resource.properties?.roleName === BACKUP_CUSTOM_ROLE_DEFAULT_NAME);
  assert.equal(custom.length, 1);
  assert.deepEqual(custom[0].resource.properties!.permissions, [{ actions: [], notActions: [], dataActions: [...BACKUP_KEY_VAULT_DATA_ACTIONS], notDataActions: [] }]);
  const [assignment] = assignmentsOn(RBAC_VAULT_ID);
  assert.equal(assignment.properties!.principalId, BMS);
  assert.equal(assignment.properties!.principalType, 'ServicePrincipal');
  assert.match(String(assignment.properties!.roleDefinitionId), new RegExp(`${custom[0].resource.name}$`));

  local.state.requestLog.length = 0;
  const again = await grantForVm(RBAC_VM_ID, BMS);
  assert.equal(again.results[0].plan.alreadyGranted, true);
  assert.deepEqual(changingCalls(), [], 'already in place: nothing is written');

  const second = await grantForVm(BEK_VM_ID, BMS);
  assert.deepEqual(second.results.map((r) => r.use.vaultId?.toLowerCase()), [SECOND_RBAC_VAULT_ID.toLowerCase()]);
  assert.deepEqual(second.results[0].done.map((s) => s.kind), ['createRoleAssignment'], 'the existing custom role is reused');
  assert.equal(local.state.all('roleDefinitions').filter((r) => r.resource.properties?.roleName === BACKUP_CUSTOM_ROLE_DEFAULT_NAME).length, 1);
  assert.equal(assignmentsOn(SECOND_RBAC_VAULT_ID).length, 1);
});

test('RBAC vault, Key Vault Administrator chosen: one assignment of the built-in role, nothing created', async () => {
  const vaultId = SECOND_RBAC_VAULT_ID;
  const principal = 'd00dfeed-2222-4333-8444-555566667777';
  local.state.servicePrincipals.push({ tenantId: CONTOSO_TENANT, id: principal, appId: 'aaaaaaaa-0000-0000-0000-000000000002', displayName: 'Other RBAC' });
  const { plan } = await planBackupAccessForVault(prod, { vaultId, keyUsage: 'bekAndKek', principalObjectId: principal, rbacRole: 'keyVaultAdministrator' });
  assert.deepEqual(plan.steps.map((s) => s.kind), ['createRoleAssignment']);
  assert.ok(plan.findings.some((f) => f.rule === 'access.keyVaultAdministratorIsBroad'));
  await executeBackupAccessSteps(prod, plan.steps);
  const mine = assignmentsOn(vaultId).filter((a) => a.properties?.principalId === principal);
  assert.equal(mine.length, 1);
  assert.match(String(mine[0].properties!.roleDefinitionId), new RegExp(`${KEY_VAULT_ADMINISTRATOR_ROLE_ID}$`));
  const again = await planBackupAccessForVault(prod, { vaultId, keyUsage: 'bekAndKek', principalObjectId: principal, rbacRole: 'keyVaultAdministrator' });
  assert.equal(again.plan.alreadyGranted, true);
});

test('Graph unavailable (restricted tenant): the lookup says denied, and a pasted object id is granted on the vault', async () => {
  local.faults.add({ route: 'graph.servicePrincipalByAppId', status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
  const lookup = await lookupBackupManagementService(await graphClient());
  assert.equal(lookup.kind, 'unavailable');
  assert.equal(lookup.kind === 'unavailable' && lookup.reason, 'denied');
  assert.match(lookup.kind === 'unavailable' ? lookup.detail : '', /Insufficient privileges/);

  // The user pastes the object id from the portal's Enterprise applications page, braces and all: the input box
  // keeps what parseObjectId accepts, and that id is planned and granted like one from Graph.
  assert.equal(parseObjectId('f40e18f0-6544-45c2-9d24'), undefined, 'a cut-off id is refused');
  const pasted = parseObjectId(` "{${BMS.toUpperCase()}}" `)!;
  assert.equal(pasted, BMS);
  assert.equal(accessPolicies(ACCESS_POLICY_VAULT_ID).some((p) => p.objectId === BMS), false, 'nothing granted before');
  const { plan } = await planBackupAccessForVault(prod, { vaultId: ACCESS_POLICY_VAULT_ID, keyUsage: 'bekAndKek', principalObjectId: pasted });
  assert.deepEqual(plan.steps.map((s) => s.kind), ['addAccessPolicyPermissions']);
  await executeBackupAccessSteps(prod, plan.steps);
  const entry = accessPolicies(ACCESS_POLICY_VAULT_ID).find((p) => p.objectId === BMS)!;
  assert.deepEqual(entry.permissions, { keys: ['get', 'list', 'backup'], secrets: ['get', 'list', 'backup'] });
  const again = await planBackupAccessForVault(prod, { vaultId: ACCESS_POLICY_VAULT_ID, keyUsage: 'bekAndKek', principalObjectId: BMS.toUpperCase() });
  assert.equal(again.plan.alreadyGranted, true, 'the id is matched case-insensitively');
});

test('a pasted id that is no principal of the directory: ARM refuses the role assignment with its own sentence', async () => {
  const { plan } = await planBackupAccessForVault(prod, { vaultId: RBAC_VAULT_ID, keyUsage: 'bekOnly', principalObjectId: '00000000-0000-4000-8000-000000000abc' });
  assert.deepEqual(plan.steps.map((s) => s.kind), ['createCustomRoleDefinition', 'createRoleAssignment']);
  await assert.rejects(executeBackupAccessSteps(prod, plan.steps), (error) => {
    assert.match(formatAzureError(error), /PrincipalNotFound.*does not exist in the directory/);
    return true;
  });
});

test('no right to create role definitions: ARM\'s 403 on the custom role is recognised, and Key Vault Administrator is granted instead', async () => {
  local.faults.add({ route: 'roleDefinitions.createOrUpdate', status: 403, code: 'AuthorizationFailed', message: "The client does not have authorization to perform action 'Microsoft.Authorization/roleDefinitions/write'." });
  const { plan } = await planBackupAccessForVault(prod, { vaultId: RBAC_VAULT_ID, keyUsage: 'bekOnly', principalObjectId: BMS });
  assert.deepEqual(plan.steps.map((s) => s.kind), ['createCustomRoleDefinition', 'createRoleAssignment']);
  const error = await executeBackupAccessSteps(prod, plan.steps).then(() => undefined, (e: unknown) => e);
  assert.ok(error, 'the role definition write is refused');
  assert.equal(isCustomRoleCreationDenied(plan.steps[0], describeAzureError(error)), true);
  assert.deepEqual(assignmentsOn(RBAC_VAULT_ID), [], 'nothing was assigned after the refusal');

  const fallback = await planBackupAccessForVault(prod, { vaultId: RBAC_VAULT_ID, keyUsage: 'bekOnly', principalObjectId: BMS, rbacRole: 'keyVaultAdministrator' });
  assert.deepEqual(fallback.plan.steps.map((s) => s.kind), ['createRoleAssignment']);
  await executeBackupAccessSteps(prod, fallback.plan.steps);
  const [assignment] = assignmentsOn(RBAC_VAULT_ID);
  assert.match(String(assignment.properties!.roleDefinitionId), new RegExp(`${KEY_VAULT_ADMINISTRATOR_ROLE_ID}$`));
  const verify = await planBackupAccessForVault(prod, { vaultId: RBAC_VAULT_ID, keyUsage: 'bekOnly', principalObjectId: BMS });
  assert.equal(verify.plan.alreadyGranted, true, 'the default (least-privilege) plan counts Key Vault Administrator as enough');
});
