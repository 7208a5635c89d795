import { setTimeout as sleep } from 'node:timers/promises';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { featureClient, resourcesClient } from '../clients.ts';
import { localizable } from '../../core/l10n/Translate.ts';
import { LocalizableError } from '../../core/errors/LocalizableError.ts';

export const IMAGE_BUILDER_NAMESPACE = 'Microsoft.VirtualMachineImages';

/** 'Registered', 'NotRegistered', 'Registering', … as ARM reports it for this subscription. */
export async function getProviderRegistrationState(session: SubscriptionSession, namespace = IMAGE_BUILDER_NAMESPACE): Promise<string> {
  const provider = await (await resourcesClient(session)).providers.get(namespace);
  return provider.registrationState ?? 'NotRegistered';
}

/** Registers the provider and waits until ARM reports it Registered (it passes through Registering). */
export async function registerProvider(session: SubscriptionSession, namespace = IMAGE_BUILDER_NAMESPACE, options: { pollIntervalMs?: number; timeoutMs?: number; abortSignal?: AbortSignal } = {}): Promise<void> {
  const client = await resourcesClient(session);
  await client.providers.register(namespace);
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  for (;;) {
    if ((await client.providers.get(namespace)).registrationState === 'Registered') return;
    if (Date.now() > deadline) throw new LocalizableError(localizable('{0} is still registering; try again in a few minutes.'), namespace);
    options.abortSignal?.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 5000));
  }
}

/**
 * State of a preview feature of the provider ('Registered', 'NotRegistered', 'Pending', 'Registering', …): Image
 * Builder's preview regions (USGov, China North 3) need FairfaxPublicPreview / MooncakePublicPreview registered first.
 */
export async function getPreviewFeatureState(session: SubscriptionSession, feature: string, namespace = IMAGE_BUILDER_NAMESPACE): Promise<string> {
  try {
    return (await (await featureClient(session)).features.get(namespace, feature)).properties?.state ?? 'NotRegistered';
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return 'NotRegistered';
    throw error;
  }
}

export interface FeatureWaitOptions {
  /** How long to wait for Registered before giving up (registration goes on in Azure). */
  timeoutMs?: number;
  /** First pause between reads; it doubles up to maxPollIntervalMs (a feature often registers in seconds). */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  abortSignal?: AbortSignal;
  /** Each state read while waiting ('Pending', 'Registering', …), for a progress message. */
  onState?: (state: string) => void;
}

/**
 * Asks Azure to register the preview feature, then waits (bounded) until it reads Registered. Returns the last
 * state read: 'Registered', or the state it is still in ('Pending' waits for approval, 'Registering' for Azure)
 * when the wait ran out. Registering the provider again afterwards is the caller's step (it applies the feature).
 */
export async function registerPreviewFeature(session: SubscriptionSession, feature: string, namespace = IMAGE_BUILDER_NAMESPACE, options: FeatureWaitOptions = {}): Promise<string> {
  const client = await featureClient(session);
  let state = (await client.features.register(namespace, feature, { abortSignal: options.abortSignal })).properties?.state ?? 'Pending';
  const deadline = Date.now() + (options.timeoutMs ?? 3 * 60_000);
  let pause = options.pollIntervalMs ?? 1000;
  while (state !== 'Registered' && Date.now() < deadline) {
    options.onState?.(state);
    // Cancelling ends the wait at once (an AbortError), not after the pause.
    await sleep(Math.min(pause, Math.max(0, deadline - Date.now())), undefined, { signal: options.abortSignal });
    pause = Math.min(pause * 2, options.maxPollIntervalMs ?? 10_000);
    state = (await client.features.get(namespace, feature, { abortSignal: options.abortSignal })).properties?.state ?? 'Pending';
  }
  return state;
}

/** Resource groups of the subscription, sorted by name (where a template can be created). */
export async function listResourceGroups(session: SubscriptionSession): Promise<Array<{ name: string; location: string }>> {
  const groups: Array<{ name: string; location: string }> = [];
  for await (const group of (await resourcesClient(session)).resourceGroups.list()) {
    if (group.name) groups.push({ name: group.name, location: group.location });
  }
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}
