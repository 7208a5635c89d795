import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planConsistency } from '../../../src/core/exportDisk/planConsistency.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';
import { disk, vm } from './fixtures.ts';

const attached = (name: string) => disk(name, { diskState: 'Attached', managedBy: vm('vm1', 'running').id });

test('an unattached disk, a snapshot, a deallocated VM\'s disk and a frozen disk export as they are', () => {
  assert.equal(planConsistency(disk('d1'), undefined, t).kind, 'ready');
  assert.equal(planConsistency(disk('s1', { kind: 'snapshot', diskState: 'Unattached' }), undefined, t).kind, 'ready');
  assert.equal(planConsistency(disk('d1', { diskState: 'Frozen' }), undefined, t).kind, 'ready');
  const reserved = planConsistency(disk('d1', { diskState: 'Reserved' }), vm('vm1', 'deallocated', ['data0']), t);
  assert.equal(reserved.kind, 'ready');
  assert.match(reserved.kind === 'ready' ? reserved.notes[0] : '', /vm1 is deallocated, so each of its disks is consistent/);
});

test('a disk waiting for an upload cannot be exported, and the reason says why', () => {
  const plan = planConsistency(disk('up', { diskState: 'ReadyToUpload' }), undefined, t);
  assert.equal(plan.kind, 'blocked');
  assert.match(plan.kind === 'blocked' ? plan.reason : '', /up is waiting for an upload \(ReadyToUpload\)/);
});

test('a running single-disk VM: deallocate (billing stops, downtime) or snapshot (crash-consistent)', () => {
  const plan = planConsistency(attached('vm1-os'), vm('vm1', 'running'), t);
  assert.ok(plan.kind === 'choose');
  assert.deepEqual(plan.options.map((o) => o.choice), [{ kind: 'deallocateVm', disks: 'this' }, { kind: 'snapshot', disks: 'this' }]);
  assert.match(plan.options[0].label, /Deallocate vm1, then export this disk/);
  assert.match(plan.options[0].detail, /Stops compute billing and takes vm1 offline \(downtime\).*Stop without deallocate is not enough/);
  assert.match(plan.options[1].detail, /crash-consistent/);
  assert.match(plan.notes[0], /vm1-os is attached to vm1, which is running/);
  assert.equal(plan.notes.length, 1);
});

test('a VM with data disks: says what a consistent multi-disk export needs and offers deallocate-all and snapshot-all', () => {
  const plan = planConsistency(attached('data0'), vm('vm1', 'running', ['data0', 'data1']), t);
  assert.ok(plan.kind === 'choose');
  assert.match(plan.notes[1], /vm1 has 2 data disk\(s\): a consistent export of all its disks needs the VM stopped \(deallocated\), or a snapshot of the OS disk and every data disk/);
  assert.deepEqual(plan.options.map((o) => `${o.choice.kind}:${'disks' in o.choice ? o.choice.disks : ''}`), ['deallocateVm:this', 'deallocateVm:all', 'snapshot:this', 'snapshot:all']);
  assert.equal(plan.options[1].label, 'Deallocate vm1, then export all 3 disks');
  assert.equal(plan.options[3].label, 'Snapshot the OS disk and every data disk (3 snapshots), then export each');
});

test('a stopped but allocated VM: stopping is not enough, deallocation is offered', () => {
  const plan = planConsistency(attached('vm1-os'), vm('vm1', 'stopped'), t);
  assert.ok(plan.kind === 'choose');
  assert.match(plan.notes[0], /vm1 is stopped but still allocated \(and billed\).*stopping it is not enough/);
  assert.equal(plan.options[0].choice.kind, 'deallocateVm');
});

test('a VM in transition (deallocating, starting) blocks until it settles', () => {
  const plan = planConsistency(attached('vm1-os'), vm('vm1', 'deallocating'), t);
  assert.equal(plan.kind, 'blocked');
});
