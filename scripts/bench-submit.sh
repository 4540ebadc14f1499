#!/usr/bin/env bash
# Durable report submissions per second, SQLite (synchronous=FULL, group commit) and
# PostgreSQL, with p50/p99 of the final submit. Loopback only; bounded by DRAFTS; servers
# and the benchmark database are removed on exit. Prints a markdown table, then `RESULT
# key=value` lines (for scripts/bench-all.sh), with each server's peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
DRAFTS="${DRAFTS:-3000}"
CONCURRENCY="${CONCURRENCY:-64}"
PG_BASE="${PG_BASE:-postgres://postgres@127.0.0.1:5432}"

case "$PG_BASE" in
  postgres://*@127.0.0.1:* | postgres://*@localhost:* | postgres://*@\[::1\]:*) ;;
  *) echo "refusing a database that is not on loopback: $PG_BASE" >&2; exit 2 ;;
esac

cargo build --release --bin saferstreets --example submit_load >&2
work=$(mktemp -d)
pid=""
pgdb="${BENCH_DB_PREFIX:-bench}_$(date +%s)_$$"
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -q "$PG_BASE/postgres" -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

run() { # label key database-url
  # Abuse controls off for load (the config ignores keys it does not know yet).
  RUST_LOG=warn SAFERSTREETS_DATA_DIR="$work" SAFERSTREETS_KEYS_DIR="$work/keys" SAFERSTREETS_RATE_LIMITS=false \
    SAFERSTREETS_MIN_FILL_SECONDS=0 SAFERSTREETS_PROOF_OF_WORK=off target/release/saferstreets serve \
    --listen 127.0.0.1:0 --database-url "$3" > "$work/out" 2>"$work/err" &
  pid=$!
  for _ in $(seq 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out")
  echo "== $1" >&2
  result=$(target/release/examples/submit_load --url "$url" --drafts "$DRAFTS" --concurrency "$CONCURRENCY")
  echo "| $1 | $result |"
  # submissions=N failed=N concurrency=N elapsed=… rate=N/s p50=… p99=… max=…
  for kv in $result; do echo "RESULT submit.$2.${kv%%=*}=${kv#*=}" >> "$work/results"; done
  echo "RESULT mem.submit_$2_peak_kb=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$pid/status")" \
    >> "$work/results"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

echo "| database | result |"
echo "|---|---|"
run "SQLite (WAL, synchronous=FULL)" sqlite "sqlite://$work/bench.db"
if psql -q "$PG_BASE/postgres" -c "CREATE DATABASE $pgdb" >/dev/null 2>&1; then
  run "PostgreSQL 15 (synchronous_commit=on)" pg "$PG_BASE/$pgdb"
else
  echo "| PostgreSQL | not reachable at $PG_BASE |"
fi
cat "$work/results"
