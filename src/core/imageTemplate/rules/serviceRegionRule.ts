// The template must be created in a region where VM Image Builder runs (the article's list); its images can still
// be distributed to any region, so only `location` is checked. Preview regions need a feature registered first.

import { isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding } from '../finding.ts';
import { hasPlaceholder } from '../placeholders.ts';
import { IMAGE_BUILDER_REGIONS, findImageBuilderRegion } from '../serviceRegions.ts';

const RULE = 'service-region';

export const serviceRegionRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const location = resource.location;
    if (!isLiteralString(location) || location.trim() === '' || hasPlaceholder(location)) return [];
    const region = findImageBuilderRegion(location);
    if (!region) {
      return [ruleFinding(RULE, 'error', ['location'], localizable(
        'VM Image Builder does not run in "{0}". Create the template in one of: {1}. (Images can still be distributed to "{0}".)',
        location, IMAGE_BUILDER_REGIONS.map((r) => r.name).join(', ')))];
    }
    if (region.previewFeature) {
      return [ruleFinding(RULE, 'info', ['location'], localizable(
        'Image Builder is in public preview in "{0}". Register the feature first: Register-AzProviderPreviewFeature -ProviderNamespace Microsoft.VirtualMachineImages -Name {1}',
        region.name, region.previewFeature))];
    }
    return [];
  },
};
