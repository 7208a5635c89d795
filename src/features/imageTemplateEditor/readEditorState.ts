// What the form shows for a document text (pure): the image templates in it (a bare template, or the resources of a
// deployment template), which one is being edited, and why the form can't edit when it can't.

import { getNodeValue } from 'jsonc-parser';
import type { Finding } from '../../core/imageTemplate/finding.ts';
import { findImageTemplatesInValue, isDeploymentTemplate, type ImageTemplateInDocument } from '../../core/imageTemplate/findImageTemplatesInDocument.ts';
import { parseJsonText } from '../../core/imageTemplate/jsonTextLocator.ts';
import { asObject } from '../../core/imageTemplate/templateAccess.ts';
import type { Translate } from '../../core/l10n/Translate.ts';
import type { EditorState, FieldFinding, JsonPath, JsonValue, ReadOnlyReason } from '../../webview/protocol.ts';

/** Which template the user is editing, kept across edits that move it (e.g. a resource inserted before it). */
export interface TemplateSelection {
  path: JsonPath;
  name?: string;
}

export interface ReadState {
  state: Omit<EditorState, 'findings' | 'otherFindingCount'>;
  /** Where the selected template is in the document ([] for a bare template); undefined when there is none. */
  basePath?: JsonPath;
  selection?: TemplateSelection;
}

export function readEditorState(text: string, documentVersion: number, previous?: TemplateSelection, requestedIndex?: number): ReadState {
  const base = { documentVersion, templates: [], selected: -1, resource: null, embedding: 'document' as const };
  if (!text.trim()) return { state: { ...base, readOnly: 'empty' } };
  const { root, syntaxErrors } = parseJsonText(text);
  const value: unknown = root ? getNodeValue(root) : undefined;
  const object = asObject(value);
  if (!object) return { state: { ...base, readOnly: syntaxErrors.length > 0 ? 'syntaxErrors' : 'notAnObject' } };
  const templates = templatesIn(object);
  if (templates.length === 0) return { state: { ...base, readOnly: syntaxErrors.length > 0 ? 'syntaxErrors' : 'noTemplate' } };
  const selected = requestedIndex !== undefined && requestedIndex < templates.length ? requestedIndex : chooseTemplate(templates, previous);
  const chosen = templates[selected];
  const readOnly: ReadOnlyReason | undefined = syntaxErrors.length > 0 ? 'syntaxErrors' : undefined;
  return {
    state: {
      ...base,
      templates: templates.map((t) => ({ label: templateLabel(t) })),
      selected,
      resource: chosen.resource as JsonValue,
      embedding: chosen.embedding,
      ...(readOnly ? { readOnly } : {}),
    },
    basePath: chosen.path,
    selection: { path: chosen.path, ...(chosen.name !== undefined ? { name: chosen.name } : {}) },
  };
}

/** Like the validator: a file that isn't a deployment template is one template, even before it looks like one. */
export function templatesIn(root: Record<string, unknown>): ImageTemplateInDocument[] {
  const found = findImageTemplatesInValue(root);
  if (found.length === 0 && !isDeploymentTemplate(root)) return [{ path: [], resource: root, embedding: 'document' }];
  return found;
}

/** The same template as before: same path and name, else same name, else same path, else the first. */
export function chooseTemplate(templates: readonly ImageTemplateInDocument[], previous?: TemplateSelection): number {
  if (!previous) return 0;
  const samePath = (t: ImageTemplateInDocument) => JSON.stringify(t.path) === JSON.stringify(previous.path);
  const exact = templates.findIndex((t) => samePath(t) && t.name === previous.name);
  if (exact >= 0) return exact;
  const byName = previous.name === undefined ? -1 : templates.findIndex((t) => t.name === previous.name);
  if (byName >= 0) return byName;
  return Math.max(0, templates.findIndex(samePath));
}

/** "ubuntu-golden (resources[1])": the name as written plus where the resource is. */
export function templateLabel(template: ImageTemplateInDocument): string {
  const where = describePath(template.path);
  if (!where) return template.name ?? '';
  return template.name ? `${template.name} (${where})` : where;
}

export function describePath(path: JsonPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/**
 * Splits findings into those of the selected template (path made relative, message translated) and a count of the
 * rest (syntax errors outside it, other templates in the same deployment).
 */
export function findingsForTemplate(findings: readonly Finding[], basePath: JsonPath | undefined, translate: Translate): { findings: FieldFinding[]; otherFindingCount: number } {
  const inside: FieldFinding[] = [];
  let otherFindingCount = 0;
  for (const finding of findings) {
    const isInside = basePath !== undefined && basePath.every((part, i) => finding.path[i] === part) &&
      (finding.rule !== 'json-syntax' || basePath.length === 0);
    if (!isInside) {
      otherFindingCount++;
      continue;
    }
    inside.push({
      rule: finding.rule,
      severity: finding.severity,
      message: translate(finding.messageTemplate, ...finding.messageArgs),
      path: finding.path.slice(basePath.length),
    });
  }
  return { findings: inside, otherFindingCount };
}

/**
 * What goes to the Problems panel. For `*.imagetemplate.json` files the JSON language service already reports the
 * schema (contributed through `jsonValidation`), so ours would show every schema problem twice.
 */
export function findingsForProblems(findings: readonly Finding[], schemaCheckedByJsonService: boolean): Finding[] {
  if (!schemaCheckedByJsonService) return [...findings];
  return findings.filter((f) => f.rule !== 'schema' && f.rule !== 'json-syntax');
}
