// The Azure facts behind the fact-based rules (staging group contents, image generations and security types), for
// validation as you type. Looking them up takes round trips to Azure, so it happens a moment after typing stops,
// only when signed in, and each set of lookups is remembered for a while: typing elsewhere in the template reuses
// them. A deployment file's templates each get their own facts; templates naming the same things (in one document or
// several) share one read. When new facts land, every document waiting for them is validated again.

import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import type { SessionFor, TemplateFactsResult } from '../../azure/imageBuilder/readTemplateFacts.ts';
import type { FactsByTemplate, ImageTemplateFacts } from '../../core/imageTemplate/imageTemplateFacts.ts';
import {
  factLookupsKey, hasFactLookups, subscriptionsOfLookups, type TemplateFactLookups, type TemplateLookupsInText,
} from '../../core/imageTemplate/templateFactLookups.ts';
import type { Logger } from '../../shell/createLogger.ts';

interface Entry {
  facts: ImageTemplateFacts;
  readAt: number;
}

export type ReadTemplateFacts = (lookups: TemplateFactLookups, sessionFor: SessionFor) => Promise<TemplateFactsResult>;

export interface TemplateFactsCacheOptions {
  /** Pause after the last request before reading (typing goes on meanwhile). */
  delayMs?: number;
  /** Facts older than this are read again (still served meanwhile). */
  maxAgeMs?: number;
  /** Tests swap in a fake; by default the SDK adapter, loaded on first use. */
  readFacts?: ReadTemplateFacts;
}

const readWithSdk: ReadTemplateFacts = async (lookups, sessionFor) =>
  (await import('../../azure/imageBuilder/readTemplateFacts.ts')).readTemplateFacts(lookups, sessionFor);

export class TemplateFactsCache implements vscode.Disposable {
  /** By `factLookupsKey`: the same lookups give the same facts, whichever template or document asks. */
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Lookups being read → the documents to validate again when they land. */
  private readonly reading = new Map<string, Set<string>>();
  private readonly accounts: Pick<AccountManager, 'isSignedIn' | 'getSubscriptions'>;
  private readonly logger: Logger;
  private readonly onFresh: (documentKey: string) => void;
  private readonly delayMs: number;
  private readonly maxAgeMs: number;
  private readonly readFacts: ReadTemplateFacts;

  constructor(accounts: Pick<AccountManager, 'isSignedIn' | 'getSubscriptions'>, logger: Logger, onFresh: (documentKey: string) => void, options: TemplateFactsCacheOptions = {}) {
    this.accounts = accounts;
    this.logger = logger;
    this.onFresh = onFresh;
    this.delayMs = options.delayMs ?? 1500;
    this.maxAgeMs = options.maxAgeMs ?? 120_000;
    this.readFacts = options.readFacts ?? readWithSdk;
  }

  /**
   * The facts known now for each template of a document (maybe none yet), keyed as the validator wants them; reads
   * are scheduled for the lookups whose facts are missing or old.
   */
  factsFor(documentKey: string, templates: readonly TemplateLookupsInText[]): FactsByTemplate {
    const known = new Map<string, ImageTemplateFacts>();
    const toRead = new Map<string, TemplateFactLookups>();
    for (const { templateKey, lookups } of templates) {
      if (!hasFactLookups(lookups)) continue;
      const key = factLookupsKey(lookups);
      const entry = this.entries.get(key);
      if (entry) known.set(templateKey, entry.facts);
      if (!entry || Date.now() - entry.readAt > this.maxAgeMs) toRead.set(key, lookups);
    }
    if (toRead.size > 0) this.schedule(documentKey, toRead);
    return known;
  }

  /** Forget what was read (after a sign-in change or a refresh: the user may now see more, or other things). */
  clear(): void {
    this.entries.clear();
  }

  private schedule(documentKey: string, toRead: Map<string, TemplateFactLookups>): void {
    // One timer per document: each keystroke pushes the reads back, and the last text's lookups are the ones read.
    clearTimeout(this.timers.get(documentKey));
    this.timers.set(documentKey, setTimeout(() => void this.readAll(documentKey, toRead), this.delayMs));
  }

  private async readAll(documentKey: string, toRead: Map<string, TemplateFactLookups>): Promise<void> {
    this.timers.delete(documentKey);
    const started: { key: string; lookups: TemplateFactLookups; waiting: Set<string> }[] = [];
    let alreadyFresh = false;
    for (const [key, lookups] of toRead) {
      const entry = this.entries.get(key);
      const waiting = this.reading.get(key);
      if (entry && Date.now() - entry.readAt <= this.maxAgeMs) alreadyFresh = true; // read for another document meanwhile
      else if (waiting) waiting.add(documentKey); // on its way for another template or document: wait for that read
      else started.push({ key, lookups, waiting: new Set([documentKey]) });
    }
    for (const { key, waiting } of started) this.reading.set(key, waiting);
    if (alreadyFresh) this.onFresh(documentKey);
    if (started.length === 0) return;
    try {
      if (!(await this.accounts.isSignedIn())) return;
      const { subscriptions } = await this.accounts.getSubscriptions();
      await Promise.all(started.map(({ key, lookups, waiting }) => this.read(key, lookups, waiting, subscriptions)));
    } catch (error) {
      this.logger.warn(`Reading the facts behind the image template checks failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      for (const { key, waiting } of started) this.stopWaiting(key, waiting);
    }
  }

  /** Reads one set of lookups; each that lands validates its waiting documents again, without waiting for the rest. */
  private async read(key: string, lookups: TemplateFactLookups, waiting: Set<string>, subscriptions: readonly SubscriptionSession[]): Promise<void> {
    try {
      const { facts, unavailable } = await this.readFacts(lookups, sessionsFor(subscriptions, lookups));
      for (const problem of unavailable) this.logger.trace(`Image template facts not read: ${problem}`);
      this.entries.set(key, { facts, readAt: Date.now() });
      this.stopWaiting(key, waiting);
      for (const documentKey of waiting) this.onFresh(documentKey);
    } catch (error) {
      this.logger.warn(`Reading the facts behind the image template checks failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private stopWaiting(key: string, waiting: Set<string>): void {
    // Only this read's own waiters: a later read of the same lookups may have started since.
    if (this.reading.get(key) === waiting) this.reading.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** A subscription id → its session; without one (a Marketplace image), the subscription the template names elsewhere. */
export function sessionsFor(subscriptions: readonly SubscriptionSession[], lookups: TemplateFactLookups): SessionFor {
  const bySubscription = (id: string) => subscriptions.find((s) => s.subscriptionId.toLowerCase() === id.toLowerCase());
  const fallback = subscriptionsOfLookups(lookups).map(bySubscription).find((s) => !!s) ?? subscriptions[0];
  return (subscriptionId) => (subscriptionId ? bySubscription(subscriptionId) : fallback);
}
