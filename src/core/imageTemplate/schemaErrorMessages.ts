// Plain-language wording for schema errors. ajv's own messages ("must match a schema in anyOf") mean nothing to
// someone editing a template, so each keyword gets our sentence, a schema can override it with `errorMessage`
// (the same keyword VS Code's JSON editor shows), and missing properties get a hint about what to put there.

import type { ErrorObject } from 'ajv';
import { localizable, type LocalizableMessage } from './finding.ts';

const REQUIRED_MESSAGES: Record<string, LocalizableMessage> = {
  source: localizable('Missing "source": add the image to start from, a Marketplace image (PlatformImage), a managed image (ManagedImage) or a Compute Gallery image version (SharedImageVersion).'),
  distribute: localizable('Missing "distribute": add at least one distribution target (ManagedImage, SharedImage or VHD).'),
  identity: localizable('Missing "identity": Image Builder needs a user-assigned managed identity ("type": "UserAssigned") to read sources and write images.'),
  location: localizable('Missing "location": give a region where VM Image Builder runs, e.g. "westus2".'),
  properties: localizable('Missing "properties": the image template needs "source" and "distribute" in "properties".'),
  runOutputName: localizable('Missing "runOutputName": each distribution target needs a unique run output name.'),
  galleryImageId: localizable('Missing "galleryImageId": give the resource id of the Compute Gallery image definition to publish to.'),
  imageId: localizable('Missing "imageId": give the resource id of the managed image.'),
  imageVersionId: localizable('Missing "imageVersionId": give the resource id of the gallery image version to start from.'),
  apiVersion: localizable('Missing "apiVersion": use "2025-10-01".'),
  type: localizable('Missing "type".'),
  name: localizable('Missing "name".'),
};

const TYPE_MESSAGES: Record<string, LocalizableMessage> = {
  object: localizable('Expected an object { … } here.'),
  array: localizable('Expected a list [ … ] here.'),
  string: localizable('Expected a string in double quotes here.'),
  integer: localizable('Expected a whole number here.'),
  number: localizable('Expected a number here.'),
  boolean: localizable('Expected true or false here.'),
};

export function describeSchemaError(error: ErrorObject): LocalizableMessage {
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const hinted = REQUIRED_MESSAGES[missing];
      if (hinted && missing !== 'type') return hinted;
      const allowed = enumOfProperty(parent, missing);
      return allowed
        ? localizable('Missing "{0}": use one of {1}.', missing, allowed.join(', '))
        : localizable('Missing required property "{0}".', missing);
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const known = Object.keys((parent?.properties as object | undefined) ?? {});
      const suggestion = closestName(extra, known);
      return suggestion
        ? localizable('"{0}" is not allowed here. Did you mean "{1}"?', extra, suggestion)
        : localizable('"{0}" is not allowed here. Allowed: {1}.', extra, known.join(', '));
    }
  }
  // The schema's own wording (its `errorMessage`s are translated like the rest: see schemaErrorMessages.test.ts).
  if (typeof parent?.errorMessage === 'string') return localizable(parent.errorMessage);
  switch (error.keyword) {
    case 'type':
      return TYPE_MESSAGES[String(params.type)] ?? localizable('This value has the wrong type.');
    case 'enum':
      return localizable('Use one of: {0}.', ((params.allowedValues as unknown[]) ?? []).join(', '));
    case 'const':
      return localizable('Expected "{0}".', String(params.allowedValue));
    case 'minimum':
      return localizable('Must be {0} or more.', String(params.limit));
    case 'maximum':
      return localizable('Must be {0} or less.', String(params.limit));
    case 'minItems':
      return localizable('Add at least {0} item(s).', String(params.limit));
    case 'minLength':
      return localizable('Must not be empty.');
    case 'pattern':
      return localizable('This value does not have the expected format.');
    default:
      return localizable('This value is not valid here.');
  }
}

function enumOfProperty(parent: Record<string, unknown> | undefined, name: string): string[] | undefined {
  const property = (parent?.properties as Record<string, { anyOf?: { enum?: string[] }[] }> | undefined)?.[name];
  return property?.anyOf?.find((branch) => Array.isArray(branch.enum))?.enum;
}

/** A known property within two edits (or differing only in case) of what was typed: `scriptUrl` -> `scriptUri`. */
export function closestName(typed: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = name.toLowerCase() === typed.toLowerCase() ? 0 : editDistance(typed.toLowerCase(), name.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
