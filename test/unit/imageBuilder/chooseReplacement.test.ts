import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { resetScript, script, useFakeVscode } from '../support/fakeVscode.ts';

useFakeVscode();
const { chooseReplacement } = await import('../../../src/features/imageBuilder/chooseReplacement.ts');
const { UserCancelledError } = await import('../../../src/shell/UserCancelledError.ts');

// The flow when a deployed template differs from the file: a diff of both, then a new versioned name or delete +
// re-create, the latter only after a second, explicit confirmation.

const shown = new Map<string, string>();
const documents = { put: (name: string, content: string) => { shown.set(name, content); return { toString: () => `ro:/${name}` }; } };
const deployed = { location: 'japaneast', properties: { source: { type: 'PlatformImage' }, customize: [{ type: 'Shell', name: 'a', inline: ['ls'] }], provisioningState: 'Succeeded' } };
const local = { location: 'japaneast', properties: { source: { type: 'PlatformImage' }, customize: [{ type: 'Shell', name: 'a', inline: ['ls -la'] }] } };
const choose = () => chooseReplacement(documents as never, 'it-web', deployed, local, ['properties.customize'], 'it-web-v2');

beforeEach(() => { resetScript(); shown.clear(); });

test('the deployed template and the file are shown side by side before anything is asked', async () => {
  script.picks = [/new template it-web-v2/];
  await choose();
  const diff = script.calls.find((c) => c.api === 'executeCommand' && c.args[0] === 'vscode.diff');
  assert.ok(diff, 'a diff is opened');
  assert.deepEqual([String(diff.args[1]), String(diff.args[2]), diff.args[3]], ['ro:/it-web (deployed).json', 'ro:/it-web (file).json', 'it-web: deployed ↔ file']);
  assert.match(shown.get('it-web (deployed).json')!, /"inline": \[\s*"ls"\s*\]/);
  assert.doesNotMatch(shown.get('it-web (deployed).json')!, /provisioningState/, 'read-only state is not part of the comparison');
  assert.match(shown.get('it-web (file).json')!, /"ls -la"/);
});

test('a new versioned name deletes nothing and asks nothing more', async () => {
  script.picks = [/new template it-web-v2/];
  assert.deepEqual(await choose(), { kind: 'newName', name: 'it-web-v2' });
  assert.equal(script.calls.filter((c) => c.api === 'showWarningMessage').length, 0);
  const [labels, options] = script.calls.find((c) => c.api === 'showQuickPick')!.args as [string[], { title: string }];
  assert.equal(labels.length, 2);
  assert.match(options.title, /it-web already exists and differs from the file \(properties\.customize\)\. Image templates cannot be changed/);
});

test('delete and re-create needs its own confirmation; without it nothing happens', async () => {
  script.picks = [/Delete it-web and create it again/];
  script.buttons = ['Delete and Re-create'];
  assert.deepEqual(await choose(), { kind: 'recreate' });
  const warning = script.calls.find((c) => c.api === 'showWarningMessage')!;
  assert.equal(warning.args[0], 'Delete the image template it-web and create it again from the file?');
  assert.deepEqual(warning.args[1], { modal: true, detail: 'Its staging resource group and build logs are deleted; the images it built are kept.' });

  resetScript();
  script.picks = [/Delete it-web and create it again/];
  script.buttons = [undefined];
  await assert.rejects(choose(), UserCancelledError);
  resetScript();
  script.picks = [undefined];
  await assert.rejects(choose(), UserCancelledError);
});
