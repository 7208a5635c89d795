// Every semantic rule. One rule per file under rules/; each is pure and reads Azure-only facts from its input.

import type { ImageTemplateRule } from './imageTemplateRule.ts';
import { apiVersionRule } from './rules/apiVersionRule.ts';
import { distributeTargetsRule } from './rules/distributeTargetsRule.ts';
import { downloadChecksumRule } from './rules/downloadChecksumRule.ts';
import { galleryImageIdRule } from './rules/galleryImageIdRule.ts';
import { hyperVGenerationRule } from './rules/hyperVGenerationRule.ts';
import { identityRequiredRule } from './rules/identityRequiredRule.ts';
import { powerShellElevationRule } from './rules/powerShellElevationRule.ts';
import { replicationRegionsRule } from './rules/replicationRegionsRule.ts';
import { resourceIdFormatRule } from './rules/resourceIdFormatRule.ts';
import { runOutputNamesRule } from './rules/runOutputNamesRule.ts';
import { scriptOrInlineRule } from './rules/scriptOrInlineRule.ts';
import { securityTypeRule } from './rules/securityTypeRule.ts';
import { serviceRegionRule } from './rules/serviceRegionRule.ts';
import { stagingResourceGroupRule } from './rules/stagingResourceGroupRule.ts';
import { unreplacedPlaceholderRule } from './rules/unreplacedPlaceholderRule.ts';
import { vnetConfigRule } from './rules/vnetConfigRule.ts';
import { windowsCustomizerOnLinuxRule } from './rules/windowsCustomizerOnLinuxRule.ts';

export const IMAGE_TEMPLATE_RULES: readonly ImageTemplateRule[] = [
  serviceRegionRule,
  identityRequiredRule,
  securityTypeRule,
  hyperVGenerationRule,
  windowsCustomizerOnLinuxRule,
  scriptOrInlineRule,
  powerShellElevationRule,
  downloadChecksumRule,
  distributeTargetsRule,
  runOutputNamesRule,
  galleryImageIdRule,
  replicationRegionsRule,
  resourceIdFormatRule,
  stagingResourceGroupRule,
  vnetConfigRule,
  unreplacedPlaceholderRule,
  apiVersionRule,
];
