import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { resourcesClient } from '../clients.ts';
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

/** Microsoft.Features' api-version for preview features (read through the generic resources client). */
const FEATURES_API_VERSION = '2021-07-01';

/**
 * State of a preview feature of the provider ('Registered', 'NotRegistered', 'Pending', …): Image Builder's preview
 * regions (USGov, China North 3) need FairfaxPublicPreview / MooncakePublicPreview registered first.
 */
export async function getPreviewFeatureState(session: SubscriptionSession, feature: string, namespace = IMAGE_BUILDER_NAMESPACE): Promise<string> {
  const id = `/subscriptions/${session.subscriptionId}/providers/Microsoft.Features/providers/${namespace}/features/${feature}`;
  try {
    // getById's path template already starts with '/': the id goes without its own.
    const resource = await (await resourcesClient(session)).resources.getById(id.replace(/^\/+/, ''), FEATURES_API_VERSION);
    return String((resource.properties as { state?: string } | undefined)?.state ?? 'NotRegistered');
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return 'NotRegistered';
    throw error;
  }
}

/** Resource groups of the subscription, sorted by name (where a template can be created). */
export async function listResourceGroups(session: SubscriptionSession): Promise<Array<{ name: string; location: string }>> {
  const groups: Array<{ name: string; location: string }> = [];
  for await (const group of (await resourcesClient(session)).resourceGroups.list()) {
    if (group.name) groups.push({ name: group.name, location: group.location });
  }
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}
