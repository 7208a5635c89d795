// Starts code-server (VS Code 1.105.1 server + web workbench) from .cache/code-server in a scratch HOME, with
// user settings, extensions installed from .vsix files, and extra folders first on its PATH.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { childEnv, freePort, node22, repoRoot, spawnGroup, waitForHttp } from './processes.ts';
import type { LocalAzureInfo } from './localAzure.ts';

export const codeServerEntry = resolve(repoRoot, '.cache/code-server/node_modules/code-server/out/node/entry.js');

export interface CodeServerOptions {
  /** Scratch folder for this run: HOME, user data, extensions, workspace and logs go under it. */
  runDir: string;
  settings: Record<string, unknown>;
  vsixFiles: string[];
  /** Folders put first on code-server's PATH (the fake `az`). */
  pathPrefix?: string[];
  /** 0 = pick a free port. */
  port?: number;
}

export interface CodeServer {
  readonly port: number;
  /** The workbench with the scratch workspace open. */
  readonly url: string;
  readonly workspace: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

/** Settings every run gets: no welcome page, no chat, no update or telemetry traffic, no trust prompt. */
export const baseSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
};

/** The extension's settings pointing at the local Azure (see AGENTS.md "Identifiers"). */
export function localAzureSettings(info: LocalAzureInfo): Record<string, unknown> {
  return {
    'azureLinuxVm.auth.method': 'azureCli',
    'azureLinuxVm.cloud': 'Custom',
    'azureLinuxVm.customCloud.resourceManagerEndpoint': info.armEndpoint,
    'azureLinuxVm.customCloud.tokenAudience': info.tokenAudience,
    'azureLinuxVm.customCloud.caCertificateFile': info.caCertFile,
    'azureLinuxVm.customCloud.portalUrl': new URL('/portal', info.armEndpoint).toString(),
    // The local Azure's other audiences and endpoints, as a private cloud would configure them.
    ...(typeof info.graphEndpoint === 'string' ? { 'azureLinuxVm.customCloud.microsoftGraphEndpoint': info.graphEndpoint } : {}),
    ...(typeof info.graphTokenAudience === 'string' ? { 'azureLinuxVm.customCloud.microsoftGraphTokenAudience': info.graphTokenAudience } : {}),
    ...(typeof info.diskTokenAudience === 'string' ? { 'azureLinuxVm.customCloud.diskTokenAudience': info.diskTokenAudience } : {}),
  };
}

export function codeServerInstalled(): boolean {
  return existsSync(codeServerEntry);
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!codeServerInstalled()) throw new Error(`code-server is not installed: run bash scripts/install-code-server.sh`);
  const runDir = resolve(options.runDir);
  const home = join(runDir, 'home');
  const userData = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  const workspace = join(runDir, 'workspace');
  const logFile = join(runDir, 'code-server.log');
  for (const dir of [home, join(userData, 'User'), extensionsDir, workspace]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({ ...baseSettings, ...options.settings }, null, 2));
  const config = join(runDir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');

  const env = childEnv({
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    PATH: [...(options.pathPrefix ?? []), dirname(node22()), process.env.PATH ?? ''].join(delimiter),
    // VS Code's server otherwise replaces the extension host's environment with a login shell's (/etc/profile
    // resets PATH, and the fake `az` is gone); VSCODE_CLI=1 is its documented reason to skip that resolution.
    VSCODE_CLI: '1',
  });
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensionsDir];
  for (const vsix of options.vsixFiles) {
    execFileSync(node22(), [codeServerEntry, ...common, '--install-extension', resolve(vsix), '--force'], {
      env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000,
    });
  }

  const port = options.port || (await freePort());
  const proc = spawnGroup(node22(), [codeServerEntry, ...common,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    workspace,
  ], { cwd: runDir, env, stdio: ['ignore', 'pipe', 'pipe'], logFile });
  let dead = false;
  proc.exited.then(() => (dead = true));
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => dead);
  } catch (err) {
    await proc.stop();
    throw new Error(`code-server did not start: ${(err as Error).message} (log: ${logFile})`);
  }
  return {
    port,
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`,
    workspace,
    logFile,
    stop: () => proc.stop(),
  };
}
