// The memory and secret-validity-policy rules fed from Azure, not from fixtures: the pre-flight reads the VM size's
// MemoryGB from the resource SKUs and the policy assignments (and initiatives) of the subscription, through the
// official SDKs against the stand-in (exact api-versions: a call the stand-in answers is one Azure answers).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gatherPreflightContext, readEncryptionTarget } from '../../../src/azure/encryption/gatherPreflightContext.ts';
import { getVault } from '../../../src/azure/keyVault/keyVaultManagement.ts';
import { renderFinding } from '../../../src/core/encryption/finding.ts';
import type { EncryptionRequest } from '../../../src/core/encryption/preflightContext.ts';
import { INSUFFICIENT_MEMORY_RULE } from '../../../src/core/encryption/rules/findInsufficientMemory.ts';
import { SECRET_VALIDITY_POLICY_RULE } from '../../../src/core/encryption/rules/findSecretValidityPolicy.ts';
import { runEncryptionPreflight } from '../../../src/core/encryption/runEncryptionPreflight.ts';
import { PROD_SUBSCRIPTION } from '../../azure-local/fixtures/default.ts';
import { policyAssignment, policyStateOf } from '../../azure-local/arm/routes/policies.ts';
import { JPE_VAULT_ID, startAdeEnvironment, vmId, type AdeEnvironment } from './adeEnvironment.ts';

let env: AdeEnvironment;
before(async () => { env = await startAdeEnvironment(); });
after(() => env?.stop());

const SECRET_VALIDITY = '/providers/Microsoft.Authorization/policyDefinitions/342e8053-e12e-4c44-be01-c3c2f318400f';
const SUBSCRIPTION = `/subscriptions/${PROD_SUBSCRIPTION}`;

async function preflight(vmName: string, request: EncryptionRequest) {
  const target = await readEncryptionTarget(env.prod, vmId(vmName));
  const vault = await getVault(env.prod, JPE_VAULT_ID);
  const context = await gatherPreflightContext(env.prod, target, request, { vault }, new Date());
  return { context, result: runEncryptionPreflight(context) };
}

test('the memory of the size comes from the resource SKUs; a too-small VM gets the blocking finding', async () => {
  const roomy = await preflight('vm-web-02', { operation: 'Enable', volumeType: 'OS' });
  assert.equal(roomy.context.vmMemoryGb, 16, 'Standard_D4s_v5 has 16 GB');
  assert.equal(roomy.result.findings.some((f) => f.rule === INSUFFICIENT_MEMORY_RULE && f.severity === 'error'), false);
  const skuCalls = env.local.state.requestLog.filter((r) => r.route === 'resourceSkus.list');
  assert.ok(skuCalls.length >= 1 && skuCalls.every((r) => r.status === 200), JSON.stringify(skuCalls));

  const vm = env.local.state.get('virtualMachines', vmId('vm-web-02'));
  vm!.resource.properties!.hardwareProfile.vmSize = 'Standard_B1s';
  const small = await preflight('vm-web-02', { operation: 'Enable', volumeType: 'OS' });
  assert.equal(small.context.vmMemoryGb, 1);
  const memory = small.result.findings.find((f) => f.rule === INSUFFICIENT_MEMORY_RULE);
  assert.equal(memory?.severity, 'error');
  assert.equal(renderFinding(memory!).message, 'Size Standard_B1s has 1 GB of memory; encrypting the OS and data volumes needs at least 8 GB.');
  assert.equal(small.result.blocking, true);
});

test('a Deny assignment of the secret-validity policy (directly or through an initiative) blocks; Audit or DoNotEnforce does not', async () => {
  const policies = policyStateOf(env.local.state);
  const clean = await preflight('vm-web-01', { operation: 'Enable', volumeType: 'Data' });
  assert.equal(clean.context.secretValidityPolicyDenies, false);
  assert.ok(env.local.state.requestLog.some((r) => r.route === 'policyAssignments.list' && r.status === 200));

  policies.assignments.push(policyAssignment(SUBSCRIPTION, 'secrets-audit', SECRET_VALIDITY, { parameters: { maximumValidityInDays: { value: 90 } } }));
  policies.assignments.push(policyAssignment(SUBSCRIPTION, 'secrets-deny-off', SECRET_VALIDITY, { enforcementMode: 'DoNotEnforce', parameters: { effect: { value: 'Deny' } } }));
  assert.equal((await preflight('vm-web-01', { operation: 'Enable', volumeType: 'Data' })).context.secretValidityPolicyDenies, false);

  // An initiative at the subscription whose effect parameter the assignment sets to Deny.
  const setId = `${SUBSCRIPTION}/providers/Microsoft.Authorization/policySetDefinitions/kv-guardrails`;
  policies.setDefinitions.push({
    id: setId, name: 'kv-guardrails', type: 'Microsoft.Authorization/policySetDefinitions',
    properties: {
      parameters: { secretsEffect: { type: 'String', defaultValue: 'Audit' } },
      policyDefinitions: [{ policyDefinitionId: SECRET_VALIDITY, policyDefinitionReferenceId: 'secretsMaxValidity', parameters: { effect: { value: "[parameters('secretsEffect')]" }, maximumValidityInDays: { value: 365 } } }],
    },
  });
  policies.assignments.push(policyAssignment(SUBSCRIPTION, 'kv-guardrails', setId, { parameters: { secretsEffect: { value: 'Deny' } } }));
  const denied = await preflight('vm-web-01', { operation: 'Enable', volumeType: 'Data' });
  assert.equal(denied.context.secretValidityPolicyDenies, true);
  const finding = denied.result.findings.find((f) => f.rule === SECRET_VALIDITY_POLICY_RULE);
  assert.equal(finding?.severity, 'error');
  assert.equal(denied.result.blocking, true);
  assert.ok(env.local.state.requestLog.some((r) => r.route === 'policySetDefinitions.get' && r.status === 200));
});
