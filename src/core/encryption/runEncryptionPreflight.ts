import { compareFindings, type Finding } from './finding.ts';
import type { EncryptionPreflightContext, EncryptionPreflightRule } from './preflightContext.ts';
import { ADE_RETIREMENT_NOTICE } from './retirementNotice.ts';
import { findCustomImage } from './rules/findCustomImage.ts';
import { findCustomerManagedKeyDisks } from './rules/findCustomerManagedKeyDisks.ts';
import { findDisableNotSupported } from './rules/findDisableNotSupported.ts';
import { findEncryptFormatAllRisks } from './rules/findEncryptFormatAllRisks.ts';
import { findEncryptionAtHost } from './rules/findEncryptionAtHost.ts';
import { findEncryptionDowntime } from './rules/findEncryptionDowntime.ts';
import { findEphemeralOsDisk } from './rules/findEphemeralOsDisk.ts';
import { findGuestSideLimitations } from './rules/findGuestSideLimitations.ts';
import { findInsufficientMemory } from './rules/findInsufficientMemory.ts';
import { findKeyChangeOnEncryptedVm } from './rules/findKeyChangeOnEncryptedVm.ts';
import { findInvalidKeyEncryptionKey } from './rules/findInvalidKeyEncryptionKey.ts';
import { findLegacyEntraIdEncryption } from './rules/findLegacyEntraIdEncryption.ts';
import { findLimitsAfterEncryption } from './rules/findLimitsAfterEncryption.ts';
import { findLocalNvmeDiskSize } from './rules/findLocalNvmeDiskSize.ts';
import { findMissingKeyVault } from './rules/findMissingKeyVault.ts';
import { findMissingRecoveryPoint } from './rules/findMissingRecoveryPoint.ts';
import { findMissingVolumeType } from './rules/findMissingVolumeType.ts';
import { findNonLinuxOsDisk } from './rules/findNonLinuxOsDisk.ts';
import { findNvmeDiskController } from './rules/findNvmeDiskController.ts';
import { findOperationInProgress } from './rules/findOperationInProgress.ts';
import { findScaleSetVm } from './rules/findScaleSetVm.ts';
import { findSecretValidityPolicy } from './rules/findSecretValidityPolicy.ts';
import { findSharedDisks } from './rules/findSharedDisks.ts';
import { findUltraOrPremiumV2Disks } from './rules/findUltraOrPremiumV2Disks.ts';
import { findUnsupportedDistribution } from './rules/findUnsupportedDistribution.ts';
import { findUnsupportedVmSize } from './rules/findUnsupportedVmSize.ts';
import { findVaultInOtherRegion } from './rules/findVaultInOtherRegion.ts';
import { findVaultInOtherSubscription } from './rules/findVaultInOtherSubscription.ts';
import { findVaultNotEnabledForDiskEncryption } from './rules/findVaultNotEnabledForDiskEncryption.ts';
import { findVaultWithoutRecoveryProtection } from './rules/findVaultWithoutRecoveryProtection.ts';
import { findVmAgentNotReady } from './rules/findVmAgentNotReady.ts';
import { findVmNotRunning } from './rules/findVmNotRunning.ts';
import { findVolumeTypeForEncryptedVm } from './rules/findVolumeTypeForEncryptedVm.ts';
import { findWriteAcceleratedDisks } from './rules/findWriteAcceleratedDisks.ts';

/** Every pre-flight rule, in no particular order (the result is sorted). */
export const ENCRYPTION_PREFLIGHT_RULES: readonly EncryptionPreflightRule[] = [
  // The VM and its state
  findVmNotRunning, findVmAgentNotReady, findNonLinuxOsDisk, findLegacyEntraIdEncryption, findOperationInProgress,
  // Unsupported scenarios the ARM model reveals
  findEphemeralOsDisk, findUltraOrPremiumV2Disks, findCustomerManagedKeyDisks, findEncryptionAtHost,
  findNvmeDiskController, findLocalNvmeDiskSize, findScaleSetVm, findCustomImage, findUnsupportedVmSize,
  findWriteAcceleratedDisks, findInsufficientMemory, findUnsupportedDistribution, findSharedDisks,
  findSecretValidityPolicy,
  // The request
  findMissingVolumeType, findVolumeTypeForEncryptedVm, findDisableNotSupported, findEncryptFormatAllRisks,
  findMissingRecoveryPoint, findEncryptionDowntime, findLimitsAfterEncryption, findGuestSideLimitations,
  // Key vault and key encryption key
  findMissingKeyVault, findVaultNotEnabledForDiskEncryption, findVaultInOtherRegion, findVaultInOtherSubscription,
  findVaultWithoutRecoveryProtection, findInvalidKeyEncryptionKey, findKeyChangeOnEncryptedVm,
];

export type EncryptionPreflightResult = {
  /** Sorted: errors, warnings, info. */
  readonly findings: readonly Finding[];
  /** True when any finding is an error: the flow must stop. */
  readonly blocking: boolean;
  /** Shown once, apart from the findings. */
  readonly retirementNotice: Finding;
};

export function runEncryptionPreflight(
  context: EncryptionPreflightContext,
  rules: readonly EncryptionPreflightRule[] = ENCRYPTION_PREFLIGHT_RULES,
): EncryptionPreflightResult {
  const findings = rules.flatMap((rule) => rule(context)).sort(compareFindings);
  return { findings, blocking: findings.some((f) => f.severity === 'error'), retirementNotice: ADE_RETIREMENT_NOTICE };
}
