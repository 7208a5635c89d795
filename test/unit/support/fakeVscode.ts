// The few parts of the `vscode` API a command flow's unit test needs, answering as the test scripts: quick picks pick
// the item whose label matches, message boxes press the named button, every call is recorded. Load it with
// `useFakeVscode()` before importing the code under test.
import { registerHooks } from 'node:module';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';

export interface FakeVscodeScript {
  /** Answers of the next quick picks, by label pattern (undefined = Escape). */
  picks: Array<RegExp | undefined>;
  /** Buttons pressed on the next message boxes (undefined = dismissed). */
  buttons: Array<string | undefined>;
  calls: Array<{ api: string; args: unknown[] }>;
  /** Settings `workspace.getConfiguration(section).get(key)` answers, by 'section.key'. */
  settings: Record<string, unknown>;
  /** The user pressed Cancel on the progress notifications. */
  cancelProgress: boolean;
}

export const script: FakeVscodeScript = { picks: [], buttons: [], calls: [], settings: {}, cancelProgress: false };

export function resetScript(): void {
  script.picks = [];
  script.buttons = [];
  script.calls = [];
  script.cancelProgress = false;
}

const record = (api: string, args: unknown[]) => script.calls.push({ api, args });

async function message(api: string, text: string, ...rest: unknown[]): Promise<string | undefined> {
  record(api, [text, ...rest]);
  const items = rest.filter((r): r is string => typeof r === 'string');
  const pressed = script.buttons.shift();
  return pressed !== undefined && items.includes(pressed) ? pressed : undefined;
}

export const l10n = { t: (m: string, ...args: Array<string | number | boolean>) => formatMessage(m, ...args) };
export const window = {
  async showQuickPick<T extends { label: string }>(items: T[] | Promise<T[]>, options?: unknown): Promise<T | undefined> {
    const list = await items;
    record('showQuickPick', [list.map((i) => i.label), options]);
    const want = script.picks.shift();
    return want ? list.find((i) => want.test(i.label)) : undefined;
  },
  showWarningMessage: (text: string, ...rest: unknown[]) => message('showWarningMessage', text, ...rest),
  showInformationMessage: (text: string, ...rest: unknown[]) => message('showInformationMessage', text, ...rest),
  showErrorMessage: (text: string, ...rest: unknown[]) => message('showErrorMessage', text, ...rest),
  withProgress: async <R>(_options: unknown, task: (p: { report(): void }, t: { isCancellationRequested: boolean; onCancellationRequested(): { dispose(): void } }) => Promise<R>) =>
    task({ report: () => undefined }, { isCancellationRequested: script.cancelProgress, onCancellationRequested: () => ({ dispose: () => undefined }) }),
};
export const commands = { executeCommand: async (...args: unknown[]) => { record('executeCommand', args); return undefined; } };
export const env = { clipboard: { writeText: async (text: string) => record('clipboard.writeText', [text]) }, openExternal: async (uri: unknown) => { record('openExternal', [String(uri)]); return true; } };
export class Uri {
  readonly scheme: string;
  readonly path: string;
  private constructor(scheme: string, path: string) { this.scheme = scheme; this.path = path; }
  static parse(value: string): Uri { const at = value.indexOf(':'); return new Uri(value.slice(0, at), value.slice(at + 1).replace(/^\/\//, '')); }
  static file(path: string): Uri { return new Uri('file', path); }
  static from(parts: { scheme: string; path: string }): Uri { return new Uri(parts.scheme, parts.path); }
  get fsPath(): string { return this.path; }
  toString(): string { return this.scheme === 'file' ? `file://${this.path}` : `${this.scheme}:${this.path}`; }
}
/** Text documents `workspace.openTextDocument` returns, by uri string. */
export const documents = new Map<string, string>();
export const ProgressLocation = { Notification: 15, Window: 10, SourceControl: 1 };
export const workspace = {
  async openTextDocument(uri: Uri) {
    const text = documents.get(uri.toString());
    if (text === undefined) throw new Error(`no document ${uri.toString()}`);
    return { uri, fileName: uri.path, languageId: 'json', version: 1, getText: () => text };
  },
  getConfiguration: (section: string) => ({ get: <T>(key: string, fallback: T): T => (script.settings[`${section}.${key}`] as T) ?? fallback }),
};
export class TreeItem {
  label: string;
  constructor(label: string) { this.label = label; }
}
export class ThemeIcon {
  id: string;
  constructor(id: string) { this.id = id; }
}
export class ThemeColor {
  id: string;
  constructor(id: string) { this.id = id; }
}
export class EventEmitter<T> {
  private readonly listeners = new Set<(value: T) => void>();
  readonly event = (listener: (value: T) => void) => { this.listeners.add(listener); return { dispose: () => this.listeners.delete(listener) }; };
  fire(value: T): void { for (const listener of this.listeners) listener(value); }
  dispose(): void { this.listeners.clear(); }
}
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };

/** Makes `import 'vscode'` resolve to this module (call before importing the code under test). */
export function useFakeVscode(): void {
  registerHooks({
    resolve(specifier, context, next) {
      if (specifier === 'vscode') return { url: import.meta.url, shortCircuit: true };
      return next(specifier, context);
    },
  });
}
