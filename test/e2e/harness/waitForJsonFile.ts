// Reading a file that VS Code is saving: its disk provider truncates the file and then writes it, so a read in
// between sees an empty or half-written file (under load that window is wide enough to hit). A person would look
// at the file once the save is done, so the tests wait for a complete document that holds what they expect.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `file` until it parses as JSON and `holds(value)` is true, then returns the value. On timeout, fails with
 * `what` and what the file held last (missing, unparsable, or the parsed value that did not satisfy `holds`).
 */
export async function waitForJsonFile<T = unknown>(file: string, holds: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing read yet';
  for (;;) {
    const read = readJson(file);
    if ('value' in read) {
      if (holds(read.value as T)) return read.value as T;
      last = `it holds ${JSON.stringify(read.value).slice(0, 2_000)}`;
    } else {
      last = read.problem;
    }
    if (Date.now() > deadline) throw new Error(`${what}: after ${timeoutMs / 1000} s ${file} still does not show it; ${last}`);
    await sleep(200);
  }
}

function readJson(file: string): { value: unknown } | { problem: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : String(error) };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `it is not complete JSON yet (${(error as Error).message}; ${text.length} characters)` };
  }
}
