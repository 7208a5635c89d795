// What a template's `lastRunStatus` means to the person watching it, and what they can do next. The tree, the
// notifications of a watched build and the commands' refusals all speak from here.
import type { Translate } from '../l10n/Translate.ts';

export interface LastRunStatus {
  runState?: string;
  runSubState?: string;
  message?: string;
  startTime?: string | Date;
  endTime?: string | Date;
}

export type RunAction = 'build' | 'cancel' | 'showLog' | 'showOutputs';

export interface RunStatusDescription {
  /** A build is running or being cancelled: keep watching. */
  active: boolean;
  severity: 'info' | 'warning' | 'error';
  message: string;
  actions: RunAction[];
}

export function subStateText(runSubState: string | undefined, t: Translate): string | undefined {
  switch (runSubState) {
    case 'Queued': return t('queued, waiting for a build VM');
    case 'Building': return t('creating the build VM');
    case 'Customizing': return t('running the customizers');
    case 'Optimizing': return t('optimizing the image');
    case 'Validating': return t('validating the image');
    case 'Distributing': return t('distributing the image');
    default: return runSubState;
  }
}

export function isRunActive(status: LastRunStatus | undefined): boolean {
  return status?.runState === 'Running' || status?.runState === 'Canceling';
}

export function describeRunStatus(name: string, status: LastRunStatus | undefined, t: Translate): RunStatusDescription {
  const detail = status?.message?.trim() ?? '';
  switch (status?.runState) {
    case undefined:
    case '':
      return { active: false, severity: 'info', actions: ['build'], message: t('{0} has never been built.', name) };
    case 'Running': {
      const step = subStateText(status.runSubState, t);
      return { active: true, severity: 'info', actions: ['cancel', 'showLog'], message: step ? t('Building {0}: {1}…', name, step) : t('Building {0}…', name) };
    }
    case 'Canceling':
      return { active: true, severity: 'info', actions: ['showLog'], message: t('Cancelling the build of {0}…', name) };
    case 'Succeeded':
      return { active: false, severity: 'info', actions: ['showOutputs', 'showLog'], message: t('{0} was built successfully.', name) };
    case 'PartiallySucceeded':
      return { active: false, severity: 'warning', actions: ['showOutputs', 'showLog'], message: t('{0} was built, but not every distribution succeeded: {1}', name, detail) };
    case 'Failed':
      return {
        active: false, severity: 'error', actions: ['showLog', 'build'],
        message: detail ? t('The build of {0} failed: {1}', name, detail) : t('The build of {0} failed. The build log says why.', name),
      };
    case 'Canceled':
      return { active: false, severity: 'info', actions: ['build', 'showLog'], message: t('The build of {0} was cancelled.', name) };
    default:
      return { active: false, severity: 'info', actions: ['showLog'], message: t('{0}: last build {1}.', name, status!.runState!) };
  }
}
