import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, requestIncludesOs, type EncryptionPreflightContext } from '../preflightContext.ts';
import { lookUpImageSupport } from '../supportedDistributions.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001: disk encryption applies only to VMs with supported operating systems. The image reference tells us
// the Marketplace publisher/offer/sku; the supported table (supportedDistributions.ts) says whether that version
// supports OS and data volumes or data volumes only.
export const UNSUPPORTED_DISTRIBUTION_RULE = 'ade.unsupported-distribution';

export const UNSUPPORTED_DISTRIBUTION_MESSAGES = {
  dataOnly: {
    message: localizable('{label} ({urn}) supports Azure Disk Encryption for data disks only, and the request includes the OS volume.'),
    why: localizable('For this distribution and version, only data volumes can be encrypted.'),
    fix: localizable('Choose the "Data" volume type.'),
  },
  notListed: {
    message: localizable('Image {urn} is not in the list of distributions and versions that support Azure Disk Encryption.'),
    why: localizable('Only a subset of the Azure-endorsed Linux distributions and versions supports Azure Disk Encryption; on others encryption can fail or leave the VM unable to boot.'),
    fix: localizable('Check the supported operating systems list for your distribution and version, or use encryption at host.'),
  },
  endOfLife: {
    message: localizable('{label} ({urn}) has reached its end of life.'),
    why: localizable('Azure Disk Encryption support for an offer does not extend beyond the publisher\'s end-of-life date.'),
    fix: localizable('Migrate to a supported distribution before relying on Azure Disk Encryption.'),
  },
} as const;

export function findUnsupportedDistribution(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const ref = context.vm.storageProfile?.imageReference;
  const support = lookUpImageSupport(ref);
  if (support.kind === 'notMarketplace') return [];
  const urn = `${ref?.publisher}:${ref?.offer}:${ref?.sku}`;
  const path = 'vm.storageProfile.imageReference';
  if (support.kind === 'notListed') {
    return [finding(UNSUPPORTED_DISTRIBUTION_RULE, 'warning', UNSUPPORTED_DISTRIBUTION_MESSAGES.notListed, { path, params: { urn } })];
  }
  const params = { urn, label: support.image.label };
  const out: Finding[] = [];
  if (support.image.support === 'dataOnly' && requestIncludesOs(context)) {
    out.push(finding(UNSUPPORTED_DISTRIBUTION_RULE, 'error', UNSUPPORTED_DISTRIBUTION_MESSAGES.dataOnly, { path: 'request.volumeType', params }));
  }
  if (support.image.endOfLife) {
    out.push(finding(UNSUPPORTED_DISTRIBUTION_RULE, 'warning', UNSUPPORTED_DISTRIBUTION_MESSAGES.endOfLife, { path, params }));
  }
  return out;
}
