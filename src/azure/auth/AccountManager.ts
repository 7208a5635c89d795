import * as vscode from 'vscode';
import type { Logger } from '../../shell/createLogger.ts';
import { findSovereignCloudMismatch } from '../../core/cloud/findSovereignCloudMismatch.ts';
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

/** A listing in progress: what it has found so far is kept, so a late listener hears of it too. */
interface ListingInProgress {
  readonly done: Promise<SubscriptionListing>;
  readonly found: SubscriptionSession[];
  readonly listeners: Set<(sessions: readonly SubscriptionSession[]) => void>;
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
  private listing: ListingInProgress | undefined;
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
      if (settings.method === 'vscode' && !resolution.cloud.isCustom) {
        const environment = vscode.workspace.getConfiguration('microsoft-sovereign-cloud').get<string>('environment');
        const mismatch = findSovereignCloudMismatch(settings.cloud, environment);
        if (mismatch) throw new AuthConfigurationError(vscode.l10n.t(mismatch.problem, ...mismatch.problemArgs), mismatch.setting);
      }
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

  async signInToTenant(tenantId?: string): Promise<void> {
    await this.getProvider().signInToTenant(tenantId);
    this.invalidate();
  }

  /**
   * The account's subscriptions (listed once until invalidated). `onFound` hears of the selected ones as each
   * tenant's arrive, so their resources can be listed while other tenants still answer.
   */
  async getSubscriptions(onFound?: (selected: readonly SubscriptionSession[]) => void): Promise<SubscriptionsView> {
    const listing = this.startListing();
    const chosen = new Set(readAuthSettings().selectedSubscriptions.map((id) => id.toLowerCase()));
    const isSelected = (s: SubscriptionSession) => chosen.size === 0 || chosen.has(s.subscriptionId.toLowerCase());
    const told = new Set<SubscriptionSession>();
    const tell = (sessions: readonly SubscriptionSession[]) => {
      const fresh = sessions.filter((s) => isSelected(s) && !told.has(s));
      for (const s of fresh) told.add(s);
      if (fresh.length) onFound?.(fresh);
    };
    if (onFound) {
      tell(listing.found);
      listing.listeners.add(tell);
    }
    try {
      const result = await listing.done;
      const selected = result.subscriptions.filter(isSelected);
      if (onFound) tell(selected);
      return { ...result, selected };
    } finally {
      listing.listeners.delete(tell);
    }
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

  private startListing(): ListingInProgress {
    if (!this.listing) {
      const found: SubscriptionSession[] = [];
      const listeners = new Set<(sessions: readonly SubscriptionSession[]) => void>();
      const done = this.getProvider().listSubscriptions((sessions) => {
        found.push(...sessions);
        for (const listener of listeners) listener(sessions);
      });
      const listing: ListingInProgress = { done, found, listeners };
      this.listing = listing;
      done.catch(() => {
        if (this.listing === listing) this.listing = undefined;
      });
    }
    return this.listing;
  }

  private reset(): void {
    this.provider?.dispose();
    this.provider = undefined;
    this.invalidate();
  }
}
