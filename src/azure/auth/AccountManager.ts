import * as vscode from 'vscode';
import type { Logger } from '../../shell/createLogger.ts';
import { resolveCloudEndpoints } from '../../core/cloud/resolveCloudEndpoints.ts';
import type { AccountProvider, SubscriptionListing, SubscriptionSession } from './AccountProvider.ts';
import { createAccountProvider } from './createAccountProvider.ts';
import { affectsSelection, affectsSignIn, readAuthSettings } from './readAuthSettings.ts';

/** A settings mistake the user can fix; shown as a node with a link to the setting, not as a crash. */
export class AuthConfigurationError extends Error {
  readonly setting: string;
  constructor(message: string, setting: string) {
    super(message);
    this.name = 'AuthConfigurationError';
    this.setting = setting;
  }
}

export interface SubscriptionsView extends SubscriptionListing {
  /** The subscriptions chosen with "Select Subscriptions" (all of them when none was chosen). */
  readonly selected: SubscriptionSession[];
}

/**
 * Owns the current AccountProvider: rebuilt when the sign-in method or cloud settings change, so nothing else
 * has to watch those settings. Subscription listings are cached until sign-in state or settings change.
 */
export class AccountManager implements vscode.Disposable {
  private provider: AccountProvider | undefined;
  private listing: Promise<SubscriptionListing> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly channel: vscode.LogOutputChannel;
  private readonly logger: Logger;

  /** `channel` goes to @microsoft/vscode-azext-azureauth, which logs through it; our own code logs via `logger`. */
  constructor(channel: vscode.LogOutputChannel, logger: Logger) {
    this.channel = channel;
    this.logger = logger;
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsSignIn(event)) this.reset();
        else if (affectsSelection(event)) this.changed.fire();
      }),
    );
  }

  /** Throws AuthConfigurationError when the cloud settings are unusable. */
  getProvider(): AccountProvider {
    if (!this.provider) {
      const settings = readAuthSettings();
      const resolution = resolveCloudEndpoints(settings);
      if (!resolution.ok) throw new AuthConfigurationError(vscode.l10n.t(resolution.problem, ...resolution.problemArgs), resolution.setting);
      this.provider = createAccountProvider(settings.method, resolution.cloud, this.channel);
      this.logger.info(`Sign-in method: ${this.provider.method}; cloud: ${resolution.cloud.name} (${resolution.cloud.resourceManagerEndpoint})`);
      this.disposables.push(this.provider.onDidChangeSession(() => this.invalidate()));
    }
    return this.provider;
  }

  isSignedIn(): Promise<boolean> {
    return this.getProvider().isSignedIn();
  }

  async signIn(): Promise<boolean> {
    const signedIn = await this.getProvider().signIn();
    if (signedIn) this.invalidate();
    return signedIn;
  }

  async signInToTenant(): Promise<void> {
    await this.getProvider().signInToTenant();
    this.invalidate();
  }

  async getSubscriptions(): Promise<SubscriptionsView> {
    this.listing ??= this.getProvider().listSubscriptions();
    const listing = this.listing;
    listing.catch(() => {
      if (this.listing === listing) this.listing = undefined;
    });
    const result = await listing;
    const chosen = new Set(readAuthSettings().selectedSubscriptions.map((id) => id.toLowerCase()));
    const selected = chosen.size === 0 ? result.subscriptions : result.subscriptions.filter((s) => chosen.has(s.subscriptionId.toLowerCase()));
    return { ...result, selected };
  }

  /** Forget cached subscriptions (after sign-in or a refresh of the whole tree). */
  invalidate(): void {
    this.listing = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.provider?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
    this.changed.dispose();
  }

  private reset(): void {
    this.provider?.dispose();
    this.provider = undefined;
    this.invalidate();
  }
}
