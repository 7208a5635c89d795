// Each distribution target records its result in a run output named by `runOutputName`. Run outputs are child
// resources of the template, so names must be valid resource names and unique (ARM compares names without case).

import { isArmExpression } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding, type RuleFinding } from '../finding.ts';
import { distributors } from '../templateAccess.ts';

const RULE = 'run-output-names';
const VALID_NAME = /^[A-Za-z0-9-_.]{1,64}$/;

export const runOutputNamesRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const findings: RuleFinding[] = [];
    const firstByName = new Map<string, string>();
    for (const { value, path } of distributors(resource)) {
      const name = value.runOutputName;
      if (typeof name !== 'string' || isArmExpression(name)) continue;
      const at = [...path, 'runOutputName'];
      if (!VALID_NAME.test(name)) {
        findings.push(ruleFinding(RULE, 'error', at, localizable(
          'Run output name "{0}" is not valid: use 1–64 letters, digits, "-", "_" or "." (no spaces).', name)));
        continue;
      }
      const earlier = firstByName.get(name.toLowerCase());
      if (earlier !== undefined) {
        findings.push(ruleFinding(RULE, 'error', at, localizable(
          'Run output name "{0}" is already used by another target ("{1}"). Each target needs its own name.', name, earlier)));
      } else {
        firstByName.set(name.toLowerCase(), name);
      }
    }
    return findings;
  },
};
