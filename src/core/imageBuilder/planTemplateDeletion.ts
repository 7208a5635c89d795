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

export function planTemplateDeletion(template: JsonObject, t: Translate): DeletionPlan {
  const name = String(template.name ?? '');
  const properties = asObject(template.properties) ?? {};
  const provisioning = String(properties.provisioningState ?? '');
  const run = String(asObject(properties.lastRunStatus)?.runState ?? '');
  const staging = stagingResourceGroupName(properties);
  if (provisioning === 'Creating' || provisioning === 'Updating') {
    return { kind: 'explain', message: t('{0} is still being created (provisioning state {1}). Wait until it is Succeeded or Failed, then delete it; deleting now would be refused.', name, provisioning) };
  }
  if (provisioning === 'Deleting') return { kind: 'explain', message: t('{0} is already being deleted.', name) };
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
