import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2ePrerequisiteProblems, type E2EEnvironment } from '../../../test/e2e/harness/prerequisites.ts';

const ready: E2EEnvironment = {
  codeServerInstalled: true, chromiumPath: '/usr/bin/chromium', chromiumExists: true,
  extensionWritten: true, vsixPath: '/repo/dist/azure-linux-vm-tools.vsix', vsixExists: true,
};

test('an E2E run with everything in place has nothing to fix', () => {
  assert.deepEqual(e2ePrerequisiteProblems(ready), []);
});

test('a missing .vsix fails the run (it used to skip every suite and pass)', () => {
  assert.deepEqual(e2ePrerequisiteProblems({ ...ready, vsixExists: false }), [
    '/repo/dist/azure-linux-vm-tools.vsix is missing: run npm run package (bash scripts/setup.sh builds it too) before the E2E tests',
  ]);
});

test('code-server and Chromium are required; the .vsix only once the extension is written', () => {
  assert.equal(e2ePrerequisiteProblems({ ...ready, codeServerInstalled: false, chromiumExists: false }).length, 2);
  assert.deepEqual(e2ePrerequisiteProblems({ ...ready, extensionWritten: false, vsixExists: false }), []);
});
