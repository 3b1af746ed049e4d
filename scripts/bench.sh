#!/usr/bin/env bash
# Measures commit-to-push latency: the real Host on a loopback port, throwaway PostgreSQL and Redis, N users
# each with a live SignalR connection, deposits at a fixed rate after an unmeasured warm-up at that rate.
# Prints percentiles; asserts nothing.
#   scripts/bench.sh [--rate 200] [--seconds 15] [--users 50] [--warmup 5]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

start_throwaway_servers
dotnet run -c Release --project tests/EnhanceFund.Benchmarks -- \
  --postgres "$THROWAWAY_POSTGRES" --redis "$THROWAWAY_REDIS" "$@"
