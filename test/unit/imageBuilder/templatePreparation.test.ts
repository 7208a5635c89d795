import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickBuildLogBlob, quotedBuildLogUrl, stagingResourceGroupName, storageAccountNameFromBlobEndpoint } from '../../../src/core/imageBuilder/buildLogLocation.ts';
import { explainIdentityPermissions } from '../../../src/core/imageBuilder/explainIdentityPermissions.ts';
import { prepareTemplateForDeployment, validateTemplateName } from '../../../src/core/imageBuilder/prepareTemplateForDeployment.ts';
import { templateFileContent } from '../../../src/core/imageBuilder/templateJson.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';

const RG = '/subscriptions/s/resourceGroups/rg-images';
const template = {
  type: 'Microsoft.VirtualMachineImages/imageTemplates', apiVersion: '2025-10-01', name: 'it-web', location: 'japaneast',
  identity: { type: 'UserAssigned', userAssignedIdentities: { [`${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`]: {} } },
  properties: {
    source: { type: 'SharedImageVersion', imageVersionId: '/subscriptions/s/resourceGroups/rg-src/providers/Microsoft.Compute/galleries/gal/images/base/versions/1.0.0' },
    customize: [{ type: 'Shell', name: 'tools', scriptUri: 'https://scripts01.blob.core.windows.net/c/tools.sh', sha256Checksum: 'ab' }],
    distribute: [
      { type: 'ManagedImage', imageId: `${RG}/providers/Microsoft.Compute/images/img-web`, location: 'japaneast', runOutputName: 'img' },
      { type: 'SharedImage', galleryImageId: `${RG}/providers/Microsoft.Compute/galleries/gal2/images/web`, runOutputName: 'sig' },
    ],
    vmProfile: { vnetConfig: { subnetId: '/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/build' } },
  },
};

test('a file template becomes the PUT body: no type/apiVersion/name, name kept aside', () => {
  const prepared = prepareTemplateForDeployment(template, t);
  assert.ok(prepared.ok);
  assert.equal(prepared.name, 'it-web');
  assert.deepEqual(Object.keys(prepared.body).sort(), ['identity', 'location', 'properties']);
});

test('ARM expressions and a missing location are refused with the reason', () => {
  const withExpression = { ...template, location: "[parameters('location')]" };
  const refused = prepareTemplateForDeployment(withExpression, t);
  assert.equal(refused.ok, false);
  assert.match((refused as { problem: string }).problem, /ARM template expressions \(location\)/);
  const noLocation = prepareTemplateForDeployment({ ...template, location: undefined }, t);
  assert.match((noLocation as { problem: string }).problem, /no location/);
  assert.equal(validateTemplateName('it web', t) !== undefined, true);
  assert.equal(validateTemplateName('it-web_1.2', t), undefined);
});

test('the identity needs: write to the image group and gallery, read the source, scripts, subnet join', () => {
  const prepared = prepareTemplateForDeployment(template, t);
  assert.ok(prepared.ok);
  const needs = explainIdentityPermissions(prepared.body, t);
  assert.deepEqual(needs.map((n) => `${n.scope} | ${n.reason}`), [
    `${RG} | create the managed image`,
    `${RG}/providers/Microsoft.Compute/galleries/gal2 | publish the image version to the gallery`,
    '/subscriptions/s/resourceGroups/rg-src/providers/Microsoft.Compute/galleries/gal | read the source image version',
    'storage account scripts01 | download customization files (Storage Blob Data Reader)',
    '/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/build | put the build VM in the subnet',
  ]);
  assert.ok(needs[4].actions.includes('Microsoft.Network/virtualNetworks/subnets/join/action'));
});

test('a saved template file leaves out what ARM added', () => {
  const saved = JSON.parse(templateFileContent('it-web', {
    ...template, id: 'x', identity: { type: 'UserAssigned', userAssignedIdentities: { '/id': { principalId: 'p' } } },
    properties: { ...template.properties, provisioningState: 'Succeeded', lastRunStatus: { runState: 'Failed' }, exactStagingResourceGroup: '/x' },
  }));
  assert.equal(saved.type, 'Microsoft.VirtualMachineImages/imageTemplates');
  assert.equal(saved.apiVersion, '2025-10-01');
  assert.equal(saved.id, undefined);
  assert.deepEqual(saved.identity, { type: 'UserAssigned', userAssignedIdentities: { '/id': {} } });
  assert.deepEqual(Object.keys(saved.properties).sort(), ['customize', 'distribute', 'source', 'vmProfile']);
});

test('the staging group, the account name of an endpoint and the latest log blob', () => {
  assert.equal(stagingResourceGroupName({ exactStagingResourceGroup: '/subscriptions/s/resourceGroups/IT_rg_t_1' }), 'IT_rg_t_1');
  assert.equal(stagingResourceGroupName({}), undefined);
  assert.equal(storageAccountNameFromBlobEndpoint('https://abc123.blob.core.windows.net/'), 'abc123');
  assert.equal(storageAccountNameFromBlobEndpoint('http://127.0.0.1:10000/devstoreaccount1/'), 'devstoreaccount1');
  const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
  const blobs = [{ name: 'a/customization.log', lastModified: at(10) }, { name: 'b/customization.log', lastModified: at(40) }, { name: 'b/other.txt', lastModified: at(50) }];
  assert.equal(pickBuildLogBlob(blobs)?.name, 'b/customization.log');
  assert.equal(pickBuildLogBlob(blobs, at(45)), undefined, 'the new run has not written its log yet');
  const url = quotedBuildLogUrl('... Image Build log location: https://x.blob.core.windows.net/packerlogs/a/customization.log');
  assert.equal(pickBuildLogBlob(blobs, undefined, url)?.name, 'a/customization.log');
});
