// A person enables Azure Backup for vm-web-01 from the tree: picks the vault of the VM's region (the East US vault
// is listed apart with the reason it can't be used), picks DefaultPolicy (its schedule and retention shown),
// confirms, then "Back Up Now" with the proposed retention date (a past date is refused as they type) and follows
// the job to Completed. The node then says "Backup: protected" and offers "Back Up Now…". The ADE-encrypted vm-db-01
// goes through the key vault access step (role, diff, grant) before protection, and its backup completes. A failing backup job of
// vm-web-02 (a fault in the stand-in) ends in one error sentence with the service's reason.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { extensionVsix, realExtensionSkipReason, startSession, type E2ESession } from './harness/session.ts';

const PROD = 'Contoso Production';
const VMS = [PROD, 'Virtual machines'];
const KV_EUS = '/subscriptions/3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12/resourceGroups/rg-security-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-ade-eus';
/** The Backup Management Service's object id in the Contoso tenant (what the Graph stand-in returns). */
const BMS = 'f40e18f0-6544-45c2-9d24-639a8bb3b41a';

function admin(s: E2ESession, method: string, path: string, body?: unknown): Promise<unknown> {
  const info = s.azure!.info as unknown as { armEndpoint: string; caCertPem: string };
  return new Promise((resolve, reject) => {
    const req = request(`${info.armEndpoint}/__admin${path}`, { method, ca: info.caCertPem, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(text ? JSON.parse(text) : undefined));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function isoDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86400_000).toISOString().slice(0, 10);
}

describe('Enable backup and back up now', { skip: realExtensionSkipReason() }, () => {
  let s: E2ESession;
  before(async () => {
    s = await startSession({ name: 'enable-backup', vsixFiles: [extensionVsix], localAzure: true });
    await s.wb.openViewContainer('Azure Linux VMs');
    await s.wb.setSideBarWidth(520);
  });
  after(async () => {
    await s?.stop();
  });

  it('from the VM node: vault of its region, policy, confirm, back up now to Completed; the node says protected', async () => {
    const { wb, page } = { wb: s.wb, page: s.wb.page };
    await wb.treeRow([PROD], 60_000);
    await wb.expandAndWaitForChildren([PROD]);
    await wb.expandAndWaitForChildren(VMS);
    await wb.contextMenu(await wb.treeRow([...VMS, 'vm-web-01']), 'Enable Backup…');

    await wb.quickPickItems(/Recovery Services vault for vm-web-01/, 60_000);
    const vaults = await wb.quickPickEntries();
    assert.deepEqual(vaults.map((v) => v.label), ['rsv-contoso-jpe', 'Create a new vault in japaneast…', 'rsv-contoso-eus']);
    assert.match(vaults[2].detail, /Vault rsv-contoso-eus is in eastus, but vm-web-01 is in japaneast: Azure Backup protects a VM only with a vault in the same region\./);
    await wb.screenshot('enable-backup-vault-picker');
    await wb.pick('rsv-contoso-jpe');

    await wb.quickPickItems(/Backup policy for vm-web-01 in rsv-contoso-jpe/, 60_000);
    const policies = await wb.quickPickEntries();
    assert.equal(policies[0].label, 'DefaultPolicy');
    assert.equal(policies[0].description, 'Standard · Daily at 19:00 (UTC)');
    assert.equal(policies[0].detail, 'keeps recovery points 30 days');
    assert.ok(policies.some((p) => p.label === 'Daily-Retain90' && p.detail === 'keeps recovery points 90 days'));
    await wb.screenshot('enable-backup-policy-picker');
    await wb.pick('DefaultPolicy');

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /Enable backup of vm-web-01 to vault rsv-contoso-jpe with policy DefaultPolicy\?/);
    await wb.screenshot('enable-backup-confirm');
    await dialog.getByRole('button', { name: 'Enable Backup' }).click();

    const enabled = page.locator('.notifications-toasts .notification-list-item', { hasText: /Backup is enabled for vm-web-01 in vault rsv-contoso-jpe/ }).first();
    await enabled.waitFor({ timeout: 90_000 });
    await wb.screenshot('enable-backup-enabled');
    await enabled.locator('.monaco-button', { hasText: 'Back Up Now…' }).click();

    const input = wb.quickInput();
    await input.waitFor({ timeout: 30_000 });
    assert.equal(await input.inputValue(), isoDate(30), 'the proposed retention date is 30 days ahead');
    await input.fill('2020-01-01');
    const validation = page.locator('.quick-input-widget .quick-input-message');
    await validation.filter({ hasText: /Pick a date after today/ }).waitFor({ timeout: 10_000 });
    await wb.screenshot('back-up-now-retention-refused');
    await input.fill(isoDate(45));
    await page.keyboard.press('Enter');

    const progress = await wb.waitForNotification(/Backing up vm-web-01 to rsv-contoso-jpe/, 30_000);
    assert.match(progress, /Backing up vm-web-01/);
    await page.locator('.notifications-toasts .notification-list-item', { hasText: /In progress · \d+%/ }).first().waitFor({ timeout: 30_000 });
    await wb.screenshot('back-up-now-progress');
    const done = await wb.waitForNotification(/The backup of vm-web-01 completed in \d+ s\./, 90_000);
    assert.doesNotMatch(done, /failed/);
    await wb.screenshot('back-up-now-completed');

    const jobs = (await admin(s, 'GET', '/state')) as { recoveryServicesVaults: unknown[]; backupJobs: Array<{ vmName: string; operation: string; recoveryPointExpiryTime?: string }> };
    assert.equal(jobs.recoveryServicesVaults.length, 2, 'no vault was created');
    assert.deepEqual(jobs.backupJobs.filter((j) => j.vmName === 'vm-web-01' && j.operation === 'Backup').map((j) => j.recoveryPointExpiryTime), [`${isoDate(45)}T23:59:59.000Z`], 'the retention date typed reached Azure Backup');

    const tooltip = await wb.tooltipOf(await wb.treeRow([...VMS, 'vm-web-01']));
    assert.match(tooltip, /Backup: protected by vault rsv-contoso-jpe/);
    // The menu follows the contextValue: a protected VM offers "Back Up Now…", no longer "Enable Backup…".
    await (await wb.treeRow([...VMS, 'vm-web-01'])).click({ button: 'right' });
    const menu = page.locator('.monaco-menu');
    await menu.locator('.action-label', { hasText: 'Back Up Now…' }).first().waitFor({ timeout: 10_000 });
    assert.equal(await menu.locator('.action-label', { hasText: 'Enable Backup…' }).count(), 0);
    await wb.screenshot('protected-vm-menu');
    await page.keyboard.press('Escape');
  });

  it('the ADE-encrypted vm-db-01: role choice, key vault diff, grant, protect, back up now to Completed; the grant is in Azure', async () => {
    const { wb, page } = { wb: s.wb, page: s.wb.page };
    await wb.clearNotifications();
    await wb.contextMenu(await wb.treeRow([...VMS, 'vm-db-01']), 'Enable Backup…');
    await wb.quickPickItems(/Recovery Services vault for vm-db-01/, 60_000);
    assert.equal((await wb.quickPickEntries())[0].label, 'rsv-contoso-eus');
    await wb.pick('rsv-contoso-eus');
    await wb.quickPickItems(/Backup policy for vm-db-01 in rsv-contoso-eus/, 60_000);
    await wb.pick('DefaultPolicy');

    // Azure Backup must read the BEK in kv-contoso-ade-eus (an RBAC vault) first: the access step runs inside the flow.
    await wb.quickPickItems(/Which role should the Backup Management Service get/, 60_000);
    await wb.screenshot('enable-backup-ade-role-choice');
    await wb.pick(/Custom role with the five data actions/);
    await wb.waitForEditor(/backup-access-vm-db-01\.md/, 60_000);
    const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    const plan = (await lines.innerText()).replace(/\u00a0/g, ' ').replace(/\n/g, '');
    assert.match(plan, /Key vault kv-contoso-ade-eus \(Azure RBAC\)/);
    assert.match(plan, /\+ Azure Backup Key Vault Reader \(ADE\) at \/subscriptions\/\S+\/vaults\/kv-contoso-ade-eus/);
    const grant = page.locator('.monaco-dialog-box');
    await grant.waitFor({ timeout: 30_000 });
    assert.match(await grant.innerText(), /Grant the Backup Management Service access on kv-contoso-ade-eus\?/);
    await wb.screenshot('enable-backup-ade-access-diff');
    await grant.getByRole('button', { name: 'Grant Access' }).click();
    await wb.waitForNotification(/Azure Backup can now read the encryption keys and secrets in kv-contoso-ade-eus/, 60_000);

    const confirm = page.locator('.monaco-dialog-box', { hasText: /Enable backup of vm-db-01 to vault rsv-contoso-eus with policy DefaultPolicy\?/ });
    await confirm.waitFor({ timeout: 30_000 });
    await confirm.getByRole('button', { name: 'Enable Backup' }).click();
    const enabled = page.locator('.notifications-toasts .notification-list-item', { hasText: /Backup is enabled for vm-db-01 in vault rsv-contoso-eus/ }).first();
    await enabled.waitFor({ timeout: 90_000 });
    await enabled.locator('.monaco-button', { hasText: 'Back Up Now…' }).click();
    const input = wb.quickInput();
    await input.waitFor({ timeout: 30_000 });
    await input.fill(isoDate(40));
    await page.keyboard.press('Enter');
    const done = await wb.waitForNotification(/The backup of vm-db-01 (completed|failed)/, 90_000);
    await wb.screenshot('enable-backup-ade-completed');
    assert.match(done, /The backup of vm-db-01 completed in \d+ s\./);

    const state = (await admin(s, 'GET', '/state')) as { roleAssignments: Array<{ resource: { properties: { scope: string; principalId: string } } }> };
    const onVault = state.roleAssignments.filter((a) => a.resource.properties.scope.toLowerCase() === KV_EUS.toLowerCase());
    assert.deepEqual(onVault.map((a) => a.resource.properties.principalId), [BMS], 'the Backup Management Service holds a role on the key vault');
    // The retention date typed reached Azure Backup: the job keeps the point until the end of that day (UTC).
    const jobs = (state as unknown as { backupJobs: Array<{ vmName: string; operation: string; recoveryPointExpiryTime?: string }> }).backupJobs;
    assert.deepEqual(jobs.filter((j) => j.vmName === 'vm-db-01' && j.operation === 'Backup').map((j) => j.recoveryPointExpiryTime), [`${isoDate(40)}T23:59:59.000Z`]);
  });

  it('the protected encrypted vm-db-01: "Allow Azure Backup…" says the article\'s "already backed up: just grant access" and finds the access in place', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    await wb.contextMenu(await wb.treeRow([...VMS, 'vm-db-01']), 'Allow Azure Backup to Read Encryption Keys…');
    // Watched from now on: the toast may hide itself while the document below is read.
    const inPlace = wb.waitForNotification(/Already in place: Azure Backup can read the encryption keys and secrets in kv-contoso-ade-eus\./, 60_000);
    // A new document of the same title replaces the one of the enable flow: wait until the active one says it.
    const lines = s.wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    const text = async () => (await lines.innerText()).replace(/\u00a0/g, ' ').replace(/\n/g, '');
    const deadline = Date.now() + 60_000;
    while (!/This VM is already protected by Azure Backup/.test(await text()) && Date.now() < deadline) await s.wb.page.waitForTimeout(250);
    const report = await text();
    assert.match(report, /This VM is already protected by Azure Backup: grant the key vault access so backups continue without interruption\./);
    assert.match(report, /Already in place: nothing to change\./);
    assert.match(await inPlace, /Nothing was changed/);
    // The grant of the enable flow is read back as unchanged (wrapped lines keep their indent, hence [\s\S]).
    assert.match(report, /Role assignments of the Backup Management Service\s+Azure Backup Key Vault Reader \(ADE\) at \/subscriptions\/[\s\S]*?\/vaults\/kv-contoso-ade-eus```/);
    await wb.screenshot('enable-backup-ade-already-protected');
  });

  it('a failing backup job ends in one error sentence with the service\'s reason', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    await admin(s, 'POST', '/faults', {
      route: 'backups.trigger', operationOutcome: 'Failed', times: 1,
      code: 'UserErrorKeyVaultPermissionsNotConfigured',
      message: 'Azure Backup Service does not have sufficient permissions to Key Vault for Backup of Encrypted Virtual Machines.',
    });
    await wb.contextMenu(await wb.treeRow([...VMS, 'vm-web-02']), 'Back Up Now…');
    const input = wb.quickInput();
    await input.waitFor({ timeout: 30_000 });
    await wb.page.keyboard.press('Enter');
    const error = await wb.waitForNotification(/The backup of vm-web-02 failed after/, 90_000);
    assert.match(error, /The backup of vm-web-02 failed after \d+ s: Azure Backup Service does not have sufficient permissions to Key Vault for Backup of Encrypted Virtual Machines \(UserErrorKeyVaultPermissionsNotConfigured\)\./);
    assert.deepEqual((await wb.errorNotifications()).length, 1);
    await wb.screenshot('back-up-now-failed');
  });
});
