#!/bin/sh
# Prints deploy/nginx.conf for the instances given, so that one file stays the source of truth for every number of
# instances: each upstream's server lines become one line per instance (keeping the committed options), and the
# listen address and (optionally) nginx's temporary folders are replaced. POSIX sh and awk only: it also runs in
# the nginx container of deploy/compose.yaml.
#   nginx-render.sh CONF --listen ADDRESS:PORT [--temp DIR] INSTANCE...   (INSTANCE: host:port)
set -eu
usage() { echo "usage: $0 CONF --listen ADDRESS:PORT [--temp DIR] INSTANCE..." >&2; exit 2; }
[ $# -ge 1 ] || usage
conf=$1; shift
listen='' temp=''
while [ $# -gt 0 ]; do
  case $1 in
    --listen) [ $# -ge 2 ] || usage; listen=$2; shift 2 ;;
    --temp) [ $# -ge 2 ] || usage; temp=$2; shift 2 ;;
    *) break ;;
  esac
done
[ -n "$listen" ] && [ $# -ge 1 ] || usage

awk -v listen="$listen" -v temp="$temp" -v instances="$*" '
  BEGIN { count = split(instances, instance, " ") }
  /^[ \t]*upstream[ \t]/ { in_upstream = 1; written = 0 }
  in_upstream && /^[ \t]*}/ { in_upstream = 0 }
  in_upstream && match($0, /^[ \t]*server[ \t]+[^ \t;]+/) {
    # "    server 127.0.0.1:5081 max_fails=1 fail_timeout=2s;": the indentation and options stay, the address changes.
    if (!written) {
      head = $0; sub(/server[ \t].*/, "", head)
      options = substr($0, RSTART + RLENGTH)
      for (i = 1; i <= count; i++) print head "server " instance[i] options
      written = 1
    }
    next
  }
  /^[ \t]*listen[ \t]/ { sub(/listen[ \t]+[^;]+;/, "listen " listen ";") }
  { print }
  /^http[ \t]*{/ && temp != "" {
    # Debian builds nginx with temporary folders under /var/lib/nginx, which only root may write.
    n = split("client_body proxy fastcgi uwsgi scgi", kind, " ")
    # Quoted, so a folder whose path has a space stays one argument.
    for (i = 1; i <= n; i++) print "    " kind[i] "_temp_path \"" temp "/" kind[i] "\";"
  }
' "$conf"
