import type { ImageTemplate, RunOutput } from '@azure/arm-imagebuilder';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { imageBuilderClient } from '../clients.ts';
import { collectPages } from '../inventory/collectPages.ts';

// Thin adapter over @azure/arm-imagebuilder 5 (api-version 2025-10-01). Templates come and go in ARM's own JSON
// shape ({location, tags, identity, properties}) because that is what the user's file holds and what a diff shows;
// the SDK's flattened model is only used at the call.

/** An image template as ARM returns it (GET body). */
export interface ArmImageTemplate {
  id?: string;
  name?: string;
  location?: string;
  tags?: Record<string, string>;
  identity?: { type?: string; userAssignedIdentities?: Record<string, unknown> };
  properties?: Record<string, unknown>;
}

export interface OperationOptions {
  abortSignal?: AbortSignal;
  /** How often a long-running operation is polled (the SDK's default is 2 s; tests pass less). */
  pollIntervalMs?: number;
}

const lro = (o: OperationOptions) => ({ abortSignal: o.abortSignal, ...(o.pollIntervalMs !== undefined ? { updateIntervalInMs: o.pollIntervalMs } : {}) });

/** The deployed template as ARM's JSON, or undefined when there is none of that name. */
export async function getImageTemplateJson(session: SubscriptionSession, resourceGroup: string, name: string, abortSignal?: AbortSignal): Promise<ArmImageTemplate | undefined> {
  let raw: ArmImageTemplate | undefined;
  try {
    await (await imageBuilderClient(session)).virtualMachineImageTemplates.get(resourceGroup, name, {
      abortSignal,
      onResponse: (response) => { raw = (response.parsedBody ?? (response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined)) as ArmImageTemplate; },
    });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  return raw;
}

/** Creates the template and waits until ARM says it is provisioned; returns ARM's JSON of it. */
export async function createImageTemplate(session: SubscriptionSession, resourceGroup: string, name: string, template: ArmImageTemplate, options: OperationOptions = {}): Promise<ArmImageTemplate | undefined> {
  const client = await imageBuilderClient(session);
  await client.virtualMachineImageTemplates.createOrUpdate(resourceGroup, name, toSdkModel(template), lro(options));
  return getImageTemplateJson(session, resourceGroup, name, options.abortSignal);
}

/** Tags and identity are the only parts of a template that can change after it is created. */
export async function updateImageTemplateTagsAndIdentity(session: SubscriptionSession, resourceGroup: string, name: string, template: Pick<ArmImageTemplate, 'tags' | 'identity'>, options: OperationOptions = {}): Promise<void> {
  const client = await imageBuilderClient(session);
  await client.virtualMachineImageTemplates.update(resourceGroup, name, {
    tags: template.tags ?? {},
    ...(template.identity ? { identity: template.identity as ImageTemplate['identity'] } : {}),
  }, lro(options));
}

export async function deleteImageTemplate(session: SubscriptionSession, resourceGroup: string, name: string, options: OperationOptions = {}): Promise<void> {
  await (await imageBuilderClient(session)).virtualMachineImageTemplates.delete(resourceGroup, name, lro(options));
}

/**
 * Asks the service to start a build and returns once it accepted (a refusal, e.g. a build already running, throws).
 * The build itself takes many minutes: callers watch `lastRunStatus` rather than hold the operation open.
 */
export async function startImageBuild(session: SubscriptionSession, resourceGroup: string, name: string, options: OperationOptions = {}): Promise<void> {
  const poller = (await imageBuilderClient(session)).virtualMachineImageTemplates.run(resourceGroup, name, lro(options));
  await poller.submitted();
}

/** Cancels the running build and waits until the service says it is cancelled. */
export async function cancelImageBuild(session: SubscriptionSession, resourceGroup: string, name: string, options: OperationOptions = {}): Promise<void> {
  await (await imageBuilderClient(session)).virtualMachineImageTemplates.cancel(resourceGroup, name, lro(options));
}

export async function listRunOutputs(session: SubscriptionSession, resourceGroup: string, name: string): Promise<RunOutput[]> {
  return collectPages((await imageBuilderClient(session)).virtualMachineImageTemplates.listRunOutputs(resourceGroup, name));
}

/** ARM JSON → the SDK's flattened model (the SDK serializes it back to the same JSON). */
function toSdkModel(template: ArmImageTemplate): ImageTemplate {
  return {
    location: template.location ?? '',
    ...(template.tags ? { tags: template.tags } : {}),
    identity: (template.identity ?? { type: 'None' }) as ImageTemplate['identity'],
    ...(template.properties ?? {}),
  } as ImageTemplate;
}

function isNotFound(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string };
  return e?.statusCode === 404 || e?.code === 'ResourceNotFound' || e?.code === 'NotFound';
}
