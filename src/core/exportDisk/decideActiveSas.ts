// A disk or snapshot whose diskState is ActiveSAS (ActiveSASFrozen for a hibernated VM's disk) has a live
// download link: someone may be downloading it right now. Granting again or revoking affects them, so we say so
// and ask. When the link is our own (an export of ours was interrupted), we say that instead.
import type { Translate } from '../l10n/Translate.ts';
import type { ExportTarget } from './exportTarget.ts';

export const ACTIVE_SAS_STATES: ReadonlySet<string> = new Set(['ActiveSAS', 'ActiveSASFrozen']);

export type ActiveSasAction = 'exportAnyway' | 'revokeOnly';

export interface ActiveSasQuestion {
  readonly message: string;
  readonly detail: string;
  readonly options: ReadonlyArray<{ readonly action: ActiveSasAction; readonly label: string }>;
}

export function hasActiveSas(diskState: string | undefined): boolean {
  return diskState !== undefined && ACTIVE_SAS_STATES.has(diskState);
}

/** undefined when the target has no active SAS; otherwise what to ask before touching it. */
export function activeSasQuestion(target: ExportTarget, ours: boolean, t: Translate): ActiveSasQuestion | undefined {
  if (!hasActiveSas(target.diskState)) return undefined;
  const message = ours
    ? t('{0} still has the download link of an earlier export of yours ({1}).', target.name, target.diskState)
    : t('{0} already has an active download link ({1}): someone may be downloading it now.', target.name, target.diskState);
  const detail = target.kind === 'disk'
    ? t('Exporting grants a new link and revokes access when it ends, which also ends any other download of this disk. Revoking now ends it at once.')
    : t('Exporting grants a new link and revokes access when it ends, which also ends any other download of this snapshot. Revoking now ends it at once.');
  return {
    message,
    detail,
    options: [
      { action: 'exportAnyway', label: t('Export Anyway') },
      { action: 'revokeOnly', label: t('Revoke Access Only') },
    ],
  };
}
