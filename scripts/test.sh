#!/usr/bin/env bash
# Runs the whole test suite: starts a throwaway PostgreSQL and Redis on free loopback ports (installing them
# from Debian packages if needed), points the integration tests at them, and cleans up afterwards.
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Notifications).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

ensure_packages
work=$(mktemp -d /tmp/enhancefund-test.XXXXXX)
chmod 755 "$work"
pg_port=$(free_port 54330)
redis_port=$(free_port 63800)
cleanup() { stop_postgres "$work/postgres"; stop_redis "$redis_port"; rm -rf "$work"; }
trap cleanup EXIT

# Durability is irrelevant for throwaway test data; these make the suite faster.
start_postgres "$work/postgres" "$pg_port" fsync=off synchronous_commit=off full_page_writes=off max_connections=400
start_redis "$work/redis" "$redis_port"
export ENHANCEFUND_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=enhancefund;Password=enhancefund"
export ENHANCEFUND_TEST_REDIS="127.0.0.1:$redis_port"

status=0
dotnet test EnhanceFund.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$work/test.log" || status=$?

# One plain closing line over all test projects, for people and for CI.
count() { { grep -Eo "^ +$1: +[0-9]+" "$work/test.log" || true; } | awk '{s += $2} END {print s + 0}'; }
passed=$(count Passed)
failed=$(count Failed)
echo "tests: $passed passed, $failed failed"
exit "$status"
