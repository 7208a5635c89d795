import { test } from 'node:test';
import assert from 'node:assert/strict';
import { secretValidityPolicyDenies, type PolicyAssignmentLike } from '../../../src/core/encryption/secretValidityPolicy.ts';
import { RG, SUB, VAULT_ID } from './fixtures.ts';

const POLICY = '/providers/Microsoft.Authorization/policyDefinitions/342e8053-e12e-4c44-be01-c3c2f318400f';
const OTHER_POLICY = '/providers/Microsoft.Authorization/policyDefinitions/98728c90-32c7-4049-8429-847dc0f4fe37';
const SUBSCRIPTION = `/subscriptions/${SUB}`;
const MG = '/providers/Microsoft.Management/managementGroups/contoso';
const deny = (extra: Partial<PolicyAssignmentLike> = {}): PolicyAssignmentLike => ({ scope: SUBSCRIPTION, policyDefinitionId: POLICY, parameters: { effect: { value: 'Deny' } }, ...extra });
const denies = (assignments: PolicyAssignmentLike[], targetScope = VAULT_ID, setDefinitions = []) => secretValidityPolicyDenies({ assignments, setDefinitions, targetScope });

test('the built-in policy assigned with Deny at the subscription or a management group denies', () => {
  assert.equal(denies([deny()]), true);
  assert.equal(denies([deny({ scope: MG })], SUBSCRIPTION), true);
  assert.equal(denies([deny({ parameters: { effect: { value: 'deny' } } })]), true, 'effects are case-insensitive');
});

test('Audit (the default), Disabled, DoNotEnforce, another policy: no denial', () => {
  assert.equal(denies([deny({ parameters: {} })]), false);
  assert.equal(denies([deny({ parameters: { effect: { value: 'Disabled' } } })]), false);
  assert.equal(denies([deny({ enforcementMode: 'DoNotEnforce' })]), false);
  assert.equal(denies([deny({ policyDefinitionId: OTHER_POLICY })]), false);
});

test('scope: a resource group assignment reaches its vault only; a notScope excludes the vault', () => {
  assert.equal(denies([deny({ scope: RG })]), true);
  assert.equal(denies([deny({ scope: `/subscriptions/${SUB}/resourceGroups/rg-other` })]), false);
  assert.equal(denies([deny({ scope: RG })], SUBSCRIPTION), false, 'before a vault is chosen only the subscription counts');
  assert.equal(denies([deny({ notScopes: [RG.toUpperCase()] })]), false);
});

test('an initiative: the effect comes from its reference, through its parameter, from the assignment or the default', () => {
  const setId = `${SUBSCRIPTION}/providers/Microsoft.Authorization/policySetDefinitions/guardrails`;
  const set = (effect: unknown, defaultValue = 'Audit') => [{
    id: setId,
    parameters: { secretsEffect: { defaultValue } },
    policyDefinitions: [{ policyDefinitionId: POLICY, parameters: { effect: { value: effect } } }],
  }];
  const assigned = (parameters = {}) => [{ scope: SUBSCRIPTION, policyDefinitionId: setId, parameters }];
  assert.equal(secretValidityPolicyDenies({ assignments: assigned(), setDefinitions: set('Deny'), targetScope: VAULT_ID }), true);
  assert.equal(secretValidityPolicyDenies({ assignments: assigned(), setDefinitions: set("[parameters('secretsEffect')]"), targetScope: VAULT_ID }), false);
  assert.equal(secretValidityPolicyDenies({ assignments: assigned(), setDefinitions: set("[parameters('secretsEffect')]", 'Deny'), targetScope: VAULT_ID }), true);
  assert.equal(secretValidityPolicyDenies({ assignments: assigned({ secretsEffect: { value: 'Deny' } }), setDefinitions: set("[parameters('secretsEffect')]"), targetScope: VAULT_ID }), true);
  // An initiative that could not be read: not known to deny.
  assert.equal(secretValidityPolicyDenies({ assignments: assigned(), setDefinitions: [], targetScope: VAULT_ID }), false);
  // An effect override on the assignment wins.
  assert.equal(secretValidityPolicyDenies({ assignments: [{ ...assigned()[0], overrides: [{ kind: 'policyEffect', value: 'Deny' }] }], setDefinitions: set('Audit'), targetScope: VAULT_ID }), true);
});
