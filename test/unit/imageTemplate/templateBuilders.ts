// Small, valid templates for tests to break one thing at a time.

import type { JsonPath, RuleFinding } from '../../../src/core/imageTemplate/finding.ts';
import type { ImageTemplateRule } from '../../../src/core/imageTemplate/imageTemplateRule.ts';
import type { ImageTemplateFacts } from '../../../src/core/imageTemplate/imageTemplateFacts.ts';
import type { JsonObject } from '../../../src/core/imageTemplate/templateAccess.ts';

export const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
export const IDENTITY_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/images-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib`;
export const GALLERY_IMAGE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/corpGallery/images/ubuntu-gen2`;

/** A Linux (Ubuntu Gen2) template distributing to a Compute Gallery: passes every rule. */
export function linuxTemplate(): JsonObject {
  return {
    location: 'westus2',
    identity: { type: 'UserAssigned', userAssignedIdentities: { [IDENTITY_ID]: {} } },
    properties: {
      source: { type: 'PlatformImage', publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
      customize: [{ type: 'Shell', name: 'update', inline: ['sudo apt-get update'] }],
      distribute: [{ type: 'SharedImage', galleryImageId: GALLERY_IMAGE_ID, runOutputName: 'gallery', targetRegions: [{ name: 'westus2' }] }],
    },
  };
}

/**
 * A deployment file with two Linux templates distributing to the same gallery definition from different Gen2 Marketplace
 * images (Ubuntu 24.04 and 22.04), so only facts read per template can tell them apart. `facts` are those Azure would
 * give: the first has a Trusted Launch source for a plain (Standard) target, the second is consistent.
 */
export function twoTemplateDeployment(): { text: string; paths: [JsonPath, JsonPath]; facts: [ImageTemplateFacts, ImageTemplateFacts] } {
  const entry = (name: string, offer: string, sku: string) => {
    const template = linuxTemplate();
    propertiesOf(template).source = { type: 'PlatformImage', publisher: 'Canonical', offer, sku, version: 'latest' };
    return { type: 'Microsoft.VirtualMachineImages/imageTemplates', apiVersion: '2025-10-01', name, ...template };
  };
  const text = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0',
    resources: [entry('trusted-launch', 'ubuntu-24_04-lts', 'server'), entry('standard', '0001-com-ubuntu-server-jammy', '22_04-lts-gen2')],
  }, null, 2);
  const standardTarget = { [GALLERY_IMAGE_ID]: { osType: 'Linux', hyperVGeneration: 'V2', securityType: 'Standard' } } as const;
  return {
    text,
    paths: [['resources', 0], ['resources', 1]],
    facts: [
      { sourceImage: { osType: 'Linux', hyperVGeneration: 'V2', securityType: 'TrustedLaunchSupported' }, galleryImageDefinitions: standardTarget },
      { sourceImage: { osType: 'Linux', hyperVGeneration: 'V2', securityType: 'Standard' }, galleryImageDefinitions: standardTarget },
    ],
  };
}

export function propertiesOf(template: JsonObject): JsonObject {
  return template.properties as JsonObject;
}

export function check(rule: ImageTemplateRule, resource: JsonObject, facts: ImageTemplateFacts = {}): RuleFinding[] {
  return rule.check({ resource, facts });
}

/** 1-based line of an offset, as the Problems panel shows it. */
export function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The 1-based line holding the first occurrence of `needle`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  return lineAt(text, at);
}
