import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCustomizerErrors, findCustomizerForLogLine, isBuildLogErrorLine } from '../../../src/core/imageBuilder/findCustomizerForLogLine.ts';

const customizers = [{ type: 'Shell', name: 'update-packages' }, { type: 'Shell', name: 'install-tools' }, { type: 'File' }];

const namedLog = [
  'PACKER OUT ==> azure-arm: Connected to SSH!',
  'PACKER OUT (telemetry) Starting provisioner shell',
  "PACKER OUT ==> azure-arm: Running customizer 'update-packages' (Shell, customize[0])",
  'PACKER OUT     azure-arm: + sudo apt-get update',
  'PACKER OUT (telemetry) Starting provisioner shell',
  "PACKER OUT ==> azure-arm: Running customizer 'install-tools' (Shell, customize[1])",
  'PACKER OUT     azure-arm: + exit 1',
  'PACKER ERR ==> azure-arm: Script exited with non-zero exit status: 1. Allowed exit codes are: [0]',
];

test('an error line maps to the customizer announced above it, by name', () => {
  assert.deepEqual(findCustomizerForLogLine(namedLog, 7, customizers), { index: 1, name: 'install-tools' });
  assert.deepEqual(findCustomizerForLogLine(namedLog, 3, customizers), { index: 0, name: 'update-packages' });
});

test('a line before any customizer belongs to none', () => {
  assert.equal(findCustomizerForLogLine(namedLog, 0, customizers), undefined);
});

test('unnamed announcements count: the n-th "Starting provisioner" is customize[n-1]', () => {
  const log = [
    'PACKER OUT (telemetry) Starting provisioner shell',
    'PACKER OUT     azure-arm: ok',
    'PACKER OUT (telemetry) Starting provisioner shell',
    'PACKER OUT (telemetry) Starting provisioner file',
    'PACKER ERR ==> azure-arm: Upload failed: file not found',
  ];
  assert.deepEqual(findCustomizerForLogLine(log, 4, customizers), { index: 2, name: 'customize[2]' });
  assert.deepEqual(findCustomizerForLogLine(log, 1, customizers), { index: 0, name: 'update-packages' });
  assert.equal(findCustomizerForLogLine([...log, 'PACKER OUT (telemetry) Starting provisioner shell', 'x'], 6, customizers), undefined, 'more announcements than customizers');
});

test('a name the template does not have falls back to the index the log gives, names match case-insensitively', () => {
  assert.deepEqual(findCustomizerForLogLine(["Running customizer 'renamed' (Shell, customize[1])", 'error'], 1, customizers), { index: 1, name: 'install-tools' });
  assert.deepEqual(findCustomizerForLogLine(["Customizer 'INSTALL-TOOLS' failed"], 0, customizers), { index: 1, name: 'INSTALL-TOOLS' });
});

test('error lines are found with their customizer; telemetry lines are not errors', () => {
  assert.equal(isBuildLogErrorLine('PACKER OUT (telemetry) Starting provisioner shell'), false);
  assert.equal(isBuildLogErrorLine("Build 'azure-arm' errored after 1 minute"), true);
  assert.deepEqual(findCustomizerErrors(namedLog, customizers), [{ line: 7, customizer: { index: 1, name: 'install-tools' } }]);
});

test('on a log shaped like a real customization.log (unnamed provisioners, [run id] prefixes), errors map to the failing customizer', async () => {
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(new URL('./fixtures/customization.log', import.meta.url), 'utf8').split('\n');
  const template = [{ type: 'Shell', name: 'apt-update' }, { type: 'File', name: 'nginx-config' }, { type: 'Shell', name: 'install-nginx' }];
  const errors = findCustomizerErrors(lines, template);
  assert.ok(errors.length >= 3, `error lines found: ${errors.length}`);
  assert.deepEqual([...new Set(errors.map((e) => e.customizer.name))], ['install-nginx']);
  const exitLine = lines.findIndex((l) => l.includes('==> azure-arm: Script exited with non-zero exit status: 100'));
  assert.deepEqual(findCustomizerForLogLine(lines, exitLine, template), { index: 2, name: 'install-nginx' });
  // The File customizer's upload and the first Shell's output belong to them, not to the failure.
  assert.deepEqual(findCustomizerForLogLine(lines, lines.findIndex((l) => l.includes('Uploading /tmp/aib-files')), template), { index: 1, name: 'nginx-config' });
  assert.equal(findCustomizerForLogLine(lines, lines.findIndex((l) => l.includes('Connected to SSH')), template), undefined);
});
