#!/usr/bin/env bash
# Runs EnhanceFund on this machine: PostgreSQL and Redis on loopback (installed and started if needed),
# the browser client built, then the Host, which applies migrations and creates the admin before it listens.
# The two servers stay up for the next run; `scripts/run.sh stop` stops them (their data stays).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

data=${ENHANCEFUND_DATA_DIR:-/var/tmp/enhancefund}
if [ "${1:-}" = stop ]; then
  stop_redis 63790
  stop_postgres "$data/postgres"
  echo "PostgreSQL and Redis of run.sh stopped (data kept in $data)."
  exit 0
fi
ensure_packages
build_web_client
mkdir -p "$data" && chmod 755 "$data"
start_postgres "$data/postgres" 54320
create_database 54320 enhancefund
start_redis "$data/redis" 63790

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
echo "PostgreSQL on 127.0.0.1:54320 and Redis on 127.0.0.1:63790 (data in $data)."
echo "EnhanceFund will listen on $ASPNETCORE_URLS  (API docs: $ASPNETCORE_URLS/swagger, health: $ASPNETCORE_URLS/health/ready)"
exec dotnet run --project src/Host/EnhanceFund.Host -c Release --no-launch-profile
