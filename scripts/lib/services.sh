# Sourced by scripts/run.sh and scripts/test.sh: installs PostgreSQL, Redis and Node.js (and Chromium and nginx
# for the browser tests) from Debian packages when they are missing, builds the browser client, and starts private
# servers on loopback, so a fresh machine needs nothing done by hand.

# A failure inside a command substitution (`dll=$(publish_host ...)`) stops it too, as it would outside one.
shopt -s inherit_errexit

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL refuses to run as root; as root we run it as the postgres user that Debian's package creates.
as_db_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# ensure_packages [EXTRA...]: the servers, Node.js for the web client, and any extra package whose command
# has the package's name (chromium, nginx).
ensure_packages() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  for extra in "$@"; do command -v "$extra" >/dev/null 2>&1 || missing+=("$extra"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian packages..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# build_web_client: web/dist from web/src with the locked @microsoft/signalr and esbuild (npm ci only when the
# lock file changed). The Host's build copies web/dist into webclient/ beside its binary, so this runs before
# `dotnet build`.
build_web_client() {
  (
    cd web
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error
    fi
    npm run --silent build >/dev/null
  )
}

# Publishes the Host (with the browser client) into $1, compiled ahead of time (ReadyToRun): an instance that starts
# compiles far less before it serves, so a restarted one is back in about half the time. Prints the Host's dll.
publish_host() {
  # Only the dll's path goes to stdout (callers capture it); npm's and dotnet's chatter goes to stderr.
  build_web_client >&2
  dotnet publish src/Host/EnhanceFund.Host -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -v quiet -nologo -o "$1" >&2
  echo "$1/EnhanceFund.Host.dll"
}

# The first port at or above $1 that nothing listens on nor uses (a client's socket lingering in TIME-WAIT on it
# would keep a server from binding it).
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
  command -v ss >/dev/null 2>&1 && [ -n "$(ss -Htan "( sport = :$1 )" 2>/dev/null)" ]
}

free_port() {
  local port=$1
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

# start_postgres DATA_DIR PORT [extra postgres -c settings...]: user and password "enhancefund".
start_postgres() {
  local dir=$1 port=$2 bin; shift 2
  bin=$(pg_bin)
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    local pwfile; pwfile=$(mktemp); echo enhancefund > "$pwfile"; chmod 644 "$pwfile"
    as_db_owner "$bin/initdb" -D "$dir" -U enhancefund --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  # pg_ctl hands these to a shell: the folder is quoted, so a path with a space stays one argument.
  local options="-h 127.0.0.1 -p $port -k '$dir'"
  for setting in "$@"; do options+=" -c $setting"; done
  if ! as_db_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_db_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null || {
      echo "PostgreSQL did not start on 127.0.0.1:$port (is the port taken?). Its log:" >&2
      tail -n 5 "$dir/server.log" >&2
      return 1
    }
  fi
}

stop_postgres() { as_db_owner "$(pg_bin)/pg_ctl" -D "$1" -m fast stop >/dev/null 2>&1 || true; }

# create_database PORT NAME: creates it unless it exists.
create_database() {
  local exists
  exists=$(PGPASSWORD=enhancefund psql -h 127.0.0.1 -p "$1" -U enhancefund -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$2'")
  [ "$exists" = 1 ] || PGPASSWORD=enhancefund psql -h 127.0.0.1 -p "$1" -U enhancefund -d postgres -qc "CREATE DATABASE \"$2\"" >/dev/null
}

# start_redis DATA_DIR PORT: no persistence needed, it only carries SignalR's backplane traffic.
start_redis() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  if ! redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --dir "$dir" --save '' --appendonly no \
      --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
    for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
    echo "Redis did not start; see $dir/redis.log" >&2; return 1
  fi
}

stop_redis() { redis-cli -h 127.0.0.1 -p "$1" shutdown nosave >/dev/null 2>&1 || true; }

# stop_throwaway_servers DIR REDIS_PORT: any cluster a test left up in DIR (the run crashed or was killed before the
# test's own clean-up), then the throwaway servers; then DIR goes.
stop_throwaway_servers() {
  local dir=$1 redis_port=$2 cluster
  for cluster in "$dir"/clusters/*/; do
    if [ -f "$cluster/cluster.env" ]; then ENHANCEFUND_CLUSTER_DIR=$cluster scripts/cluster.sh down >/dev/null 2>&1 || true; fi
  done
  stop_postgres "$dir/postgres"
  stop_redis "$redis_port"
  rm -rf "$dir"
}

# start_throwaway_servers [EXTRA PACKAGES...]: a PostgreSQL and a Redis on free loopback ports, in a temporary
# folder that is removed (servers stopped) when the calling script exits. Exports THROWAWAY_POSTGRES (a connection
# string to the maintenance database), THROWAWAY_REDIS, THROWAWAY_DIR and ENHANCEFUND_CLUSTERS_DIR.
# THROWAWAY_POSTGRES_SETTINGS, if set, adds PostgreSQL settings (e.g. shared_preload_libraries=pg_stat_statements);
# THROWAWAY_POSTGRES_DURABLE=1 keeps PostgreSQL's durability (every commit flushed to disk, as deployed) for measuring.
start_throwaway_servers() {
  ensure_packages "$@"
  THROWAWAY_DIR=$(mktemp -d /tmp/enhancefund-throwaway.XXXXXX)
  chmod 755 "$THROWAWAY_DIR"
  local pg_port redis_port
  pg_port=$(free_port 54330)
  redis_port=$(free_port 63800)
  # shellcheck disable=SC2064 # the values are fixed now, on purpose
  trap "stop_throwaway_servers '$THROWAWAY_DIR' '$redis_port'" EXIT
  # Durability is irrelevant for tests' throwaway data, and turning it off makes them faster; a benchmark keeps it.
  local unsafe_speed="fsync=off synchronous_commit=off full_page_writes=off"
  [ "${THROWAWAY_POSTGRES_DURABLE:-0}" = 1 ] && unsafe_speed=""
  # shellcheck disable=SC2086 # settings are words on purpose
  start_postgres "$THROWAWAY_DIR/postgres" "$pg_port" $unsafe_speed max_connections=400 ${THROWAWAY_POSTGRES_SETTINGS:-}
  start_redis "$THROWAWAY_DIR/redis" "$redis_port"
  export THROWAWAY_DIR
  # The cluster tests' clusters go here, so that a run that dies before their own clean-up still stops them.
  mkdir -m 755 "$THROWAWAY_DIR/clusters"
  export ENHANCEFUND_CLUSTERS_DIR=$THROWAWAY_DIR/clusters
  export THROWAWAY_POSTGRES="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=enhancefund;Password=enhancefund"
  export THROWAWAY_REDIS="127.0.0.1:$redis_port"
}
