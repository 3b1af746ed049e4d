#!/usr/bin/env bash
# Runs the whole test suite: starts a throwaway PostgreSQL and Redis on free loopback ports (installing them,
# Node.js, Chromium, nginx and curl from Debian packages if needed), builds the browser client, points the integration and
# browser tests at them, and cleans up afterwards.
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Notifications).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

start_throwaway_servers chromium nginx curl
# The browser client (for the browser tests) and, for the cluster tests, the Host as a deployment runs it: published,
# compiled ahead of time.
# Assigned first and exported after: `export X=$(...)` answers with export's status and would hide a failed publish.
host_dll=$(publish_host "$THROWAWAY_DIR/host")
export ENHANCEFUND_HOST_DLL=$host_dll
export ENHANCEFUND_TEST_POSTGRES=$THROWAWAY_POSTGRES
export ENHANCEFUND_TEST_REDIS=$THROWAWAY_REDIS
# The browser tests' screenshots (open notification center, toast, reconnecting banner) land here.
export ENHANCEFUND_ARTIFACTS=${ENHANCEFUND_ARTIFACTS:-$PWD/artifacts/browser}

status=0
dotnet test EnhanceFund.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$THROWAWAY_DIR/test.log" || status=$?

# One plain closing line over all test projects, for people and for CI.
count() { { grep -Eo "^ +$1: +[0-9]+" "$THROWAWAY_DIR/test.log" || true; } | awk '{s += $2} END {print s + 0}'; }
# Each failed test's name, message and first stack line again at the very end, where a truncated CI log still shows
# them.
awk '/^ +Failed [A-Za-z]/ {n = 15} n > 0 {print "failed| " $0; n--; if (trace) n = 0; trace = /Stack Trace:/}' "$THROWAWAY_DIR/test.log"
echo "tests: $(count Passed) passed, $(count Failed) failed"
# A test project that did not build runs no test and counts no failure: say so, or the line above reads as green.
if [ "$status" != 0 ] && [ "$(count Failed)" = 0 ]; then
  # A crashed or aborted run may have logged no such error: that must not end the script before the line below.
  { grep -E ": error [A-Z]+[0-9]+:" "$THROWAWAY_DIR/test.log" || true; } | sort -u | sed 's/^/error| /' | head -20 || true
  echo "dotnet test failed (exit $status) with no failed test: the errors above kept tests from running"
fi
exit "$status"
