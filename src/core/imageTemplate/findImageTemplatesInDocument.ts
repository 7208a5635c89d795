// Finds the image template resources in a JSON text: the document itself (a template body or a saved copy), or
// entries of an ARM deployment template's `resources` (array, or object of symbolic names in languageVersion 2.0),
// including templates of nested `Microsoft.Resources/deployments`.

import { getNodeValue } from 'jsonc-parser';
import type { JsonPath } from './finding.ts';
import { parseJsonText } from './jsonTextLocator.ts';
import { asObject, type JsonObject } from './templateAccess.ts';

export const IMAGE_TEMPLATE_TYPE = 'Microsoft.VirtualMachineImages/imageTemplates';
const DEPLOYMENTS_TYPE = 'microsoft.resources/deployments';

export interface ImageTemplateInDocument {
  /** Path of the resource object from the document root ([] for a bare template). */
  path: JsonPath;
  resource: JsonObject;
  /** `deployment` resources need `type`, `apiVersion` and `name`; a bare template body does not. */
  embedding: 'document' | 'deployment';
  /** The resource `name` when it is a plain string (for the shell to label the template). */
  name?: string;
}

export function findImageTemplatesInDocument(text: string): ImageTemplateInDocument[] {
  const { root } = parseJsonText(text);
  return root ? findImageTemplatesInValue(getNodeValue(root)) : [];
}

export function findImageTemplatesInValue(document: unknown): ImageTemplateInDocument[] {
  const root = asObject(document);
  if (!root) return [];
  if (isDeploymentTemplate(root)) return templatesInDeployment(root, []);
  return looksLikeImageTemplate(root) ? [located(root, [], 'document')] : [];
}

export function isImageTemplateType(type: unknown): boolean {
  // ARM resource types are case-insensitive.
  return typeof type === 'string' && type.toLowerCase() === IMAGE_TEMPLATE_TYPE.toLowerCase();
}

export function isDeploymentTemplate(root: JsonObject): boolean {
  const schema = typeof root.$schema === 'string' ? root.$schema.toLowerCase() : '';
  return 'resources' in root || schema.includes('deploymenttemplate');
}

function looksLikeImageTemplate(root: JsonObject): boolean {
  if ('type' in root) return isImageTemplateType(root.type);
  const properties = asObject(root.properties);
  return !!properties && ('source' in properties || 'distribute' in properties || 'customize' in properties);
}

function templatesInDeployment(template: JsonObject, basePath: JsonPath): ImageTemplateInDocument[] {
  const found: ImageTemplateInDocument[] = [];
  for (const { value, path } of resourceEntries(template.resources, [...basePath, 'resources'])) {
    if (isImageTemplateType(value.type)) found.push(located(value, path, 'deployment'));
    const nested = asObject(asObject(value.properties)?.template);
    if (typeof value.type === 'string' && value.type.toLowerCase() === DEPLOYMENTS_TYPE && nested) {
      found.push(...templatesInDeployment(nested, [...path, 'properties', 'template']));
    }
  }
  return found;
}

function resourceEntries(resources: unknown, path: JsonPath): { value: JsonObject; path: JsonPath }[] {
  if (Array.isArray(resources)) {
    return resources.flatMap((item, index) => {
      const value = asObject(item);
      return value ? [{ value, path: [...path, index] }] : [];
    });
  }
  const bySymbolicName = asObject(resources);
  if (!bySymbolicName) return [];
  return Object.entries(bySymbolicName).flatMap(([name, item]) => {
    const value = asObject(item);
    return value ? [{ value, path: [...path, name] }] : [];
  });
}

function located(resource: JsonObject, path: JsonPath, embedding: 'document' | 'deployment'): ImageTemplateInDocument {
  return { path, resource, embedding, ...(typeof resource.name === 'string' ? { name: resource.name } : {}) };
}
