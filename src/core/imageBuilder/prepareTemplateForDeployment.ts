// From the resource in the user's file to what a PUT sends. A template inside an ARM deployment template may use
// expressions (`[parameters('x')]`) that only a deployment resolves: deploying it directly would send the literal
// text, so such a template is refused with the reason instead.
import type { Translate } from '../l10n/Translate.ts';
import { asObject, writableTemplateBody, type ImageTemplateBody, type JsonObject } from './templateJson.ts';

export type PreparedTemplate =
  | { ok: true; name?: string; body: ImageTemplateBody }
  | { ok: false; problem: string };

const EXPRESSION = /^\[(?!\[).*\]$/s;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function prepareTemplateForDeployment(resource: JsonObject, t: Translate): PreparedTemplate {
  const expressions = findExpressions(resource, []);
  if (expressions.length > 0) {
    return { ok: false, problem: t('This template uses ARM template expressions ({0}), which only a deployment resolves. Deploy it with an ARM deployment, or replace them with values.', expressions.slice(0, 3).join(', ')) };
  }
  const body = writableTemplateBody(resource);
  if (!body.location) return { ok: false, problem: t('The template has no location: add the region to build in (for example "japaneast").') };
  if (!asObject(body.properties)?.source) return { ok: false, problem: t('The template has no source image (properties.source).') };
  const name = typeof resource.name === 'string' && resource.name.trim() ? resource.name.trim() : undefined;
  return { ok: true, ...(name ? { name } : {}), body };
}

/** Names Image Builder accepts: letters, digits, '.', '_', '-', up to 64 characters. */
export function validateTemplateName(name: string, t: Translate): string | undefined {
  return NAME.test(name) ? undefined : t('Use 1-64 letters, digits, periods, underscores or hyphens, starting with a letter or digit.');
}

function findExpressions(value: unknown, path: (string | number)[]): string[] {
  if (typeof value === 'string') return EXPRESSION.test(value) ? [path.join('.') || value] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => findExpressions(item, [...path, i]));
  const object = asObject(value);
  if (!object) return [];
  return Object.entries(object).flatMap(([key, item]) => (key === 'type' || key === 'apiVersion' ? [] : findExpressions(item, [...path, key])));
}
