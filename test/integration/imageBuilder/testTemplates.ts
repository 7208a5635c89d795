// Small image templates in ARM's JSON shape, as a user's *.imagetemplate.json holds them (without type/name).
import type { ArmImageTemplate } from '../../../src/azure/imageBuilder/imageTemplateOperations.ts';

export const PROD = '3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12';
export const IMAGES_RG = 'rg-images-prod';
const identityId = `/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-image-builder`;

export function linuxTemplate(name: string, inline2: string[] = ['sudo apt-get install -y jq unzip']): ArmImageTemplate {
  return {
    location: 'japaneast',
    tags: { team: 'platform' },
    identity: { type: 'UserAssigned', userAssignedIdentities: { [identityId]: {} } },
    properties: {
      source: { type: 'PlatformImage', publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
      customize: [
        { type: 'Shell', name: 'update-packages', inline: ['sudo apt-get update'] },
        { type: 'Shell', name: 'install-tools', inline: inline2 },
        { type: 'Shell', name: 'cleanup', inline: ['sudo apt-get clean'] },
      ],
      distribute: [
        { type: 'ManagedImage', imageId: `/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}/providers/Microsoft.Compute/images/img-${name}`, location: 'japaneast', runOutputName: `${name}-image` },
        { type: 'VHD', runOutputName: `${name}-vhd` },
      ],
      vmProfile: { vmSize: 'Standard_D2s_v5' },
      buildTimeoutInMinutes: 60,
    },
  };
}
