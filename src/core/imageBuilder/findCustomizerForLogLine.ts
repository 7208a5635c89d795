// From a line of customization.log to the customizer that wrote it. Image Builder runs the template's `customize`
// entries in order; the log announces each one ("(telemetry) Starting provisioner shell", and with the customizer's
// name), so the nearest announcement above a line says whose output it is.

export interface CustomizerRef {
  index: number;
  name: string;
}

const NAMED = /customizer '([^']+)'/i;
const INDEXED = /customize\[(\d+)\]/;
const STARTED = /\(telemetry\) Starting provisioner\b/i;
const ERROR = /PACKER ERR|\berror(ed)?\b|\bfailed\b|non-zero exit status/i;

/** A line a user would want to trace back: Packer's error stream and failure wording. */
export function isBuildLogErrorLine(line: string): boolean {
  return ERROR.test(line) && !STARTED.test(line);
}

export function findCustomizerForLogLine(
  lines: readonly string[],
  lineIndex: number,
  customizers: ReadonlyArray<{ name?: unknown }>,
): CustomizerRef | undefined {
  for (let i = Math.min(lineIndex, lines.length - 1); i >= 0; i--) {
    const line = lines[i];
    const named = NAMED.exec(line);
    if (named) {
      const index = indexOfName(customizers, named[1]);
      if (index >= 0) return { index, name: named[1] };
    }
    const indexed = INDEXED.exec(line);
    if (indexed && Number(indexed[1]) < customizers.length) return ref(customizers, Number(indexed[1]));
    if (STARTED.test(line)) {
      // Unnamed announcement: the n-th "Starting provisioner" is customize[n-1].
      const ordinal = lines.slice(0, i + 1).filter((l) => STARTED.test(l)).length - 1;
      return ordinal < customizers.length ? ref(customizers, ordinal) : undefined;
    }
  }
  return undefined;
}

/** Every error line with the customizer it belongs to (lines before any customizer are left out). */
export function findCustomizerErrors(lines: readonly string[], customizers: ReadonlyArray<{ name?: unknown }>): Array<{ line: number; customizer: CustomizerRef }> {
  const found: Array<{ line: number; customizer: CustomizerRef }> = [];
  lines.forEach((line, i) => {
    if (!isBuildLogErrorLine(line)) return;
    const customizer = findCustomizerForLogLine(lines, i, customizers);
    if (customizer) found.push({ line: i, customizer });
  });
  return found;
}

function indexOfName(customizers: ReadonlyArray<{ name?: unknown }>, name: string): number {
  const exact = customizers.findIndex((c) => c.name === name);
  return exact >= 0 ? exact : customizers.findIndex((c) => typeof c.name === 'string' && c.name.toLowerCase() === name.toLowerCase());
}

function ref(customizers: ReadonlyArray<{ name?: unknown }>, index: number): CustomizerRef {
  const name = customizers[index]?.name;
  return { index, name: typeof name === 'string' && name ? name : `customize[${index}]` };
}
