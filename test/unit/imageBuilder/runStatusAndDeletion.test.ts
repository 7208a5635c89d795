import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRunStatus, isRunActive } from '../../../src/core/imageBuilder/describeRunStatus.ts';
import { planTemplateDeletion } from '../../../src/core/imageBuilder/planTemplateDeletion.ts';
import { formatMessage as t } from '../../../src/core/l10n/Translate.ts';

test('a running build says which step it is in and offers cancel and the log', () => {
  const d = describeRunStatus('it-web', { runState: 'Running', runSubState: 'Customizing' }, t);
  assert.deepEqual(d, { active: true, severity: 'info', actions: ['cancel', 'showLog'], message: 'Building it-web: running the customizers…' });
  assert.equal(describeRunStatus('it-web', { runState: 'Running', runSubState: 'Queued' }, t).message, 'Building it-web: queued, waiting for a build VM…');
});

test('finished states: outputs after success, the log and a rebuild after failure, the message quoted', () => {
  assert.deepEqual(describeRunStatus('it-web', { runState: 'Succeeded' }, t).actions, ['showOutputs', 'showLog']);
  const failed = describeRunStatus('it-web', { runState: 'Failed', message: 'Packer build command has failed: exit status 1.' }, t);
  assert.equal(failed.severity, 'error');
  assert.equal(failed.message, 'The build of it-web failed: Packer build command has failed: exit status 1.');
  assert.deepEqual(failed.actions, ['showLog', 'build']);
  assert.equal(describeRunStatus('it-web', { runState: 'PartiallySucceeded', message: 'westeurope failed' }, t).severity, 'warning');
  assert.equal(describeRunStatus('it-web', undefined, t).message, 'it-web has never been built.');
  assert.equal(isRunActive({ runState: 'Canceling' }), true);
  assert.equal(isRunActive({ runState: 'Canceled' }), false);
});

const template = (provisioningState: string, runState?: string) => ({
  name: 'it-web',
  properties: { provisioningState, exactStagingResourceGroup: '/subscriptions/s/resourceGroups/IT_rg_it-web_42', ...(runState ? { lastRunStatus: { runState } } : {}) },
});

test('deleting an idle template asks, naming the staging group that goes with it', () => {
  const plan = planTemplateDeletion(template('Succeeded', 'Succeeded'), t);
  assert.equal(plan.kind, 'delete');
  assert.match((plan as { confirmation: string }).confirmation, /Delete the image template it-web\? Its staging resource group IT_rg_it-web_42/);
});

test('a running template is cancelled first, with confirmation', () => {
  const plan = planTemplateDeletion(template('Succeeded', 'Running'), t);
  assert.equal(plan.kind, 'cancelBuildFirst');
  assert.match((plan as { confirmation: string }).confirmation, /^it-web is building\. Cancel the build and then delete/);
});

test('a template being created, deleted or cancelled is explained, not retried', () => {
  for (const [state, run, text] of [['Creating', undefined, /still being created/], ['Deleting', undefined, /already being deleted/], ['Succeeded', 'Canceling', /being cancelled/]] as const) {
    const plan = planTemplateDeletion(template(state, run), t);
    assert.equal(plan.kind, 'explain', state);
    assert.match((plan as { message: string }).message, text);
  }
});

const runningSince = (minutesAgo: number, runState = 'Running', buildTimeoutInMinutes?: number) => ({
  name: 'it-web',
  properties: {
    provisioningState: 'Succeeded', ...(buildTimeoutInMinutes !== undefined ? { buildTimeoutInMinutes } : {}),
    lastRunStatus: { runState, startTime: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString() },
  },
});
const NOW = new Date('2026-12-05T12:00:00Z');

test('a run far past its build timeout is explained as stuck instead of cancelled blindly', () => {
  const stuck = planTemplateDeletion(runningSince(200, 'Running', 60), t, { now: NOW });
  assert.equal(stuck.kind, 'explain');
  assert.match((stuck as { message: string }).message, /started 200 minutes ago, longer than its build timeout of 60 minutes, and still shows Running: it looks stuck/);
  // Without buildTimeoutInMinutes the service's default of 4 hours applies; within it (plus slack) the build is cancelled first.
  assert.equal(planTemplateDeletion(runningSince(200), t, { now: NOW }).kind, 'cancelBuildFirst');
  assert.match((planTemplateDeletion(runningSince(300, 'Canceling'), t, { now: NOW }) as { message: string }).message, /timeout of 240 minutes, and still shows Canceling/);
});

test('after a failed cancel, Delete explains rather than cancelling again', () => {
  const plan = planTemplateDeletion(runningSince(10), t, { now: NOW, cancelFailedAt: new Date(NOW.getTime() - 60_000) });
  assert.equal(plan.kind, 'explain');
  assert.match((plan as { message: string }).message, /could not be cancelled, so the template cannot be deleted yet\. Cancelling again would fail the same way/);
});
