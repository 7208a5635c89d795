// A person writes an image template, sees the editor's finding, fixes it, deploys it from the form editor, builds
// it, watches the tree go through the build's steps, opens the build log and jumps from the error to the customizer
// that failed. Everything runs against the local Azure's Image Builder simulator (test/azure-local/imageBuilder).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionVsix, realExtensionSkipReason } from './harness/session.ts';
import { useResourceViewSession } from './harness/useResourceViewSession.ts';
import { waitForJsonFile } from './harness/waitForJsonFile.ts';

const PROD = 'Contoso Production';
const SUB = '3f2c8a91-6b0d-4e57-9a1c-5d8e7f604b12';
const NAME = 'it-e2e-web';
const FILE = 'web.imagetemplate.json';

function templateText(installTools: Record<string, unknown>): string {
  const identity = `/subscriptions/${SUB}/resourceGroups/rg-images-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-image-builder`;
  return JSON.stringify({
    type: 'Microsoft.VirtualMachineImages/imageTemplates', apiVersion: '2025-10-01', name: NAME, location: 'japaneast',
    identity: { type: 'UserAssigned', userAssignedIdentities: { [identity]: {} } },
    properties: {
      source: { type: 'PlatformImage', publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
      customize: [
        { type: 'Shell', name: 'update-packages', inline: ['sudo apt-get update'] },
        { type: 'Shell', name: 'install-tools', ...installTools },
      ],
      distribute: [{ type: 'ManagedImage', imageId: `/subscriptions/${SUB}/resourceGroups/rg-images-prod/providers/Microsoft.Compute/images/img-e2e-web`, location: 'japaneast', runOutputName: 'e2e-web-image' }],
      vmProfile: { vmSize: 'Standard_D2s_v5' },
    },
  }, null, 2) + '\n';
}

describe('Image Builder: deploy, build, watch, log', { skip: realExtensionSkipReason() }, () => {
  let file: string;
  const s = useResourceViewSession(
    { name: 'image-builder', vsixFiles: [extensionVsix], localAzure: true, settings: { 'azureLinuxVm.imageBuilder.statusPollSeconds': 1 } },
    {
      sideBarWidth: 520,
      prepare: async (session) => {
        file = join(session.codeServer.workspace, FILE);
        // A Shell customizer with neither `inline` nor `scriptUri`: the editor must flag it before Azure does.
        writeFileSync(file, templateText({}));
      },
    },
  );

  const button = (scope: string, text: string) => s.wb.page.locator(`${scope} .monaco-button`, { hasText: new RegExp(`^${text}$`) }).first();

  it('shows the finding next to the field in the form and in Problems; fixing it in the form clears both and changes the file', async () => {
    const { wb } = s;
    await wb.runCommand('Go to File...');
    await wb.quickInput().fill(FILE);
    const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: FILE }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await wb.waitForEditor(new RegExp(FILE));
    const form = await wb.webviewFrame('.field');
    // The finding sits in the customizer it is about (customize[1], "install-tools"), not just in a summary.
    const item = form.locator(`li.item[data-key='["properties","customize",1]']`);
    const finding = item.locator('li.finding', { hasText: 'This Shell step has nothing to run: add "inline" commands or a "scriptUri".' });
    await finding.first().waitFor({ timeout: 30_000 });
    assert.match(await item.locator('.item-title').first().innerText(), /install-tools/);
    // For the screenshot only (the form redraws its findings when validation results arrive, so don't hold on to one).
    await item.first().evaluate((el) => el.scrollIntoView({ block: 'center' })).catch(() => undefined);
    await wb.screenshot('image-builder-1-finding-in-form');
    const problems = await wb.waitForProblem(/This Shell step has nothing to run/);
    const marker = problems.find((p) => /This Shell step has nothing to run/.test(p))!;
    // At the line of customize[1]'s "type": the second Shell customizer in the file.
    const shellLines = readFileSync(file, 'utf8').split('\n').flatMap((l, i) => (l.includes('"type": "Shell"') ? [i + 1] : []));
    assert.ok(problems.some((p) => p.includes(FILE)), `Problems names the file (${problems.join(' | ')})`);
    assert.equal(Number(/\[Ln (\d+), Col \d+\]/.exec(marker)?.[1]), shellLines[1], marker);
    await wb.screenshot('image-builder-1b-finding-in-problems');

    await wb.runCommand('Azure Linux VM: Deploy Image Template…');
    const refusal = await wb.waitForNotification(/error\(s\) to fix before it can be deployed/);
    assert.match(refusal, /web\.imagetemplate\.json has 1 error\(s\)/);
    await wb.clearNotifications();

    // The fix, typed into the form's "inline" field (the second command fails, so the log has an error to trace).
    const inline = item.locator(`.field[data-key='["properties","customize",1,"inline"]'] vscode-textarea`);
    await inline.click();
    await wb.page.keyboard.type('sudo apt-get install -y jq');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('exit 1');
    await form.locator('#summary').click();
    const deadline = Date.now() + 20_000;
    while (await finding.count() > 0) {
      if (Date.now() > deadline) throw new Error('the finding is still in the form');
      await wb.page.waitForTimeout(200);
    }
    await wb.waitForProblem(/This Shell step has nothing to run/, false);
    await wb.screenshot('image-builder-1c-fixed-in-form');
    await wb.runCommand('File: Save');
    // Saving rewrites the file in place: wait for the saved document rather than reading it mid-write.
    type Template = { properties?: { customize?: Array<{ inline?: string[] }> } };
    const saved = await waitForJsonFile<Template>(file, (t) => t.properties?.customize?.[1]?.inline !== undefined, 'the saved file has the inline commands');
    assert.deepEqual(saved.properties?.customize?.[1]?.inline, ['sudo apt-get install -y jq', 'exit 1'], 'the form wrote the commands into the file');
  });

  it('deploys from the form editor: the identity lacks a role on the target, which the user assigns', async () => {
    const { wb } = s;
    await wb.runCommand('Azure Linux VM: Deploy Image Template…');
    await wb.pick(PROD, /Select a subscription/);
    await wb.pick('rg-images-prod', /Resource group for the image template/);
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 60_000 });
    const text = await dialog.innerText();
    assert.match(text, new RegExp(`Create the image template ${NAME} in rg-images-prod`));
    assert.match(text, /create the managed image/);
    assert.match(text, /does not have these yet/);
    assert.match(text, new RegExp(`Contributor on /subscriptions/${SUB}/resourceGroups/rg-images-prod`));
    assert.match(text, /Costs:[\s\S]*small storage cost[\s\S]*delete the template after building/);
    await wb.screenshot('image-builder-2-create-confirmation');
    await button('.monaco-dialog-box', 'Assign Missing Roles and Create').click();
    await wb.waitForNotification(new RegExp(`The image template ${NAME} was created in rg-images-prod`), 60_000);
  });

  it('builds: the tree shows the steps live, then the failure', async () => {
    const { wb } = s;
    await button('.notifications-toasts', 'Build Now').click();
    await wb.expandAndWaitForChildren([PROD]);
    await wb.expandAndWaitForChildren([PROD, 'Image templates']);
    const seen = new Set<string>();
    const deadline = Date.now() + 90_000;
    let description = '';
    while (Date.now() < deadline) {
      description = (await wb.rowInfo(await wb.treeRow([PROD, 'Image templates', NAME]))).description;
      seen.add(description);
      if (/Running \(Customizing\)/.test(description) && !seen.has('screenshot')) {
        seen.add('screenshot');
        await wb.screenshot('image-builder-3-tree-customizing');
      }
      if (/Failed|Succeeded/.test(description)) break;
      await wb.page.waitForTimeout(300);
    }
    assert.equal(description, 'Failed');
    assert.ok([...seen].some((d) => /Running \(Customizing\)/.test(d)), `the tree showed the customizing step (saw ${[...seen].join(', ')})`);
    await wb.waitForNotification(new RegExp(`The build of ${NAME} failed`), 30_000);
    await wb.screenshot('image-builder-4-build-failed');
  });

  it('opens the build log from the tree and jumps from the error to the customizer', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    await wb.expandAndWaitForChildren([PROD, 'Image templates']);
    await wb.contextMenu(await wb.treeRow([PROD, 'Image templates', NAME]), 'Show Build Log');
    await wb.waitForEditor(/customization\.log/);
    const lens = wb.page.locator('.codelens-decoration a', { hasText: /Go to customizer "install-tools" \(customize\[1\]\)/ }).first();
    await lens.waitFor({ timeout: 30_000 });
    const log = await wb.activeEditorText();
    assert.match(log, /Running customizer 'install-tools'/);
    assert.match(log, /non-zero exit status: 1/);
    await wb.screenshot('image-builder-5-build-log');
    await lens.click();
    await wb.waitForEditor(new RegExp(FILE));
    // The cursor lands on customize[1]: the opening brace of the object holding "name": "install-tools".
    const fixedLines = readFileSync(file, 'utf8').split('\n');
    const nameIndex = fixedLines.findIndex((l) => l.includes('"name": "install-tools"'));
    let braceIndex = nameIndex;
    while (braceIndex > 0 && fixedLines[braceIndex].trim() !== '{') braceIndex--;
    const expectedLine = braceIndex + 1;
    const position = await wb.page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().innerText();
    assert.equal(Number(/Ln (\d+)/.exec(position)?.[1]), expectedLine, `cursor at ${position}`);
    await wb.screenshot('image-builder-6-customizer-in-file');
    assert.deepEqual(await wb.errorNotifications(), []);
  });

  const templates = [PROD, 'Image templates'];
  const OTHER = 'it-ubuntu2204-new';
  const otherId = `/subscriptions/${SUB}/resourceGroups/rg-images-prod/providers/Microsoft.VirtualMachineImages/imageTemplates/${OTHER}`;

  /** Waits until the template's row shows `description` (polling the rendered tree, no refresh). */
  async function waitForRow(name: string, description: RegExp, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let seen = '';
    while (Date.now() < deadline) {
      seen = (await s.wb.rowInfo(await s.wb.treeRow([...templates, name]))).description;
      if (description.test(seen)) return seen;
      await s.wb.page.waitForTimeout(300);
    }
    throw new Error(`${name} shows "${seen}", not ${String(description)}`);
  }

  it('keeps a build started elsewhere live in the tree until it ends, without Refresh', async () => {
    const { wb } = s;
    await s.azure!.setState({ merge: [{ id: otherId, properties: { lastRunStatus: { runState: 'Running', runSubState: 'Building', startTime: new Date().toISOString(), message: '' } } }] });
    await wb.runCommand('Azure Linux VM: Refresh');
    await wb.expandAndWaitForChildren(templates);
    await waitForRow(OTHER, /^Running \(Building\)$/);
    // The build moves on in Azure; nobody in this window asked to watch it.
    await s.azure!.setState({ merge: [{ id: otherId, properties: { lastRunStatus: { runState: 'Running', runSubState: 'Distributing' } } }] });
    await waitForRow(OTHER, /^Running \(Distributing\)$/, 20_000);
    await s.azure!.setState({ merge: [{ id: otherId, properties: { lastRunStatus: { runState: 'Canceled', endTime: new Date().toISOString(), message: 'Build canceled by the user.' } } }] });
    await waitForRow(OTHER, /^Canceled$/, 20_000);
    await wb.screenshot('image-builder-7-followed-build');
  });

  it('cancels a running build from the tree: confirmation, then Canceled', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    await wb.contextMenu(await wb.treeRow([...templates, NAME]), 'Build Image');
    await waitForRow(NAME, /^Running/);
    await wb.contextMenu(await wb.treeRow([...templates, NAME]), 'Cancel Build');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`Cancel the build of ${NAME}\\?`));
    await button('.monaco-dialog-box', 'Cancel Build').click();
    await waitForRow(NAME, /^Canceled$/);
    await wb.waitForNotification(new RegExp(`The build of ${NAME} was cancelled`));
    await wb.screenshot('image-builder-8-canceled');
  });

  it('lists the run outputs of a successful build and copies the image id', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    await wb.contextMenu(await wb.treeRow([...templates, OTHER]), 'Build Image');
    await waitForRow(OTHER, /^Succeeded$/, 90_000);
    await wb.contextMenu(await wb.treeRow([...templates, OTHER]), 'Show Run Outputs');
    const entries = await (async () => { await wb.quickPickItems(/Run outputs of/); return wb.quickPickEntries(); })();
    const imageId = `/subscriptions/${SUB}/resourceGroups/rg-images-prod/providers/Microsoft.Compute/images/img-ubuntu2204-new`;
    assert.deepEqual(entries.map((e) => [e.label, e.detail]), [[`${OTHER}-output`, imageId]]);
    await wb.screenshot('image-builder-9-run-outputs');
    await wb.pick(`${OTHER}-output`);
    await wb.pick('Copy Artifact ID');
    await wb.waitForNotification(/Copied to the clipboard/);
    assert.equal(await wb.page.evaluate(() => navigator.clipboard.readText()), imageId);
  });

  it('saves a deployed template to a file, then deletes the template after confirmation', async () => {
    const { wb } = s;
    await wb.clearNotifications();
    await wb.contextMenu(await wb.treeRow([...templates, OTHER]), 'Save Template to File…');
    // VS Code's own save dialog (a quick input holding the path): the file goes into the workspace.
    const saved = join(s.codeServer.workspace, `${OTHER}.imagetemplate.json`);
    const input = wb.quickInput();
    await input.waitFor();
    await wb.page.waitForTimeout(500);
    await input.fill(saved);
    await wb.page.waitForTimeout(300);
    await wb.page.keyboard.press('Enter');
    const content = await waitForJsonFile<{ name?: string; properties: { customize: Array<{ name: string }>; lastRunStatus?: unknown } }>(
      saved, (t) => t.name !== undefined, 'Save Template to File wrote the template');
    assert.equal(content.name, OTHER);
    assert.deepEqual(content.properties.customize.map((c: { name: string }) => c.name), ['update-packages', 'install-tools']);
    assert.equal(content.properties.lastRunStatus, undefined, 'run state is not part of the configuration');
    await wb.waitForEditor(new RegExp(`${OTHER}\\.imagetemplate\\.json`));
    await wb.screenshot('image-builder-10-saved-to-file');

    await wb.contextMenu(await wb.treeRow([...templates, OTHER]), 'Delete Image Template…');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`Delete the image template ${OTHER}\\? Its staging resource group IT_rg-images-prod_${OTHER}`));
    await wb.screenshot('image-builder-11-delete-confirmation');
    await button('.monaco-dialog-box', 'Delete').click();
    await wb.waitForNotification(new RegExp(`The image template ${OTHER} was deleted`), 60_000);
    const gone = Date.now() + 20_000;
    while ((await wb.childrenOf(templates)).some((r) => r.label === OTHER)) {
      if (Date.now() > gone) throw new Error(`${OTHER} is still in the tree`);
      await wb.page.waitForTimeout(300);
    }
    assert.deepEqual(await wb.errorNotifications(), []);
  });
});
