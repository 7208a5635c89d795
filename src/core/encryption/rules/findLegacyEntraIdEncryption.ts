import { findAdeExtensionInstanceView, findAdeExtensionResource, isLegacyAdeVersion } from '../adeExtension.ts';
import { finding, type Finding } from '../finding.ts';
import type { EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001: a VM previously encrypted with ADE using Microsoft Entra ID (the previous release: an app id/secret,
// extension 0.1, encryption settings stored in osDisk.encryptionSettings) must keep using that option.
export const LEGACY_ENTRA_ID_RULE = 'ade.legacy-entra-id';

export const LEGACY_ENTRA_ID_MESSAGES = {
  message: localizable('This VM was encrypted with Azure Disk Encryption using a Microsoft Entra ID app (previous release; {evidence}).'),
  why: localizable('A VM encrypted with the Microsoft Entra ID option must keep using that option; the current extension (1.1) cannot take it over.'),
  fix: localizable('Manage this VM with the previous-release procedure (az vm encryption with --aad-client-id), or plan a migration to encryption at host.'),
} as const;

export function findLegacyEntraIdEncryption(context: EncryptionPreflightContext): Finding[] {
  const vm = context.vm;
  const settings = vm.storageProfile?.osDisk?.encryptionSettings;
  if (settings?.enabled === true || settings?.diskEncryptionKey) {
    return [finding(LEGACY_ENTRA_ID_RULE, 'error', LEGACY_ENTRA_ID_MESSAGES, {
      path: 'vm.storageProfile.osDisk.encryptionSettings', params: { evidence: 'osDisk.encryptionSettings is set' },
    })];
  }
  const version = findAdeExtensionResource(vm)?.typeHandlerVersion ?? findAdeExtensionInstanceView(vm)?.typeHandlerVersion;
  if (isLegacyAdeVersion(version)) {
    return [finding(LEGACY_ENTRA_ID_RULE, 'error', LEGACY_ENTRA_ID_MESSAGES, {
      path: 'vm.resources', params: { evidence: `extension version ${version}` },
    })];
  }
  return [];
}
