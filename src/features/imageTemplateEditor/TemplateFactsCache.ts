// The Azure facts behind the fact-based rules (staging group contents, image generations and security types), for
// validation as you type. Looking them up takes round trips to Azure, so it happens a moment after typing stops,
// only when signed in, and each set of lookups is remembered for a while: typing elsewhere in the template reuses
// them. When new facts land, the document is validated again.

import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import type { ImageTemplateFacts } from '../../core/imageTemplate/imageTemplateFacts.ts';
import { factLookupsKey, hasFactLookups, subscriptionsOfLookups, type TemplateFactLookups } from '../../core/imageTemplate/templateFactLookups.ts';
import type { Logger } from '../../shell/createLogger.ts';

interface Entry {
  facts: ImageTemplateFacts;
  readAt: number;
}

export class TemplateFactsCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly reading = new Set<string>();
  private readonly accounts: Pick<AccountManager, 'isSignedIn' | 'getSubscriptions'>;
  private readonly logger: Logger;
  private readonly onFresh: (documentKey: string) => void;
  private readonly delayMs: number;
  private readonly maxAgeMs: number;

  constructor(accounts: Pick<AccountManager, 'isSignedIn' | 'getSubscriptions'>, logger: Logger, onFresh: (documentKey: string) => void, delayMs = 1500, maxAgeMs = 120_000) {
    this.accounts = accounts;
    this.logger = logger;
    this.onFresh = onFresh;
    this.delayMs = delayMs;
    this.maxAgeMs = maxAgeMs;
  }

  /** The facts known now for these lookups (maybe none yet); a lookup is scheduled when they are missing or old. */
  factsFor(documentKey: string, lookups: TemplateFactLookups | undefined): ImageTemplateFacts | undefined {
    if (!lookups || !hasFactLookups(lookups)) return undefined;
    const key = factLookupsKey(lookups);
    const entry = this.entries.get(key);
    if (!entry || Date.now() - entry.readAt > this.maxAgeMs) this.schedule(documentKey, key, lookups);
    return entry?.facts;
  }

  /** Forget what was read (after a sign-in change or a refresh: the user may now see more, or other things). */
  clear(): void {
    this.entries.clear();
  }

  private schedule(documentKey: string, key: string, lookups: TemplateFactLookups): void {
    if (this.reading.has(key)) return;
    clearTimeout(this.timers.get(documentKey));
    this.timers.set(documentKey, setTimeout(() => void this.read(documentKey, key, lookups), this.delayMs));
  }

  private async read(documentKey: string, key: string, lookups: TemplateFactLookups): Promise<void> {
    this.timers.delete(documentKey);
    this.reading.add(key);
    try {
      if (!(await this.accounts.isSignedIn())) return;
      const { subscriptions } = await this.accounts.getSubscriptions();
      const { readTemplateFacts } = await import('../../azure/imageBuilder/readTemplateFacts.ts');
      const { facts, unavailable } = await readTemplateFacts(lookups, sessionsFor(subscriptions, lookups));
      for (const problem of unavailable) this.logger.trace(`Image template facts not read: ${problem}`);
      this.entries.set(key, { facts, readAt: Date.now() });
      this.onFresh(documentKey);
    } catch (error) {
      this.logger.warn(`Reading the facts behind the image template checks failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.reading.delete(key);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** A subscription id → its session; without one (a Marketplace image), the subscription the template names elsewhere. */
export function sessionsFor(subscriptions: readonly SubscriptionSession[], lookups: TemplateFactLookups): (subscriptionId: string | undefined) => SubscriptionSession | undefined {
  const bySubscription = (id: string) => subscriptions.find((s) => s.subscriptionId.toLowerCase() === id.toLowerCase());
  const fallback = subscriptionsOfLookups(lookups).map(bySubscription).find((s) => !!s) ?? subscriptions[0];
  return (subscriptionId) => (subscriptionId ? bySubscription(subscriptionId) : fallback);
}
