// `runAsSystem` only takes effect with `runElevated: true` (API reference); alone it is silently ignored, and the
// script then runs without the rights its author expected.

import { localizable, ruleFinding } from '../finding.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { customizers, inVMValidators, kindOf } from '../templateAccess.ts';

const RULE = 'powershell-elevation';

export const powerShellElevationRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    return [...customizers(resource), ...inVMValidators(resource)]
      .filter(({ value }) => kindOf(value) === 'PowerShell' && value.runAsSystem === true && value.runElevated !== true)
      .map(({ path }) => ruleFinding(RULE, 'error', [...path, 'runAsSystem'], localizable(
        '"runAsSystem": true needs "runElevated": true as well.')));
  },
};
