// Proves the harness itself on a throwaway probe extension (test/e2e/probe): if this fails, the harness is broken,
// not the product. Quick (one code-server, no local Azure).
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProbeVsix, startSession, type E2ESession } from './harness/session.ts';

describe('E2E harness (probe extension)', () => {
  let s: E2ESession;
  before(async () => {
    s = await startSession({ name: 'harness-probe', vsixFiles: [buildProbeVsix()] });
  });
  afterEach(async t => {
    await s?.screenshotIfFailed(t);
  });
  after(async () => {
    await s?.stop();
  });

  it('opens the view, expands rows and reads labels, descriptions and tooltips', async () => {
    const { wb } = s;
    await wb.openViewContainer('E2E Probe');
    await wb.treeRow(['Fleet A']);
    const fleetA = await wb.expandAndWaitForChildren(['Fleet A']);
    assert.deepEqual(fleetA.map(r => `${r.label} (${r.description})`), ['vm-alpha (running)', 'vm-beta (deallocated)']);
    await wb.expandAndWaitForChildren(['Fleet A', 'vm-alpha']);
    const disk = await wb.treeRow(['Fleet A', 'vm-alpha', 'osdisk-alpha']);
    assert.equal((await wb.rowInfo(disk)).description, '30 GiB · Premium_LRS · Attached');
    assert.match(await wb.tooltipOf(await wb.treeRow(['Fleet A', 'vm-beta'])), /vm-beta: VM deallocated/);
    // a row of the same name under another parent is not found under the wrong one
    await assert.rejects(wb.treeRow(['Fleet B', 'vm-alpha'], 1000));
    // a row under a group that closed (VS Code closes one refreshed mid-expansion) is found after reopening it
    await wb.collapse(['Fleet A']);
    assert.equal((await wb.rowInfo(await wb.treeRow(['Fleet A', 'vm-beta']))).label, 'vm-beta');
    await wb.screenshot('harness-probe-tree');
  });

  it('retries an error row through its inline action', async () => {
    const { wb } = s;
    const errorRow = await wb.treeRow(['Could not list Fleet C']);
    await wb.clickRowAction(errorRow, 'Retry');
    const fixed = await wb.treeRow(['Fleet C']);
    assert.equal((await wb.rowInfo(fixed)).description, 'recovered');
  });

  it('runs a palette command, answers its quick picks and reads the document it opens', async () => {
    const { wb } = s;
    await wb.runCommand('E2E Probe: View Probe Properties');
    assert.deepEqual(await wb.quickPickItems('Select a fleet'), ['Fleet A', 'Fleet B']);
    await wb.pick('Fleet A', 'Select a fleet');
    await wb.pick('vm-beta', 'Select a VM');
    await wb.waitForNotification('Opened properties of vm-beta');
    const text = await wb.activeEditorText();
    assert.equal(JSON.parse(text).id, '/fleets/Fleet A/vms/vm-beta');
    await wb.screenshot('harness-probe-properties');
  });

  it('finds a workspace file (ripgrep) and shows changes made to it on disk (the server\'s file watcher)', async () => {
    const { wb } = s;
    const file = join(s.codeServer.workspace, 'notes.txt');
    writeFileSync(file, 'first version\n');
    await wb.runCommand('Go to File...');
    await wb.quickInput().fill('notes.txt');
    const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'notes.txt' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await wb.waitForEditor(/^notes\.txt/);
    assert.equal(await wb.activeEditorText(), 'first version\n');
    writeFileSync(file, 'changed on disk\n');
    const lines = wb.page.locator('.editor-group-container.active .view-lines', { hasText: 'changed on disk' });
    await lines.waitFor({ timeout: 15_000 });
  });

  it('sees error notifications', async () => {
    const { wb } = s;
    await wb.runCommand('E2E Probe: Show A Failure');
    await wb.waitForNotification('Probe failure shown on purpose');
    assert.deepEqual(await wb.errorNotifications(), [await wb.waitForNotification('Probe failure shown on purpose')]);
  });
});
