// One E2E session: (local Azure) + code-server with the extension installed + Chromium on the workbench.
// A test file starts one in `before` and stops it in `after`; each session lives in its own scratch folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startCodeServer, localAzureSettings, type CodeServer } from './codeServer.ts';
import { startLocalAzure, type LocalAzure } from './localAzure.ts';
import { killGroupsOnSignals, node22, repoRoot } from './processes.ts';
import { Workbench } from './workbench.ts';

/** The real extension, packaged by scripts/setup.sh (or scripts/package-vsix.sh). */
export const extensionVsix = resolve(repoRoot, 'dist/azure-linux-vm-tools.vsix');
export const probeDir = resolve(repoRoot, 'test/e2e/probe');
export const probeVsix = resolve(repoRoot, '.e2e/e2e-probe.vsix');

export interface E2ESession {
  readonly runDir: string;
  readonly azure: LocalAzure | undefined;
  readonly codeServer: CodeServer;
  readonly wb: Workbench;
  /** For `afterEach`: a screenshot named after a test that failed (test-results/e2e/FAILED-<test>.png). */
  screenshotIfFailed(t: { name: string; passed?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export interface SessionOptions {
  /** Names the scratch folder (.e2e/NAME) and the log files. */
  name: string;
  vsixFiles: string[];
  /** Start the local Azure and point the extension's settings at it. */
  localAzure?: boolean;
  fixture?: string;
  settings?: Record<string, unknown>;
}

let signalsHooked = false;

export async function startSession(options: SessionOptions): Promise<E2ESession> {
  if (!signalsHooked) {
    killGroupsOnSignals();
    signalsHooked = true;
  }
  const runDir = resolve(repoRoot, '.e2e', options.name);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  let azure: LocalAzure | undefined;
  let codeServer: CodeServer | undefined;
  try {
    if (options.localAzure) azure = await startLocalAzure(runDir, options.fixture ?? 'default');
    codeServer = await startCodeServer({
      runDir,
      vsixFiles: options.vsixFiles,
      settings: { ...(azure ? localAzureSettings(azure.info) : {}), ...options.settings },
      pathPrefix: azure ? [azure.info.azBinDir] : [],
    });
    const wb = await Workbench.open(codeServer.url);
    const cs = codeServer;
    return {
      runDir, azure, codeServer: cs, wb,
      async screenshotIfFailed(t) {
        if (t.passed !== false) return;
        const file = await wb.screenshot(`FAILED-${options.name}-${t.name.replace(/[^\w-]+/g, '_').slice(0, 60)}`).catch(() => '');
        if (file) console.log(`screenshot of the failure: ${file}`);
      },
      async stop() {
        await wb.close().catch(() => {});
        await cs.stop();
        await azure?.stop();
      },
    };
  } catch (err) {
    await codeServer?.stop();
    await azure?.stop();
    throw err;
  }
}

/**
 * Why the tests of the real extension cannot run here, or undefined when they can: only while the extension or the
 * local Azure is not written yet. A missing .vsix is not a reason to skip: runE2E.ts fails the run instead (and a
 * test run directly fails when its session cannot install it), so a run never passes with nothing tested.
 */
export function realExtensionSkipReason(): string | undefined {
  if (!existsSync(resolve(repoRoot, 'src/extension.ts'))) return 'the extension is not written yet';
  if (!existsSync(resolve(repoRoot, 'test/azure-local/cli.ts'))) return 'the local Azure (test/azure-local/cli.ts) is not written yet';
  return undefined;
}

/** Packages test/e2e/probe into .e2e/e2e-probe.vsix (once; ≈2 s). */
export function buildProbeVsix(): string {
  const newest = Math.max(...['package.json', 'extension.js'].map(f => statSync(join(probeDir, f)).mtimeMs));
  if (existsSync(probeVsix) && statSync(probeVsix).mtimeMs > newest) return probeVsix;
  mkdirSync(resolve(repoRoot, '.e2e'), { recursive: true });
  execFileSync(node22(), [resolve(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies',
    '--skip-license', '--allow-missing-repository', '-o', probeVsix], { cwd: probeDir, stdio: ['ignore', 'pipe', 'pipe'] });
  return probeVsix;
}
