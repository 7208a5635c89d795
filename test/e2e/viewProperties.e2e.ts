// A person runs "Azure Linux VM: View Properties" from the command palette, answers its questions (subscription,
// resource type, resource) and reads the resource's JSON in a read-only editor.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extensionVsix, realExtensionSkipReason, startSession, type E2ESession } from './harness/session.ts';

describe('View Properties from the command palette', { skip: realExtensionSkipReason() }, () => {
  let s: E2ESession;
  before(async () => {
    s = await startSession({ name: 'view-properties', vsixFiles: [extensionVsix], localAzure: true });
  });
  afterEach(async t => {
    await s?.screenshotIfFailed(t);
  });
  after(async () => {
    await s?.stop();
  });

  it('asks for subscription, type and resource, then opens its JSON read-only', async () => {
    const { wb } = s;
    await wb.runCommand('Azure Linux VM: View Properties');

    const subscriptions = await wb.quickPickItems('Select a subscription', 60_000);
    assert.deepEqual([...subscriptions].sort(), ['Contoso Dev/Test', 'Contoso Production']);
    await wb.pick('Contoso Production', 'Select a subscription');

    const kinds = (await wb.quickPickItems('Select a resource type')).map(k => k.trim());
    assert.deepEqual(kinds, ['Virtual machines', 'Disks', 'Snapshots', 'Key vaults', 'Image templates']);
    await wb.pick('Disks', 'Select a resource type');

    await wb.quickPickItems(/Select from Disks in Contoso Production.*Type to filter/);
    const disk = 'disk-archive-2024q4';
    const entry = (await wb.quickPickEntries()).find(e => e.label === disk);
    assert.deepEqual(entry, { label: disk, description: '2 GiB · Standard_LRS · ActiveSAS', detail: 'Resource group: rg-data-prod-eastus' });
    await wb.screenshot('view-properties-pick');
    await wb.pick(disk);

    await wb.waitForEditor(new RegExp(`^${disk}\\.json`));
    const json = JSON.parse(await wb.activeEditorText()) as { id?: string; name?: string; type?: string; properties?: { diskState?: string } };
    assert.equal(json.id, `/subscriptions/3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12/resourceGroups/rg-data-prod-eastus/providers/Microsoft.Compute/disks/${disk}`);
    assert.equal(json.name, disk);
    assert.equal(json.type, 'Microsoft.Compute/disks');
    assert.equal(json.properties?.diskState, 'ActiveSAS');
    assert.equal(await wb.activeEditorIsReadOnly(), true, 'the properties document is read-only');
    assert.deepEqual(await wb.errorNotifications(), []);
    await wb.screenshot('view-properties-json');
  });

  it("opens a subscription's properties from its row in the tree", async () => {
    const { wb } = s;
    await wb.openViewContainer('Azure Linux VMs');
    await wb.contextMenu(await wb.treeRow(['Contoso Dev/Test'], 60_000), 'View Properties');
    await wb.waitForEditor(/^Contoso Dev-Test\.json/);
    const json = JSON.parse(await wb.activeEditorText()) as { id?: string; displayName?: string; state?: string };
    assert.equal(json.id, '/subscriptions/b71e5d04-2c9a-4f3e-8d61-0a9c4e7b2f85');
    assert.equal(json.displayName, 'Contoso Dev/Test');
    assert.equal(json.state, 'Enabled');
    assert.deepEqual(await wb.errorNotifications(), []);
    await wb.screenshot('subscription-properties');
  });

  it('Select Subscriptions lists the subscriptions under their tenant\'s name', async () => {
    const { wb } = s;
    const { page } = wb;
    await wb.runCommand('Azure Linux VM: Select Subscriptions…');
    const items = await wb.quickPickItems('Select the subscriptions to show', 60_000);
    assert.deepEqual([...items].sort(), ['Contoso Dev/Test', 'Contoso Production']);
    const widgetText = await page.locator('.quick-input-widget:not([style*="display: none"]) .quick-input-list').textContent();
    assert.match(widgetText ?? '', /Contoso \(tenant [0-9a-f-]{36}\)/, 'the tenant heading names the directory');
    await wb.screenshot('select-subscriptions-by-tenant');
    await wb.closeQuickInput();
  });
});
