import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import { assignRoleToIdentity, readPrincipalRoles, readUserAssignedIdentity } from '../../../src/azure/imageBuilder/identityPermissions.ts';
import { evaluateIdentityPermissions, templateIdentityId } from '../../../src/core/imageBuilder/evaluateIdentityPermissions.ts';
import { explainIdentityPermissions } from '../../../src/core/imageBuilder/explainIdentityPermissions.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { CATALOG_GALLERY, identityOf, imageBuilderCatalogFor } from '../../azure-local/imageBuilder/imageBuilderCatalog.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';
import { IMAGES_RG, linuxTemplate, PROD } from './testTemplates.ts';

// The template's identity as the deploy flow checks it: it exists, its principal id, the roles it holds on the
// targets and sources, what is missing, and assigning what is missing.

let local: LocalAzure;
let session: SubscriptionSession;
const originalPath = process.env.PATH;

before(async () => {
  local = await startLocalAzure({ lroDurationMs: 100 });
  imageBuilderCatalogFor(local.state);
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  session = (await listAzureCliSubscriptions(localCloud(local), azureCliCredentials())).subscriptions.find((s) => s.subscriptionId === PROD)!;
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

async function gapsOf(template: ReturnType<typeof linuxTemplate>) {
  const identity = await readUserAssignedIdentity(session, templateIdentityId(template)!);
  assert.ok(identity, 'the identity exists');
  const needs = explainIdentityPermissions(template, formatMessage);
  const gaps = [];
  for (const need of needs) {
    const roles = await readPrincipalRoles(session, need.scope, identity.principalId);
    gaps.push(...evaluateIdentityPermissions({ needs: [need], principalId: identity.principalId, ...roles }));
  }
  return { identity, gaps };
}

test('the identity is read with its principal id; a missing identity reads as undefined', async () => {
  const identity = await readUserAssignedIdentity(session, identityOf('id-image-builder').id);
  assert.equal(identity?.principalId, identityOf('id-image-builder').properties!.principalId);
  assert.equal(await readUserAssignedIdentity(session, identityOf('id-nobody').id), undefined);
});

test('without role assignments the targets and sources are missing; assigning them closes every gap', async () => {
  const template = linuxTemplate('perm');
  const gallery = `/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}/providers/Microsoft.Compute/galleries/${CATALOG_GALLERY}`;
  template.properties!.source = { type: 'SharedImageVersion', imageVersionId: `${gallery}/images/ubuntu-gen2/versions/1.0.0` };
  const before = await gapsOf(template);
  assert.deepEqual(before.gaps.map((g) => `${g.need.reason} @ ${g.need.scope} → ${g.role.name}`), [
    `create the managed image @ /subscriptions/${PROD}/resourceGroups/${IMAGES_RG} → Contributor`,
    `read the source image version @ ${gallery} → Reader`,
  ]);
  for (const gap of before.gaps) await assignRoleToIdentity(session, gap.need.scope, gap.role.id, before.identity.principalId);
  // Assigning again is harmless (same name, same content).
  await assignRoleToIdentity(session, before.gaps[0].need.scope, before.gaps[0].role.id, before.identity.principalId);
  assert.deepEqual((await gapsOf(template)).gaps, []);
});

test('a role at the subscription covers every scope below it', async () => {
  const template = linuxTemplate('sub');
  template.properties!.distribute = [{ type: 'ManagedImage', imageId: `/subscriptions/${PROD}/resourceGroups/rg-web-prod-japaneast/providers/Microsoft.Compute/images/img`, location: 'japaneast', runOutputName: 'o' }];
  const { identity, gaps } = await gapsOf(template);
  assert.equal(gaps.length, 1);
  await assignRoleToIdentity(session, `/subscriptions/${PROD}`, gaps[0].role.id, identity.principalId);
  assert.deepEqual((await gapsOf(template)).gaps, []);
});
