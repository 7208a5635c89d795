// What the template's user-assigned identity must be allowed to do, read from the template: write where it
// distributes, read the sources it builds from and the scripts it downloads, join the subnet it builds in.
// The deploy flow shows this before creating, because a missing role only shows up as a failed build much later.
import type { Translate } from '../l10n/Translate.ts';
import { asObject, type ImageTemplateBody } from './templateJson.ts';

export interface PermissionNeed {
  /** The ARM scope (resource group, gallery, storage account, subnet) the role must be assigned at. */
  scope: string;
  /** What the identity does there, for the user. */
  reason: string;
  /** Actions a custom role needs there. */
  actions: string[];
}

const RESOURCE_GROUP = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+)/i;
const GALLERY = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/galleries\/[^/]+)/i;
const STORAGE_ACCOUNT = /^https:\/\/([a-z0-9]{3,24})\.blob\./i;

export function explainIdentityPermissions(template: ImageTemplateBody, t: Translate): PermissionNeed[] {
  const needs: PermissionNeed[] = [];
  const add = (scope: string | undefined, reason: string, actions: string[]) => {
    if (scope && !needs.some((n) => n.scope.toLowerCase() === scope.toLowerCase() && n.reason === reason)) needs.push({ scope, reason, actions });
  };
  const p = template.properties ?? {};
  for (const target of arrayOf(p.distribute)) {
    if (target.type === 'ManagedImage') {
      add(match(RESOURCE_GROUP, target.imageId), t('create the managed image'), ['Microsoft.Compute/images/write', 'Microsoft.Compute/images/read', 'Microsoft.Compute/images/delete']);
    } else if (target.type === 'SharedImage') {
      add(match(GALLERY, target.galleryImageId), t('publish the image version to the gallery'), ['Microsoft.Compute/galleries/read', 'Microsoft.Compute/galleries/images/read', 'Microsoft.Compute/galleries/images/versions/read', 'Microsoft.Compute/galleries/images/versions/write']);
    }
  }
  const source = asObject(p.source) ?? {};
  if (source.type === 'ManagedImage') add(match(RESOURCE_GROUP, source.imageId), t('read the source managed image'), ['Microsoft.Compute/images/read']);
  if (source.type === 'SharedImageVersion') add(match(GALLERY, source.imageVersionId), t('read the source image version'), ['Microsoft.Compute/galleries/images/versions/read']);
  for (const customizer of arrayOf(p.customize)) {
    for (const uri of [customizer.scriptUri, customizer.sourceUri]) {
      const account = typeof uri === 'string' ? STORAGE_ACCOUNT.exec(uri)?.[1] : undefined;
      if (account) add(t('storage account {0}', account), t('download customization files (Storage Blob Data Reader)'), ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read']);
    }
  }
  const subnet = asObject(asObject(p.vmProfile)?.vnetConfig)?.subnetId;
  if (typeof subnet === 'string' && subnet) {
    add(subnet, t('put the build VM in the subnet'), ['Microsoft.Network/virtualNetworks/read', 'Microsoft.Network/virtualNetworks/subnets/join/action']);
  }
  return needs;
}

function arrayOf(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.map(asObject).filter((v): v is Record<string, unknown> => !!v) : [];
}

function match(pattern: RegExp, value: unknown): string | undefined {
  return typeof value === 'string' ? pattern.exec(value)?.[1] : undefined;
}
