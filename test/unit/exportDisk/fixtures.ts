import type { ExportTarget } from '../../../src/core/exportDisk/exportTarget.ts';
import type { AttachedVm } from '../../../src/core/exportDisk/planConsistency.ts';

const GiB = 1024 ** 3;
const RG = '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Compute';

export function disk(name: string, overrides: Partial<ExportTarget> = {}): ExportTarget {
  return {
    id: `${RG}/disks/${name}`, subscriptionId: 's1', resourceGroup: 'rg1', name, kind: 'disk', location: 'japaneast',
    sizeBytes: 4 * GiB, diskState: 'Unattached', hasGuestState: false, entraIdOnly: false, ...overrides,
  };
}

export function vm(name: string, power: string, dataDisks: string[] = []): AttachedVm {
  return {
    id: `${RG}/virtualMachines/${name}`, subscriptionId: 's1', resourceGroup: 'rg1', name, power, location: 'japaneast',
    diskIds: [`${RG}/disks/${name}-os`, ...dataDisks.map((d) => `${RG}/disks/${d}`)], dataDiskCount: dataDisks.length,
  };
}
