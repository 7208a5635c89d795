import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportFileNames, exportSnapshotName, safeFileBaseName } from '../../../src/core/exportDisk/exportFileNames.ts';
import { planExportSteps } from '../../../src/core/exportDisk/planExportSteps.ts';
import { disk, vm } from './fixtures.ts';

const now = new Date('2025-06-01T12:34:56Z');

test('an unattached disk: one export step into <disk>.vhd in the chosen folder', () => {
  const steps = planExportSteps({ target: disk('d1'), choice: { kind: 'exportDirectly' }, folder: '/out', durationSeconds: 3600, now });
  assert.deepEqual(steps, [{ kind: 'export', target: disk('d1'), displayName: 'd1', durationSeconds: 3600, files: { vhd: '/out/d1.vhd' } }]);
});

test('deallocate, then export every disk of the VM (OS disk first), each seen as Reserved', () => {
  const machine = vm('vm1', 'running', ['data0']);
  const disks = [disk('vm1-os', { diskState: 'Attached' }), disk('data0', { diskState: 'Attached' })];
  const steps = planExportSteps({ target: disks[1], vm: machine, vmDisks: disks, choice: { kind: 'deallocateVm', disks: 'all' }, folder: '/out', durationSeconds: 600, now });
  assert.deepEqual(steps.map((s) => s.kind), ['deallocateVm', 'export', 'export']);
  assert.deepEqual(steps.flatMap((s) => (s.kind === 'export' ? [`${s.target.name}:${s.target.diskState}:${s.files.vhd}`] : [])), ['vm1-os:Reserved:/out/vm1-os.vhd', 'data0:Reserved:/out/data0.vhd']);
});

test('snapshot every disk first (close in time), then export each snapshot into a file named after its disk', () => {
  const machine = vm('vm1', 'running', ['data0']);
  const disks = [disk('vm1-os', { diskState: 'Attached', hasGuestState: true }), disk('data0', { diskState: 'Attached' })];
  const steps = planExportSteps({ target: disks[0], vm: machine, vmDisks: disks, choice: { kind: 'snapshot', disks: 'all' }, incrementalSnapshots: true, folder: '/out', durationSeconds: 600, now });
  assert.deepEqual(steps.map((s) => s.kind), ['createSnapshot', 'createSnapshot', 'export', 'export']);
  const first = steps[0].kind === 'createSnapshot' ? steps[0] : assert.fail();
  assert.equal(first.incremental, true);
  assert.equal(first.snapshot.name, 'vm1-os-export-20250601-1234');
  assert.equal(first.snapshot.id, '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Compute/snapshots/vm1-os-export-20250601-1234');
  const exportOs = steps[2].kind === 'export' ? steps[2] : assert.fail();
  assert.equal(exportOs.target.kind, 'snapshot');
  assert.deepEqual(exportOs.files, { vhd: '/out/vm1-os.vhd', guestState: '/out/vm1-os.vmgs', vmMetadata: '/out/vm1-os.vmmd' }, 'guest state (and VM metadata, if Azure gives it) follow the OS disk');
});

test('snapshot only this disk: one snapshot, one export', () => {
  const steps = planExportSteps({ target: disk('d1', { diskState: 'Attached' }), vm: vm('vm1', 'running'), choice: { kind: 'snapshot', disks: 'this' }, folder: '/out', durationSeconds: 600, now });
  assert.deepEqual(steps.map((s) => s.kind), ['createSnapshot', 'export']);
});

test('file and snapshot names stay valid', () => {
  assert.equal(safeFileBaseName('a/b:c'), 'a_b_c');
  assert.equal(safeFileBaseName('..hidden'), '_hidden');
  assert.deepEqual(exportFileNames('/x', 'disk1', false), { vhd: '/x/disk1.vhd' });
  const long = exportSnapshotName('d'.repeat(90), now);
  assert.equal(long.length, 80);
  assert.match(long, /-export-20250601-1234$/);
  assert.match(exportSnapshotName('_weird name!', now), /^weird-name--export-/);
});
