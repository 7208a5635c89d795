// Whether and how a template can be deleted now. A running build must be cancelled first (the service refuses to
// delete under it); a template still being created or deleted is explained rather than retried blindly, because a
// retry would fail the same way.
import type { Translate } from '../l10n/Translate.ts';
import { stagingResourceGroupName } from './buildLogLocation.ts';
import { asObject, type JsonObject } from './templateJson.ts';

export type DeletionPlan =
  | { kind: 'delete'; confirmation: string }
  | { kind: 'cancelBuildFirst'; confirmation: string }
  | { kind: 'explain'; message: string };

export interface DeletionContext {
  now?: Date;
  /** A cancel this window asked for failed (when): cancelling again would fail the same way. */
  cancelFailedAt?: Date;
}

/** The service's default build timeout when `buildTimeoutInMinutes` is 0 or absent (4 hours). */
const DEFAULT_BUILD_TIMEOUT_MINUTES = 240;

export function planTemplateDeletion(template: JsonObject, t: Translate, context: DeletionContext = {}): DeletionPlan {
  const name = String(template.name ?? '');
  const properties = asObject(template.properties) ?? {};
  const provisioning = String(properties.provisioningState ?? '');
  const run = String(asObject(properties.lastRunStatus)?.runState ?? '');
  const staging = stagingResourceGroupName(properties);
  if (provisioning === 'Creating' || provisioning === 'Updating') {
    return { kind: 'explain', message: t('{0} is still being created (provisioning state {1}). Wait until it is Succeeded or Failed, then delete it; deleting now would be refused.', name, provisioning) };
  }
  if (provisioning === 'Deleting') return { kind: 'explain', message: t('{0} is already being deleted.', name) };
  const stuck = stuckRun(properties, context.now ?? new Date());
  if ((run === 'Running' || run === 'Canceling') && context.cancelFailedAt) {
    return { kind: 'explain', message: t('The build of {0} could not be cancelled, so the template cannot be deleted yet. Cancelling again would fail the same way: wait for the service to end the run (the tree shows when), then delete it. If it stays {1}, open a support request with the template id.', name, run) };
  }
  if (stuck) {
    return { kind: 'explain', message: t('The build of {0} started {1} minutes ago, longer than its build timeout of {2} minutes, and still shows {3}: it looks stuck. The service ends such a run itself; delete the template once its last run is no longer {3}. If it stays {3}, open a support request with the template id.', name, stuck.minutes, stuck.timeout, run) };
  }
  if (run === 'Canceling') {
    return { kind: 'explain', message: t('The build of {0} is being cancelled. Delete the template when its last run shows Canceled.', name) };
  }
  const consequence = staging
    ? t('Its staging resource group {0} and its build logs are deleted with it; the images it built are kept.', staging)
    : t('Its build logs are deleted with it; the images it built are kept.');
  if (run === 'Running') {
    return { kind: 'cancelBuildFirst', confirmation: t('{0} is building. Cancel the build and then delete the template? {1}', name, consequence) };
  }
  return { kind: 'delete', confirmation: t('Delete the image template {0}? {1}', name, consequence) };
}

/** A Running or Canceling run older than the template's build timeout (plus the service's own slack, 30 minutes). */
function stuckRun(properties: JsonObject, now: Date): { minutes: number; timeout: number } | undefined {
  const status = asObject(properties.lastRunStatus);
  if (status?.runState !== 'Running' && status?.runState !== 'Canceling') return undefined;
  const started = new Date(String(status.startTime ?? ''));
  if (Number.isNaN(started.getTime())) return undefined;
  const configured = Number(properties.buildTimeoutInMinutes);
  const timeout = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_BUILD_TIMEOUT_MINUTES;
  const minutes = Math.floor((now.getTime() - started.getTime()) / 60_000);
  return minutes > timeout + 30 ? { minutes, timeout } : undefined;
}
