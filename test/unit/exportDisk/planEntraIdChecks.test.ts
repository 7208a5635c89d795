import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planEntraIdChecks } from '../../../src/core/exportDisk/planEntraIdChecks.ts';
import { planExportSteps } from '../../../src/core/exportDisk/planExportSteps.ts';
import { disk, vm } from './fixtures.ts';

test('an Entra-ID disk exported directly is checked on itself', () => {
  const steps = planExportSteps({ target: disk('d1', { entraIdOnly: true }), choice: { kind: 'exportDirectly' }, folder: '/out', durationSeconds: 60, now: new Date() });
  assert.deepEqual(planEntraIdChecks(steps).map((c) => [c.step.target.name, c.scope]), [['d1', 'resource']]);
});

test('the snapshot this export takes of an Entra-ID disk is checked in its resource group, since it does not exist yet', () => {
  const target = disk('web-os', { entraIdOnly: true, diskState: 'Attached', managedBy: vm('web', 'running').id });
  const steps = planExportSteps({ target, choice: { kind: 'snapshot', disks: 'this' }, vm: vm('web', 'running'), folder: '/out', durationSeconds: 60, now: new Date('2025-06-01T12:30:00Z') });
  const checks = planEntraIdChecks(steps);
  assert.equal(checks.length, 1);
  assert.equal(checks[0].step.target.kind, 'snapshot');
  assert.equal(checks[0].scope, 'resourceGroup');
  assert.ok(steps.some((s) => s.kind === 'createSnapshot' && s.snapshot.id === checks[0].step.target.id));
});

test('disks without Entra ID need no check', () => {
  const steps = planExportSteps({ target: disk('d1'), choice: { kind: 'exportDirectly' }, folder: '/out', durationSeconds: 60, now: new Date() });
  assert.deepEqual(planEntraIdChecks(steps), []);
});
