// Templates copied from the docs carry `<subscriptionID>`, `<rgName>`, `<region1>` (and the REST reference
// `{subscription-id}`) to be filled in. Looks in every value and every key (identity ids are keys), but not in
// commands, where `<` and `{}` are shell or PowerShell syntax.

import { isArmExpression } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding, type JsonPath, type RuleFinding } from '../finding.ts';
import { findPlaceholders } from '../placeholders.ts';

const RULE = 'unreplaced-placeholder';
/** Properties whose strings are commands or filters, not Azure values. */
const COMMAND_PROPERTIES = new Set(['inline', 'restartCommand', 'restartCheckCommand', 'searchCriteria', 'filters', 'comments', 'metadata']);

export const unreplacedPlaceholderRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const findings: RuleFinding[] = [];
    visit(resource, [], findings);
    return findings;
  },
};

function visit(value: unknown, path: JsonPath, findings: RuleFinding[]): void {
  if (typeof value === 'string') {
    report(value, path, 'value', findings);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => visit(item, [...path, index], findings));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (COMMAND_PROPERTIES.has(key)) continue;
      report(key, [...path, key], 'key', findings);
      visit(child, [...path, key], findings);
    }
  }
}

function report(text: string, path: JsonPath, target: 'key' | 'value', findings: RuleFinding[]): void {
  if (isArmExpression(text)) return;
  const matches = findPlaceholders(text);
  if (matches.length === 0) return;
  const names = matches.map((m) => m.text).join(', ');
  const severity = matches.some((m) => m.style === 'angle') ? 'error' : 'warning';
  findings.push(ruleFinding(RULE, severity, path, localizable('Replace the placeholder {0} with a real value.', names), target));
}
