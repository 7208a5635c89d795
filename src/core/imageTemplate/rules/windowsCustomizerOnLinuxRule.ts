// PowerShell, WindowsRestart and WindowsUpdate steps only work on Windows; on a Linux source the build fails
// when it reaches them. The OS comes from the Marketplace publisher (or from Azure, for custom images).

import { localizable, ruleFinding, type RuleFinding } from '../finding.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { sourceImageTraits } from '../sourceImageTraits.ts';
import { customizers, inVMValidators, kindOf } from '../templateAccess.ts';

const RULE = 'windows-step-on-linux';
const WINDOWS_ONLY = new Set(['PowerShell', 'WindowsRestart', 'WindowsUpdate']);

export const windowsCustomizerOnLinuxRule: ImageTemplateRule = {
  id: RULE,
  check({ resource, facts }) {
    const traits = sourceImageTraits(resource, facts);
    if (traits.os !== 'Linux') return [];
    const findings: RuleFinding[] = [];
    for (const { value, path } of [...customizers(resource), ...inVMValidators(resource)]) {
      const kind = kindOf(value);
      if (!kind || !WINDOWS_ONLY.has(kind)) continue;
      findings.push(ruleFinding(RULE, 'error', [...path, 'type'], localizable(
        'A {0} step only runs on Windows, but the source image is Linux ({1}). Use a Shell step instead.', kind, traits.osEvidence ?? 'Linux')));
    }
    return findings;
  },
};
