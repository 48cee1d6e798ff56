# Services the tests need, for `source .ci/services.sh` from .ci/run (also runnable with bash).
#
# PostgreSQL: installs Debian's package when missing, creates a fresh cluster under /tmp for this run
# (any previous one at that path is stopped and removed), starts it on 127.0.0.1 only, creates an empty
# database and writes its URL to .ci/pg.env as `RASD_TEST_PG_URL=...`, which tests/test_postgres.py
# reads when the variable is not already set. It exports nothing and changes no shell option of the
# caller; it returns (or exits) non-zero when PostgreSQL cannot be installed or started. Override the location with RASD_PG_DIR and the port with RASD_PG_PORT.

_rasd_pg_setup() {
  local here dir port bin run
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  dir="${RASD_PG_DIR:-/tmp/rasd-ci-pg}"
  port="${RASD_PG_PORT:-54329}"
  if ! ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "services: installing PostgreSQL from Debian" >&2
    apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  fi
  bin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
  # initdb refuses to run as root: run the server as the postgres user then
  if [ "$(id -u)" = 0 ]; then run=(runuser -u postgres --); else run=(); fi
  if [ -f "$dir/data/PG_VERSION" ]; then
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  mkdir -p "$dir/sock" || return 1
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --auth=trust >"$dir/initdb.log" 2>&1 \
    || { echo "services: initdb failed, see $dir/initdb.log" >&2; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c max_connections=200" start >/dev/null \
    || { echo "services: PostgreSQL did not start, see $dir/server.log" >&2; return 1; }
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres rasd_test || return 1
  echo "RASD_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/rasd_test" >"$here/pg.env"
  echo "services: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at postgresql://postgres@127.0.0.1:$port/rasd_test" >&2
}

_rasd_pg_setup
_rasd_pg_status=$?
unset -f _rasd_pg_setup
# a failed start is a failure, sourced (return) or run (exit)
return "$_rasd_pg_status" 2>/dev/null || exit "$_rasd_pg_status"
