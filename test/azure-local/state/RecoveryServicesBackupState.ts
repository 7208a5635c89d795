// Azure Backup's side of the local Azure: policies, the VMs each vault has discovered (refreshContainers),
// protected items, operations and backup jobs. Time-driven states are computed when read (settle()), so nothing
// keeps timers alive: a protect operation completes lroDurationMs after it started, a backup job runs for
// backupJobDurationMs, reporting progress, then ends Completed or (when a fault asked) Failed.
import { randomUUID } from 'node:crypto';
import { ArmError } from '../arm/armError.ts';
import type { LocalAzureState } from './LocalAzureState.ts';
import { parseArmId } from './LocalAzureState.ts';
import type { ArmResource } from './model.ts';

export interface BackupOperation {
  id: string;
  startMs: number;
  dueMs: number;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  endTime?: string;
  jobId?: string;
  error?: { code: string; message: string };
  /** Runs when due; may throw an ArmError to fail the operation. Returns the job it started, if any. */
  effect?: () => string | undefined;
}

export interface BackupJob {
  id: string;
  vaultId: string;
  vmId: string;
  vmName: string;
  operation: 'Backup' | 'ConfigureBackup';
  startMs: number;
  durationMs: number;
  /** How the job ends once its time is up. */
  outcome: { status: 'Completed' } | { status: 'Failed'; code: string; message: string };
  /** The protected item whose last backup this job updates. */
  itemId?: string;
  /** On-demand backups: the request's recoveryPointExpiryTimeInUTC (ISO), as Azure Backup keeps it for the point. */
  recoveryPointExpiryTime?: string;
  finished?: boolean;
}

export interface BackupSettings {
  /** How long an on-demand backup job runs (InProgress with a growing percentage) before it ends. */
  backupJobDurationMs: number;
}

export class RecoveryServicesBackupState {
  readonly settings: BackupSettings = { backupJobDurationMs: 4000 };
  readonly operations = new Map<string, BackupOperation>();
  readonly jobs = new Map<string, BackupJob>();
  /** Protected items by lower-cased id. */
  readonly protectedItems = new Map<string, ArmResource>();
  /** Per vault (lower-cased id): lower-cased ids of the VMs its last refreshContainers discovered. */
  readonly discovered = new Map<string, Set<string>>();
  private readonly policies = new Map<string, ArmResource[]>();
  private readonly state: LocalAzureState;

  constructor(state: LocalAzureState) {
    this.state = state;
    for (const policy of state.recoveryServicesBackupSeed.policies ?? []) this.policiesOf(vaultIdOf(policy.id)).push(structuredClone(policy));
    for (const seed of state.recoveryServicesBackupSeed.protectedVms ?? []) {
      const vm = state.get('virtualMachines', seed.vmId);
      if (!vm) throw new Error(`Backup seed names an unknown VM: ${seed.vmId}`);
      const item = this.putProtectedItem(seed.vaultId, vm.resource, `${seed.vaultId}/backupPolicies/${seed.policyName}`);
      if (seed.lastBackupTime) {
        Object.assign(item.properties!, { protectionState: 'Protected', lastBackupStatus: 'Completed', lastBackupTime: seed.lastBackupTime, lastRecoveryPoint: seed.lastBackupTime });
      }
    }
  }

  /** The vault's policies: DefaultPolicy and EnhancedPolicy first (every vault has them), then the fixture's. */
  policiesOf(vaultId: string): ArmResource[] {
    const key = vaultId.toLowerCase();
    let list = this.policies.get(key);
    if (!list) {
      list = [defaultPolicy(vaultId), enhancedPolicy(vaultId)];
      this.policies.set(key, list);
    }
    return list;
  }

  vault(vaultId: string): ArmResource | undefined {
    return this.state.get('recoveryServicesVaults', vaultId)?.resource;
  }

  startOperation(durationMs: number, effect: () => string | undefined): BackupOperation {
    const now = Date.now();
    const op: BackupOperation = { id: randomUUID(), startMs: now, dueMs: now + durationMs, status: 'InProgress', effect };
    this.operations.set(op.id, op);
    return op;
  }

  startJob(job: Omit<BackupJob, 'id' | 'startMs'>): BackupJob {
    const started: BackupJob = { ...job, id: randomUUID(), startMs: Date.now() };
    this.jobs.set(started.id, started);
    return started;
  }

  putProtectedItem(vaultId: string, vm: ArmResource, policyId: string): ArmResource {
    const { resourceGroup } = parseArmId(vm.id)!;
    const key = `iaasvmcontainerv2;${resourceGroup};${vm.name}`;
    const id = `${vaultId}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;${key}/protectedItems/vm;${key}`;
    const item: ArmResource = {
      id,
      name: `VM;${key}`,
      type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
      properties: {
        friendlyName: vm.name,
        virtualMachineId: vm.id,
        protectionStatus: 'Healthy',
        protectionState: 'IRPending',
        healthStatus: 'Passed',
        lastBackupStatus: '',
        lastBackupTime: '2001-01-01T00:00:00Z',
        protectedItemDataId: String(Math.floor(Math.random() * 1e14)),
        extendedInfo: { recoveryPointCount: 0, policyInconsistent: false },
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        backupManagementType: 'AzureIaasVM',
        workloadType: 'VM',
        containerName: key,
        sourceResourceId: vm.id,
        policyId,
        policyName: policyId.slice(policyId.lastIndexOf('/') + 1),
      },
    };
    this.protectedItems.set(id.toLowerCase(), item);
    return item;
  }

  /** The item protecting this VM in any vault (protection not stopped), if any. */
  protectedItemOfVm(vmId: string): ArmResource | undefined {
    for (const item of this.protectedItems.values()) {
      if (String(item.properties?.sourceResourceId).toLowerCase() === vmId.toLowerCase() && item.properties?.protectionState !== 'ProtectionStopped') return item;
    }
    return undefined;
  }

  /** Applies whatever time has made due: finished operations and jobs. Call before answering any backup request. */
  settle(now = Date.now()): void {
    for (const op of this.operations.values()) {
      if (op.status !== 'InProgress' || now < op.dueMs) continue;
      try {
        op.jobId = op.effect?.();
        op.status = 'Succeeded';
      } catch (error) {
        op.status = 'Failed';
        op.error = error instanceof ArmError ? { code: error.code, message: error.message } : { code: 'InternalError', message: String(error) };
      }
      op.endTime = new Date(op.dueMs).toISOString();
    }
    for (const job of this.jobs.values()) {
      if (job.finished || now < job.startMs + job.durationMs) continue;
      job.finished = true;
      const item = job.itemId ? this.protectedItems.get(job.itemId.toLowerCase()) : undefined;
      if (item && job.operation === 'Backup') {
        const end = new Date(job.startMs + job.durationMs).toISOString();
        const props = item.properties!;
        props.lastBackupStatus = job.outcome.status;
        props.lastBackupTime = end;
        if (job.outcome.status === 'Completed') {
          props.protectionState = 'Protected';
          props.lastRecoveryPoint = end;
          props.extendedInfo = { ...props.extendedInfo, recoveryPointCount: (props.extendedInfo?.recoveryPointCount ?? 0) + 1 };
        }
      }
    }
  }
}

const states = new WeakMap<LocalAzureState, RecoveryServicesBackupState>();

/** The one backup state of a local Azure, made on first use from the fixture's seed. */
export function recoveryServicesBackupStateOf(state: LocalAzureState): RecoveryServicesBackupState {
  let backup = states.get(state);
  if (!backup) {
    backup = new RecoveryServicesBackupState(state);
    states.set(state, backup);
  }
  return backup;
}

function vaultIdOf(childId: string): string {
  const m = /^(.*\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+)/i.exec(childId);
  if (!m) throw new Error(`Not inside a Recovery Services vault: ${childId}`);
  return m[1];
}

// Shapes from the spec example BackupPolicies_List.json (Standard) and v2-List-Policies.json (Enhanced).
function defaultPolicy(vaultId: string): ArmResource {
  return {
    id: `${vaultId}/backupPolicies/DefaultPolicy`,
    name: 'DefaultPolicy',
    type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
    properties: {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V1',
      instantRpRetentionRangeInDays: 2,
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2025-01-01T19:00:00Z'], scheduleWeeklyFrequency: 0 },
      retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: ['2025-01-01T19:00:00Z'], retentionDuration: { count: 30, durationType: 'Days' } } },
      timeZone: 'UTC',
      protectedItemsCount: 0,
    },
  };
}

function enhancedPolicy(vaultId: string): ArmResource {
  return {
    id: `${vaultId}/backupPolicies/EnhancedPolicy`,
    name: 'EnhancedPolicy',
    type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
    properties: {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V2',
      instantRpRetentionRangeInDays: 7,
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly', hourlySchedule: { interval: 4, scheduleWindowStartTime: '2025-01-01T08:00:00Z', scheduleWindowDuration: 12 } },
      retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionTimes: ['2025-01-01T08:00:00Z'], retentionDuration: { count: 30, durationType: 'Days' } } },
      timeZone: 'UTC',
      protectedItemsCount: 0,
    },
  };
}
