#!/usr/bin/env bash
# Durable report submissions per second, SQLite (synchronous=FULL, group commit) and
# PostgreSQL, with p50/p99 of the final submit. Loopback only; bounded by DRAFTS; servers
# and the benchmark database are removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
DRAFTS="${DRAFTS:-3000}"
CONCURRENCY="${CONCURRENCY:-64}"
PG_BASE="${PG_BASE:-postgres://postgres@127.0.0.1:5432}"

cargo build --release --bin saferstreets --example submit_load
work=$(mktemp -d)
pid=""
pgdb="bench_$(date +%s)_$$"
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -q "$PG_BASE/postgres" -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

run() { # label database-url
  RUST_LOG=warn SAFERSTREETS_DATA_DIR="$work" target/release/saferstreets serve \
    --listen 127.0.0.1:0 --database-url "$2" > "$work/out" 2>"$work/err" &
  pid=$!
  for _ in $(seq 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out")
  echo "== $1" >&2
  result=$(target/release/examples/submit_load --url "$url" --drafts "$DRAFTS" --concurrency "$CONCURRENCY")
  echo "| $1 | $result |"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

echo "| database | result |"
echo "|---|---|"
run "SQLite (WAL, synchronous=FULL)" "sqlite://$work/bench.db"
if psql -q "$PG_BASE/postgres" -c "CREATE DATABASE $pgdb" >/dev/null 2>&1; then
  run "PostgreSQL 15 (synchronous_commit=on)" "$PG_BASE/$pgdb"
else
  echo "| PostgreSQL | not reachable at $PG_BASE |"
fi
