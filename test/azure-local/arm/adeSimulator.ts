// Plays the AzureDiskEncryptionForLinux extension (publisher Microsoft.Azure.Security, typeHandlerVersion 1.1) on a
// stand-in VM. What a caller can observe is what Azure shows:
// - the extension's instance view (GET VM $expand=instanceView / instanceView / statusOnly listings): statuses with
//   ProvisioningState/* and a substatus whose message is the JSON `{"os": ..., "data": ...}` the extension writes;
// - `instanceView.disks[].statuses` EncryptionState/encrypted|notEncrypted and the disks' encryptionSettings;
// - the managed disks' `encryptionSettingsCollection` once a disk is encrypted.
// Enable with an OS volume: EncryptionInProgress -> VMRestartPending -> (restart) -> EncryptionInProgress while it
// finishes during boot -> Encrypted. Data only: EncryptionInProgress -> Encrypted. Disable (data only):
// DecryptionInProgress -> NotEncrypted. Settings the extension rejects (among them a key vault in another region or
// subscription than the VM) fail the extension's provisioning with its message. Each phase lasts `settings.adeStepMs`
// (default 1500 ms). Timers are unref'd: a stopped stand-in exits.
import { createHash, randomUUID } from 'node:crypto';
import type { LocalAzureState, StoredResource } from '../state/LocalAzureState.ts';
import type { ArmEnvironment } from './route.ts';

export const ADE_PUBLISHER = 'Microsoft.Azure.Security';
export const ADE_TYPE = 'AzureDiskEncryptionForLinux';
const DEFAULT_STEP_MS = 1500;

type VolumeState = 'Encrypted' | 'NotEncrypted' | 'EncryptionInProgress' | 'DecryptionInProgress' | 'VMRestartPending' | 'NotMounted';

interface AdeRun {
  os: VolumeState;
  data: VolumeState;
  provisioning: 'succeeded' | 'failed' | 'transitioning';
  message: string;
  timers: NodeJS.Timeout[];
  /** The settings of the operation running (the OS volume uses them when it finishes after the restart). */
  settings?: Record<string, unknown>;
}

const runs = new WeakMap<StoredResource, AdeRun>();

export function isAdeExtension(properties: { publisher?: unknown; type?: unknown } | undefined): boolean {
  return String(properties?.publisher ?? '').toLowerCase() === ADE_PUBLISHER.toLowerCase()
    && String(properties?.type ?? '').toLowerCase() === ADE_TYPE.toLowerCase();
}

/** The failure message the extension reports when it rejects the settings, or undefined when it accepts them. */
export function rejectAdeSettings(state: LocalAzureState, vm: StoredResource, settings: Record<string, unknown>): string | undefined {
  const run = currentRun(vm);
  const operation = String(settings.EncryptionOperation ?? '');
  const volumeType = String(settings.VolumeType ?? '').toLowerCase();
  if (!['enableencryption', 'enableencryptionformatall', 'disableencryption'].includes(operation.toLowerCase())) {
    return `EncryptionOperation '${operation}' is not supported. Use EnableEncryption, EnableEncryptionFormatAll or DisableEncryption.`;
  }
  if (!['all', 'os', 'data'].includes(volumeType)) return `VolumeType '${String(settings.VolumeType ?? '')}' is not valid. Use All, OS or Data.`;
  if (isBusy(run)) return 'An encryption operation is already in progress on this VM. Wait for it to complete (or restart the VM if it is pending a restart).';
  if (operation.toLowerCase() === 'disableencryption') {
    if (volumeType !== 'data') return 'Disabling encryption is supported only for data volumes on Linux (VolumeType Data).';
    if (run.os === 'Encrypted') return 'Disabling encryption is not supported when the OS volume is encrypted.';
    return undefined;
  }
  if (operation.toLowerCase() === 'enableencryptionformatall' && volumeType !== 'data') {
    return 'EncryptFormatAll is supported only with VolumeType Data.';
  }
  const vaultUrl = String(settings.KeyVaultURL ?? '');
  const vaultId = String(settings.KeyVaultResourceId ?? '');
  if (!vaultUrl || !vaultId) return 'KeyVaultURL and KeyVaultResourceId are required to enable encryption.';
  const vault = state.get('vaults', vaultId);
  if (!vault) return `The key vault ${vaultId} was not found.`;
  const otherSubscription = subscriptionMismatch(vm, vaultId);
  if (otherSubscription) return `The key vault ${vault.resource.name} is in subscription ${otherSubscription}, but the VM is in subscription ${subscriptionOf(vm.resource.id)}: the key vault and the VM must be in the same subscription.`;
  const vaultUri = String(vault.resource.properties?.vaultUri ?? '');
  if (vaultUri.toLowerCase().replace(/\/$/, '') !== vaultUrl.toLowerCase().replace(/\/$/, '')) {
    return `KeyVaultURL ${vaultUrl} does not belong to the key vault ${vault.resource.name}.`;
  }
  if (vault.resource.properties?.enabledForDiskEncryption !== true) {
    return `The key vault ${vaultUrl} is not enabled for disk encryption. Set enabledForDiskEncryption on the key vault.`;
  }
  if (String(vault.resource.location).toLowerCase() !== String(vm.resource.location).toLowerCase()) {
    return `The key vault ${vault.resource.name} is in ${vault.resource.location}, but the VM is in ${vm.resource.location}: they must be in the same region.`;
  }
  const kekUrl = settings.KeyEncryptionKeyURL ? String(settings.KeyEncryptionKeyURL) : '';
  if (kekUrl) {
    const kekVault = state.get('vaults', String(settings.KekVaultResourceId ?? vaultId));
    if (!kekVault) return `The key encryption key vault ${String(settings.KekVaultResourceId)} was not found.`;
    const kekOtherSubscription = subscriptionMismatch(vm, kekVault.resource.id);
    if (kekOtherSubscription) return `The key encryption key vault ${kekVault.resource.name} is in subscription ${kekOtherSubscription}, but the VM is in subscription ${subscriptionOf(vm.resource.id)}: the key vault and the VM must be in the same subscription.`;
    const m = /^https:\/\/([^/]+)\/keys\/[^/]+\/([0-9a-f]{32})$/i.exec(kekUrl);
    if (!m) return `KeyEncryptionKeyURL ${kekUrl} is not a versioned key URL.`;
    if (`https://${m[1].toLowerCase()}/` !== String(kekVault.resource.properties?.vaultUri ?? '').toLowerCase()) {
      return `KeyEncryptionKeyURL ${kekUrl} is not in the key vault ${kekVault.resource.name}.`;
    }
    const algorithm = String(settings.KeyEncryptionAlgorithm ?? 'RSA-OAEP');
    if (!['RSA-OAEP', 'RSA-OAEP-256', 'RSA1_5'].includes(algorithm)) return `KeyEncryptionAlgorithm '${algorithm}' is not supported.`;
  }
  return undefined;
}

/** The extension accepted its settings: start the operation they ask for. */
export function startAdeOperation(env: ArmEnvironment, vm: StoredResource, settings: Record<string, unknown>): void {
  const run = currentRun(vm);
  clearTimers(run);
  run.settings = settings;
  run.provisioning = 'succeeded';
  const step = stepMs(env);
  const operation = String(settings.EncryptionOperation).toLowerCase();
  const volumeType = String(settings.VolumeType).toLowerCase();
  const hasData = dataDiskNames(vm).length > 0;
  const later = (ms: number, change: () => void) => {
    const timer = setTimeout(() => { change(); render(env.state, vm, run); }, ms);
    timer.unref();
    run.timers.push(timer);
  };

  if (operation === 'disableencryption') {
    run.data = 'DecryptionInProgress';
    run.message = 'Decryption started for data volumes';
    later(step, () => {
      run.data = 'NotEncrypted';
      run.message = 'Decryption succeeded for data volumes';
      setDiskEncryption(env.state, vm, 'data', undefined);
    });
    render(env.state, vm, run);
    return;
  }

  const includesOs = (volumeType === 'all' || volumeType === 'os') && run.os !== 'Encrypted';
  const includesData = volumeType === 'all' || volumeType === 'data';
  if (includesData && !hasData) run.data = 'NotMounted';
  if (includesData && hasData) {
    run.data = 'EncryptionInProgress';
    // EncryptFormatAll formats instead of encrypting in place, so it is faster.
    later(operation === 'enableencryptionformatall' ? Math.ceil(step / 2) : step, () => {
      run.data = 'Encrypted';
      if (run.os !== 'EncryptionInProgress' && run.os !== 'VMRestartPending') run.message = 'Encryption succeeded for data volumes';
      setDiskEncryption(env.state, vm, 'data', settings);
    });
  }
  if (includesOs) {
    run.os = 'EncryptionInProgress';
    later(2 * step, () => {
      run.os = 'VMRestartPending';
      run.message = 'OS disk encryption started; restart the VM to complete it';
    });
  }
  run.message = includesOs ? 'Encryption started for the OS volume' : 'Encryption started for data volumes';
  render(env.state, vm, run);
}

/** The VM restarted: an OS volume pending a restart finishes encrypting during boot. */
export function onVmRestarted(env: ArmEnvironment, vm: StoredResource): void {
  const run = runs.get(vm);
  if (!run || run.os !== 'VMRestartPending') return;
  run.os = 'EncryptionInProgress';
  run.message = 'Finishing OS volume encryption during boot';
  render(env.state, vm, run);
  const timer = setTimeout(() => {
    run.os = 'Encrypted';
    run.message = run.data === 'Encrypted' ? 'Encryption succeeded for all volumes' : 'Encryption succeeded for the OS volume';
    setDiskEncryption(env.state, vm, 'os', run.settings);
    render(env.state, vm, run);
  }, stepMs(env));
  timer.unref();
  run.timers.push(timer);
}

/** The extension's provisioning failed with `message` (what the VM reported). */
export function failAdeOperation(env: ArmEnvironment, vm: StoredResource, message: string): void {
  const run = currentRun(vm);
  run.provisioning = 'failed';
  run.message = message;
  render(env.state, vm, run);
}

export function markAdeTransitioning(env: ArmEnvironment, vm: StoredResource): void {
  const run = currentRun(vm);
  run.provisioning = 'transitioning';
  render(env.state, vm, run);
}

/** The extension was deleted: its status goes, the disks stay as they are. */
export function removeAdeExtension(vm: StoredResource): void {
  const run = runs.get(vm);
  if (run) clearTimers(run);
  runs.delete(vm);
  const view = (vm.instanceView ??= {});
  view.extensions = ((view.extensions as Array<{ name?: string }> | undefined) ?? []).filter((e) => e.name !== ADE_TYPE);
}

function subscriptionOf(id: string): string {
  return /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1] ?? '';
}

/** The vault's subscription when it is not the VM's (ADE needs both in one subscription), else undefined. */
function subscriptionMismatch(vm: StoredResource, vaultId: string): string | undefined {
  const vaultSubscription = subscriptionOf(vaultId);
  return vaultSubscription.toLowerCase() !== subscriptionOf(vm.resource.id).toLowerCase() ? vaultSubscription : undefined;
}

function isBusy(run: AdeRun): boolean {
  return ['EncryptionInProgress', 'DecryptionInProgress', 'VMRestartPending'].includes(run.os)
    || ['EncryptionInProgress', 'DecryptionInProgress'].includes(run.data);
}

function stepMs(env: ArmEnvironment): number {
  return env.settings.adeStepMs ?? DEFAULT_STEP_MS;
}

function clearTimers(run: AdeRun): void {
  for (const timer of run.timers.splice(0)) clearTimeout(timer);
}

/** The run of a VM; the first time, read from what the VM already shows (a fixture VM encrypted earlier). */
function currentRun(vm: StoredResource): AdeRun {
  let run = runs.get(vm);
  if (run) return run;
  const encrypted = (name: string | undefined) => diskStatuses(vm).find((d) => d.name === name)?.statuses
    ?.some((s) => s.code === 'EncryptionState/encrypted') ?? false;
  const storage = vm.resource.properties?.storageProfile ?? {};
  const dataNames = dataDiskNames(vm);
  run = {
    os: encrypted(storage.osDisk?.name) ? 'Encrypted' : 'NotEncrypted',
    data: dataNames.length === 0 ? 'NotMounted' : dataNames.some(encrypted) ? 'Encrypted' : 'NotEncrypted',
    provisioning: 'succeeded',
    message: '',
    timers: [],
  };
  runs.set(vm, run);
  return run;
}

function dataDiskNames(vm: StoredResource): string[] {
  return ((vm.resource.properties?.storageProfile?.dataDisks ?? []) as Array<{ name?: string }>).map((d) => d.name ?? '').filter(Boolean);
}

type DiskView = { name: string; statuses?: Array<{ code?: string; level?: string; displayStatus?: string }>; encryptionSettings?: unknown[] };

function diskStatuses(vm: StoredResource): DiskView[] {
  return ((vm.instanceView?.disks as DiskView[] | undefined) ?? []);
}

/** Writes the run into the VM's instance view (extension statuses + EncryptionState per disk). */
function render(_state: LocalAzureState, vm: StoredResource, run: AdeRun): void {
  const view = (vm.instanceView ??= {});
  const code = `ProvisioningState/${run.provisioning}`;
  const display = run.provisioning === 'succeeded' ? 'Provisioning succeeded' : run.provisioning === 'failed' ? 'Provisioning failed' : 'Transitioning';
  const level = run.provisioning === 'failed' ? 'Error' : 'Info';
  const extension = {
    name: ADE_TYPE,
    type: `${ADE_PUBLISHER}.${ADE_TYPE}`,
    typeHandlerVersion: '1.1.0.60',
    statuses: [{ code, level, displayStatus: display, message: run.message, time: new Date().toISOString() }],
    substatuses: [{
      code: `ComponentStatus/${ADE_PUBLISHER}.${ADE_TYPE}/${run.provisioning}`,
      level,
      displayStatus: display,
      message: JSON.stringify({ os: run.os, data: run.data }),
      time: new Date().toISOString(),
    }],
  };
  view.extensions = [...((view.extensions as Array<{ name?: string }> | undefined) ?? []).filter((e) => e.name !== ADE_TYPE), extension];
  const storage = vm.resource.properties?.storageProfile ?? {};
  const names: string[] = [storage.osDisk?.name, ...dataDiskNames(vm)].filter(Boolean);
  const existing = diskStatuses(vm);
  view.disks = names.map((name) => {
    const before = existing.find((d) => d.name === name);
    const encrypted = before?.statuses?.some((s) => s.code === 'EncryptionState/encrypted') ?? false;
    return { ...before, name, statuses: [encryptionStatus(encrypted)] };
  });
}

function encryptionStatus(encrypted: boolean) {
  return encrypted
    ? { code: 'EncryptionState/encrypted', level: 'Info', displayStatus: 'Encryption is enabled on disk' }
    : { code: 'EncryptionState/notEncrypted', level: 'Info', displayStatus: 'Encryption is not enabled on disk' };
}

/**
 * Marks the OS or data disks encrypted (with the key vault secret ADE stored for each) or, with no settings,
 * decrypted: in the instance view and on the managed disk resources.
 */
function setDiskEncryption(state: LocalAzureState, vm: StoredResource, role: 'os' | 'data', settings: Record<string, unknown> | undefined): void {
  const storage = vm.resource.properties?.storageProfile ?? {};
  const refs: Array<{ name?: string; managedDisk?: { id?: string } }> = role === 'os' ? [storage.osDisk] : (storage.dataDisks ?? []);
  const view = (vm.instanceView ??= {});
  const disks = diskStatuses(vm);
  for (const ref of refs) {
    if (!ref?.name) continue;
    const encryptionSettings = settings ? [adeDiskSettings(vm, ref.name, settings)] : undefined;
    const entry = disks.find((d) => d.name === ref.name);
    const next: DiskView = { name: ref.name, statuses: [encryptionStatus(!!settings)], ...(encryptionSettings ? { encryptionSettings } : {}) };
    if (entry) {
      Object.assign(entry, next);
      if (!encryptionSettings) delete entry.encryptionSettings;
    } else {
      disks.push(next);
    }
    const disk = ref.managedDisk?.id ? state.get('disks', ref.managedDisk.id) : undefined;
    if (disk?.resource.properties) {
      if (encryptionSettings) {
        disk.resource.properties.encryptionSettingsCollection = { enabled: true, encryptionSettings, encryptionSettingsVersion: '1.1' };
      } else {
        delete disk.resource.properties.encryptionSettingsCollection;
      }
    }
  }
  view.disks = disks;
}

function adeDiskSettings(vm: StoredResource, diskName: string, settings: Record<string, unknown>) {
  const vaultUrl = String(settings.KeyVaultURL ?? '').replace(/\/?$/, '/');
  const secretName = hex(`${vm.resource.id}/${diskName}/${String(settings.SequenceVersion ?? randomUUID())}`).slice(0, 32);
  return {
    diskEncryptionKey: { secretUrl: `${vaultUrl}secrets/${secretName}/${hex(secretName).slice(0, 32)}`, sourceVault: { id: settings.KeyVaultResourceId } },
    ...(settings.KeyEncryptionKeyURL ? {
      keyEncryptionKey: { keyUrl: settings.KeyEncryptionKeyURL, sourceVault: { id: settings.KekVaultResourceId ?? settings.KeyVaultResourceId } },
    } : {}),
    enabled: true,
  };
}

function hex(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}
