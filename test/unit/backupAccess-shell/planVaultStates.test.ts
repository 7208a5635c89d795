import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planVaultStates, sessionForTenant, type PlannableVault, type TenantPrincipal } from '../../../src/features/backupAccess/planVaultStates.ts';
import { accessPolicyVault, BACKUP_OID, TENANT, VAULT_ID } from '../backupAccess/backupAccessFixtures.ts';

// The Backup Management Service's object id differs per tenant: each vault is planned with the principal of its
// own tenant, and a principal of another tenant is refused instead of granted.

const OTHER_TENANT = 'bbbbbbbb-0000-4000-8000-000000000000';
const principal = (tenantId: string, objectId = BACKUP_OID): TenantPrincipal => ({ objectId, tenantId, resolvedBy: 'graph' });
const vault = (p: TenantPrincipal): PlannableVault => ({
  use: { vaultId: VAULT_ID, keyUsage: 'bekOnly' },
  state: { vault: accessPolicyVault(), roleAssignments: [], roleDefinitions: [] },
  principal: p,
});

test('the principal of the vault\'s tenant is granted', () => {
  const [plan] = planVaultStates([vault(principal(TENANT))]);
  assert.deepEqual(plan.findings.map((f) => f.rule), []);
  assert.equal(plan.steps.length, 1);
});

test('a principal resolved in another tenant than the vault\'s is a tenant mismatch: nothing is planned', () => {
  const [plan] = planVaultStates([vault(principal(OTHER_TENANT))]);
  assert.deepEqual(plan.steps, []);
  const f = plan.findings.find((x) => x.rule === 'access.tenantMismatch');
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', new RegExp(`resolved in tenant ${OTHER_TENANT}, but key vault kv-ade belongs to tenant ${TENANT}`));
  assert.equal(plan.alreadyGranted, false);
});

test('the principal of a vault\'s tenant is resolved with a subscription of that tenant, if the account has one', () => {
  const session = { tenantId: TENANT, name: 'home' };
  const subs = [session, { tenantId: OTHER_TENANT.toUpperCase(), name: 'partner' }];
  assert.equal(sessionForTenant(session, subs, TENANT), session);
  assert.equal(sessionForTenant(session, subs, OTHER_TENANT)?.name, 'partner');
  assert.equal(sessionForTenant(session, [session], OTHER_TENANT), undefined);
});
