// Runs the end-to-end tests (test/e2e/**/*.e2e.ts) with node:test, one file at a time (each starts its own
// code-server, Chromium and, where needed, local Azure; two cores cannot run two of those well).
// usage: npm run test:e2e [-- NAME-FILTER...]     screenshots: test-results/e2e/, logs: .e2e/<session>/
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codeServerInstalled } from './harness/codeServer.ts';
import { e2ePrerequisiteProblems } from './harness/prerequisites.ts';
import { childEnv, node22, repoRoot } from './harness/processes.ts';
import { extensionVsix } from './harness/session.ts';
import { chromiumPath, screenshotDir } from './harness/workbench.ts';

const e2eDir = join(repoRoot, 'test/e2e');
const filters = process.argv.slice(2);

function findTests(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && e.name.endsWith('.e2e.ts'))
    .map(e => join(e.parentPath, e.name))
    .filter(f => filters.length === 0 || filters.some(x => relative(e2eDir, f).includes(x)))
    .sort();
}

const problems = e2ePrerequisiteProblems({
  codeServerInstalled: codeServerInstalled(),
  chromiumPath,
  chromiumExists: existsSync(chromiumPath),
  extensionWritten: existsSync(join(repoRoot, 'src/extension.ts')),
  vsixPath: extensionVsix,
  vsixExists: existsSync(extensionVsix),
});
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const files = findTests(e2eDir);
if (files.length === 0) {
  console.error(`no E2E test matches ${filters.join(' ')}`);
  process.exit(1);
}
rmSync(screenshotDir, { recursive: true, force: true });
console.log(`E2E: ${files.map(f => relative(repoRoot, f)).join(', ')}`);
const result = spawnSync(node22(), ['--test', '--test-concurrency=1', '--test-reporter=spec',
  `--test-timeout=${process.env.E2E_TEST_TIMEOUT_MS ?? 300_000}`, ...files], {
  cwd: repoRoot, stdio: 'inherit', env: childEnv(),
});
process.exit(result.status ?? 1);
