import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { getPreviewFeatureState, IMAGE_BUILDER_NAMESPACE, registerPreviewFeature, registerProvider } from '../../azure/imageBuilder/providerRegistration.ts';
import { findImageBuilderRegion } from '../../core/imageTemplate/serviceRegions.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

/** The Azure calls this step makes (the SDK adapters; a unit test passes its own). */
export interface PreviewFeatureAzure {
  getPreviewFeatureState: typeof getPreviewFeatureState;
  registerPreviewFeature: typeof registerPreviewFeature;
  registerProvider: typeof registerProvider;
}

const sdkAdapters: PreviewFeatureAzure = { getPreviewFeatureState, registerPreviewFeature, registerProvider };

/**
 * A preview region (USGov, China North 3) needs its preview feature (FairfaxPublicPreview / MooncakePublicPreview)
 * registered in the subscription first. Offers to register it with the user's own sign-in (no Azure CLI needed),
 * waits a bounded time for Registered, registers the provider again so the feature applies, and lets the deploy go
 * on. Still pending after the wait: says so and stops; the registration goes on in Azure.
 */
export async function ensurePreviewFeatureRegistered(session: SubscriptionSession, location: string, azure: PreviewFeatureAzure = sdkAdapters, wait: { timeoutMs?: number; pollIntervalMs?: number } = {}): Promise<void> {
  const feature = findImageBuilderRegion(location)?.previewFeature;
  if (!feature) return;
  const state = await azure.getPreviewFeatureState(session, feature);
  if (state === 'Registered') return;
  const register = vscode.l10n.t('Register');
  const anyway = vscode.l10n.t('Deploy Anyway');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('VM Image Builder is in public preview in {0}: the feature {1}/{2} must be registered in {3} first (it is {4}).', location, IMAGE_BUILDER_NAMESPACE, feature, session.name, state),
    { modal: true, detail: vscode.l10n.t('Registering asks Azure to turn the preview on for this subscription, then registers {0} again so it applies. It can take a few minutes.', IMAGE_BUILDER_NAMESPACE) },
    register, anyway,
  );
  if (choice === anyway) return;
  if (choice !== register) throw new UserCancelledError();
  const final = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Registering the preview feature {0}…', feature), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      const reached = await azure.registerPreviewFeature(session, feature, IMAGE_BUILDER_NAMESPACE, {
        ...wait, abortSignal: abort.signal, onState: (s) => progress.report({ message: vscode.l10n.t('{0} is {1}…', feature, s) }),
      });
      if (reached !== 'Registered') return reached;
      progress.report({ message: vscode.l10n.t('Registering {0} again to apply it…', IMAGE_BUILDER_NAMESPACE) });
      await azure.registerProvider(session, IMAGE_BUILDER_NAMESPACE, { abortSignal: abort.signal, pollIntervalMs: 2000 });
      return reached;
    });
  if (final === 'Registered') return;
  // Not an error: Azure accepted the request and finishes it on its own time (a 'Pending' feature awaits approval).
  void vscode.window.showWarningMessage(vscode.l10n.t('The preview feature {0} is still {1} in {2}: Azure is registering it, which can take a while. Deploy again later; nothing was created.', feature, final, session.name));
  throw new UserCancelledError();
}
