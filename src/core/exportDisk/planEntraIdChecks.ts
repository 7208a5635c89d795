// Which exports of a plan need the Entra-ID download role checked, and where. A disk or an existing snapshot is
// checked on itself. A snapshot the plan creates (the "snapshot, then export it" choice) does not exist when the
// role is checked, before anything runs: its permissions will be those it inherits from its resource group, so
// that is where it is checked (asking about the snapshot itself would fail: ARM knows no such resource yet).
import type { ExportStep } from './planExportSteps.ts';

export interface EntraIdCheck {
  readonly step: Extract<ExportStep, { kind: 'export' }>;
  readonly scope: 'resource' | 'resourceGroup';
}

export function planEntraIdChecks(steps: readonly ExportStep[]): EntraIdCheck[] {
  const created = new Set(steps.flatMap((s) => (s.kind === 'createSnapshot' ? [s.snapshot.id.toLowerCase()] : [])));
  return steps.flatMap((step): EntraIdCheck[] => {
    if (step.kind !== 'export' || !step.target.entraIdOnly) return [];
    return [{ step, scope: created.has(step.target.id.toLowerCase()) ? 'resourceGroup' : 'resource' }];
  });
}
