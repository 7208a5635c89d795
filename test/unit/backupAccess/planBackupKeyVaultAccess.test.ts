import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planBackupKeyVaultAccess, type PlanBackupKeyVaultAccessInput } from '../../../src/core/backupAccess/planBackupKeyVaultAccess.ts';
import { applyBackupAccessSteps } from '../../../src/core/backupAccess/applyBackupAccessPlan.ts';
import { BACKUP_KEY_VAULT_DATA_ACTIONS, KEY_VAULT_ADMINISTRATOR_ROLE_ID } from '../../../src/core/backupAccess/backupAccessConstants.ts';
import type { AccessPolicyEntryLike, BackupKeyVaultAccessPlan, VaultKeyUsage } from '../../../src/core/backupAccess/backupAccessTypes.ts';
import {
  BACKUP_OID, EXISTING_CUSTOM_ROLE, EXISTING_CUSTOM_ROLE_ID, OWNER, OWNER_ROLE_ID, RG_ID, SECRETS_USER, SECRETS_USER_ROLE_ID, SUB, TENANT, VAULT_ID,
  accessPolicyVault, assignment, rbacVault,
} from './backupAccessFixtures.ts';

const GET_LIST_BACKUP = ['get', 'list', 'backup'];

/** Applies the plan to the model it was made from and plans again: must be empty (the "twice changes nothing"). */
function replan(input: PlanBackupKeyVaultAccessInput, plan: BackupKeyVaultAccessPlan): BackupKeyVaultAccessPlan {
  const after = applyBackupAccessSteps(
    { vault: input.vault, roleAssignments: [...(input.roleAssignments ?? [])], roleDefinitions: [...(input.roleDefinitions ?? [])] },
    plan.steps,
  );
  return planBackupKeyVaultAccess({ ...input, vault: after.vault, roleAssignments: after.roleAssignments, roleDefinitions: after.roleDefinitions });
}

function assertIdempotent(input: PlanBackupKeyVaultAccessInput, plan: BackupKeyVaultAccessPlan): void {
  const again = replan(input, plan);
  assert.deepEqual(again.steps, [], 'second run plans nothing');
  assert.equal(again.alreadyGranted, true);
}

function policy(keys: string[], secrets: string[], extra: Partial<AccessPolicyEntryLike> = {}): AccessPolicyEntryLike {
  return { tenantId: TENANT, objectId: BACKUP_OID, permissions: { keys, secrets, certificates: [] }, ...extra };
}

const other: AccessPolicyEntryLike = { tenantId: TENANT, objectId: '99999999-9999-4999-8999-999999999999', permissions: { keys: ['all'], secrets: ['all'] } };

describe('access-policy vault', () => {
  const cases: { usage: VaultKeyUsage; keys: string[]; secrets: string[] }[] = [
    { usage: 'bekOnly', keys: [], secrets: GET_LIST_BACKUP },
    { usage: 'bekAndKek', keys: GET_LIST_BACKUP, secrets: GET_LIST_BACKUP },
  ];
  for (const c of cases) {
    test(`${c.usage}, nothing granted: one 'add' step with exactly the template's permissions`, () => {
      const input = { vault: accessPolicyVault([other]), keyUsage: c.usage, backupPrincipal: { objectId: BACKUP_OID } };
      const plan = planBackupKeyVaultAccess(input);
      assert.equal(plan.permissionModel, 'accessPolicy');
      assert.equal(plan.alreadyGranted, false);
      assert.equal(plan.steps.length, 1);
      const step = plan.steps[0];
      assert.equal(step.kind, 'addAccessPolicyPermissions');
      if (step.kind !== 'addAccessPolicyPermissions') return;
      assert.equal(step.operationKind, 'add');
      assert.deepEqual(step.entry, { tenantId: TENANT, objectId: BACKUP_OID, permissions: { keys: c.keys, secrets: c.secrets } });
      assert.match(step.description, /kv-ade/);
      assert.deepEqual(plan.diff.kind === 'accessPolicy' && plan.diff.after, { keys: c.keys, secrets: c.secrets });
      assertIdempotent(input, plan);
    });

    test(`${c.usage}, partly granted (mixed case): adds only what is missing, keeps the rest`, () => {
      const input = { vault: accessPolicyVault([other, policy(['Get', 'Decrypt'], ['List'])]), keyUsage: c.usage, backupPrincipal: { objectId: BACKUP_OID.toUpperCase() } };
      const plan = planBackupKeyVaultAccess(input);
      const step = plan.steps[0];
      assert.ok(step && step.kind === 'addAccessPolicyPermissions');
      const wantKeys = c.keys.length ? ['list', 'backup'] : [];
      assert.deepEqual(step.entry.permissions, { keys: wantKeys, secrets: ['get', 'backup'] });
      assert.ok(plan.diff.kind === 'accessPolicy');
      assert.deepEqual(plan.diff.before, { keys: ['get', 'decrypt'], secrets: ['list'] });
      assert.deepEqual(plan.diff.after.secrets, ['list', 'get', 'backup']);
      const added = plan.diff.lines.filter((l) => l.change === 'added').map((l) => l.text);
      assert.ok(added.includes('Secret permissions: get, backup'), added.join('|'));
      assertIdempotent(input, plan);
    });

    test(`${c.usage}, fully granted: empty plan, already granted`, () => {
      for (const entry of [policy(c.keys, c.secrets), policy(['all'], ['all'])]) {
        const plan = planBackupKeyVaultAccess({ vault: accessPolicyVault([entry]), keyUsage: c.usage, backupPrincipal: { objectId: BACKUP_OID } });
        assert.deepEqual(plan.steps, []);
        assert.equal(plan.alreadyGranted, true);
        assert.equal(plan.findings[0].rule, 'access.alreadyGranted');
        assert.ok(plan.diff.lines.every((l) => l.change === 'unchanged'));
      }
    });
  }

  test('a BEK-only VM never gets key permissions, even when nothing is granted', () => {
    const plan = planBackupKeyVaultAccess({ vault: accessPolicyVault(), keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID } });
    const step = plan.steps[0];
    assert.ok(step.kind === 'addAccessPolicyPermissions');
    assert.deepEqual(step.entry.permissions.keys, []);
  });

  test('a vault holding only the KEK gets key permissions only', () => {
    const plan = planBackupKeyVaultAccess({ vault: accessPolicyVault(), keyUsage: 'kekOnly', backupPrincipal: { objectId: BACKUP_OID } });
    const step = plan.steps[0];
    assert.ok(step.kind === 'addAccessPolicyPermissions');
    assert.deepEqual(step.entry.permissions, { keys: GET_LIST_BACKUP, secrets: [] });
  });

  test('an entry bound to an application does not count, and is mentioned', () => {
    const compound = policy(GET_LIST_BACKUP, GET_LIST_BACKUP, { applicationId: '12121212-1212-4121-8121-121212121212' });
    const plan = planBackupKeyVaultAccess({ vault: accessPolicyVault([compound]), keyUsage: 'bekAndKek', backupPrincipal: { objectId: BACKUP_OID } });
    assert.equal(plan.steps.length, 1);
    assert.ok(plan.findings.some((f) => f.rule === 'access.compoundEntryIgnored'));
  });

  test('a principal resolved in another tenant blocks the plan', () => {
    const plan = planBackupKeyVaultAccess({ vault: accessPolicyVault(), keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID, tenantId: 'ffffffff-0000-4000-8000-000000000000' } });
    assert.deepEqual(plan.steps, []);
    assert.equal(plan.alreadyGranted, false);
    assert.equal(plan.findings[0].rule, 'access.tenantMismatch');
    assert.equal(plan.findings[0].severity, 'error');
  });

  test('a vault with 1024 policies and none for Backup cannot take a new entry', () => {
    const full = Array.from({ length: 1024 }, (_, i) => ({ ...other, objectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const plan = planBackupKeyVaultAccess({ vault: accessPolicyVault(full), keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID } });
    assert.deepEqual(plan.steps, []);
    assert.ok(plan.findings.some((f) => f.rule === 'access.policyLimitReached' && f.severity === 'error'));
  });
});

const KVA_ID = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${KEY_VAULT_ADMINISTRATOR_ROLE_ID}`;

describe('RBAC vault', () => {
  for (const usage of ['bekOnly', 'bekAndKek'] as const) {
    test(`${usage}, nothing granted, least privilege: create the custom role then assign it at the vault`, () => {
      const input: PlanBackupKeyVaultAccessInput = { vault: rbacVault(), keyUsage: usage, backupPrincipal: { objectId: BACKUP_OID }, roleAssignments: [], roleDefinitions: [OWNER] };
      const plan = planBackupKeyVaultAccess(input);
      assert.equal(plan.permissionModel, 'rbac');
      assert.deepEqual(plan.steps.map((s) => s.kind), ['createCustomRoleDefinition', 'createRoleAssignment']);
      const [create, assign] = plan.steps;
      assert.ok(create.kind === 'createCustomRoleDefinition' && assign.kind === 'createRoleAssignment');
      assert.equal(create.scope, `/subscriptions/${SUB}`);
      assert.deepEqual(create.roleDefinition.permissions[0].dataActions, [...BACKUP_KEY_VAULT_DATA_ACTIONS]);
      assert.deepEqual(create.roleDefinition.assignableScopes, [`/subscriptions/${SUB}`]);
      assert.equal(assign.scope, VAULT_ID);
      assert.equal(assign.roleDefinitionId, create.roleDefinitionId);
      assert.equal(assign.principalId, BACKUP_OID);
      assert.equal(assign.principalType, 'ServicePrincipal');
      assert.ok(plan.diff.kind === 'roleAssignments');
      assert.deepEqual(plan.diff.lines.map((l) => l.change), ['unchanged', 'added']);
      assertIdempotent(input, plan);
      // Same inputs, same GUIDs: a retry PUTs the same names instead of duplicating.
      assert.deepEqual(planBackupKeyVaultAccess(input).steps, plan.steps);
    });

    test(`${usage}, nothing granted, Key Vault Administrator: one assignment of 00482a5a… at the vault`, () => {
      const input: PlanBackupKeyVaultAccessInput = { vault: rbacVault(), keyUsage: usage, backupPrincipal: { objectId: BACKUP_OID }, rbacRole: 'keyVaultAdministrator' };
      const plan = planBackupKeyVaultAccess(input);
      assert.equal(plan.steps.length, 1);
      const step = plan.steps[0];
      assert.ok(step.kind === 'createRoleAssignment');
      assert.equal(step.roleDefinitionId, KVA_ID);
      assert.equal(step.scope, VAULT_ID);
      assert.ok(plan.findings.some((f) => f.rule === 'access.keyVaultAdministratorIsBroad'));
      assertIdempotent(input, plan);
    });

    test(`${usage}, partly granted (Secrets User at the vault, Owner on the subscription): still assigns, diff keeps them`, () => {
      const input: PlanBackupKeyVaultAccessInput = {
        vault: rbacVault(), keyUsage: usage, backupPrincipal: { objectId: BACKUP_OID },
        roleAssignments: [assignment(VAULT_ID, SECRETS_USER_ROLE_ID), assignment(`/subscriptions/${SUB}`, OWNER_ROLE_ID)],
        roleDefinitions: [SECRETS_USER, OWNER],
      };
      const plan = planBackupKeyVaultAccess(input);
      assert.deepEqual(plan.steps.map((s) => s.kind), ['createCustomRoleDefinition', 'createRoleAssignment']);
      assert.ok(plan.diff.kind === 'roleAssignments');
      assert.deepEqual(plan.diff.before.map((b) => [b.roleName, b.grantedBackupDataActions.length]), [['Key Vault Secrets User', 2], ['Owner', 0]]);
      assert.equal(plan.diff.after.length, 3);
      assertIdempotent(input, plan);
    });

    test(`${usage}, partly granted (the custom role exists, unassigned): reuses it, one assignment`, () => {
      const input: PlanBackupKeyVaultAccessInput = { vault: rbacVault(), keyUsage: usage, backupPrincipal: { objectId: BACKUP_OID }, roleAssignments: [], roleDefinitions: [OWNER, EXISTING_CUSTOM_ROLE] };
      const plan = planBackupKeyVaultAccess(input);
      assert.equal(plan.steps.length, 1);
      const step = plan.steps[0];
      assert.ok(step.kind === 'createRoleAssignment');
      assert.equal(step.roleDefinitionId, `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${EXISTING_CUSTOM_ROLE_ID}`);
      assert.equal(step.roleName, 'Backup KV reader');
      assertIdempotent(input, plan);
    });

    test(`${usage}, fully granted at the vault: nothing to do, no inherited-scope note`, () => {
      const plan = planBackupKeyVaultAccess({
        vault: rbacVault(), keyUsage: usage, backupPrincipal: { objectId: BACKUP_OID },
        roleAssignments: [assignment(VAULT_ID, EXISTING_CUSTOM_ROLE_ID)], roleDefinitions: [EXISTING_CUSTOM_ROLE],
      });
      assert.deepEqual(plan.steps, []);
      assert.equal(plan.alreadyGranted, true);
      assert.ok(!plan.findings.some((f) => f.rule === 'access.coveredAtHigherScope'));
    });

    test(`${usage}, fully granted by Key Vault Administrator on the resource group: nothing to do, says where it comes from`, () => {
      const plan = planBackupKeyVaultAccess({
        vault: rbacVault(), keyUsage: usage, backupPrincipal: { objectId: BACKUP_OID },
        // No definitions passed: the built-in Key Vault Administrator is known to the core.
        roleAssignments: [assignment(RG_ID, KEY_VAULT_ADMINISTRATOR_ROLE_ID)], roleDefinitions: [],
      });
      assert.deepEqual(plan.steps, []);
      assert.equal(plan.alreadyGranted, true);
      const note = plan.findings.find((f) => f.rule === 'access.coveredAtHigherScope');
      assert.ok(note);
      assert.equal(note.params?.scope, RG_ID);
      assert.equal(note.params?.roleName, 'Key Vault Administrator');
    });
  }

  test('a custom-role name already used by a role with other permissions blocks the plan', () => {
    const clash = { ...SECRETS_USER, name: 'abcdabcd-0000-4000-8000-000000000000', roleName: 'Azure Backup Key Vault Reader (ADE)', roleType: 'CustomRole' };
    const plan = planBackupKeyVaultAccess({ vault: rbacVault(), keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID }, roleDefinitions: [clash] });
    assert.deepEqual(plan.steps, []);
    assert.equal(plan.alreadyGranted, false);
    assert.ok(plan.findings.some((f) => f.rule === 'access.customRoleNameTaken' && f.severity === 'error'));
  });

  test('the custom role can be made assignable in the vault\'s resource group only', () => {
    const plan = planBackupKeyVaultAccess({ vault: rbacVault(), keyUsage: 'bekAndKek', backupPrincipal: { objectId: BACKUP_OID }, customRoleAssignableScope: 'resourceGroup' });
    const create = plan.steps[0];
    assert.ok(create.kind === 'createCustomRoleDefinition');
    assert.deepEqual(create.roleDefinition.assignableScopes, [RG_ID]);
    assert.equal(create.scope, RG_ID);
  });

  test('a conditional assignment or another principal\'s assignment does not count', () => {
    const plan = planBackupKeyVaultAccess({
      vault: rbacVault(), keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID },
      roleAssignments: [
        assignment(VAULT_ID, KEY_VAULT_ADMINISTRATOR_ROLE_ID, { condition: "@Resource[...] StringEquals 'x'", conditionVersion: '2.0' }),
        assignment(VAULT_ID, KEY_VAULT_ADMINISTRATOR_ROLE_ID, { principalId: '77777777-7777-4777-8777-777777777777' }),
      ],
    });
    assert.equal(plan.steps.length, 2);
    assert.ok(plan.findings.some((f) => f.rule === 'access.conditionalAssignmentIgnored'));
  });

  test('leftover access policies on an RBAC vault are reported as ignored', () => {
    const vault = rbacVault();
    vault.properties.accessPolicies = [policy(GET_LIST_BACKUP, GET_LIST_BACKUP)];
    const plan = planBackupKeyVaultAccess({ vault, keyUsage: 'bekOnly', backupPrincipal: { objectId: BACKUP_OID } });
    assert.equal(plan.steps.length, 2);
    assert.ok(plan.findings.some((f) => f.rule === 'access.rbacIgnoresAccessPolicies'));
  });
});
