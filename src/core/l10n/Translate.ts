// Core code never imports `vscode`, yet the text it builds must reach the user in their language.
// The shell passes `vscode.l10n.t`; tests and benchmarks pass `formatMessage`, which only fills placeholders.

/** Same contract as `vscode.l10n.t(message, ...args)`: `{0}`, `{1}` … are replaced by the arguments. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

export const formatMessage: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });

/**
 * Marks an English message that core code returns for the shell to translate later (`vscode.l10n.t(message,
 * ...args)`). It changes nothing at run time; it lets the translation test find every such message.
 */
export const localizable = (message: string): string => message;
