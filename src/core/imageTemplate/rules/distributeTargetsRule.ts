// A build with nowhere to go is rejected by the service only after upload; say so while editing.

import { localizable, ruleFinding } from '../finding.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { templateProperties } from '../templateAccess.ts';

const RULE = 'distribute-targets';

export const distributeTargetsRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const properties = templateProperties(resource);
    if (!properties) return [];
    const distribute = properties.distribute;
    if (distribute === undefined || (Array.isArray(distribute) && distribute.length === 0)) {
      return [ruleFinding(RULE, 'error', ['properties', 'distribute'], localizable(
        'Add at least one distribution target to "distribute": a managed image (ManagedImage), an Azure Compute Gallery image (SharedImage) or a VHD.'))];
    }
    return [];
  },
};
