import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DownloadError } from '../../../src/core/download/downloadError.ts';
import type { PageBlobDownloadResult } from '../../../src/core/download/runPageBlobDownload.ts';
import { planExportSteps } from '../../../src/core/exportDisk/planExportSteps.ts';
import { runExportTransaction, type DownloadRequest, type ExportPorts } from '../../../src/core/exportDisk/runExportTransaction.ts';
import { disk } from './fixtures.ts';

const noWait = { sleep: async () => {} };

function fakePorts(behaviour: { download?: (r: DownloadRequest, calls: string[]) => Promise<void>; revokeFailures?: number; grant?: () => Promise<void> } = {}) {
  const calls: string[] = [];
  let revokeFailures = behaviour.revokeFailures ?? 0;
  let grants = 0;
  const ports: ExportPorts = {
    deallocateVm: async (vm) => { calls.push(`deallocate ${vm.name}`); },
    createSnapshot: async (_s, snap) => { calls.push(`snapshot ${snap.name}`); },
    grantAccess: async (target, seconds) => {
      calls.push(`grant ${target.name} ${seconds}`);
      await behaviour.grant?.();
      grants++;
      return {
        accessSas: `https://blob/${target.name}?sig=${grants}`,
        ...(target.hasGuestState ? { securityDataAccessSas: `https://blob/${target.name}-vmgs?sig=${grants}` } : {}),
        // As Azure does for Confidential VM disks only.
        ...(target.hasGuestState && target.name.startsWith('cvm') ? { securityMetadataAccessSas: `https://blob/${target.name}-vmmd?sig=${grants}` } : {}),
      };
    },
    revokeAccess: async (target) => {
      calls.push(`revoke ${target.name}`);
      if (revokeFailures-- > 0) throw new Error('revoke refused');
    },
    download: async (request) => {
      calls.push(`download ${request.destinationPath} footer=${request.requireVhdFooter}`);
      await behaviour.download?.(request, calls);
      return { destinationPath: request.destinationPath } as PageBlobDownloadResult;
    },
  };
  return { ports, calls };
}

const steps = (target = disk('d1')) => planExportSteps({ target, choice: { kind: 'exportDirectly' }, folder: '/out', durationSeconds: 900, now: new Date() });

test('success: grant, download, revoke, in that order', async () => {
  const { ports, calls } = fakePorts();
  const outcome = await runExportTransaction(steps(), ports, { signal: new AbortController().signal });
  assert.deepEqual(calls, ['grant d1 900', 'download /out/d1.vhd footer=true', 'revoke d1']);
  assert.equal(outcome.exported.length, 1);
});

test('a failed download is still followed by the revoke, and the error reaches the caller', async () => {
  const { ports, calls } = fakePorts({ download: async () => { throw new DownloadError('transferFailed', 'boom'); } });
  await assert.rejects(runExportTransaction(steps(), ports, { signal: new AbortController().signal }), /boom/);
  assert.equal(calls.at(-1), 'revoke d1');
});

test('a cancel during the download still revokes; later steps do not run', async () => {
  const cancel = new AbortController();
  const { ports, calls } = fakePorts({ download: async (r) => { cancel.abort(); throw new DownloadError('cancelled', `cancelled ${r.destinationPath}`); } });
  const twoDisks = [...steps(disk('d1')), ...steps(disk('d2'))];
  await assert.rejects(runExportTransaction(twoDisks, ports, { signal: cancel.signal }), (e) => e instanceof DownloadError && e.code === 'cancelled');
  assert.deepEqual(calls, ['grant d1 900', 'download /out/d1.vhd footer=true', 'revoke d1']);
});

test('a cancel between steps stops before the next grant', async () => {
  const cancel = new AbortController();
  const { ports, calls } = fakePorts({ download: async () => cancel.abort() });
  await assert.rejects(runExportTransaction([...steps(disk('d1')), ...steps(disk('d2'))], ports, { signal: cancel.signal }), { name: 'AbortError' });
  assert.equal(calls.filter((c) => c.startsWith('grant')).length, 1);
  assert.equal(calls.at(-1), 'revoke d1');
});

test('revoke is tried three times; if it still fails the caller is told, and the export itself succeeded', async () => {
  const { ports, calls } = fakePorts({ revokeFailures: 5 });
  const failed: string[] = [];
  const outcome = await runExportTransaction(steps(), ports, { signal: new AbortController().signal, ...noWait, events: { onRevokeFailed: (t) => failed.push(t.name) } });
  assert.equal(calls.filter((c) => c === 'revoke d1').length, 3);
  assert.deepEqual(failed, ['d1']);
  assert.equal(outcome.revokeFailures.length, 1);
  assert.equal(outcome.exported.length, 1);
});

test('a revoke that succeeds on the second try is not reported', async () => {
  const { ports } = fakePorts({ revokeFailures: 1 });
  const outcome = await runExportTransaction(steps(), ports, { signal: new AbortController().signal, ...noWait });
  assert.deepEqual(outcome.revokeFailures, []);
});

test('a grant Azure refuses (4xx) is not revoked — revoking could end someone else\'s download; a grant that failed otherwise is', async () => {
  const refused = fakePorts({ grant: async () => { throw Object.assign(new Error('InvalidParameter'), { statusCode: 400 }); } });
  await assert.rejects(runExportTransaction(steps(), refused.ports, { signal: new AbortController().signal }));
  assert.deepEqual(refused.calls, ['grant d1 900']);
  const timedOut = fakePorts({ grant: async () => { throw Object.assign(new Error('socket hang up'), { statusCode: undefined }); } });
  await assert.rejects(runExportTransaction(steps(), timedOut.ports, { signal: new AbortController().signal }));
  assert.deepEqual(timedOut.calls, ['grant d1 900', 'revoke d1']);
});

test('an expired link mid-download is replaced by a new grant; the guest state of a Trusted Launch disk is downloaded too', async () => {
  const urls: string[] = [];
  const { ports, calls } = fakePorts({
    download: async (r) => { urls.push(r.sasUrl); if (!r.requireVhdFooter) return; urls.push(await r.getFreshSasUrl(new AbortController().signal)); },
  });
  await runExportTransaction(steps(disk('tl', { hasGuestState: true })), ports, { signal: new AbortController().signal });
  assert.deepEqual(urls, ['https://blob/tl?sig=1', 'https://blob/tl?sig=2', 'https://blob/tl-vmgs?sig=2']);
  assert.deepEqual(calls, ['grant tl 900', 'download /out/tl.vhd footer=true', 'grant tl 900', 'download /out/tl.vmgs footer=false', 'revoke tl']);
});

test('a Confidential VM disk: the VM metadata link Azure adds is downloaded beside the guest state, before the revoke', async () => {
  const { ports, calls } = fakePorts();
  const outcome = await runExportTransaction(steps(disk('cvm1', { hasGuestState: true })), ports, { signal: new AbortController().signal });
  assert.deepEqual(calls, ['grant cvm1 900', 'download /out/cvm1.vhd footer=true', 'download /out/cvm1.vmgs footer=false', 'download /out/cvm1.vmmd footer=false', 'revoke cvm1']);
  assert.equal(outcome.exported[0].vmMetadata?.destinationPath, '/out/cvm1.vmmd');
});

test('snapshot steps record what was created, so the user can be told (and the snapshot found) even after a failure', async () => {
  const { ports } = fakePorts({ download: async () => { throw new Error('disk full'); } });
  const planned = planExportSteps({ target: disk('d1', { diskState: 'Attached' }), choice: { kind: 'snapshot', disks: 'this' }, folder: '/out', durationSeconds: 60, now: new Date('2025-01-01T00:00:00Z') });
  const outcome = { snapshotsCreated: [], exported: [], revokeFailures: [] };
  await assert.rejects(runExportTransaction(planned, ports, { signal: new AbortController().signal, outcome }));
  assert.deepEqual(outcome.snapshotsCreated.map((s: { name: string }) => s.name), ['d1-export-20250101-0000']);
});
