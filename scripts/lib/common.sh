# Shared helpers for the scripts in scripts/. Source it: `. "$(dirname "$0")/lib/common.sh"`.
# Plain bash, no Node needed: the scripts must run on a fresh machine before `npm ci`.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ROOT
CODE_SERVER_VERSION=4.105.1
CODE_SERVER_DIR="$ROOT/.cache/code-server"
CODE_SERVER_ENTRY="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
# Node 22 from the npm package `node` (devDependency); exists once `npm ci` has run.
NODE22="$ROOT/node_modules/.bin/node"
VSIX="$ROOT/dist/azure-linux-vm-tools.vsix"
export CODE_SERVER_VERSION CODE_SERVER_DIR CODE_SERVER_ENTRY NODE22 VSIX

log() { printf '\033[1;34m[%s]\033[0m %s\n' "$(basename "$0" .sh)" "$*" >&2; }
die() { printf '\033[1;31m[%s] error:\033[0m %s\n' "$(basename "$0" .sh)" "$*" >&2; exit 1; }

# seconds since the epoch, for timings
now() { date +%s; }

# Put Node 22 first on PATH (the system Node may be 20) so npm, npx and node-gyp run on it.
use_node22() {
  [ -x "$NODE22" ] || die "Node 22 is missing ($NODE22): run 'npm ci' first (bash scripts/setup.sh does)"
  export PATH="$ROOT/node_modules/.bin:$PATH"
}

# apt-get install only the packages that are not installed yet (apt-get update once, first).
ensure_apt() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found; install these by hand: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# An npm that can run `npm ci` on this project: npm 7 or later (package-lock.json is lockfileVersion 3) on Node 18
# or later. Only `npm ci` runs on it; Node 22 then comes from the `node` npm package. A machine without npm gets
# Debian's `nodejs` and `npm` (Debian 12: Node 18, npm 9).
MIN_NODE_FOR_NPM_CI=18
MIN_NPM_FOR_NPM_CI=7
ensure_npm() {
  if ! command -v npm >/dev/null 2>&1; then
    log "npm not found: installing Debian's nodejs and npm (only to run npm ci; Node 22 comes from npm)"
    ensure_apt nodejs npm
    hash -r
  fi
  command -v npm >/dev/null 2>&1 || die "npm is still missing after installing Debian's npm package"
  command -v node >/dev/null 2>&1 || die "node is missing (npm needs it): install Debian's nodejs package"
  local node_version npm_version
  node_version=$(node --version 2>/dev/null | sed 's/^v//')
  npm_version=$(npm --version 2>/dev/null)
  [ "${node_version%%.*}" -ge "$MIN_NODE_FOR_NPM_CI" ] 2>/dev/null \
    || die "Node ${node_version:-?} is too old to run npm ci here (Node $MIN_NODE_FOR_NPM_CI or later needed)"
  [ "${npm_version%%.*}" -ge "$MIN_NPM_FOR_NPM_CI" ] 2>/dev/null \
    || die "npm ${npm_version:-?} is too old for package-lock.json (lockfileVersion 3 needs npm $MIN_NPM_FOR_NPM_CI or later)"
  log "npm $npm_version on Node $node_version runs npm ci"
}

# The Debian packages the project needs on a machine: chromium (E2E browser), ripgrep (code-server's search),
# libkrb5-dev + build tools (code-server's native modules), libsecret-1-0 (AzCopy), fonts (Latin + Japanese UI text).
APT_PACKAGES=(chromium fonts-liberation fonts-dejavu-core fonts-noto-cjk ripgrep libkrb5-dev libsecret-1-0
  python3 make g++ git ca-certificates)
