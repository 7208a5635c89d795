// The distributed image always has the source's Hyper-V generation (article 003, Hyper-V の世代), so a gallery
// image definition of the other generation can't receive it. The source generation comes from Azure or from the
// SKU name (Gen2 SKUs end in "-gen2" / "-g2"); the target's from Azure. Without the target's facts nothing is said
// about it (a valid Gen2 template must not collect a hint on every keystroke). A Gen2 source also can't be built on a
// VM size that only runs Gen1 VMs (A-series, NC and NV v1), so `vmProfile.vmSize` is checked against it.

import { isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding, type RuleFinding } from '../finding.ts';
import { galleryImageFacts } from '../imageTemplateFacts.ts';
import { sourceImageTraits } from '../sourceImageTraits.ts';
import { asObject, distributors, kindOf, templateProperties } from '../templateAccess.ts';

/** Sizes without Gen2 support: Basic and Standard A-series (incl. Av2), NC and NV (first versions). */
const GEN1_ONLY_SIZES = /^(basic_a\d+|standard_a\d+|standard_a\d+m?_v2|standard_nc\d+r?|standard_nv\d+)$/i;

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
      }
    }
    const vmSize = asObject(templateProperties(resource)?.vmProfile)?.vmSize;
    if (traits.generation === 'V2' && isLiteralString(vmSize) && GEN1_ONLY_SIZES.test(vmSize.trim())) {
      findings.push(ruleFinding(RULE, 'error', ['properties', 'vmProfile', 'vmSize'], localizable(
        'The build VM size {0} runs only Hyper-V generation 1 VMs, but the source image is Gen2 (from {1}). Pick a size that supports Gen2, e.g. Standard_D2ds_v4 (the service\'s default for Gen2).',
        vmSize, evidence)));
    }
    return findings;
  },
};
