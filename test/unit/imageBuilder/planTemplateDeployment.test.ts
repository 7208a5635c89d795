import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextVersionedTemplateName } from '../../../src/core/imageBuilder/nextVersionedTemplateName.ts';
import { planTemplateDeployment } from '../../../src/core/imageBuilder/planTemplateDeployment.ts';
import { writableTemplateBody } from '../../../src/core/imageBuilder/templateJson.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';

const ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ib';
const file = {
  type: 'Microsoft.VirtualMachineImages/imageTemplates', apiVersion: '2025-10-01', name: 'it-web',
  location: 'japaneast', tags: { team: 'web' },
  identity: { type: 'UserAssigned', userAssignedIdentities: { [ID]: {} } },
  properties: {
    source: { type: 'PlatformImage', publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
    customize: [{ type: 'Shell', name: 'tools', inline: ['sudo apt-get install -y jq'] }],
    distribute: [{ type: 'VHD', runOutputName: 'web-vhd' }],
  },
};
/** As ARM returns it: read-only state, principal ids, casing and defaults the service fills in. */
const deployed = (overrides: Record<string, unknown> = {}, run?: Record<string, unknown>) => ({
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.VirtualMachineImages/imageTemplates/it-web', name: 'it-web',
  location: 'Japan East', tags: { team: 'web' },
  identity: { type: 'UserAssigned', userAssignedIdentities: { [ID.toLowerCase()]: { principalId: 'p', clientId: 'c' } } },
  properties: {
    ...file.properties, buildTimeoutInMinutes: 0, vmProfile: { vmSize: '', osDiskSizeGB: 0 },
    provisioningState: 'Succeeded', exactStagingResourceGroup: '/subscriptions/s/resourceGroups/IT_rg_it-web_1',
    ...(run ? { lastRunStatus: run } : {}), ...overrides,
  },
});
const local = writableTemplateBody(file);

test('no deployed template: create', () => {
  assert.deepEqual(planTemplateDeployment(local, undefined, t), { kind: 'create' });
});

test('the same template as deployed (defaults, read-only state, id casing aside) is unchanged', () => {
  assert.deepEqual(planTemplateDeployment(local, deployed(), t), { kind: 'unchanged' });
});

test('only tags changed: an update in place', () => {
  assert.deepEqual(planTemplateDeployment({ ...local, tags: { team: 'platform' } }, deployed(), t), { kind: 'updateInPlace', changed: ['tags'] });
});

test('a changed customizer is an immutable change, named by the part that changed', () => {
  const changed = { ...local, properties: { ...local.properties, customize: [{ type: 'Shell', name: 'tools', inline: ['sudo apt-get install -y htop'] }] } };
  assert.deepEqual(planTemplateDeployment(changed, deployed(), t), { kind: 'immutableChange', changed: ['properties.customize'] });
  const moved = { ...local, location: 'eastus' };
  assert.deepEqual(planTemplateDeployment(moved, deployed(), t), { kind: 'immutableChange', changed: ['location'] });
});

test('a deployed template that is building or being created cannot be replaced now', () => {
  const changed = { ...local, location: 'eastus' };
  const building = planTemplateDeployment(changed, deployed({}, { runState: 'Running', runSubState: 'Customizing' }), t);
  assert.equal(building.kind, 'busy');
  assert.match((building as { reason: string }).reason, /it-web is building right now/);
  const creating = planTemplateDeployment(changed, deployed({ provisioningState: 'Creating' }), t);
  assert.match((creating as { reason: string }).reason, /provisioning state Creating/);
});

test('versioned names: -v2, then the next free number, within 64 characters', () => {
  assert.equal(nextVersionedTemplateName('it-web', []), 'it-web-v2');
  assert.equal(nextVersionedTemplateName('it-web-v2', ['it-web-v3', 'IT-WEB-V4']), 'it-web-v5');
  assert.equal(nextVersionedTemplateName('it-web', ['it-web-v2']), 'it-web-v3');
  const long = 'x'.repeat(64);
  assert.equal(nextVersionedTemplateName(long, []).length, 64);
  assert.match(nextVersionedTemplateName(long, []), /-v2$/);
});
