import type { Translate } from '../l10n/Translate.ts';
import type { Presentation } from './Presentation.ts';
import type { SnapshotModel } from './models.ts';
import { ACTIVE_SAS_STATES } from './presentDisk.ts';

export function presentSnapshot(snapshot: SnapshotModel, t: Translate): Presentation {
  const kind = snapshot.incremental ? t('Incremental') : t('Full');
  const size = snapshot.diskSizeGB !== undefined ? `${snapshot.diskSizeGB} GiB` : '';
  const state = snapshot.diskState ?? '';
  const activeSas = ACTIVE_SAS_STATES.has(state);
  const created = snapshot.timeCreated ? new Date(snapshot.timeCreated).toISOString().slice(0, 16).replace('T', ' ') : '';
  const source = snapshot.creationData?.sourceResourceId?.split('/').pop();
  return {
    label: snapshot.name ?? '',
    description: [kind, size, activeSas ? state : ''].filter(Boolean).join(' · '),
    tooltip: [
      t('Snapshot {0}', snapshot.name ?? ''),
      t('Type: {0}', kind),
      t('Size: {0}', size || '—'),
      t('Created: {0}', created ? created + ' UTC' : '—'),
      t('Source disk: {0}', source ?? '—'),
      ...(state ? [t('Disk state: {0}', state)] : []),
    ],
    icon: activeSas ? { id: 'warning', color: 'list.warningForeground' } : { id: snapshot.incremental ? 'history' : 'device-camera' },
    contextValue: ['azureResource', 'snapshot', snapshot.incremental ? 'incremental' : 'full', state ? `diskState-${state}` : '', activeSas ? 'activeSas' : '']
      .filter(Boolean)
      .join(' '),
  };
}
