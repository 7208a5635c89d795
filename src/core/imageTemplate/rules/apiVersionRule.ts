// Our schema describes api-version 2025-10-01 (what the extension deploys with). An older api-version may lack
// properties the schema accepts, so say which version the checks assume.

import { isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { localizable, ruleFinding } from '../finding.ts';

const RULE = 'api-version';
export const CHECKED_API_VERSION = '2025-10-01';

export const apiVersionRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const version = resource.apiVersion;
    if (!isLiteralString(version) || version === CHECKED_API_VERSION) return [];
    return [ruleFinding(RULE, 'info', ['apiVersion'], localizable(
      'These checks follow api-version {0}; with "{1}" some properties may not exist or behave differently.', CHECKED_API_VERSION, version))];
  },
};
