#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on a free loopback port in a temp directory, as a non-root user.
#   eval "$(scripts/pg-temp.sh start)"   → exports DATABASE_URL and JINKE_PG_DIR
#   scripts/pg-temp.sh stop "$JINKE_PG_DIR"
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

case "${1:-}" in
  start)
    bin=$(find_bin) || { echo "pg-temp: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/jinke-pg.XXXXXX)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    run_as=()
    if [ "$(id -u)" = "0" ]; then
      id jinkepg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin jinkepg
      chown jinkepg "$dir"
      run_as=(runuser -u jinkepg --)
    fi
    "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export JINKE_PG_DIR=$dir"
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir="${2:?usage: pg-temp.sh stop DIR}"
    bin=$(find_bin)
    if [ "$(id -u)" = "0" ]; then
      runuser -u jinkepg -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    else
      "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-temp.sh start | stop DIR" >&2
    exit 2
    ;;
esac
