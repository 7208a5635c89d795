// `stagingResourceGroup` is a resource group *id* in the template's subscription. If the group exists it must be
// empty and in the template's region (API reference); whether it is empty is known only to Azure, so the shell
// passes `facts.stagingResourceGroup` and this rule turns it into a finding.

import { isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { RESOURCE_ID_SHAPES, matchesResourceIdShape } from '../azureResourceId.ts';
import { localizable, ruleFinding, type RuleFinding } from '../finding.ts';
import { hasPlaceholder } from '../placeholders.ts';
import { normalizeRegionName } from '../serviceRegions.ts';
import { templateProperties } from '../templateAccess.ts';

const RULE = 'staging-resource-group';
const PATH = ['properties', 'stagingResourceGroup'];
const RESOURCE_GROUP_NAME = /^[-\w._()]{1,90}$/;

export const stagingResourceGroupRule: ImageTemplateRule = {
  id: RULE,
  check({ resource, facts }) {
    const id = templateProperties(resource)?.stagingResourceGroup;
    if (!isLiteralString(id) || id.trim() === '' || hasPlaceholder(id)) return [];
    if (!id.includes('/')) {
      return [ruleFinding(RULE, 'error', PATH, RESOURCE_GROUP_NAME.test(id)
        ? localizable('Give the resource group\'s id, not its name: /subscriptions/<subscriptionId>/resourceGroups/{0}', id)
        : localizable('"{0}" is not a resource group id: {1}', id, RESOURCE_ID_SHAPES.resourceGroup.example))];
    }
    if (!matchesResourceIdShape(id, 'resourceGroup')) {
      return [ruleFinding(RULE, 'error', PATH, localizable(
        'The staging resource group must be a resource group id ({0}) with nothing after the group name.', RESOURCE_ID_SHAPES.resourceGroup.example))];
    }
    return checkFacts(resource.location, facts.stagingResourceGroup);
  },
};

function checkFacts(location: unknown, group: { exists: boolean; resourceCount?: number; location?: string } | undefined): RuleFinding[] {
  if (!group?.exists) return [];
  const findings: RuleFinding[] = [];
  if (group.resourceCount !== undefined && group.resourceCount > 0) {
    findings.push(ruleFinding(RULE, 'error', PATH, localizable(
      'This resource group already holds {0} resource(s). A staging resource group must be empty: pick a new name (it will be created) or an empty group.',
      group.resourceCount)));
  }
  if (group.location && isLiteralString(location) && normalizeRegionName(group.location) !== normalizeRegionName(location)) {
    findings.push(ruleFinding(RULE, 'error', PATH, localizable(
      'This resource group is in "{0}" but the template is in "{1}". The staging resource group must be in the template\'s region.',
      group.location, location)));
  }
  return findings;
}
