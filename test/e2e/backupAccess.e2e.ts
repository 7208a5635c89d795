// A person allows Azure Backup to read the encryption keys of the ADE-encrypted VM vm-db-01 (its key vault
// kv-contoso-ade-eus uses Azure RBAC) from the tree: the Backup Management Service is found in Microsoft Graph,
// the least-privilege custom role is chosen, the plan is read as a diff, confirmed, applied; a second run says
// "already in place" and changes nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { extensionVsix, realExtensionSkipReason, type E2ESession } from './harness/session.ts';
import { useResourceViewSession } from './harness/useResourceViewSession.ts';

const PROD = 'Contoso Production';
const DEV = 'Contoso Dev/Test';
const VM = [PROD, 'Virtual machines', 'vm-db-01'];
const VAULT_ID = '/subscriptions/3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12/resourceGroups/rg-security-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-ade-eus';
const BMS = 'f40e18f0-6544-45c2-9d24-639a8bb3b41a';
const COMMAND = 'Allow Azure Backup to Read Encryption Keys…';

interface AdminState {
  vaults: Array<{ resource: { id: string; properties: { accessPolicies: Array<{ tenantId: string; objectId: string; permissions: { keys?: string[]; secrets?: string[] } }> } } }>;
  roleAssignments: Array<{ resource: { properties: { scope: string; principalId: string; roleDefinitionId: string } } }>;
  roleDefinitions: Array<{ resource: { name: string; properties: { roleName: string; type: string } } }>;
}

function adminState(info: { armEndpoint: string; caCertPem: string }): Promise<AdminState> {
  return new Promise((resolve, reject) => {
    request(`${info.armEndpoint}/__admin/state`, { ca: info.caCertPem }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(JSON.parse(body) as AdminState));
    }).on('error', reject).end();
  });
}

function admin(info: { armEndpoint: string; caCertPem: string }, method: string, path: string, body?: unknown): Promise<unknown> {
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

const policyOf = (state: AdminState, vaultName: string, objectId: string) =>
  state.vaults.find((v) => v.resource.id.toLowerCase().endsWith(`/vaults/${vaultName}`))!.resource.properties.accessPolicies.find((p) => p.objectId === objectId);

/** The active editor's lines as shown; wrapped lines (which keep the space at the break) are joined. */
async function visibleEditorText(s: E2ESession): Promise<string> {
  const lines = s.wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  await lines.waitFor();
  return (await lines.innerText()).replace(/\u00a0/g, ' ').replace(/\n/g, '');
}

describe('Allow Azure Backup to read the encryption keys', { skip: realExtensionSkipReason() }, () => {
  // The default local Azure plus more key vaults (kv-ade-rbac-jpe: Azure RBAC, nobody assigned).
  const s = useResourceViewSession({ name: 'backup-access', vsixFiles: [extensionVsix], localAzure: true, fixture: 'ade-key-vault' }, {
    sideBarWidth: 520,
    prepare: async (session) => {
      // The Graph stand-in's port is known only now: add the custom cloud's Graph endpoint to the user settings.
      const info = session.azure!.info as unknown as { armEndpoint: string };
      const file = join(session.runDir, 'user-data/User/settings.json');
      const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      settings['azureLinuxVm.customCloud.microsoftGraphEndpoint'] = `${info.armEndpoint}/graph`;
      settings['azureLinuxVm.customCloud.microsoftGraphTokenAudience'] = 'https://graph.local-azure.test';
      writeFileSync(file, JSON.stringify(settings, null, 2));
      // Reload so the extension starts with them (a settings file written behind VS Code's back may be seen late).
      await session.wb.page.reload();
      await session.wb.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    },
  });

  it('no right to create the custom role: its data actions and scope were shown, the denial is explained, Key Vault Administrator is assigned instead', async () => {
    const { wb } = s;
    const info = s.azure!.info as unknown as { armEndpoint: string; caCertPem: string };
    await admin(info, 'POST', '/faults', { route: 'roleDefinitions.createOrUpdate', status: 403, code: 'AuthorizationFailed', message: "The client does not have authorization to perform action 'Microsoft.Authorization/roleDefinitions/write'." });
    try {
      await wb.treeRow([PROD], 60_000);
      await wb.expandAndWaitForChildren([PROD]);
      await wb.expandAndWaitForChildren([PROD, 'Key vaults']);
      await wb.contextMenu(await wb.treeRow([PROD, 'Key vaults', 'kv-ade-rbac-jpe']), COMMAND);
      await wb.quickPickItems(/Which role should the Backup Management Service get/, 60_000);
      await wb.pick(/Custom role with the five data actions/);
      await wb.waitForEditor(/backup-access-kv-ade-rbac-jpe\.md/, 60_000);
      const plan = await visibleEditorText(s);
      assert.match(plan, /Data actions:\s*- `Microsoft\.KeyVault\/vaults\/keys\/backup\/action`\s*- `Microsoft\.KeyVault\/vaults\/secrets\/backup\/action`\s*- `Microsoft\.KeyVault\/vaults\/secrets\/getSecret\/action`\s*- `Microsoft\.KeyVault\/vaults\/keys\/read`\s*- `Microsoft\.KeyVault\/vaults\/secrets\/readMetadata\/action`/);
      assert.match(plan, /Assignable scopes: \/subscriptions\/3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12/);
      await wb.screenshot('backup-access-custom-role-described');
      const grant = wb.page.locator('.monaco-dialog-box', { hasText: /Grant the Backup Management Service access on kv-ade-rbac-jpe\?/ });
      await grant.waitFor({ timeout: 30_000 });
      await grant.getByRole('button', { name: 'Grant Access' }).click();

      const offer = wb.page.locator('.monaco-dialog-box', { hasText: /The custom role could not be created in \/subscriptions\// });
      await offer.waitFor({ timeout: 60_000 });
      const offerText = await offer.innerText();
      assert.match(offerText, /roleDefinitions\/write/);
      assert.match(offerText, /Key Vault Administrator/);
      await wb.screenshot('backup-access-custom-role-denied');
      await offer.getByRole('button', { name: 'Assign Key Vault Administrator' }).click();
      const done = await wb.waitForNotification(/Azure Backup can now read the encryption keys and secrets in kv-ade-rbac-jpe/, 60_000);
      assert.match(done, /\(1 change/);
      // The document is rewritten before the message, but the editor shows the new text on its own schedule.
      await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: /Read\sback\sfrom\sAzure/ }).waitFor({ timeout: 10_000 });
      const result = await visibleEditorText(s);
      assert.match(result, /1 change\(s\) applied\. Read back from Azure: Azure Backup now has the access it needs\./);
      // A long scope wraps after a '/' and the next line is indented: join the scope back.
      assert.match(result.replace(/\/\s+/g, '/'), /Key Vault Administrator at \/subscriptions\/\S+\/vaults\/kv-ade-rbac-jpe/);

      const state = await adminState(info);
      const onVault = state.roleAssignments.filter((a) => a.resource.properties.scope.toLowerCase().endsWith('/vaults/kv-ade-rbac-jpe'));
      assert.deepEqual(onVault.map((a) => [a.resource.properties.principalId, a.resource.properties.roleDefinitionId.split('/').pop()]), [[BMS, '00482a5a-887f-4fb3-b363-3b7fe8e74483']]);
      assert.deepEqual(state.roleDefinitions.filter((d) => d.resource.properties.type === 'CustomRole'), [], 'no custom role was created');
    } finally {
      await admin(info, 'DELETE', '/faults');
      await wb.collapse([PROD, 'Key vaults']);
    }
  });

  it('from the VM node: role choice, the plan as a diff, confirm, and the role assignment exists in Azure', async () => {
    const { wb } = s;
    await wb.treeRow([PROD], 60_000);
    await wb.expandAndWaitForChildren([PROD]);
    await wb.expandAndWaitForChildren([PROD, 'Virtual machines']);
    await wb.contextMenu(await wb.treeRow(VM), COMMAND);

    const roles = await wb.quickPickItems(/Which role should the Backup Management Service get/, 60_000);
    assert.equal(roles.length, 2);
    assert.match(roles[0], /Custom role with the five data actions \(recommended\)/);
    await wb.screenshot('backup-access-role-choice');
    await wb.pick(/Custom role with the five data actions/);

    await wb.waitForEditor(/backup-access-vm-db-01\.md/, 60_000);
    // The editor wraps long lines (keeping the space at the break): join them to read the document's lines.
    // The confirmation is modal, so the document is read from the screen without clicking into it.
    const plan = await visibleEditorText(s);
    assert.match(plan, /Backup Management Service object ID: f40e18f0-6544-45c2-9d24-639a8bb3b41a \(found in Microsoft Graph\)/);
    assert.match(plan, /Key vault kv-contoso-ade-eus \(Azure RBAC\)/);
    assert.match(plan, /\+ Azure Backup Key Vault Reader \(ADE\) at \/subscriptions\/\S+\/vaults\/kv-contoso-ade-eus/);
    assert.match(plan, /Create custom role "Azure Backup Key Vault Reader \(ADE\)"/);
    assert.match(plan, /ADE-encrypted VMs can be backed up and restored only within the same subscription/);
    assert.match(plan, /cannot be recovered at file or folder level/);
    assert.match(plan, /cannot use "Replace existing"/);

    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /Grant the Backup Management Service access on kv-contoso-ade-eus\?/);
    await wb.screenshot('backup-access-plan-diff');
    await dialog.getByRole('button', { name: 'Grant Access' }).click();

    const done = await wb.waitForNotification(/Azure Backup can now read the encryption keys and secrets in kv-contoso-ade-eus/, 60_000);
    assert.match(done, /2 change/);
    const result = await visibleEditorText(s);
    assert.equal(await wb.activeEditorIsReadOnly(), true);
    assert.match(result, /2 change\(s\) applied\. Read back from Azure: Azure Backup now has the access it needs\./);
    await wb.screenshot('backup-access-result');

    const state = await adminState(s.azure!.info as unknown as { armEndpoint: string; caCertPem: string });
    const mine = state.roleAssignments.filter((a) => a.resource.properties.scope.toLowerCase() === VAULT_ID.toLowerCase());
    assert.equal(mine.length, 1);
    assert.equal(mine[0].resource.properties.principalId, BMS);
    const custom = state.roleDefinitions.filter((d) => d.resource.properties.type === 'CustomRole');
    assert.deepEqual(custom.map((d) => d.resource.properties.roleName), ['Azure Backup Key Vault Reader (ADE)']);
    assert.match(mine[0].resource.properties.roleDefinitionId, new RegExp(`${custom[0].resource.name}$`));
  });

  it('a second run from the key vault node asks nothing and says it is already in place', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    const info = s.azure!.info as unknown as { armEndpoint: string; caCertPem: string };
    const before = await adminState(info);
    await wb.collapse([PROD, 'Virtual machines']);
    await wb.expandAndWaitForChildren([PROD, 'Key vaults']);
    await wb.contextMenu(await wb.treeRow([PROD, 'Key vaults', 'kv-contoso-ade-eus']), COMMAND);
    const text = await wb.waitForNotification(/Already in place: Azure Backup can read the encryption keys and secrets in kv-contoso-ade-eus/, 60_000);
    assert.match(text, /Nothing was changed/);
    const report = await visibleEditorText(s);
    assert.match(report, /Already in place: nothing to change\./);
    assert.match(report, /  Azure Backup Key Vault Reader \(ADE\) at /);
    await wb.screenshot('backup-access-already-in-place');
    const state = await adminState(info);
    assert.deepEqual(state.roleAssignments, before.roleAssignments, 'no role assignment was written');
    assert.deepEqual(state.roleDefinitions, before.roleDefinitions, 'no role definition was written');
  });

  it('an access-policy vault from its node: the diff adds key and secret permissions, and the policy entry is in Azure', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    const info = s.azure!.info as unknown as { armEndpoint: string; caCertPem: string };
    assert.equal(policyOf(await adminState(info), 'kv-contoso-ade-jpe', BMS), undefined, 'no entry before');
    await wb.contextMenu(await wb.treeRow([PROD, 'Key vaults', 'kv-contoso-ade-jpe']), COMMAND);
    await wb.waitForEditor(/backup-access-kv-contoso-ade-jpe\.md/, 60_000);
    const plan = await visibleEditorText(s);
    assert.match(plan, /Key vault kv-contoso-ade-jpe \(Access policies\)/);
    assert.match(plan, /- Key permissions: \(none\)\s*\+ Key permissions: get, list, backup/);
    assert.match(plan, /- Secret permissions: \(none\)\s*\+ Secret permissions: get, list, backup/);
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /Grant the Backup Management Service access on kv-contoso-ade-jpe\?/);
    await wb.screenshot('backup-access-policy-diff');
    await dialog.getByRole('button', { name: 'Grant Access' }).click();
    await wb.waitForNotification(/Azure Backup can now read the encryption keys and secrets in kv-contoso-ade-jpe \(1 change/, 60_000);
    const entry = policyOf(await adminState(info), 'kv-contoso-ade-jpe', BMS);
    assert.deepEqual(entry?.permissions.keys, ['get', 'list', 'backup']);
    assert.deepEqual(entry?.permissions.secrets, ['get', 'list', 'backup']);
    assert.equal(entry?.tenantId, '72f988bf-86f1-41af-91ab-2d7cd011db47', 'the vault\'s tenant');
  });

  it('Graph denied (restricted tenant): the object id is pasted, a wrong one refused as typed, and the pasted id is granted', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    const info = s.azure!.info as unknown as { armEndpoint: string; caCertPem: string };
    await admin(info, 'POST', '/faults', { route: 'graph.servicePrincipalByAppId', status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    try {
      assert.equal(policyOf(await adminState(info), 'kv-contoso-app-dev', BMS), undefined, 'no entry before');
      await wb.expandAndWaitForChildren([DEV]);
      await wb.expandAndWaitForChildren([DEV, 'Key vaults']);
      await wb.contextMenu(await wb.treeRow([DEV, 'Key vaults', 'kv-contoso-app-dev']), COMMAND);
      const input = wb.quickInput();
      await input.waitFor({ timeout: 60_000 });
      const prompt = wb.page.locator('.quick-input-widget');
      await prompt.filter({ hasText: /may not read service principals in this tenant/ }).waitFor({ timeout: 10_000 });
      assert.match(await prompt.innerText(), /262044b1-e2ce-469f-a196-69ab7ada62d3/);
      await input.fill('f40e18f0-6544-45c2');
      await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: /Enter the object ID as a GUID/ }).waitFor({ timeout: 10_000 });
      await wb.screenshot('backup-access-paste-refused');
      await input.fill(` {${BMS.toUpperCase()}} `);
      await wb.page.keyboard.press('Enter');

      await wb.waitForEditor(/backup-access-kv-contoso-app-dev\.md/, 60_000);
      const plan = await visibleEditorText(s);
      assert.match(plan, new RegExp(`Backup Management Service object ID: ${BMS} \\(entered by you\\)`));
      // Pasted: the article's member/guest sentence is in the document, since Graph could not be asked for the principal.
      assert.match(plan, /For member users, Azure Backup gets access to the key vault without further action; for guest users, you must give Azure Backup permissions/);
      const dialog = wb.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      await wb.screenshot('backup-access-pasted-plan');
      await dialog.getByRole('button', { name: 'Grant Access' }).click();
      await wb.waitForNotification(/Azure Backup can now read the encryption keys and secrets in kv-contoso-app-dev/, 60_000);
      const entry = policyOf(await adminState(info), 'kv-contoso-app-dev', BMS);
      assert.deepEqual(entry?.permissions.keys, ['get', 'list', 'backup']);
      assert.deepEqual(entry?.permissions.secrets, ['get', 'list', 'backup']);
    } finally {
      await admin(info, 'DELETE', '/faults');
    }
  });
});

