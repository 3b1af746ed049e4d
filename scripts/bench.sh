#!/usr/bin/env bash
# Measures request-to-push latency: the Host's own build in a process of its own on a loopback port, throwaway
# PostgreSQL and Redis, N users each with a live SignalR connection, deposits at fixed rates, each measured after an
# unmeasured warm-up at that rate.
# Prints one row per rate (achieved rate, pushes, lost, duplicated, p50/p95/p99 from when each deposit was due by the
# schedule to its push) and the highest rate whose p99 stayed under 50 ms with at least 99% of its deposits answered
# 201 and nothing lost or duplicated. Asserts nothing.
# The first rate also warms the runtime up until its JIT is quiet (tens of seconds), and each rate ends with where
# the time went (due -> sent, request -> 201, -> the relay's claim, -> the consumer's start, -> its commit, -> the
# push received).
#   scripts/bench.sh [--rates 200] [--seconds 15] [--users 50] [--warmup 5] [--idle-connections 0]
#                    [--pool 16]   # the Host's PostgreSQL connection pool (Maximum Pool Size; the Host's default 16)
#                    [--npgsql "Multiplexing=true"]   # more Npgsql connection string settings
#                    [--statements]   # what PostgreSQL ran per deposit at each rate (pg_stat_statements)
#                    [--latencies FILE]   # appends "rate,ms into the run,due -> push ms" for each deposit pushed
#                    [--idempotency-keys]   # every deposit carries a fresh Idempotency-Key, as the web client's do
#                    [--unsafe-postgres]   # PostgreSQL without durability (fsync, synchronous_commit and
#                                          # full_page_writes off, as the tests run it; the benchmark before 2026-12-04)
#   HOST_DOTNET_X=1 scripts/bench.sh ...   # DOTNET_X=1 for the Host alone (any other variable reaches the client too)
#   scripts/bench.sh --rate 100 --outage 30     # Redis stopped for 30 s mid-run: REST visibility, mark-all-read, pushes
#   scripts/bench.sh --users 1 --mark-all-read 10000 [--big-table 1000000]   # mark-all-read of 10,000 unread, a deposit meanwhile
#   scripts/bench.sh rest --users 100 --seconds 10 [--big-table 1000000]   # the notification read routes under wrk
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

# Commit timestamps date each consumer's commit for "where the time went".
settings="track_commit_timestamp=on"
[[ " $* " == *" --statements "* ]] && settings+=" shared_preload_libraries=pg_stat_statements"
export THROWAWAY_POSTGRES_SETTINGS="$settings"
# PostgreSQL as deployed: every commit flushed to disk before it is acknowledged.
[[ " $* " == *" --unsafe-postgres "* ]] || export THROWAWAY_POSTGRES_DURABLE=1
start_throwaway_servers wrk
# 10,000 idle connections need more open files than the usual 1,024.
ulimit -n 65536 2>/dev/null || true
# Built, then run as its own program: `dotnet run` would stay resident beside it (some 230 MB the whole run, memory
# that the kernel's memory monitor walks while the Host serves, docs/BENCHMARKS.md).
build_log=$(dotnet build -c Release tests/EnhanceFund.Benchmarks -nologo 2>&1) || { echo "$build_log" >&2; exit 1; }
dotnet tests/EnhanceFund.Benchmarks/bin/Release/net10.0/EnhanceFund.Benchmarks.dll \
  --postgres "$THROWAWAY_POSTGRES" --redis "$THROWAWAY_REDIS" --redis-dir "$THROWAWAY_DIR/redis" "$@"
