// The VM instance view as Compute returns it (GET .../instanceView, `$expand=instanceView`, statusOnly listings):
// provisioning + power statuses, per-disk statuses, agent, and whatever extras the fixture gives
// (extensions with ADE statuses, disks with EncryptionState statuses).
import type { StoredResource } from '../../state/LocalAzureState.ts';
import { powerStateDisplay, type PowerState } from '../../state/model.ts';

const bootTime = '2025-06-02T08:15:27.1234567+00:00';

export function powerStatus(power: PowerState) {
  return { code: `PowerState/${power}`, level: 'Info', displayStatus: powerStateDisplay[power] };
}

export function provisioningStatus() {
  return { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', time: bootTime };
}

export function buildInstanceView(vm: StoredResource): Record<string, unknown> {
  const power = vm.powerState ?? 'running';
  const props = vm.resource.properties ?? {};
  const storage = props.storageProfile ?? {};
  const extras = vm.instanceView ?? {};
  const diskNames: string[] = [storage.osDisk?.name, ...(storage.dataDisks ?? []).map((d: any) => d.name)].filter(Boolean);
  const extraDisks = (extras.disks as Array<{ name: string; statuses?: unknown[]; encryptionSettings?: unknown[] }> | undefined) ?? [];
  const disks = diskNames.map((name) => {
    const extra = extraDisks.find((d) => d.name === name);
    return {
      name,
      // ADE's disk encryption secret (and KEK) per disk, as `az vm encryption show` lists them.
      ...(extra?.encryptionSettings ? { encryptionSettings: extra.encryptionSettings } : {}),
      statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', time: bootTime }, ...(extra?.statuses ?? [])],
    };
  });
  const running = power === 'running';
  const view: Record<string, unknown> = {
    computerName: props.osProfile?.computerName ?? vm.resource.name,
    osName: running ? ((extras.osName as string) ?? 'ubuntu') : undefined,
    osVersion: running ? ((extras.osVersion as string) ?? '22.04') : undefined,
    hyperVGeneration: extras.hyperVGeneration ?? (props.securityProfile?.securityType ? 'V2' : 'V1'),
    ...extras,
    disks,
    statuses: [provisioningStatus(), powerStatus(power)],
  };
  if (running) {
    view.vmAgent = extras.vmAgent ?? {
      vmAgentVersion: '2.13.1.1',
      statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Ready', message: 'Guest Agent is running', time: new Date().toISOString() }],
      extensionHandlers: [],
    };
  } else {
    delete view.vmAgent;
    delete view.osName;
    delete view.osVersion;
  }
  for (const key of Object.keys(view)) if (view[key] === undefined) delete view[key];
  return view;
}
