import * as vscode from 'vscode';
import type { ConsistencyChoice, ConsistencyOption, ConsistencyPlan } from '../../core/exportDisk/planConsistency.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

export interface ConsistencyAnswer {
  readonly choice: ConsistencyChoice;
  readonly incrementalSnapshots: boolean;
}

/**
 * The article's warnings as a modal (the disk is attached to a running VM, what a multi-disk export needs, what
 * deallocating costs), then the scope and the snapshot type when there is more than one.
 */
export async function askConsistency(plan: ConsistencyPlan): Promise<ConsistencyAnswer> {
  if (plan.kind === 'blocked') throw new Error(plan.reason);
  if (plan.kind === 'ready') return { choice: { kind: 'exportDirectly' }, incrementalSnapshots: false };
  const deallocate = plan.options.filter((o) => o.choice.kind === 'deallocateVm');
  const snapshot = plan.options.filter((o) => o.choice.kind === 'snapshot');
  const deallocateButton = vscode.l10n.t('Deallocate the VM…');
  const snapshotButton = vscode.l10n.t('Use a Snapshot…');
  const detail = [...plan.notes.slice(1), '', `• ${deallocate[0].detail}`, `• ${snapshot[0].detail}`].join('\n');
  const answer = await vscode.window.showWarningMessage(plan.notes[0], { modal: true, detail }, deallocateButton, snapshotButton);
  if (answer === undefined) throw new UserCancelledError();
  const group = answer === deallocateButton ? deallocate : snapshot;
  const option = group.length === 1 ? group[0] : await pickOption(group, plan.question);
  const incrementalSnapshots = option.choice.kind === 'snapshot' ? await askSnapshotType() : false;
  return { choice: option.choice, incrementalSnapshots };
}

async function pickOption(options: readonly ConsistencyOption[], title: string): Promise<ConsistencyOption> {
  const picked = await vscode.window.showQuickPick(options.map((option) => ({ label: option.label, detail: option.detail, option })), { title, ignoreFocusOut: true });
  if (!picked) throw new UserCancelledError();
  return picked.option;
}

async function askSnapshotType(): Promise<boolean> {
  const items = [
    { label: vscode.l10n.t('Incremental snapshot'), detail: vscode.l10n.t('Billed only for the data that changed since the disk\'s previous snapshot.'), incremental: true },
    { label: vscode.l10n.t('Full snapshot'), detail: vscode.l10n.t('A complete, independent copy, billed for the whole disk size.'), incremental: false },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which kind of snapshot?'), ignoreFocusOut: true });
  if (!picked) throw new UserCancelledError();
  return picked.incremental;
}
