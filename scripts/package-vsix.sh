#!/usr/bin/env bash
# Builds the extension (npm run build) and packages it as dist/azure-linux-vm-tools.vsix for code-server.
# usage: bash scripts/package-vsix.sh
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
use_node22
cd "$ROOT"
[ -f esbuild.mjs ] && [ -f src/extension.ts ] || die "no extension to build yet (esbuild.mjs / src/extension.ts missing)"
START=$(now)
# The package ships minified bundles, whatever the environment.
node esbuild.mjs --production
ignore=()
# The repository's own .vscodeignore wins; without one, ship only run-time files (scripts/lib/vscodeignore).
[ -f .vscodeignore ] || ignore=(--ignoreFile scripts/lib/vscodeignore)
rm -f "$VSIX"
# No stdin in CI: vsce would stop at a yes/no prompt over a missing LICENSE or repository URL, so allow those;
# README images stay relative (no repository URL to rewrite them against).
npx --no-install vsce package --no-dependencies --skip-license --allow-missing-repository \
  --no-rewrite-relative-links "${ignore[@]}" -o "$VSIX" </dev/null
size=$(stat -c %s "$VSIX")
[ "$size" -lt $((60 * 1024 * 1024)) ] || die "$VSIX is $((size / 1024 / 1024)) MiB: something that is not run-time code got packaged"
log "packaged $VSIX ($((size / 1024)) KiB) in $(( $(now) - START )) s"
