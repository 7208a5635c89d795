// beginGetAccess / endGetAccess for disks and snapshots, as the Disk RP does them: validation answered at once
// (400/409), the grant itself a long-running operation (final state via Location) that returns
// `{ accessSAS, securityDataAccessSAS?, securityMetadataAccessSAS? }` (the last for Confidential VM disks); diskState moves to ActiveSAS (ActiveSASFrozen from Frozen) and back.
import type { ResourceKind, StoredResource } from '../../state/LocalAzureState.ts';
import { activeSasStates } from '../../state/model.ts';
import { ArmError, invalidParameter, missingParameter, operationNotAllowed } from '../armError.ts';
import type { RouteContext, RouteResult } from '../route.ts';

export const MAX_ACCESS_SECONDS = 5_184_000; // 60 days

/** A grant past its expiry is over: the disk leaves ActiveSAS as Azure does when the SAS window closes. */
export function expireGrant(record: StoredResource): void {
  if (record.grant && record.grant.expiresOn.getTime() <= Date.now()) {
    record.resource.properties!.diskState = record.grant.previousState;
    record.grant = undefined;
  }
}

export function grantAccess(ctx: RouteContext, kind: ResourceKind, record: StoredResource): RouteResult {
  const body = (ctx.body ?? {}) as { access?: string; durationInSeconds?: unknown; getSecureVMGuestStateSAS?: boolean; fileFormat?: string };
  if (typeof ctx.body !== 'object' || ctx.body === null) throw missingParameter('grantAccessData');
  if (body.access === undefined) throw missingParameter('grantAccessData.access');
  if (!['None', 'Read', 'Write'].includes(body.access)) {
    throw invalidParameter('grantAccessData.access', `The value '${body.access}' of parameter 'grantAccessData.access' is not allowed. Allowed values are 'None, Read, Write'.`);
  }
  if (body.durationInSeconds === undefined) throw missingParameter('grantAccessData.durationInSeconds');
  const duration = body.durationInSeconds;
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 1 || duration > MAX_ACCESS_SECONDS) {
    throw invalidParameter(
      'grantAccessData.durationInSeconds',
      `The value '${String(duration)}' of parameter 'grantAccessData.durationInSeconds' is out of range. The value must be between '1' and '${MAX_ACCESS_SECONDS}', inclusive.`,
    );
  }
  if (body.fileFormat !== undefined && !['VHD', 'VHDX'].includes(body.fileFormat)) {
    throw invalidParameter('grantAccessData.fileFormat', `The value '${body.fileFormat}' of parameter 'grantAccessData.fileFormat' is not allowed. Allowed values are 'VHD, VHDX'.`);
  }
  if (body.fileFormat === 'VHDX') {
    throw new ArmError(400, 'InvalidParameter', 'The local Azure serves exports as VHD only; VHDX is not simulated.', { target: 'grantAccessData.fileFormat' });
  }
  const props = record.resource.properties!;
  expireGrant(record);
  const state: string = props.diskState ?? 'Unattached';
  const what = kind === 'disks' ? 'Disk' : 'Snapshot';
  if (body.access !== 'Read') {
    throw operationNotAllowed(`${what} '${record.resource.name}' cannot be granted '${body.access}' access: only Read access (export) is simulated by the local Azure.`);
  }
  if (state === 'Attached') {
    throw operationNotAllowed(
      `The operation 'beginGetAccess' is not allowed on ${what} '${record.resource.name}' since it is attached to VM '${vmName(record)}', which is not deallocated. ` +
        'Please stop (deallocate) the VM or detach the disk and retry.',
    );
  }
  if (state === 'ReadyToUpload' || state === 'ActiveUpload') {
    throw operationNotAllowed(`The operation 'beginGetAccess' with access 'Read' is not allowed on ${what} '${record.resource.name}' since it is in state '${state}'.`);
  }
  if (props.provisioningState && props.provisioningState !== 'Succeeded') {
    throw new ArmError(409, 'Conflict', `${what} '${record.resource.name}' is being updated (provisioningState '${props.provisioningState}'). Retry after the operation completes.`);
  }
  const withGuestState = body.getSecureVMGuestStateSAS === true;
  return ctx.env.operations.start({
    subscriptionId: ctx.params.subscriptionId,
    location: record.resource.location ?? 'eastus',
    kind: 'DiskOperations',
    apiVersion: ctx.apiVersion,
    override: ctx.operationOverride,
    complete: async () => {
      const granted = await ctx.env.blobs.grant(record.resource, duration, withGuestState);
      const current: string = props.diskState ?? 'Unattached';
      const previousState = record.grant?.previousState ?? (activeSasStates.has(current) ? (current === 'ActiveSASFrozen' ? 'Frozen' : 'Unattached') : current);
      props.diskState = previousState === 'Frozen' ? 'ActiveSASFrozen' : 'ActiveSAS';
      record.grant = { policyId: granted.policyId, previousState, expiresOn: granted.expiresOn };
      return {
        accessSAS: granted.accessSAS,
        ...(granted.securityDataAccessSAS ? { securityDataAccessSAS: granted.securityDataAccessSAS } : {}),
        ...(granted.securityMetadataAccessSAS ? { securityMetadataAccessSAS: granted.securityMetadataAccessSAS } : {}),
      };
    },
  });
}

export function revokeAccess(ctx: RouteContext, record: StoredResource): RouteResult {
  const props = record.resource.properties!;
  return ctx.env.operations.start({
    subscriptionId: ctx.params.subscriptionId,
    location: record.resource.location ?? 'eastus',
    kind: 'DiskOperations',
    apiVersion: ctx.apiVersion,
    override: ctx.operationOverride,
    complete: async () => {
      await ctx.env.blobs.revoke(record.resource);
      if (activeSasStates.has(props.diskState)) {
        props.diskState = record.grant?.previousState ?? (props.diskState === 'ActiveSASFrozen' ? 'Frozen' : 'Unattached');
      }
      record.grant = undefined;
      return undefined;
    },
  });
}

function vmName(record: StoredResource): string {
  const managedBy = record.resource.managedBy;
  return typeof managedBy === 'string' ? managedBy.split('/').pop()! : 'unknown';
}
