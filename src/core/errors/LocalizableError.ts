import { formatMessage } from '../l10n/Translate.ts';

/**
 * An error of ours whose message the user reads: it keeps the English template and its arguments so the shell can
 * show it translated (describeAzureError with `vscode.l10n.t`), while `message` stays English for the log.
 * Throw it as `new LocalizableError(localizable(TEMPLATE), arg)` with a literal TEMPLATE, so the translation test
 * sees it.
 */
export class LocalizableError extends Error {
  readonly template: string;
  readonly args: ReadonlyArray<string | number | boolean>;

  constructor(template: string, ...args: Array<string | number | boolean>) {
    super(formatMessage(template, ...args));
    this.template = template;
    this.args = args;
  }
}
