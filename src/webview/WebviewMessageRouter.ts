// Host side of the page protocol: every message from the page is narrowed (`readPageMessage`) before anything acts
// on it; unknown or malformed messages are logged and dropped. Requests always get a response, errors included.

import type { Logger } from '../shell/createLogger.ts';
import { readPageMessage, type HostMessage, type IpcCommand, type InitialState } from './protocol.ts';

/** The part of `vscode.Webview` the router uses (tests pass a fake). */
export interface WebviewLike {
  onDidReceiveMessage(listener: (message: unknown) => unknown): { dispose(): unknown };
  postMessage(message: unknown): PromiseLike<boolean>;
}

export interface PageHandlers {
  onCommand(command: IpcCommand): unknown;
  getInitialState(): InitialState | Promise<InitialState>;
}

export function postToPage(webview: WebviewLike, message: HostMessage): Promise<boolean> {
  return Promise.resolve(webview.postMessage(message));
}

export function routePageMessages(webview: WebviewLike, handlers: PageHandlers, logger: Logger): { dispose(): unknown } {
  return webview.onDidReceiveMessage(async (raw) => {
    const message = readPageMessage(raw);
    if (!message) {
      logger.warn(`Ignored an unknown message from the image template editor page: ${describe(raw)}`);
      return;
    }
    if (message.kind === 'command') {
      try {
        await handlers.onCommand(message);
      } catch (error) {
        logger.error(`Image template editor: command ${message.method} failed`, error);
      }
      return;
    }
    try {
      const result = await handlers.getInitialState();
      await postToPage(webview, { kind: 'response', id: message.id, method: message.method, result });
    } catch (error) {
      logger.error(`Image template editor: request ${message.method} failed`, error);
      await postToPage(webview, { kind: 'response', id: message.id, method: message.method, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** A short, safe description of a rejected message for the log (its kind and method, never its whole content). */
function describe(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return typeof raw;
  const { kind, method } = raw as { kind?: unknown; method?: unknown };
  return `kind=${String(kind).slice(0, 40)} method=${String(method).slice(0, 40)}`;
}
