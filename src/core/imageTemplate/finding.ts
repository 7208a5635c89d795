// The shape every check in this folder returns. Core code stays in English; the shell translates through
// `vscode.l10n.t(messageTemplate, ...messageArgs)`, so a finding carries the template and its arguments as well
// as the formatted text.

export type Severity = 'error' | 'warning' | 'info';

/** A JSON path: property names and array indexes from the document root. */
export type JsonPath = (string | number)[];

/** Where in the text a finding belongs (what the Problems panel underlines). */
export interface TextRange {
  offset: number;
  length: number;
}

export interface Finding {
  /** Stable id of the check, e.g. `schema`, `shell-script-source`, `service-region`. */
  rule: string;
  severity: Severity;
  message: string;
  /** English template with `{0}`-style holes, the key for translation. */
  messageTemplate: string;
  messageArgs: string[];
  /** Absolute path in the document (for a template inside a deployment, it starts with `resources`). */
  path: JsonPath;
  range: TextRange;
}

/** What a rule reports: the path is relative to the image template resource it checked. */
export interface RuleFinding {
  rule: string;
  severity: Severity;
  message: string;
  messageTemplate: string;
  messageArgs: string[];
  path: JsonPath;
  /** Underline the property name instead of its value (for "remove this property" style findings). */
  target?: 'key' | 'value';
}

/** A message ready for both display and translation. `{0}`, `{1}` … are replaced by `args`. */
export interface LocalizableMessage {
  message: string;
  messageTemplate: string;
  messageArgs: string[];
}

export function localizable(template: string, ...args: (string | number)[]): LocalizableMessage {
  const messageArgs = args.map(String);
  const message = template.replace(/\{(\d+)\}/g, (whole, i: string) => messageArgs[Number(i)] ?? whole);
  return { message, messageTemplate: template, messageArgs };
}

export function ruleFinding(
  rule: string,
  severity: Severity,
  path: JsonPath,
  text: LocalizableMessage,
  target?: 'key' | 'value',
): RuleFinding {
  return { rule, severity, path, ...text, ...(target ? { target } : {}) };
}
