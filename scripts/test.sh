#!/usr/bin/env bash
# The project's test command (npm test, and CI through .ci/run): setup, then typecheck, unit, integration and
# end-to-end tests. Every suite runs even when an earlier one fails; the exit code is non-zero if any failed.
# usage: bash scripts/test.sh [--skip-setup]
set -uo pipefail
. "$(dirname "$0")/lib/common.sh"
cd "$ROOT"
T0=$(now)
LOGS="$ROOT/test-results/logs"
mkdir -p "$LOGS"

if [ "${1:-}" != "--skip-setup" ]; then
  bash scripts/setup.sh || die "setup failed"
fi
use_node22

names=() results=() secs=() counts=()
total_pass=0 total_fail=0 total_skip=0

# run_suite NAME DIR LIMIT-MINUTES CMD... : runs CMD (output also in test-results/logs/NAME.log) under a time
# limit (a hung suite must not eat CI's 90 minutes; `timeout` signals the whole group), records result and time
run_suite() {
  local name=$1 dir=$2 limit=$3; shift 3
  if [ -n "$dir" ] && [ -z "$(find "$dir" -name "*.test.ts" -o -name "*.e2e.ts" 2>/dev/null | head -1)" ]; then
    names+=("$name") results+=("none") secs+=(0) counts+=("no test files in $dir")
    return
  fi
  log "── $name ──"
  local t=$(now) status
  timeout --kill-after=30 "${limit}m" "$@" 2>&1 | tee "$LOGS/$name.log"
  status=${PIPESTATUS[0]}
  [ "$status" -ne 124 ] && [ "$status" -ne 137 ] || echo "✖ $name: stopped after its ${limit}-minute limit" | tee -a "$LOGS/$name.log"
  local pass fail skip
  # node:test's closing lines: "ℹ pass N", "ℹ fail N", "ℹ skipped N"
  pass=$(grep -aoE '^ℹ pass [0-9]+' "$LOGS/$name.log" | tail -1 | grep -oE '[0-9]+' || true)
  fail=$(grep -aoE '^ℹ fail [0-9]+' "$LOGS/$name.log" | tail -1 | grep -oE '[0-9]+' || true)
  skip=$(grep -aoE '^ℹ skipped [0-9]+' "$LOGS/$name.log" | tail -1 | grep -oE '[0-9]+' || true)
  names+=("$name") secs+=($(( $(now) - t )))
  if [ "$status" -eq 0 ]; then results+=("ok"); else results+=("FAILED"); fi
  if [ -n "$pass" ]; then
    counts+=("${pass} passed, ${fail:-0} failed, ${skip:-0} skipped")
    total_pass=$((total_pass + pass)) total_fail=$((total_fail + ${fail:-0})) total_skip=$((total_skip + ${skip:-0}))
  else
    counts+=("")
    [ "$status" -eq 0 ] || total_fail=$((total_fail + 1))
  fi
}

run_suite typecheck "" 10 npm run --silent typecheck
run_suite unit test/unit 10 npm run --silent test:unit
run_suite integration test/integration 20 npm run --silent test:integration
run_suite e2e test/e2e 45 npm run --silent test:e2e

echo
echo "──────────── summary ────────────"
failed=0
for i in "${!names[@]}"; do
  printf '%-12s %-7s %5ss  %s\n' "${names[$i]}" "${results[$i]}" "${secs[$i]}" "${counts[$i]}"
  [ "${results[$i]}" = "FAILED" ] && failed=1
done
echo "total time: $(( $(now) - T0 )) s; logs in test-results/logs/, screenshots in test-results/e2e/"
echo "${total_pass} passed, ${total_fail} failed, ${total_skip} skipped"
exit $failed
