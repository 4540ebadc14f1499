#!/usr/bin/env bash
# Crash test (issue 6): clients send reports while the server is SIGKILLed at random moments and
# restarted; every acknowledged report must be stored exactly once, on SQLite and (when a
# server answers on 127.0.0.1:5432) PostgreSQL. Then (issue 18) PostgreSQL itself is killed
# (`pg_ctl stop -m immediate`) ROUNDS times under load and started again, in a throwaway
# cluster made with initdb on a free loopback port, while the service keeps running: nothing
# acknowledged may be lost, /readyz must say 503 while it is down and 200 after, no 500s, and
# failed sends must get the "not sent" page and go through when tried again. Then the negative
# controls: a build that acknowledges before committing (feature `early-ack`) must lose reports
# in the same harness, with the service killed and with the database killed. Then (issue 14)
# alerts: the service is killed while delivering webhooks (ALERT_ROUNDS kills, default 20) and
# every urgent report must still be delivered.
#
#   make crash-test            ROUNDS=10 CLIENTS=16 by default (DB_ROUNDS: database kills,
#                              default ROUNDS; DB_ROUNDS=0 skips them)
#
# Loopback only; bounded by ROUNDS; every server it starts is killed before it moves on.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-10}
CLIENTS=${CLIENTS:-16}
DB_ROUNDS=${DB_ROUNDS:-$ROUNDS}
PG=${CRASH_PG:-postgres://postgres@127.0.0.1:5432}

cargo build --release --quiet --bin saferstreets --example crash_test
cargo build --release --quiet --bin saferstreets --features early-ack --target-dir target/early-ack
harness=target/release/examples/crash_test

echo "| database | rounds | clients | acknowledged | lost | duplicated | time |"
echo "|---|---|---|---|---|---|---|"
"$harness" --bin target/release/saferstreets --rounds "$ROUNDS" --clients "$CLIENTS" --seed 1 2>/dev/null

if command -v psql >/dev/null && psql "$PG/postgres" -qAtc 'SELECT 1' >/dev/null 2>&1; then
  db="crash_$$"
  psql "$PG/postgres" -qc "CREATE DATABASE $db" >/dev/null
  trap 'psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $db" >/dev/null' EXIT
  "$harness" --bin target/release/saferstreets --database-url "$PG/$db" \
    --rounds "$ROUNDS" --clients "$CLIENTS" --seed 2 2>/dev/null
fi

# Alerts (issue 14): the service is killed while it delivers urgent reports' webhooks; every
# acknowledged urgent report must reach the receiver at least once afterwards.
echo
echo "Alerts (service killed while delivering):"
echo "| database | kills | clients | urgent acknowledged | webhooks received | missing | repeats (dropped by key) | bad signatures | standard alerted | final drain | time |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
"$harness" --alerts --bin target/release/saferstreets --rounds "${ALERT_ROUNDS:-20}" \
  --clients "$CLIENTS" --seed 7 2>/dev/null

# PostgreSQL's server tools (initdb, pg_ctl) are found by the harness: PG_BINDIR, pg_config
# --bindir or /usr/lib/postgresql/*/bin. As root, the cluster runs as the postgres user.
if [ "$DB_ROUNDS" -gt 0 ]; then
  "$harness" --kill-postgres --bin target/release/saferstreets --rounds "$DB_ROUNDS" \
    --clients "$CLIENTS" --seed 5 2>/dev/null
fi

echo
echo "Negative control (acknowledges before committing; losses expected):"
if "$harness" --bin target/early-ack/release/saferstreets --rounds "$ROUNDS" --clients "$CLIENTS" --seed 3 2>/dev/null; then
  echo "the negative control lost nothing: the harness cannot see losses" >&2
  exit 1
fi
echo "losses seen, as they must be"

# The same control for the database-kill mode: an acknowledgement given before the commit is
# lost when PostgreSQL dies in between, and the harness must see it (at most 10 kills).
if [ "$DB_ROUNDS" -gt 0 ]; then
  control_rounds=$(( DB_ROUNDS < 10 ? DB_ROUNDS : 10 ))
  echo
  echo "Negative control with PostgreSQL killed (losses expected):"
  if "$harness" --kill-postgres --bin target/early-ack/release/saferstreets \
      --rounds "$control_rounds" --clients "$CLIENTS" --seed 6 2>/dev/null; then
    echo "the database-kill negative control lost nothing: the harness cannot see losses" >&2
    exit 1
  fi
  echo "losses seen, as they must be"
fi
