#!/usr/bin/env bash
# The demo a newcomer runs: set the machine up, then start the local Azure and code-server with the extension,
# and print the URL to open. Ctrl-C stops everything.   usage: bash scripts/demo.sh   (DEMO_PORT=8080)
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
cd "$ROOT"
bash scripts/setup.sh
[ -f "$VSIX" ] || die "the extension is not built ($VSIX): see the messages above"
[ -f test/azure-local/cli.ts ] || die "the local Azure (test/azure-local/cli.ts) is not there yet"
exec "$NODE22" scripts/demo.ts "$@"
