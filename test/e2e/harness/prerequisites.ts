// What must be in place before an E2E run, as sentences saying how to fix each. A missing prerequisite fails the
// run: a suite that skipped itself for want of the packaged extension would let a run pass with nothing tested.

export interface E2EEnvironment {
  readonly codeServerInstalled: boolean;
  readonly chromiumPath: string;
  readonly chromiumExists: boolean;
  /** src/extension.ts exists: the extension is written, so its tests must run. */
  readonly extensionWritten: boolean;
  readonly vsixPath: string;
  readonly vsixExists: boolean;
}

export function e2ePrerequisiteProblems(env: E2EEnvironment): string[] {
  const problems: string[] = [];
  if (!env.codeServerInstalled) problems.push('code-server is not installed: run bash scripts/setup.sh');
  if (!env.chromiumExists) problems.push(`${env.chromiumPath} is missing: run bash scripts/setup.sh (apt chromium)`);
  if (env.extensionWritten && !env.vsixExists) {
    problems.push(`${env.vsixPath} is missing: run npm run package (bash scripts/setup.sh builds it too) before the E2E tests`);
  }
  return problems;
}
