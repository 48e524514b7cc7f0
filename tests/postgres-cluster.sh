#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests (issue 17 §5), sourced by test.sh: postgres_start
# installs Debian's server when it is missing, makes a cluster in a temporary directory as the
# `postgres` user (initdb refuses root), starts it on a free port on 127.0.0.1 with no system service,
# and exports BILLING_TEST_POSTGRES, the connection string the tests create their databases with;
# postgres_stop stops it and removes the directory. Durability is off (the cluster dies with the run)
# unless POSTGRES_DURABLE=1, which the benchmarks set to measure what a production server does.

postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

postgres_install() {
  postgres_bin >/dev/null && return 0
  echo "Installing what the PostgreSQL pass needs: postgresql"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

postgres_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_start() {
  postgres_install || { echo "Could not install postgresql." >&2; return 1; }
  local bin
  bin="$(postgres_bin)" || { echo "No PostgreSQL server binaries found." >&2; return 1; }
  POSTGRES_DIR="$(mktemp -d /tmp/billing-postgres.XXXXXX)"
  [ "$(id -u)" -eq 0 ] && chown postgres "$POSTGRES_DIR"
  local port
  port="$(postgres_free_port)" || { echo "No free port for PostgreSQL." >&2; return 1; }
  postgres_as_owner "$bin/initdb" -D "$POSTGRES_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  # Serializable transactions (docs-adr/0045) track what they read with predicate locks; the
  # defaults turn a cycle batch's reads into a lock on the whole table, so every concurrent write
  # looks like a conflict. These are the settings README recommends for a production server.
  local serializable="-c max_pred_locks_per_transaction=1024 -c max_pred_locks_per_page=16"
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${POSTGRES_DURABLE:-0}" = "1" ] && durability=""
  postgres_as_owner "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 start \
    -o "-p $port -k $POSTGRES_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 $serializable $durability" >/dev/null || {
    cat "$POSTGRES_DIR/server.log" >&2
    return 1
  }
  export POSTGRES_DIR POSTGRES_BIN="$bin"
  export BILLING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port ($POSTGRES_DIR)"
}

postgres_stop() {
  [ -n "${POSTGRES_DIR:-}" ] || return 0
  postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$POSTGRES_DIR"
  unset POSTGRES_DIR BILLING_TEST_POSTGRES
}
