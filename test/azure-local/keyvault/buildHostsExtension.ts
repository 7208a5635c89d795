// Packages hostsExtension/ into .e2e/local-vault-hosts.vsix (once, ≈2 s) for E2E sessions that call the local
// Key Vault data plane from the extension host.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../..');
const sourceDir = resolve(import.meta.dirname, 'hostsExtension');
export const hostsExtensionVsix = resolve(repoRoot, '.e2e/local-vault-hosts.vsix');

export function buildHostsExtension(): string {
  const newest = Math.max(...['package.json', 'extension.js', 'README.md'].map((f) => statSync(join(sourceDir, f)).mtimeMs));
  if (existsSync(hostsExtensionVsix) && statSync(hostsExtensionVsix).mtimeMs > newest) return hostsExtensionVsix;
  mkdirSync(resolve(repoRoot, '.e2e'), { recursive: true });
  execFileSync(process.execPath, [resolve(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies',
    '--skip-license', '--allow-missing-repository', '-o', hostsExtensionVsix], { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
  return hostsExtensionVsix;
}
