#!/usr/bin/env bash
# Makes this machine ready to build, test and demo the extension. Idempotent: a second run skips what is done.
# Works as root on a fresh Debian 12, with or without Node + npm (Debian's are installed when npm is missing):
# Debian packages, `npm ci` (brings Node 22),
# code-server into .cache/, the extension's build and its .vsix.
# usage: bash scripts/setup.sh
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
cd "$ROOT"
T0=$(now)

# 1. Debian packages (only the missing ones)
ensure_apt "${APT_PACKAGES[@]}"
T_APT=$(( $(now) - T0 ))

# 2. npm dependencies, unless node_modules already matches package-lock.json
T1=$(now)
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.setup-lock-hash
if [ -x "$NODE22" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  log "node_modules matches package-lock.json"
else
  ensure_npm
  log "npm ci"
  # ~/.npmrc may say yes=false / nodedir=/usr (the system Node's headers); Node 22 comes from the `node` package
  npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi
T_NPM=$(( $(now) - T1 ))

# 3. code-server (VS Code 1.105.1) for the E2E tests and the demo
T2=$(now)
bash scripts/install-code-server.sh
T_CS=$(( $(now) - T2 ))

# 4. the extension: bundle + .vsix (the extension's sources may not exist yet on an early checkout)
T3=$(now)
if [ -f esbuild.mjs ] && [ -f src/extension.ts ]; then
  bash scripts/package-vsix.sh
else
  log "no extension sources yet: skipping build and .vsix"
fi
T_BUILD=$(( $(now) - T3 ))

log "setup done in $(( $(now) - T0 )) s (apt ${T_APT} s, npm ${T_NPM} s, code-server ${T_CS} s, build+vsix ${T_BUILD} s)"
