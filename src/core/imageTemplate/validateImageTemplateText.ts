// The editor's validation entry point: text in, findings with exact text ranges out. Runs the schema and every
// semantic rule over each image template in the text (a bare template or the ones inside a deployment template).

import { getNodeValue } from 'jsonc-parser';
import type { ImageTemplateRule } from './imageTemplateRule.ts';
import { localizable, type Finding, type JsonPath, type RuleFinding } from './finding.ts';
import { findImageTemplatesInValue, isDeploymentTemplate, type ImageTemplateInDocument } from './findImageTemplatesInDocument.ts';
import { templateKey, type FactsByTemplate } from './imageTemplateFacts.ts';
import { IMAGE_TEMPLATE_RULES } from './imageTemplateRules.ts';
import { parseJsonText, rangeForPath } from './jsonTextLocator.ts';
import { asObject } from './templateAccess.ts';
import { templateFactLookups, type TemplateLookupsInText } from './templateFactLookups.ts';
import { validateAgainstSchema } from './validateAgainstSchema.ts';

export interface ValidateImageTemplateOptions {
  /**
   * Facts looked up in Azure (staging resource group contents, source and target image features) for each template,
   * keyed by `templateKey(path)`; a template without an entry is checked without facts.
   */
  factsByTemplate?: FactsByTemplate;
  /** Defaults to every rule; tests and the shell may narrow it. */
  rules?: readonly ImageTemplateRule[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function validateImageTemplateText(text: string, options: ValidateImageTemplateOptions = {}): Finding[] {
  const { root, syntaxErrors } = parseJsonText(text);
  const findings: Finding[] = syntaxErrors.map(({ message, range }) => ({
    rule: 'json-syntax', severity: 'error', message, messageTemplate: message, messageArgs: [], path: [], range,
  }));
  if (!root) return findings;
  const document = getNodeValue(root);
  for (const template of templatesToCheck(document)) {
    for (const finding of checkTemplate(template, options)) {
      const path: JsonPath = [...template.path, ...finding.path];
      const { target, ...rest } = finding;
      findings.push({ ...rest, path, range: rangeForPath(root, path, target) });
    }
  }
  return findings.sort((a, b) => a.range.offset - b.range.offset || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * What the fact-based rules need looked up in Azure, for each image template of the text in document order, keyed as
 * `options.factsByTemplate` wants the facts back. Lives here because this module is the lazily loaded validator bundle.
 */
export function factLookupsForText(text: string): TemplateLookupsInText[] {
  const { root } = parseJsonText(text);
  const templates = root ? templatesToCheck(getNodeValue(root)) : [];
  return templates.map(({ path, resource }) => ({ templateKey: templateKey(path), lookups: templateFactLookups(resource) }));
}

/** A file opened as an image template is checked as one even when it doesn't look like one yet (e.g. `{}`). */
function templatesToCheck(document: unknown): ImageTemplateInDocument[] {
  const found = findImageTemplatesInValue(document);
  const root = asObject(document);
  if (found.length === 0 && root && !isDeploymentTemplate(root)) return [{ path: [], resource: root, embedding: 'document' }];
  return found;
}

function checkTemplate(template: ImageTemplateInDocument, options: ValidateImageTemplateOptions): RuleFinding[] {
  const semantic: RuleFinding[] = [];
  const facts = options.factsByTemplate?.get(templateKey(template.path)) ?? {};
  for (const rule of options.rules ?? IMAGE_TEMPLATE_RULES) {
    try {
      semantic.push(...rule.check({ resource: template.resource, facts }));
    } catch (error) {
      // A rule bug must not take the whole Problems list down while the user types.
      semantic.push({
        rule: rule.id, severity: 'info', path: [],
        ...localizable('The check "{0}" could not run: {1}', rule.id, error instanceof Error ? error.message : String(error)),
      });
    }
  }
  // Where a semantic rule speaks about a path, its more specific message replaces the schema's.
  const ruled = new Set(semantic.map((f) => JSON.stringify(f.path)));
  const schema = validateAgainstSchema(template.resource, template.embedding).filter((f) => !ruled.has(JSON.stringify(f.path)));
  return [...schema, ...semantic];
}
