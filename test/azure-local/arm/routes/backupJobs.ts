// On-demand backup and its job (@azure/arm-recoveryservicesbackup 12.0.0, api-version 2023-06-01): POST .../backup
// with an IaasVMBackupRequest answers 202 + Azure-AsyncOperation; that operation's status carries the job id
// (OperationStatusJobExtendedInfo); GET .../backupJobs/{job} shows the job InProgress with a growing percentage for
// backupJobDurationMs, then Completed. A fault rule with operationOutcome 'Failed' on route 'backups.trigger'
// makes the job end Failed with the rule's code and message. An ADE-encrypted VM whose key vault does not let the
// Backup Management Service read its keys and secrets ends Failed with UserErrorKeyVaultPermissionsNotConfigured,
// as Azure Backup's does (see ../backupKeyVaultAccess.ts).
import type { BackupJob } from '../../state/RecoveryServicesBackupState.ts';
import { apiVersions } from '../apiVersions.ts';
import { vaultsDenyingBackup } from '../backupKeyVaultAccess.ts';
import { ArmError, invalidParameter, missingParameter } from '../armError.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route } from '../route.ts';
import { backupContext, ITEM_PATH, retryAfter, VAULT_PATH, vaultUrl } from './backupSupport.ts';

const common = { apiVersions: apiVersions.recoveryServicesBackup, resourceType: 'Microsoft.RecoveryServices/vaults' } as const;

/** The job as JobDetails_Get returns an AzureIaaSVMJob at this moment. */
function jobResource(vaultId: string, job: BackupJob, now = Date.now()) {
  const elapsed = Math.min(now - job.startMs, job.durationMs);
  const done = now >= job.startMs + job.durationMs;
  const status = done ? job.outcome.status : 'InProgress';
  const failed = done && job.outcome.status === 'Failed' ? job.outcome : undefined;
  const taskStatus = done ? status : 'InProgress';
  return {
    id: `${vaultId}/backupJobs/${job.id}`,
    name: job.id,
    type: 'Microsoft.RecoveryServices/vaults/backupJobs',
    properties: {
      jobType: 'AzureIaaSVMJob',
      entityFriendlyName: job.vmName,
      backupManagementType: 'AzureIaasVM',
      operation: job.operation,
      status,
      startTime: new Date(job.startMs).toISOString(),
      ...(done ? { endTime: new Date(job.startMs + job.durationMs).toISOString() } : {}),
      activityId: `${job.id}-activity`,
      duration: timeSpan(elapsed),
      actionsInfo: done ? [] : ['Cancellable'],
      errorDetails: failed ? [{ errorTitle: failed.code, errorString: failed.message, recommendations: ['Check the key vault permissions and the VM agent, then retry the backup.'] }] : [],
      virtualMachineVersion: 'Compute',
      isUserTriggered: job.operation === 'Backup',
      extendedInfo: {
        tasksList: job.operation === 'Backup'
          ? [
              { taskId: 'Take Snapshot', status: elapsed >= job.durationMs / 2 ? (failed ? 'Failed' : 'Completed') : 'InProgress', duration: timeSpan(Math.min(elapsed, job.durationMs / 2)) },
              { taskId: 'Transfer data to vault', status: elapsed >= job.durationMs / 2 ? taskStatus : 'NotStarted', duration: timeSpan(Math.max(0, elapsed - job.durationMs / 2)) },
            ]
          : [],
        propertyBag: {
          'VM Name': job.vmName,
          'Backup Size': done && !failed ? '1024 MB' : '',
          ...(job.recoveryPointExpiryTime ? { 'Recovery Point Expiry Time in UTC': job.recoveryPointExpiryTime } : {}),
        },
        ...(done ? {} : { progressPercentage: Math.floor((elapsed / Math.max(1, job.durationMs)) * 100) }),
      },
    },
  };
}

/** .NET TimeSpan text, as Azure Backup serializes `duration`. */
function timeSpan(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(7).padStart(10, '0')}`;
}

export const backupJobRoutes: Route[] = [
  {
    name: 'backups.trigger',
    method: 'POST',
    template: `${ITEM_PATH}/backup`,
    ...common,
    handler: (ctx) => {
      const { vault, backup } = backupContext(ctx);
      const id = `${vault.id}/backupFabrics/${ctx.params.fabricName}/protectionContainers/${ctx.params.containerName}/protectedItems/${ctx.params.protectedItemName}`;
      const item = backup.protectedItems.get(id.toLowerCase());
      if (!item) throw new ArmError(404, 'BMSUserErrorObjectNotFound', `The protected item '${ctx.params.protectedItemName}' was not found in the vault.`);
      const request = (ctx.body as { properties?: { objectType?: string; recoveryPointExpiryTimeInUTC?: string } } | undefined)?.properties;
      if (!request) throw missingParameter('properties');
      if (request.objectType !== 'IaasVMBackupRequest') throw invalidParameter('properties.objectType');
      if (request.recoveryPointExpiryTimeInUTC !== undefined) {
        const expiry = Date.parse(request.recoveryPointExpiryTimeInUTC);
        if (Number.isNaN(expiry) || expiry <= Date.now()) {
          throw new ArmError(400, 'UserErrorInvalidRecoveryPointExpiryTime', 'The recovery point expiry time must be a time in the future.');
        }
      }
      const running = [...backup.jobs.values()].some((j) => j.itemId?.toLowerCase() === item.id.toLowerCase() && j.operation === 'Backup' && Date.now() < j.startMs + j.durationMs);
      if (running) throw new ArmError(400, 'UserErrorBackupOperationInProgress', `A backup of '${item.properties?.friendlyName}' is already in progress. Wait for it to finish, then try again.`);
      const override = ctx.operationOverride;
      const vm = ctx.env.state.get('virtualMachines', String(item.properties?.sourceResourceId))?.resource;
      const deniedBy = vm ? vaultsDenyingBackup(ctx.env.state, vm) : [];
      const outcome: BackupJob['outcome'] = override?.status === 'Failed'
        ? { status: 'Failed', code: override.code ?? 'UserErrorKeyVaultPermissionsNotConfigured', message: override.message ?? 'Azure Backup Service does not have sufficient permissions to Key Vault for Backup of Encrypted Virtual Machines.' }
        : deniedBy.length > 0
          ? { status: 'Failed', code: 'UserErrorKeyVaultPermissionsNotConfigured', message: `Azure Backup Service does not have sufficient permissions to Key Vault for Backup of Encrypted Virtual Machines (key vault ${deniedBy.join(', ')}).` }
          : { status: 'Completed' };
      const job = backup.startJob({
        vaultId: vault.id, vmId: String(item.properties?.sourceResourceId), vmName: String(item.properties?.friendlyName),
        operation: 'Backup', durationMs: backup.settings.backupJobDurationMs, outcome, itemId: item.id,
        // What the user chose to keep the point until; without one Azure keeps it 30 days.
        recoveryPointExpiryTime: new Date(request.recoveryPointExpiryTimeInUTC !== undefined ? Date.parse(request.recoveryPointExpiryTimeInUTC) : Date.now() + 30 * 86400_000).toISOString(),
      });
      const op = backup.startOperation(Math.min(ctx.env.settings.lroDurationMs, 1000), () => job.id);
      const status = vaultUrl(ctx, vault, `/backupFabrics/Azure/protectionContainers/${encodeURIComponent(ctx.params.containerName)}/protectedItems/${encodeURIComponent(ctx.params.protectedItemName)}/operationsStatus/${op.id}`);
      return { status: 202, headers: { 'Azure-AsyncOperation': status, Location: status.replace('/operationsStatus/', '/operationResults/'), ...retryAfter(ctx) } };
    },
  },
  {
    name: 'jobDetails.get',
    method: 'GET',
    template: `${VAULT_PATH}/backupJobs/{jobName}`,
    ...common,
    handler: (ctx) => {
      const { vault, backup } = backupContext(ctx);
      const job = backup.jobs.get(ctx.params.jobName.toLowerCase());
      if (!job || job.vaultId.toLowerCase() !== vault.id.toLowerCase()) throw new ArmError(404, 'BMSUserErrorJobNotFound', `The job '${ctx.params.jobName}' was not found in vault '${vault.name}'.`);
      return ok(jobResource(vault.id, job));
    },
  },
  {
    name: 'backupJobs.list',
    method: 'GET',
    template: `${VAULT_PATH}/backupJobs`,
    ...common,
    handler: (ctx) => {
      const { vault, backup } = backupContext(ctx);
      const jobs = [...backup.jobs.values()].filter((j) => j.vaultId.toLowerCase() === vault.id.toLowerCase()).sort((a, b) => b.startMs - a.startMs);
      return ok(pageOf(ctx, jobs.map((j) => jobResource(vault.id, j))));
    },
  },
];
