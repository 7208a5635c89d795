import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainMissingDownloadRole } from '../../../src/core/diskDataAccess/explainMissingDownloadRole.ts';
import { resolveDiskTokenAudience } from '../../../src/core/diskDataAccess/resolveDiskTokenAudience.ts';
import { isEntraIdSecured } from '../../../src/core/diskDataAccess/dataAccessConstants.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';

const DISK_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/d1';

test('missing role: names the disk, the action, the role of the article and the scope; a command to grant it', () => {
  const e = explainMissingDownloadRole({
    kind: 'disk', name: 'd1', resourceId: DISK_ID, assignee: 'aiko@contoso.com',
    permission: { allowed: false, requiredAction: 'Microsoft.Compute/disks/download/action' },
  }, formatMessage);
  assert.equal(e.message, 'Disk d1 is secured with Microsoft Entra ID, and your account lacks Microsoft.Compute/disks/download/action on it. Ask an owner to assign you the "Data Operator for Managed Disks" role (or a custom role with that action) on the disk, its resource group or subscription.');
  assert.equal(e.detail, 'None of the roles you hold on d1 includes this action.');
  assert.equal(e.grantCommand, `az role assignment create --assignee "aiko@contoso.com" --role "Data Operator for Managed Disks" --scope "${DISK_ID}"`);
});

test('missing role on a snapshot, excluded by NotDataActions: says which entry removed it', () => {
  const e = explainMissingDownloadRole({
    kind: 'snapshot', name: 's1', resourceId: DISK_ID.replace('disks/d1', 'snapshots/s1'),
    permission: { allowed: false, requiredAction: 'Microsoft.Compute/snapshots/download/action', excludedBy: 'Microsoft.Compute/*/download/action' },
  }, formatMessage);
  assert.match(e.message, /^Snapshot s1 is secured with Microsoft Entra ID, and your account lacks Microsoft\.Compute\/snapshots\/download\/action/);
  assert.match(e.message, /on the snapshot, its resource group or subscription\.$/);
  assert.equal(e.detail, 'A role you hold grants it, but excludes it again through its NotDataActions entry "Microsoft.Compute/*/download/action".');
  assert.match(e.grantCommand, /--assignee "<your-user@your-tenant>"/);
});

test('an Owner without the data role: the message says how to get the role, the detail why Owner is not enough', () => {
  const e = explainMissingDownloadRole({
    kind: 'disk', name: 'd1', resourceId: DISK_ID,
    permission: { allowed: false, requiredAction: 'Microsoft.Compute/disks/download/action', managementOnlyPattern: '*' },
  }, formatMessage);
  assert.match(e.message, /Ask an owner to assign you the "Data Operator for Managed Disks" role/);
  assert.equal(e.detail, 'Your roles (such as Owner or Contributor, "*") let you manage d1, but downloading is a data action, which only a role\'s DataActions grant.');
});

test('disk token audience: default https://disk.azure.com/, a setting overrides, http or junk refused', () => {
  assert.deepEqual(resolveDiskTokenAudience(undefined), { ok: true, audience: 'https://disk.azure.com/', scope: 'https://disk.azure.com/.default' });
  assert.deepEqual(resolveDiskTokenAudience('  '), { ok: true, audience: 'https://disk.azure.com/', scope: 'https://disk.azure.com/.default' });
  assert.deepEqual(resolveDiskTokenAudience('https://disk.local-azure.test'), { ok: true, audience: 'https://disk.local-azure.test/', scope: 'https://disk.local-azure.test/.default' });
  const http = resolveDiskTokenAudience('http://disk.example');
  assert.equal(http.ok, false);
  assert.equal(!http.ok && formatMessage(http.problem, ...http.problemArgs), 'The disk token audience "http://disk.example" must start with https://.');
  assert.equal(resolveDiskTokenAudience('not a url').ok, false);
});

test('Entra ID mode is read from the flattened SDK model or from ARM JSON properties, case-insensitively', () => {
  assert.ok(isEntraIdSecured({ dataAccessAuthMode: 'AzureActiveDirectory' }));
  assert.ok(isEntraIdSecured({ properties: { dataAccessAuthMode: 'azureactivedirectory' } }));
  assert.ok(!isEntraIdSecured({ dataAccessAuthMode: 'None' }));
  assert.ok(!isEntraIdSecured({}));
});
