import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSovereignCloudMismatch } from '../../../src/core/cloud/findSovereignCloudMismatch.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';

test("our cloud and VS Code's Microsoft account cloud agree: nothing to say", () => {
  assert.equal(findSovereignCloudMismatch(undefined, undefined), undefined);
  assert.equal(findSovereignCloudMismatch('AzureCloud', ''), undefined);
  assert.equal(findSovereignCloudMismatch('AzureChinaCloud', 'ChinaCloud'), undefined);
  assert.equal(findSovereignCloudMismatch('AzureUSGovernment', 'usgovernment'), undefined);
  assert.equal(findSovereignCloudMismatch('Custom', 'ChinaCloud'), undefined, 'a custom cloud signs in with the CLI');
});

test('they differ: the user is told both clouds and which setting to fix', () => {
  const china = findSovereignCloudMismatch('AzureChinaCloud', undefined);
  assert.equal(china?.setting, 'azureLinuxVm.cloud');
  assert.equal(
    formatMessage(china!.problem, ...china!.problemArgs),
    'azureLinuxVm.cloud is AzureChinaCloud but VS Code\'s Microsoft account signs in to AzureCloud (microsoft-sovereign-cloud.environment): choose the cloud again with "Select Cloud".',
  );
  const publicButGov = findSovereignCloudMismatch('AzureCloud', 'USGovernment');
  assert.deepEqual(publicButGov?.problemArgs, ['AzureCloud', 'USGovernment']);
});
