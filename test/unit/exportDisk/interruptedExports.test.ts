import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DownloadError } from '../../../src/core/download/downloadError.ts';
import { interruptedFiles, keepForResume } from '../../../src/core/exportDisk/interruptedExports.ts';

test('which failures stay offered after a restart: lost connections, refused links, a full disk; not a cancel', () => {
  for (const code of ['transferFailed', 'accessExpired', 'diskFull', 'fileSystem', 'verificationFailed'] as const) {
    assert.equal(keepForResume(new DownloadError(code, code)), true, code);
  }
  for (const code of ['cancelled', 'sourceChanged', 'vhdFooterInvalid', 'destinationExists'] as const) {
    assert.equal(keepForResume(new DownloadError(code, code)), false, code);
  }
  assert.equal(keepForResume(new Error('ARM answered 500')), true, 'a failure outside the engine: the partial file, if any, decides at restart');
});

test('Discard removes the partial files and journals of the VHD, the VM guest state and the VM metadata', () => {
  const entry = { resourceId: '/d', kind: 'disk' as const, tenantId: 't', subscriptionId: 's', displayName: 'os', folder: '/out', durationSeconds: 60, startedAt: '' };
  assert.deepEqual(interruptedFiles(entry), ['/out/os.vhd.partial', '/out/os.vhd.partial.journal', '/out/os.vmgs.partial', '/out/os.vmgs.partial.journal', '/out/os.vmmd.partial', '/out/os.vmmd.partial.journal']);
});
