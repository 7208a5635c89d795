// Tolerant readers over a parsed image template resource. The text is being typed, so anything can be missing or of
// the wrong type: each reader returns only what is really there, with the path (relative to the resource) that
// points at it.

import type { JsonPath } from './finding.ts';

export type JsonObject = Record<string, unknown>;

export interface Located<T> {
  value: T;
  path: JsonPath;
}

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function templateProperties(resource: JsonObject): JsonObject | undefined {
  return asObject(resource.properties);
}

/** Objects of an array property of `properties`, with their paths; non-object items are skipped. */
function objectItems(resource: JsonObject, key: string, basePath: JsonPath, container?: JsonObject): Located<JsonObject>[] {
  const list = (container ?? templateProperties(resource))?.[key];
  if (!Array.isArray(list)) return [];
  const found: Located<JsonObject>[] = [];
  list.forEach((item, index) => {
    const value = asObject(item);
    if (value) found.push({ value, path: [...basePath, key, index] });
  });
  return found;
}

export function customizers(resource: JsonObject): Located<JsonObject>[] {
  return objectItems(resource, 'customize', ['properties']);
}

export function distributors(resource: JsonObject): Located<JsonObject>[] {
  return objectItems(resource, 'distribute', ['properties']);
}

export function inVMValidators(resource: JsonObject): Located<JsonObject>[] {
  const validate = asObject(templateProperties(resource)?.validate);
  return validate ? objectItems(resource, 'inVMValidations', ['properties', 'validate'], validate) : [];
}

export function source(resource: JsonObject): Located<JsonObject> | undefined {
  const value = asObject(templateProperties(resource)?.source);
  return value ? { value, path: ['properties', 'source'] } : undefined;
}

/** The `type` discriminator when it is a plain string (an ARM expression or a typo yields undefined / the typo). */
export function kindOf(item: JsonObject): string | undefined {
  return typeof item.type === 'string' ? item.type : undefined;
}
