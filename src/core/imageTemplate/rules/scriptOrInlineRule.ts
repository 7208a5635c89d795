// Shell and PowerShell steps run either a downloaded script or inline commands: exactly one of `scriptUri` or
// `inline` (the API's own rule). With neither there is nothing to run; with both the service rejects the template.

import { localizable, ruleFinding, type RuleFinding } from '../finding.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { customizers, inVMValidators, kindOf, type Located, type JsonObject } from '../templateAccess.ts';

const RULE = 'script-or-inline';
const SCRIPT_KINDS = new Set(['Shell', 'PowerShell']);

export const scriptOrInlineRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    return [...customizers(resource), ...inVMValidators(resource)].flatMap(checkStep);
  },
};

function checkStep({ value, path }: Located<JsonObject>): RuleFinding[] {
  const kind = kindOf(value);
  if (!kind || !SCRIPT_KINDS.has(kind)) return [];
  const hasScript = value.scriptUri !== undefined && value.scriptUri !== '';
  const hasInline = value.inline !== undefined && !(Array.isArray(value.inline) && value.inline.length === 0);
  if (hasScript && hasInline) {
    return [ruleFinding(RULE, 'error', [...path, 'inline'],
      localizable('A {0} step takes either "scriptUri" or "inline", not both. Remove one of them.', kind), 'key')];
  }
  if (!hasScript && !hasInline) {
    return [ruleFinding(RULE, 'error', [...path, 'type'],
      localizable('This {0} step has nothing to run: add "inline" commands or a "scriptUri".', kind))];
  }
  return [];
}
