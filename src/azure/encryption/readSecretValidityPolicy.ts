import type { PolicySetDefinition } from '@azure/arm-policy';
import { parseArmResourceId } from '../../core/encryption/armResourceId.ts';
import {
  isPolicySet, isSecretValidityPolicy, secretValidityPolicyDenies, type PolicyAssignmentLike,
} from '../../core/encryption/secretValidityPolicy.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { policyClient } from '../clients.ts';
import { collectPages } from '../inventory/collectPages.ts';

// Reads the policy assignments of the subscription (those of its management groups, itself and what it contains:
// one unfiltered list call) and the initiatives among them that could hold the secret-validity policy, then lets
// the core decide. Undefined when the assignments cannot be read (no permission): the rule then stays silent.

export async function readSecretValidityPolicyDenies(session: SubscriptionSession, targetScope: string): Promise<boolean | undefined> {
  try {
    const client = await policyClient(session);
    const assignments: PolicyAssignmentLike[] = (await collectPages(client.policyAssignments.list()))
      .filter((a) => isSecretValidityPolicy(a.policyDefinitionId) || isPolicySet(a.policyDefinitionId));
    const setIds = [...new Set(assignments.map((a) => a.policyDefinitionId ?? '').filter(isPolicySet))];
    const sets = (await Promise.all(setIds.map((id) => readPolicySet(session, id)))).filter((s): s is PolicySetDefinition => !!s);
    return secretValidityPolicyDenies({ assignments, setDefinitions: sets, targetScope });
  } catch {
    return undefined;
  }
}

/** An initiative by id: built-in, of the subscription, or of a management group; undefined when it cannot be read. */
async function readPolicySet(session: SubscriptionSession, id: string): Promise<PolicySetDefinition | undefined> {
  const client = await policyClient(session);
  const name = id.split('/').pop() ?? '';
  const managementGroup = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)\//i.exec(id)?.[1];
  try {
    if (managementGroup) return await client.policySetDefinitions.getAtManagementGroup(managementGroup, name);
    if (parseArmResourceId(id)?.subscriptionId) return await client.policySetDefinitions.get(name);
    return await client.policySetDefinitions.getBuiltIn(name);
  } catch {
    return undefined;
  }
}
