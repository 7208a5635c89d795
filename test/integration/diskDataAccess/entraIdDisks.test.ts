// Disks secured with Microsoft Entra ID, end to end against the local Azure: the role check through ARM's
// permissions API (role present / absent), the download through the extension's engine with and without the
// disk-audience token (the stand-in's proxy refuses it without), turning the mode on and off, and the Backup
// lookup that makes the warning louder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { createDiskTokenGetter } from '../../../src/azure/diskDataAccess/createDiskTokenGetter.ts';
import { diskRefFromId } from '../../../src/azure/diskDataAccess/diskRef.ts';
import { getVmBackupProtection } from '../../../src/azure/diskDataAccess/getVmBackupProtection.ts';
import { grantReadAccess, revokeReadAccess } from '../../../src/azure/diskDataAccess/grantAndRevoke.ts';
import { listDownloadPermissions, listDownloadPermissionsInResourceGroup } from '../../../src/azure/diskDataAccess/listDownloadPermissions.ts';
import { setDataAccessAuthMode } from '../../../src/azure/diskDataAccess/setDataAccessAuthMode.ts';
import { downloadPageBlobToFile } from '../../../src/azure/storage/downloadPageBlobToFile.ts';
import { evaluateDownloadPermission } from '../../../src/core/diskDataAccess/evaluateDownloadPermission.ts';
import { explainMissingDownloadRole } from '../../../src/core/diskDataAccess/explainMissingDownloadRole.ts';
import { resolveDiskTokenAudience } from '../../../src/core/diskDataAccess/resolveDiskTokenAudience.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { DEVTEST_SUBSCRIPTION, PROD_SUBSCRIPTION } from '../../azure-local/fixtures/default.ts';
import { GiB, expectedDiskBytes } from '../../azure-local/storage/fixedVhd.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';

let local: LocalAzure;
let prod: SubscriptionSession;
let dev: SubscriptionSession;
let workDir: string;
const originalPath = process.env.PATH;
const lro = { updateIntervalInMs: 20 };
const SECURE_DISK = `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/rg-security-prod/providers/Microsoft.Compute/disks/disk-secure-export-01`;
const SCRATCH_DISK = `/subscriptions/${DEVTEST_SUBSCRIPTION}/resourceGroups/rg-sandbox-eastus/providers/Microsoft.Compute/disks/disk-scratch-02`;

before(async () => {
  local = await startLocalAzure({ lroDurationMs: 50 });
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  const listing = await listAzureCliSubscriptions(localCloud(local), azureCliCredentials());
  prod = listing.subscriptions.find((s) => s.subscriptionId === PROD_SUBSCRIPTION)!;
  dev = listing.subscriptions.find((s) => s.subscriptionId === DEVTEST_SUBSCRIPTION)!;
  workDir = await mkdtemp(join(tmpdir(), 'entra-disk-'));
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

test('role present: Data Operator for Managed Disks on the resource group lets the user download the disk', async () => {
  const permissions = await listDownloadPermissions(prod, diskRefFromId(SECURE_DISK));
  assert.ok(permissions.some((p) => p.actions?.includes('*/read')), 'Reader from the subscription is listed too');
  assert.deepEqual(evaluateDownloadPermission(permissions, 'disk'), {
    allowed: true, requiredAction: 'Microsoft.Compute/disks/download/action', grantedBy: 'Microsoft.Compute/disks/download/action',
  });
  assert.ok(local.state.requestLog.some((r) => r.route === 'permissions.list' && r.status === 200));
});

test('turning the mode on and off: PATCH dataAccessAuthMode on a disk and a snapshot, read back from Azure', async () => {
  const scratch = diskRefFromId(SCRATCH_DISK);
  assert.equal(await setDataAccessAuthMode(dev, scratch, 'AzureActiveDirectory', lro), 'AzureActiveDirectory');
  assert.equal(local.state.get('disks', SCRATCH_DISK)!.resource.properties!.dataAccessAuthMode, 'AzureActiveDirectory');
  const snapshotId = `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/rg-web-prod-japaneast/providers/Microsoft.Compute/snapshots/snap-vm-web-01-os-20250601`;
  const snapshot = diskRefFromId(snapshotId);
  assert.equal(snapshot.kind, 'snapshot');
  assert.equal(await setDataAccessAuthMode(prod, snapshot, 'AzureActiveDirectory', lro), 'AzureActiveDirectory');
  assert.equal(await setDataAccessAuthMode(prod, snapshot, 'None', lro), 'None');
  assert.equal(local.state.get('snapshots', snapshotId)!.resource.properties!.dataAccessAuthMode, 'None');
});

test('role absent: Reader only on the Dev/Test subscription -> not allowed, and the message says how to get the role', async () => {
  const permissions = await listDownloadPermissions(dev, diskRefFromId(SCRATCH_DISK));
  const decision = evaluateDownloadPermission(permissions, 'disk');
  assert.equal(decision.allowed, false);
  assert.ok(!decision.allowed);
  const explained = explainMissingDownloadRole({ kind: 'disk', name: 'disk-scratch-02', resourceId: SCRATCH_DISK, permission: decision }, formatMessage);
  assert.match(explained.message, /^Disk disk-scratch-02 is secured with Microsoft Entra ID, and your account lacks Microsoft\.Compute\/disks\/download\/action on it\. Ask an owner to assign you the "Data Operator for Managed Disks" role/);
});

test('download of an Entra-ID disk: refused without the token, refused with a token of another audience, complete with it', async () => {
  const secure = diskRefFromId(SECURE_DISK);
  const sas = await grantReadAccess(prod, secure, 3600, lro);
  try {
    assert.ok(!sas.startsWith(local.blobEndpoint), 'served through the Entra-ID proxy, not Azurite directly');
    const file = join(workDir, 'disk-secure-export-01.vhd');
    await assert.rejects(downloadPageBlobToFile({ sasUrl: sas, destinationPath: file }), (e: Error & { code?: string }) => {
      // A 401 is about the token: reported as such, not as an expired link.
      assert.equal(e.code, 'tokenRefused');
      assert.match(e.message, /NoAuthenticationInformation|Microsoft Entra ID token/);
      return true;
    });
    const publicAudience = resolveDiskTokenAudience(undefined);
    assert.ok(publicAudience.ok);
    await assert.rejects(
      downloadPageBlobToFile({ sasUrl: sas, destinationPath: file, getBearerToken: createDiskTokenGetter(prod.credential, publicAudience.scope) }),
      /Audience validation failed|InvalidAuthenticationInfo/,
    );
    const localAudience = resolveDiskTokenAudience(local.diskTokenAudience);
    assert.ok(localAudience.ok);
    const result = await downloadPageBlobToFile({ sasUrl: sas, destinationPath: file, getBearerToken: createDiskTokenGetter(prod.credential, localAudience.scope) });
    assert.ok(result);
    const size = (await stat(file)).size;
    assert.equal(size, 1 * GiB + 512);
    const { readFile } = await import('node:fs/promises');
    const head = (await readFile(file)).subarray(0, 4096);
    assert.deepEqual(head, expectedDiskBytes('disk-secure-export-01', 1 * GiB, 0, 4096));
  } finally {
    await revokeReadAccess(prod, secure, lro);
  }
  assert.equal(local.state.get('disks', SECURE_DISK)!.resource.properties!.diskState, 'Unattached');
});

test('a disk token refused mid-download (401) is refreshed, not the SAS: no re-grant, the download completes', async () => {
  const secure = diskRefFromId(SECURE_DISK);
  const sas = await grantReadAccess(prod, secure, 3600, lro);
  try {
    const wrong = resolveDiskTokenAudience(undefined);
    const right = resolveDiskTokenAudience(local.diskTokenAudience);
    assert.ok(wrong.ok && right.ok);
    // Starts with a token the disk refuses (as an expired one would be), and has a good one once forced to refresh.
    const stale = createDiskTokenGetter(prod.credential, wrong.scope);
    const fresh = createDiskTokenGetter(prod.credential, right.scope);
    let refreshed = false;
    const getBearerToken = async (signal: AbortSignal, options?: { forceRefresh?: boolean }) => {
      if (options?.forceRefresh) refreshed = true;
      return refreshed ? fresh(signal, options) : stale(signal);
    };
    let regrants = 0;
    const retries: string[] = [];
    const result = await downloadPageBlobToFile({
      sasUrl: sas, destinationPath: join(workDir, 'token-refresh.vhd'), getBearerToken, overwrite: true,
      getFreshSasUrl: async () => { regrants++; return sas; },
      onRetry: (event) => retries.push(event.kind),
    });
    assert.ok(refreshed, 'the token was refreshed');
    assert.equal(regrants, 0, 'no new link was asked for');
    assert.ok(retries.every((k) => k === 'tokenRefused'), `retries: ${retries}`);
    assert.equal(result.blobSize, 1 * GiB + 512);
  } finally {
    await revokeReadAccess(prod, secure, lro);
  }
});

test('the snapshot an export will take is checked where it will live: its resource group', async () => {
  // The user holds Data Operator on rg-security-prod: a new snapshot there may be downloaded...
  const allowed = evaluateDownloadPermission(await listDownloadPermissionsInResourceGroup(prod, 'rg-security-prod'), 'snapshot');
  assert.equal(allowed.allowed, true);
  // ...and in rg-sandbox-eastus, where the user is only Reader, it may not (and ARM is not asked about a snapshot that does not exist).
  const before = local.state.requestLog.length;
  const refused = evaluateDownloadPermission(await listDownloadPermissionsInResourceGroup(dev, 'rg-sandbox-eastus'), 'snapshot');
  assert.equal(refused.allowed, false);
  const asked = local.state.requestLog.slice(before).filter((r) => r.route === 'permissions.list').map((r) => r.path);
  assert.ok(asked.length > 0 && asked.every((p) => /resourceGroups\/rg-sandbox-eastus\/providers\/Microsoft\.Authorization\/permissions/i.test(p)), `asked: ${asked}`);
});

test('a user without the role is refused by the disk even with a valid token (403)', async () => {
  const scratch = diskRefFromId(SCRATCH_DISK); // Entra ID since the toggle test; the user is only Reader there
  const sas = await grantReadAccess(dev, scratch, 600, lro);
  try {
    const audience = resolveDiskTokenAudience(local.diskTokenAudience);
    assert.ok(audience.ok);
    await assert.rejects(
      downloadPageBlobToFile({ sasUrl: sas, destinationPath: join(workDir, 'scratch.vhd'), getBearerToken: createDiskTokenGetter(dev.credential, audience.scope) }),
      /AuthorizationPermissionMismatch|not authorized/,
    );
  } finally {
    await revokeReadAccess(dev, scratch, lro);
  }
});

test('an Owner without the data role: refused by the check (with how to get the role) and by the disk itself', async () => {
  // Owner as Azure publishes it, assigned to the user on the sandbox group; the disk there is Entra ID since the toggle test.
  const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
  const scope = `/subscriptions/${DEVTEST_SUBSCRIPTION}/resourceGroups/rg-sandbox-eastus`;
  const assignmentId = `${scope}/providers/Microsoft.Authorization/roleAssignments/5f0c2d8e-1b3a-4c7d-9e6f-0a1b2c3d4e5f`;
  local.state.put('roleDefinitions', { resource: {
    id: `/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`, name: OWNER, type: 'Microsoft.Authorization/roleDefinitions',
    properties: { roleName: 'Owner', type: 'BuiltInRole', assignableScopes: ['/'], permissions: [{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }] },
  } });
  local.state.put('roleAssignments', { resource: {
    id: assignmentId, name: assignmentId.split('/').pop()!, type: 'Microsoft.Authorization/roleAssignments',
    properties: { roleDefinitionId: `/subscriptions/${DEVTEST_SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`, principalId: local.state.user.objectId, principalType: 'User', scope },
  } });
  try {
    const permissions = await listDownloadPermissions(dev, diskRefFromId(SCRATCH_DISK));
    assert.ok(permissions.some((p) => p.actions?.includes('*')), 'Owner is among the listed permissions');
    const decision = evaluateDownloadPermission(permissions, 'disk');
    assert.ok(!decision.allowed, 'Owner manages the disk but holds no download data action');
    const explained = explainMissingDownloadRole({ kind: 'disk', name: 'disk-scratch-02', resourceId: SCRATCH_DISK, permission: decision }, formatMessage);
    assert.match(explained.message, /lacks Microsoft\.Compute\/disks\/download\/action on it\. Ask an owner to assign you the "Data Operator for Managed Disks" role/);
    assert.match(explained.detail, /such as Owner or Contributor, "\*"\) let you manage disk-scratch-02, but downloading is a data action/);
    assert.match(explained.grantCommand, /--role "Data Operator for Managed Disks" --scope ".*disk-scratch-02"/);
    // What Azure does with such a user: the grant succeeds (a control-plane action), the download is refused.
    const sas = await grantReadAccess(dev, diskRefFromId(SCRATCH_DISK), 600, lro);
    try {
      const audience = resolveDiskTokenAudience(local.diskTokenAudience);
      assert.ok(audience.ok);
      await assert.rejects(
        downloadPageBlobToFile({ sasUrl: sas, destinationPath: join(workDir, 'owner.vhd'), getBearerToken: createDiskTokenGetter(dev.credential, audience.scope) }),
        /AuthorizationPermissionMismatch|not authorized/,
      );
    } finally {
      await revokeReadAccess(dev, diskRefFromId(SCRATCH_DISK), lro);
    }
  } finally {
    local.state.delete('roleAssignments', assignmentId);
  }
});

test('Backup lookup: vm-web-02 is protected (vault named), vm-web-01 is not', async () => {
  const vm = (name: string) => ({ id: `/subscriptions/${PROD_SUBSCRIPTION}/resourceGroups/rg-web-prod-japaneast/providers/Microsoft.Compute/virtualMachines/${name}`, location: 'japaneast' });
  const protectedVm = await getVmBackupProtection(prod, vm('vm-web-02'));
  assert.equal(protectedVm.kind, 'protected');
  assert.ok(protectedVm.kind === 'protected' && protectedVm.vaultName && protectedVm.vmName === 'vm-web-02');
  assert.deepEqual(await getVmBackupProtection(prod, vm('vm-web-01')), { kind: 'notProtected', vmName: 'vm-web-01' });
});
