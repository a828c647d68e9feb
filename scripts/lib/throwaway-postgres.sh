# Starts a disposable PostgreSQL cluster on a free loopback port for tests and benchmarks.
# Source it, call start_throwaway_postgres, and trap stop_postgres on EXIT.
# Sets AXLE_TEST_POSTGRES_URL. PostgreSQL refuses to run as root, so as root the
# cluster runs as the 'postgres' user that Debian's package creates.

postgres_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install_postgres_if_missing() {
  if [ -z "$(postgres_bin_dir)" ] || [ ! -x "$(postgres_bin_dir)/initdb" ]; then
    echo "== installing PostgreSQL from Debian's packages"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_cluster_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_throwaway_postgres() {
  install_postgres_if_missing
  local bin
  bin="$(postgres_bin_dir)"
  PG_WORK_DIR="$(mktemp -d /tmp/axle-pg.XXXXXX)"
  [ "$(id -u)" -ne 0 ] || chown postgres "$PG_WORK_DIR"
  PG_PORT="$(free_port)"
  as_cluster_owner "$bin/initdb" -D "$PG_WORK_DIR/data" -U axle --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durability settings stay at their safe defaults (fsync, synchronous_commit on).
  as_cluster_owner "$bin/pg_ctl" -D "$PG_WORK_DIR/data" -l "$PG_WORK_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_WORK_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  export AXLE_TEST_POSTGRES_URL="postgres://axle@127.0.0.1:$PG_PORT/postgres"
  stop_postgres() {
    as_cluster_owner "$(postgres_bin_dir)/pg_ctl" -D "$PG_WORK_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_WORK_DIR"
  }
  echo "== throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
}
