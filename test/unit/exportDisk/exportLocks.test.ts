// Two exports at once in one window: the second is refused before it grants or writes anything when it would
// write the first one's file or export the first one's disk; the first completes untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PageBlobDownloadResult } from '../../../src/core/download/runPageBlobDownload.ts';
import { describeExportFailure } from '../../../src/core/exportDisk/describeExportFailure.ts';
import { claimsForSteps, ExportInProgressError, ExportLocks, resourceClaim } from '../../../src/core/exportDisk/exportLocks.ts';
import { planExportSteps } from '../../../src/core/exportDisk/planExportSteps.ts';
import { runExportTransaction, type ExportPorts } from '../../../src/core/exportDisk/runExportTransaction.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { disk } from './fixtures.ts';

const steps = (name: string, folder: string) =>
  planExportSteps({ target: disk(name), choice: { kind: 'exportDirectly' }, folder, durationSeconds: 900, now: new Date() });

/** Ports whose download waits until released, so two exports overlap. */
function slowPorts() {
  const calls: string[] = [];
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  const ports: ExportPorts = {
    deallocateVm: async () => {},
    createSnapshot: async () => {},
    grantAccess: async (target) => { calls.push(`grant ${target.name}`); return { accessSas: `https://blob/${target.name}?sig=x` }; },
    revokeAccess: async (target) => { calls.push(`revoke ${target.name}`); },
    download: async (request) => {
      calls.push(`download ${request.destinationPath}`);
      await released;
      return { destinationPath: request.destinationPath } as PageBlobDownloadResult;
    },
  };
  return { ports, calls, release: () => release() };
}

test('the same disk exported twice at once: the second is refused before its grant, the first keeps its link', async () => {
  const locks = new ExportLocks();
  const { ports, calls, release } = slowPorts();
  const signal = new AbortController().signal;
  const first = runExportTransaction(steps('d1', '/out'), ports, { signal, locks, title: 'd1' });
  await new Promise((r) => setImmediate(r));
  await assert.rejects(runExportTransaction(steps('d1', '/elsewhere'), ports, { signal, locks, title: 'd1 (again)' }), (e: unknown) => {
    assert.ok(e instanceof ExportInProgressError);
    assert.equal(e.claim.kind, 'resource');
    assert.equal(describeExportFailure(e, 'd1.vhd', formatMessage),
      'd1 is already being exported in this window. Wait for that export to finish or cancel it first: a second export would share its download link, and the first one\'s revoke would cut it off.');
    return true;
  });
  release();
  await first;
  assert.deepEqual(calls, ['grant d1', 'download /out/d1.vhd', 'revoke d1'], 'one grant, one revoke: the second run touched nothing');
  // Once the first is done, the disk can be exported again.
  const again = slowPorts();
  again.release();
  await runExportTransaction(steps('d1', '/elsewhere'), again.ports, { signal, locks, title: 'd1' });
  assert.deepEqual(again.calls, ['grant d1', 'download /elsewhere/d1.vhd', 'revoke d1']);
});

test('two disks into the same file at once (same name, same folder): the second is refused, the first file is left alone', async () => {
  const locks = new ExportLocks();
  const { ports, calls, release } = slowPorts();
  const signal = new AbortController().signal;
  const other = planExportSteps({
    target: disk('d1', { id: '/subscriptions/s2/resourceGroups/rg9/providers/Microsoft.Compute/disks/d1', subscriptionId: 's2', resourceGroup: 'rg9' }),
    choice: { kind: 'exportDirectly' }, folder: '/out/', durationSeconds: 900, now: new Date(),
  });
  const first = runExportTransaction(steps('d1', '/out'), ports, { signal, locks, title: 'd1 (prod)' });
  await new Promise((r) => setImmediate(r));
  await assert.rejects(runExportTransaction(other, ports, { signal, locks, title: 'd1 (dev)' }), (e: unknown) => {
    assert.ok(e instanceof ExportInProgressError && e.claim.kind === 'file');
    assert.equal(describeExportFailure(e, 'd1.vhd', formatMessage),
      'Another export in this window (d1 (prod)) is writing /out/d1.vhd. Wait for it to finish or cancel it, or choose another folder.');
    return true;
  });
  release();
  await first;
  assert.deepEqual(calls, ['grant d1', 'download /out/d1.vhd', 'revoke d1']);
});

test('a failed export releases its claims; different disks into different files run side by side', async () => {
  const locks = new ExportLocks();
  const signal = new AbortController().signal;
  const failing: ExportPorts = { ...slowPorts().ports, download: async () => { throw new Error('boom'); } };
  await assert.rejects(runExportTransaction(steps('d1', '/out'), failing, { signal, locks }), /boom/);
  const a = slowPorts();
  const b = slowPorts();
  const both = Promise.all([
    runExportTransaction(steps('d1', '/out'), a.ports, { signal, locks }),
    runExportTransaction(steps('d2', '/out'), b.ports, { signal, locks }),
  ]);
  a.release();
  b.release();
  await both;
});

test('claims: the disk id ignores case; file paths ignore case only where the file system does', () => {
  const upper = planExportSteps({ target: disk('D1', { id: disk('d1').id.toUpperCase() }), choice: { kind: 'exportDirectly' }, folder: '/out', durationSeconds: 60, now: new Date() });
  assert.equal(claimsForSteps(upper, 'linux')[0].key, claimsForSteps(steps('d1', '/out'), 'linux')[0].key);
  assert.notEqual(claimsForSteps(upper, 'linux')[1].key, claimsForSteps(steps('d1', '/out'), 'linux')[1].key);
  assert.equal(claimsForSteps(upper, 'win32')[1].key, claimsForSteps(steps('d1', '/out'), 'win32')[1].key);
});

test('before asking anything, a disk this window is exporting is named with the export that holds it', () => {
  const locks = new ExportLocks();
  const d1 = disk('d1');
  assert.equal(locks.holderOf(resourceClaim(d1)), undefined);
  locks.refuseIfHeld([resourceClaim(d1)]);
  const release = locks.acquire(claimsForSteps(steps('d1', '/out')), 'd1 (first)');
  // ARM ids are case-insensitive: the same disk spelt otherwise is the same claim.
  assert.equal(locks.holderOf(resourceClaim({ ...d1, id: d1.id.toUpperCase() })), 'd1 (first)');
  assert.throws(() => locks.refuseIfHeld([resourceClaim(d1)]), (e: unknown) => e instanceof ExportInProgressError && e.heldBy === 'd1 (first)');
  release();
  assert.equal(locks.holderOf(resourceClaim(d1)), undefined);
});

test('the export holding a disk is named only when it is not the disk itself (a VM\'s disks exported together)', () => {
  const claim = resourceClaim(disk('d1'));
  assert.equal(describeExportFailure(new ExportInProgressError(claim, '2 disks of vm-a'), 'd1.vhd', formatMessage),
    'd1 is already being exported in this window (2 disks of vm-a). Wait for that export to finish or cancel it first: a second export would share its download link, and the first one\'s revoke would cut it off.');
  assert.match(describeExportFailure(new ExportInProgressError(claim, 'd1'), 'd1.vhd', formatMessage) ?? '', /^d1 is already being exported in this window\. Wait/);
});
