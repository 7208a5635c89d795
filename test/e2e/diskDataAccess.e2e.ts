// A person exports a disk into a storage account from the tree (Azure copies it; access is revoked at the end),
// and checks whether they may download a disk secured with Microsoft Entra ID — against the local Azure, whose
// storage account is Azurite's and whose Entra-ID disks are served behind a proxy that demands the disk token.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { StorageSharedKeyCredential, BlobServiceClient } from '@azure/storage-blob';
import { LOCAL_DISK_TOKEN_AUDIENCE } from '../azure-local/storage/EntraDiskProxy.ts';
import { extensionVsix, realExtensionSkipReason, startSession, type E2ESession } from './harness/session.ts';

const PROD = 'Contoso Production';
const DISK = 'disk-orphan-logs-01';
const DISK_ID = '/subscriptions/3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12/resourceGroups/rg-web-prod-japaneast/providers/Microsoft.Compute/disks/disk-orphan-logs-01';

function diskStateInAzure(info: { armEndpoint: string; caCertPem: string }, id: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${info.armEndpoint}/__admin/state`, { ca: info.caCertPem }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        const state = JSON.parse(body) as { disks: Array<{ resource: { id: string; properties: { diskState: string } } }> };
        resolve(state.disks.find((d) => d.resource.id.toLowerCase() === id.toLowerCase())!.resource.properties.diskState);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Entra-ID disks and export to a storage account', { skip: realExtensionSkipReason() }, () => {
  let s: E2ESession;
  before(async () => {
    s = await startSession({
      name: 'disk-data-access', vsixFiles: [extensionVsix], localAzure: true,
      settings: { 'azureLinuxVm.customCloud.diskTokenAudience': LOCAL_DISK_TOKEN_AUDIENCE },
    });
    await s.wb.openViewContainer('Azure Linux VMs');
    await s.wb.setSideBarWidth(560);
  });
  afterEach((t) => s?.screenshotIfFailed(t as unknown as { name: string; passed?: boolean }));
  after(async () => {
    await s?.stop();
  });

  it('exports a disk to a new container from its context menu: the blob arrives, the disk is revoked', async () => {
    const { wb } = s;
    await wb.treeRow([PROD], 60_000);
    await wb.expandAndWaitForChildren([PROD]);
    await wb.expandAndWaitForChildren([PROD, 'Disks']);
    await wb.contextMenu(await wb.treeRow([PROD, 'Disks', DISK]), 'Export to Storage Account…');

    const accounts = await wb.quickPickItems(/Storage account to copy the VHD into/, 60_000);
    assert.equal(accounts.length, 2);
    assert.match(accounts.join('\n'), /devstoreaccount1/);
    assert.match(accounts.join('\n'), /stcontosologsblob/);
    await wb.screenshot('export-to-storage-accounts');
    await wb.pick(/devstoreaccount1/);

    await wb.quickPickItems(/Container in devstoreaccount1 for disk-orphan-logs-01/, 60_000);
    await wb.pick(/New container/);
    assert.equal(await (await wb.inputBox('New container in devstoreaccount1')).inputValue(), 'vhd-exports');
    await wb.page.keyboard.press('Enter');
    assert.equal(await (await wb.inputBox('Blob name for disk-orphan-logs-01')).inputValue(), 'disk-orphan-logs-01.vhd', 'named after the disk, not abcd');
    await wb.screenshot('export-to-storage-blob-name');
    await wb.page.keyboard.press('Enter');

    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const text = await dialog.innerText();
    assert.match(text, /Copy disk-orphan-logs-01 to devstoreaccount1\/vhd-exports\/disk-orphan-logs-01\.vhd\?/);
    assert.match(text, /Container vhd-exports will be created \(private\)\./);
    assert.match(text, /revoked when it ends, whether it succeeds, fails or is cancelled/);
    await wb.screenshot('export-to-storage-confirm');
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();

    const done = await wb.waitForNotification(/disk-orphan-logs-01 was copied to devstoreaccount1\/vhd-exports\/disk-orphan-logs-01\.vhd\. Access to the disk was revoked\./, 90_000);
    assert.ok(done);
    await wb.screenshot('export-to-storage-done');

    const info = s.azure!.info as unknown as { armEndpoint: string; caCertPem: string; blobEndpoint: string; accountName: string; accountKey: string };
    assert.equal(await diskStateInAzure(info, DISK_ID), 'Unattached');
    const service = new BlobServiceClient(info.blobEndpoint, new StorageSharedKeyCredential(info.accountName, info.accountKey));
    const props = await service.getContainerClient('vhd-exports').getPageBlobClient('disk-orphan-logs-01.vhd').getProperties();
    assert.equal(props.contentLength, 2 * 1024 ** 3 + 512);
  });

  it('refuses to copy into a storage account that cannot hold page blobs, before granting anything', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    await wb.contextMenu(await wb.treeRow([PROD, 'Disks', DISK]), 'Export to Storage Account…');
    await wb.quickPickItems(/Storage account to copy the VHD into/, 60_000);
    await wb.pick(/stcontosologsblob/);
    const error = await wb.waitForNotification(/Storage account stcontosologsblob \(BlobStorage\) cannot hold page blobs/, 30_000);
    assert.ok(error);
    await wb.screenshot('export-to-storage-refused');
  });

  it('checks download access to an Entra-ID disk: the role is there and a disk token is issued', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    await wb.contextMenu(await wb.treeRow([PROD, 'Disks', 'disk-secure-export-01']), 'Check Download Access (Microsoft Entra ID)');
    const ok = await wb.waitForNotification(/You can download disk-secure-export-01: it is secured with Microsoft Entra ID, your role allows the download/, 60_000);
    assert.ok(ok);
    await wb.screenshot('entra-disk-download-access');
  });
});
