#!/usr/bin/env bash
# A local cluster: PostgreSQL and Redis (as run.sh starts them), N Host instances on their own loopback ports and
# nginx in front, configured by the committed deploy/nginx.conf (rendered for N by deploy/nginx-render.sh).
#
#   scripts/cluster.sh up [N]        starts it all (N instances, default 3); the last line printed is nginx's base URL
#   scripts/cluster.sh down          stops it all (the data stays for the next up)
#   scripts/cluster.sh kill I        SIGKILLs instance I, as a crash would
#   scripts/cluster.sh stop I        stops instance I gracefully (SIGTERM: it finishes what it holds), as a deployment does
#   scripts/cluster.sh start I       starts instance I again on its port and waits until it is ready
#   scripts/cluster.sh stop|start postgres|redis    takes a server away (PostgreSQL: fast shutdown) and brings it back
#   scripts/cluster.sh status        what runs, and where
#
# Everything lives in ENHANCEFUND_CLUSTER_DIR (default /var/tmp/enhancefund-cluster). Ports: nginx 8080, instances
# from 5081, PostgreSQL 54340, Redis 63840, each the next free one if taken (ENHANCEFUND_CLUSTER_LB_PORT,
# _HOST_PORT, _PG_PORT, _REDIS_PORT change where the search starts). ENHANCEFUND_HOST_DLL runs an already built
# EnhanceFund.Host.dll instead of publishing one (the tests do). The instances inherit this script's environment, so
# any other setting can be given the usual way (e.g. RateLimits__AuthRequestsPerMinute=5 scripts/cluster.sh up).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh

dir=${ENHANCEFUND_CLUSTER_DIR:-/var/tmp/enhancefund-cluster}
state=$dir/cluster.env

fail() { echo "$*" >&2; exit 1; }
load_state() { [ -f "$state" ] || fail "No cluster in $dir: run scripts/cluster.sh up first."; source "$state"; }
host_port() { local name="HOST_PORT_$1"; [ -n "${!name:-}" ] || fail "No instance $1 (the cluster has $COUNT)."; echo "${!name}"; }
pid_of() { [ -f "$1" ] && head -n 1 "$1" || true; }
running() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# The configuration every instance gets; deploy/compose.yaml sets the same keys (a test compares them).
instance_environment() {
  local i=$1
  echo "ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}"
  echo "ASPNETCORE_URLS=http://127.0.0.1:$(host_port "$i")"
  # Application Name tells the instances' sessions apart in pg_stat_activity.
  echo "ConnectionStrings__Postgres=Host=127.0.0.1;Port=$PG_PORT;Database=enhancefund;Username=enhancefund;Password=enhancefund;Application Name=enhancefund-host-$i"
  echo "ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT"
  echo "Jwt__SigningKey=$(cat "$dir/signing-key")"
  echo "Admin__Email=${Admin__Email:-admin@enhancefund.local}"
  echo "Admin__Password=${Admin__Password:-admin-change-me}"
  echo "Proxy__KnownProxies=127.0.0.1"
  # Production serves no /metrics unless asked; the instances' own ports are for Prometheus (nginx hides the path).
  echo "Telemetry__MetricsEnabled=true"
}

# wait_ready URL WHAT [PID]: until URL/health/ready answers 200; gives up at once if PID (the server's) has exited.
wait_ready() {
  local url=$1 what=$2 pid=${3:-} deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ]; do
    curl -fsS -o /dev/null --max-time 2 "$url/health/ready" 2>/dev/null && return 0
    [ -z "$pid" ] || running "$pid" || fail "$what exited before it was ready."
    sleep 0.1
  done
  fail "$what did not become ready at $url within 60 s."
}

# wait_instance I: until instance I is ready; on failure the end of its log says why.
wait_instance() {
  local i=$1
  ( wait_ready "http://127.0.0.1:$(host_port "$i")" "Instance $i" "$(pid_of "$dir/host-$i.pid")" ) || {
    tail -n 20 "$dir/host-$i.log" >&2
    exit 1
  }
}

launch_instance() {
  local i=$1 pid
  pid=$(pid_of "$dir/host-$i.pid")
  running "$pid" && fail "Instance $i is already running (pid $pid)."
  # setsid: its own session, so nothing sent to the caller's process group (Ctrl-C, a test runner) reaches it.
  (
    while IFS= read -r line; do export "${line?}"; done < <(instance_environment "$i")
    exec setsid dotnet "$HOST_DLL" >> "$dir/host-$i.log" 2>&1 < /dev/null
  ) &
  echo $! > "$dir/host-$i.pid"
}

start_instance() {
  launch_instance "$1"
  wait_instance "$1"
  echo "Instance $1 ready on http://127.0.0.1:$(host_port "$1") (log: $dir/host-$1.log)"
}

# signal_instance I SIGNAL: sends it, then waits until the process is gone (a graceful stop may take seconds).
signal_instance() {
  local pid; pid=$(pid_of "$dir/host-$1.pid")
  running "$pid" || { echo "Instance $1 is not running."; return 0; }
  kill "-$2" "$pid"
  for _ in $(seq 600); do running "$pid" || break; sleep 0.1; done
  if running "$pid"; then kill -KILL "$pid"; echo "Instance $1 did not stop within 60 s: killed." >&2; fi
  rm -f "$dir/host-$1.pid"
}

run_nginx() { nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log" "$@"; }

build_host() {
  if [ -n "${ENHANCEFUND_HOST_DLL:-}" ]; then echo "$ENHANCEFUND_HOST_DLL"; return; fi
  publish_host "$dir/host"
}

# Whether anything the recorded state names still runs: nginx, an instance, PostgreSQL or Redis.
anything_running() {
  source "$state"
  local i
  running "$(pid_of "$dir/nginx/nginx.pid")" && return 0
  for i in $(seq "$COUNT"); do running "$(pid_of "$dir/host-$i.pid")" && return 0; done
  running "$(pid_of "$dir/postgres/postmaster.pid")" || running "$(pid_of "$dir/redis/redis.pid")"
}

up() {
  local count=${1:-3}
  [[ $count =~ ^[1-9][0-9]?$ ]] || fail "N must be a number of instances from 1 to 99."
  # Anything a former `up` started, though it failed half-way, is stopped first: started again on new ports, it
  # would be left out of the state that `down` reads.
  if [ -f "$state" ] && anything_running; then fail "A cluster is (partly) up in $dir: scripts/cluster.sh down first."; fi
  ensure_packages nginx curl
  local dll; dll=$(build_host)
  [ -f "$dll" ] || fail "No Host binary at $dll."
  mkdir -p "$dir/nginx" && chmod 755 "$dir"
  # Debian's nginx runs its workers as nobody when started as root: they must be able to write their folder.
  chmod 777 "$dir/nginx"
  [ -s "$dir/signing-key" ] || { head -c 48 /dev/urandom | base64 -w0 > "$dir/signing-key"; chmod 600 "$dir/signing-key"; }

  # Every port is chosen and written down before anything starts, so that `down` stops whatever did start, even when
  # `up` fails half-way. Values are shell-quoted: the state is sourced, and paths may hold spaces.
  local pg_port redis_port lb_port next_port i taken
  pg_port=$(free_port "${ENHANCEFUND_CLUSTER_PG_PORT:-54340}")
  redis_port=$(free_port "${ENHANCEFUND_CLUSTER_REDIS_PORT:-63840}")
  [ "$redis_port" = "$pg_port" ] && redis_port=$(free_port $((redis_port + 1)))
  lb_port=$(free_port "${ENHANCEFUND_CLUSTER_LB_PORT:-8080}")
  while [ "$lb_port" = "$pg_port" ] || [ "$lb_port" = "$redis_port" ]; do lb_port=$(free_port $((lb_port + 1))); done
  taken=" $pg_port $redis_port $lb_port "
  {
    printf 'COUNT=%q\nHOST_DLL=%q\nPG_PORT=%q\nREDIS_PORT=%q\nLB_PORT=%q\n' "$count" "$dll" "$pg_port" "$redis_port" "$lb_port"
    next_port=${ENHANCEFUND_CLUSTER_HOST_PORT:-5081}
    for i in $(seq "$count"); do
      next_port=$(free_port "$next_port")
      while [[ "$taken" == *" $next_port "* ]]; do next_port=$(free_port $((next_port + 1))); done
      echo "HOST_PORT_$i=$next_port"
      taken+="$next_port "
      next_port=$((next_port + 1))
    done
  } > "$state"
  source "$state"
  start_postgres "$dir/postgres" "$pg_port"
  create_database "$pg_port" enhancefund
  start_redis "$dir/redis" "$redis_port"

  # All at once: the Host's advisory lock (Composition/Migrations.cs) lets one instance migrate while the others wait.
  for i in $(seq "$count"); do launch_instance "$i"; done
  local instances=()
  for i in $(seq "$count"); do
    wait_instance "$i"
    instances+=("127.0.0.1:$(host_port "$i")")
  done

  sh deploy/nginx-render.sh deploy/nginx.conf --listen "127.0.0.1:$lb_port" --temp "$dir/nginx" "${instances[@]}" > "$dir/nginx/nginx.conf"
  run_nginx < /dev/null > "$dir/nginx/error.log" 2>&1 || { cat "$dir/nginx/error.log" >&2; fail "nginx did not start."; }
  wait_ready "http://127.0.0.1:$lb_port" "nginx"
  echo "PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port, $count instances: ${instances[*]} (logs in $dir)"
  echo "http://127.0.0.1:$lb_port"
}

down() {
  [ -f "$state" ] || { echo "No cluster in $dir."; return 0; }
  source "$state"
  local pid; pid=$(pid_of "$dir/nginx/nginx.pid")
  if running "$pid"; then run_nginx -s quit 2>/dev/null || kill "$pid"; fi
  for _ in $(seq 100); do running "$pid" || break; sleep 0.1; done
  for i in $(seq "$COUNT"); do signal_instance "$i" TERM & done
  wait
  stop_redis "$REDIS_PORT"
  stop_postgres "$dir/postgres"
  echo "Cluster in $dir stopped."
}

status() {
  load_state
  local i pid
  echo "nginx: http://127.0.0.1:$LB_PORT ($(running "$(pid_of "$dir/nginx/nginx.pid")" && echo running || echo stopped))"
  for i in $(seq "$COUNT"); do
    pid=$(pid_of "$dir/host-$i.pid")
    echo "instance $i: http://127.0.0.1:$(host_port "$i") ($(running "$pid" && echo "running, pid $pid" || echo stopped))"
  done
  echo "PostgreSQL: 127.0.0.1:$PG_PORT, Redis: 127.0.0.1:$REDIS_PORT"
}

command=${1:-}
case "$command" in
  up) up "${2:-3}" ;;
  down) down ;;
  status) status ;;
  kill) load_state; host_port "${2:?instance number}" >/dev/null; signal_instance "$2" KILL; echo "Instance $2 killed." ;;
  stop|start)
    load_state
    case "${2:?instance number, postgres or redis}" in
      postgres) if [ "$command" = stop ]; then stop_postgres "$dir/postgres"; else start_postgres "$dir/postgres" "$PG_PORT"; fi ;;
      redis) if [ "$command" = stop ]; then stop_redis "$REDIS_PORT"; else start_redis "$dir/redis" "$REDIS_PORT"; fi ;;
      *) host_port "$2" >/dev/null
         if [ "$command" = stop ]; then signal_instance "$2" TERM; echo "Instance $2 stopped."; else start_instance "$2"; fi ;;
    esac ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; [ -z "$command" ] || exit 2 ;;
esac
