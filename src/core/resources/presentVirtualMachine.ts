import type { VmBackupProtection } from '../enableBackup/recoveryServicesTypes.ts';
import type { Translate } from '../l10n/Translate.ts';
import type { VirtualMachineLike } from '../encryption/adeModel.ts';
import { summarizeVmEncryption } from './presentEncryptionState.ts';
import type { Presentation } from './Presentation.ts';
import type { VirtualMachineModel } from './models.ts';
import { vmPowerState } from './vmPowerState.ts';

const POWER_ICONS: Record<string, { id: string; color?: string }> = {
  running: { id: 'vm-running', color: 'testing.iconPassed' },
  deallocated: { id: 'vm-outline' },
  stopped: { id: 'debug-stop', color: 'list.warningForeground' },
  starting: { id: 'loading~spin' },
  stopping: { id: 'loading~spin' },
  deallocating: { id: 'loading~spin' },
};

/** `backupProtection` is added by the inventory when a Recovery Services vault protects the VM. */
export function presentVirtualMachine(vm: VirtualMachineModel & { backupProtection?: VmBackupProtection }, t: Translate): Presentation {
  const power = vmPowerState(vm.instanceView?.statuses);
  const size = vm.hardwareProfile?.vmSize ?? '';
  const dataDiskCount = vm.storageProfile?.dataDisks?.length ?? 0;
  const trustedLaunch = vm.securityProfile?.securityType === 'TrustedLaunch';
  const powerLabel = describePower(power, t);
  // Azure Disk Encryption, read from the listed instance view and extension resources.
  const encryption = summarizeVmEncryption(vm as VirtualMachineLike, t);
  return {
    label: vm.name ?? '',
    description: [powerLabel, size, encryption?.label].filter(Boolean).join(' · '),
    tooltip: [
      t('Virtual machine {0}', vm.name ?? ''),
      t('Power state: {0}', powerLabel),
      t('Size: {0}', size || '—'),
      t('Location: {0}', vm.location ?? '—'),
      t('Data disks: {0}', dataDiskCount),
      ...(trustedLaunch ? [t('Security type: Trusted Launch')] : []),
      ...(encryption ? [t('Azure Disk Encryption: {0}', encryption.label)] : []),
      ...(vm.backupProtection ? [t('Backup: protected by vault {0}', vm.backupProtection.vaultName)] : []),
    ],
    icon: POWER_ICONS[power] ?? { id: 'vm' },
    contextValue: ['azureResource', 'virtualMachine', `power-${power}`, dataDiskCount > 0 ? 'hasDataDisks' : '', trustedLaunch ? 'trustedLaunch' : '', encryption ? `ade ade-${encryption.phase}` : '', vm.backupProtection ? 'backupProtected' : '']
      .filter(Boolean)
      .join(' '),
  };
}

function describePower(power: string, t: Translate): string {
  switch (power) {
    case 'running': return t('Running');
    case 'deallocated': return t('Deallocated');
    case 'stopped': return t('Stopped (still billed)');
    case 'starting': return t('Starting');
    case 'stopping': return t('Stopping');
    case 'deallocating': return t('Deallocating');
    default: return t('Unknown state');
  }
}
