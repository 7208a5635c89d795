import type { Translate } from '../l10n/Translate.ts';
import type { Presentation } from './Presentation.ts';
import type { ImageTemplateModel } from './models.ts';

const RUN_ICONS: Record<string, { id: string; color?: string }> = {
  Running: { id: 'sync~spin' },
  Canceling: { id: 'loading~spin' },
  Succeeded: { id: 'pass', color: 'testing.iconPassed' },
  PartiallySucceeded: { id: 'warning', color: 'list.warningForeground' },
  Failed: { id: 'error', color: 'testing.iconFailed' },
  Canceled: { id: 'circle-slash' },
};

export function presentImageTemplate(template: ImageTemplateModel, t: Translate): Presentation {
  const provisioning = template.provisioningState ?? 'Unknown';
  const run = template.lastRunStatus;
  const runText = run?.runState
    ? run.runState === 'Running' && run.runSubState ? `${run.runState} (${run.runSubState})` : run.runState
    : t('Never run');
  const description = provisioning === 'Succeeded' ? runText : `${provisioning} · ${runText}`;
  return {
    label: template.name ?? '',
    description,
    tooltip: [
      t('Image template {0}', template.name ?? ''),
      t('Provisioning: {0}', provisioning),
      t('Last run: {0}', runText),
      ...(run?.message ? [run.message] : []),
      ...(template.provisioningError?.message ? [template.provisioningError.message] : []),
    ],
    icon: provisioning === 'Failed'
      ? { id: 'error', color: 'testing.iconFailed' }
      : run?.runState ? RUN_ICONS[run.runState] ?? { id: 'file-media' } : { id: 'file-media' },
    contextValue: ['azureResource', 'imageTemplate', `provisioning-${provisioning}`, run?.runState ? `run-${run.runState}` : 'run-none']
      .join(' '),
  };
}
