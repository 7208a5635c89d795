import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StagingResourceGroupFacts } from '../../../../src/core/imageTemplate/imageTemplateFacts.ts';
import { stagingResourceGroupRule } from '../../../../src/core/imageTemplate/rules/stagingResourceGroupRule.ts';
import { SUBSCRIPTION, check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

const GROUP_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/aib-staging`;
const messagesFor = (stagingResourceGroup: unknown, stagingFacts?: StagingResourceGroupFacts) => {
  const template = linuxTemplate();
  propertiesOf(template).stagingResourceGroup = stagingResourceGroup;
  return check(stagingResourceGroupRule, template, stagingFacts ? { stagingResourceGroup: stagingFacts } : {}).map((f) => f.message);
};

test('a resource group id passes; empty, absent or an expression is fine', () => {
  for (const value of [GROUP_ID, '', undefined, "[parameters('staging')]"]) assert.deepEqual(messagesFor(value), [], String(value));
  assert.deepEqual(messagesFor(GROUP_ID, { exists: false }), []);
  assert.deepEqual(messagesFor(GROUP_ID, { exists: true, resourceCount: 0, location: 'West US 2' }), []);
});

test('a bare name gets the id to write instead', () => {
  assert.deepEqual(messagesFor('aib-staging'), ['Give the resource group\'s id, not its name: /subscriptions/<subscriptionId>/resourceGroups/aib-staging']);
});

test('anything after the group name, or a malformed id, is refused', () => {
  for (const id of [`${GROUP_ID}/providers/Microsoft.Storage/storageAccounts/x`, '/subscriptions/not-a-guid/resourceGroups/x', `${GROUP_ID}.`]) {
    assert.match(messagesFor(id)[0], /must be a resource group id/, id);
  }
});

test('with facts from Azure: a group that holds resources, or sits in another region, is an error', () => {
  assert.deepEqual(messagesFor(GROUP_ID, { exists: true, resourceCount: 3 }), [
    'This resource group already holds 3 resource(s). A staging resource group must be empty: pick a new name (it will be created) or an empty group.',
  ]);
  assert.match(messagesFor(GROUP_ID, { exists: true, resourceCount: 0, location: 'eastus' })[0], /is in "eastus" but the template is in "westus2"/);
});
