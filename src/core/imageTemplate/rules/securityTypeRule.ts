// Trusted Launch / Confidential VM constraints (article 003, 機密 VM とトラステッド起動のサポート):
// - TrustedLaunchSupported and ConfidentialVMSupported images can be sources; TrustedLaunch and ConfidentialVM
//   images can't.
// - With a TrustedLaunchSupported source, the target must be TrustedLaunchSupported too: a normal source with a
//   TrustedLaunchSupported target, or a TrustedLaunchSupported source with a regular Gen2 target, is unsupported.
// Security types live in Azure (image features), so this rule speaks only when the shell supplied them.

import { isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding, type RuleFinding } from '../finding.ts';
import { galleryImageFacts, type ImageSecurityType } from '../imageTemplateFacts.ts';
import { distributors, kindOf, source } from '../templateAccess.ts';

const RULE = 'security-type';
const NOT_A_SOURCE = new Set<ImageSecurityType>(['TrustedLaunch', 'ConfidentialVM']);

function isTrustedLaunchSupported(type: ImageSecurityType | undefined): boolean {
  return type === 'TrustedLaunchSupported' || type === 'TrustedLaunchAndConfidentialVmSupported';
}

export const securityTypeRule: ImageTemplateRule = {
  id: RULE,
  check({ resource, facts }) {
    const sourceType = facts.sourceImage?.securityType;
    const sourceAt = source(resource);
    if (!sourceType || !sourceAt) return [];
    if (NOT_A_SOURCE.has(sourceType)) {
      return [ruleFinding(RULE, 'error', [...sourceAt.path, 'type'], localizable(
        'The source image has security type {0}, which VM Image Builder can\'t use as a source. Use a {1}Supported image instead.',
        sourceType, sourceType))];
    }
    const findings: RuleFinding[] = [];
    for (const { value, path } of distributors(resource)) {
      if (kindOf(value) !== 'SharedImage' || !isLiteralString(value.galleryImageId)) continue;
      const targetType = galleryImageFacts(facts, value.galleryImageId)?.securityType;
      if (!targetType) continue;
      const at = [...path, 'galleryImageId'];
      if (isTrustedLaunchSupported(sourceType) && !isTrustedLaunchSupported(targetType)) {
        findings.push(ruleFinding(RULE, 'error', at, localizable(
          'The source is TrustedLaunchSupported, so the target image definition must be TrustedLaunchSupported too (it is {0}). Distributing to a regular Gen2 definition is not supported.',
          targetType)));
      } else if (sourceType === 'Standard' && isTrustedLaunchSupported(targetType)) {
        findings.push(ruleFinding(RULE, 'error', at, localizable(
          'The target image definition is TrustedLaunchSupported but the source is {0}. Both must be TrustedLaunchSupported: pick a TrustedLaunchSupported source or another definition.',
          sourceType)));
      }
    }
    return findings;
  },
};
