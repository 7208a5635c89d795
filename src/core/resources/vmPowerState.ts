import type { InstanceViewStatus } from './models.ts';

/** `running`, `deallocated`, `stopped`, `starting`, … from the `PowerState/...` status, or `unknown`. */
export function vmPowerState(statuses: readonly InstanceViewStatus[] | undefined): string {
  const status = statuses?.find((s) => s.code?.toLowerCase().startsWith('powerstate/'));
  return status?.code?.slice('PowerState/'.length).toLowerCase() ?? 'unknown';
}
