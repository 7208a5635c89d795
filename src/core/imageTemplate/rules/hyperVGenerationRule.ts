// The distributed image always has the source's Hyper-V generation (article 003, Hyper-V の世代), so a gallery
// image definition of the other generation can't receive it. The source generation comes from Azure or from the
// SKU name (Gen2 SKUs end in "-gen2" / "-g2"); the target's from Azure. Without the target's, a Gen2 SKU gets a hint.

import { isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding, type RuleFinding } from '../finding.ts';
import { galleryImageFacts } from '../imageTemplateFacts.ts';
import { sourceImageTraits } from '../sourceImageTraits.ts';
import { distributors, kindOf } from '../templateAccess.ts';

const RULE = 'hyper-v-generation';

export const hyperVGenerationRule: ImageTemplateRule = {
  id: RULE,
  check({ resource, facts }) {
    const traits = sourceImageTraits(resource, facts);
    if (!traits.generation) return [];
    const findings: RuleFinding[] = [];
    const evidence = traits.generationEvidence === 'sku' ? `SKU "${traits.sku}"` : 'Azure';
    for (const { value, path } of distributors(resource)) {
      if (kindOf(value) !== 'SharedImage' || !isLiteralString(value.galleryImageId)) continue;
      const at = [...path, 'galleryImageId'];
      const targetGeneration = galleryImageFacts(facts, value.galleryImageId)?.hyperVGeneration;
      if (targetGeneration && targetGeneration !== traits.generation) {
        findings.push(ruleFinding(RULE, 'error', at, localizable(
          'The source image is Hyper-V generation {0} (from {1}) but this image definition is {2}. The output keeps the source\'s generation: use a {0} image definition or a {2} source.',
          traits.generation, evidence, targetGeneration)));
      } else if (!targetGeneration && traits.generation === 'V2' && traits.generationEvidence === 'sku') {
        findings.push(ruleFinding(RULE, 'info', at, localizable(
          'SKU "{0}" is a Gen2 image, so this gallery image definition must have Hyper-V generation V2.', traits.sku ?? '')));
      }
    }
    return findings;
  },
};
