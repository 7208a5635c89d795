// Facts only Azure knows, looked up by the shell and passed in. Every rule that uses one says nothing when the fact is
// absent, so the editor works offline and gets stricter once the shell has looked things up.

import type { JsonPath } from './finding.ts';

export type ImageSecurityType =
  | 'Standard'
  | 'TrustedLaunchSupported'
  | 'ConfidentialVMSupported'
  | 'TrustedLaunchAndConfidentialVmSupported'
  | 'TrustedLaunch'
  | 'ConfidentialVM';

export interface ImageFacts {
  osType?: 'Linux' | 'Windows';
  hyperVGeneration?: 'V1' | 'V2';
  /** From the image's `SecurityType` feature (gallery image definition) or the Marketplace image's features. */
  securityType?: ImageSecurityType;
}

export interface StagingResourceGroupFacts {
  exists: boolean;
  /** Number of resources already in the group; the service needs it empty. */
  resourceCount?: number;
  location?: string;
}

export interface ImageTemplateFacts {
  /** The image named by `properties.source`. */
  sourceImage?: ImageFacts;
  /** Gallery image definitions named by SharedImage targets, keyed by resource id (any case). */
  galleryImageDefinitions?: Record<string, ImageFacts>;
  stagingResourceGroup?: StagingResourceGroupFacts;
}

/**
 * The facts of each image template in one text, keyed by `templateKey(path)`. The templates of a deployment file each
 * name their own source, targets and staging group, so each must be checked against its own facts, never another's.
 */
export type FactsByTemplate = ReadonlyMap<string, ImageTemplateFacts>;

/** A template's key in `FactsByTemplate`: its JSON path in the document (`[]` for a bare template). */
export function templateKey(path: JsonPath): string {
  return JSON.stringify(path);
}

export function galleryImageFacts(facts: ImageTemplateFacts, galleryImageId: string): ImageFacts | undefined {
  const wanted = galleryImageId.toLowerCase();
  for (const [id, value] of Object.entries(facts.galleryImageDefinitions ?? {})) {
    if (id.toLowerCase() === wanted) return value;
  }
  return undefined;
}
