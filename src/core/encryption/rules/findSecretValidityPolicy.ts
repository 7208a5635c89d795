import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, unsupported: encrypting VMs in subscriptions where the policy "Secrets should have a maximum validity
// period" is enabled with the DENY effect (ADE writes its disk encryption secret without an expiry).
export const SECRET_VALIDITY_POLICY_RULE = 'ade.secret-validity-policy';

export const SECRET_VALIDITY_POLICY_MESSAGES = {
  message: localizable('A policy denies key vault secrets without a maximum validity period.'),
  why: localizable('Azure Disk Encryption stores the disk encryption key as a secret without an expiry; the policy with the Deny effect makes that write fail, so encryption is not supported in this subscription.'),
  fix: localizable('Exempt the disk encryption key vault from the policy, or change its effect to Audit.'),
} as const;

export function findSecretValidityPolicy(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation) || context.secretValidityPolicyDenies !== true) return [];
  return [finding(SECRET_VALIDITY_POLICY_RULE, 'error', SECRET_VALIDITY_POLICY_MESSAGES, { path: 'secretValidityPolicyDenies' })];
}
