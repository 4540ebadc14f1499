#!/usr/bin/env bash
# Restore drill (docs/OPERATIONS.md): N place reports made with `demo-data`, a backup taken while
# the service runs, a restore, a start on the restored data, and the first hotspot query; each
# step timed, on SQLite and (when a server answers on 127.0.0.1:5432) PostgreSQL. Prints a
# Markdown table.
#
#   bash scripts/restore-drill.sh            N=1000000 by default (N=100000 for a quick one)
#
# Loopback only; everything it makes is under one temporary folder and two databases named
# after its process id, all removed at the end; every service it starts is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
PG=${DRILL_PG:-postgres://postgres@127.0.0.1:5432}
cargo build --release --quiet --bin saferstreets
BIN=$PWD/target/release/saferstreets
work=$(mktemp -d /tmp/saferstreets-drill-XXXXXX)
pids=()
src_db="drill_src_$$"
dst_db="drill_dst_$$"
have_pg=false
if command -v psql >/dev/null && psql "$PG/postgres" -qAtc 'SELECT 1' >/dev/null 2>&1; then
  have_pg=true
fi
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if $have_pg; then
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $src_db" >/dev/null 2>&1 || true
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $dst_db" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f} s')" "$1" "$2"; }
size() { du -sh "$1" | cut -f1; }

# Start the service in folder $1 on database $2; sets $url and $started (when it was launched).
start() {
  local dir=$1 db=$2 out
  out=$dir/serve.out
  started=$(now)
  (cd "$dir" && SAFERSTREETS_DEMO_REPORTS=0 DATABASE_URL="$db" RUST_LOG=warn \
    exec "$BIN" serve --listen 127.0.0.1:0 >"$out" 2>"$dir/serve.log") &
  pids+=($!)
  for _ in $(seq 1 600); do
    if grep -q 'listening on' "$out" 2>/dev/null; then break; fi
    sleep 0.1
  done
  url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$out" | head -1)
  [ -n "$url" ] || { echo "the service did not start in $dir" >&2; cat "$dir/serve.log" >&2; exit 1; }
}

# Seconds from $started until /readyz answers 200.
ready_time() {
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ]; then
      secs "$started" "$(now)"; return
    fi
    sleep 0.02
  done
  echo "not ready"
}

# Seconds for the first hotspot query (it waits for the in-memory index).
first_hotspots() {
  local t0; t0=$(now)
  curl -s -o /dev/null --max-time 600 "$url/api/v1/hotspots?res=5"
  secs "$t0" "$(now)"
}

stop_all() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
}

declare -A R
# --- SQLite ----------------------------------------------------------------------------
live=$work/sqlite-live; mkdir -p "$live"
t0=$(now)
(cd "$live" && SAFERSTREETS_DEMO_REPORTS=0 RUST_LOG=warn "$BIN" demo-data --place-reports "$N" --stalking-reports 0 >/dev/null)
R[s_make]="$(secs "$t0" "$(now)"), $(size "$live/data")"
start "$live" "sqlite://$live/data/saferstreets.db"
ready_time >/dev/null
t0=$(now)
(cd "$live" && RUST_LOG=warn "$BIN" backup "$work/sqlite-backup.db" >/dev/null)
R[s_backup]="$(secs "$t0" "$(now)"), $(size "$work/sqlite-backup.db")"
stop_all
restored=$work/sqlite-restored; mkdir -p "$restored/data"
t0=$(now)
cp "$work/sqlite-backup.db" "$restored/data/saferstreets.db"
cp -a "$live/keys" "$restored/keys"
R[s_restore]=$(secs "$t0" "$(now)")
start "$restored" "sqlite://$restored/data/saferstreets.db"
R[s_ready]=$(ready_time)
R[s_hot]=$(first_hotspots)
stop_all

# --- PostgreSQL --------------------------------------------------------------------------
if $have_pg; then
  live=$work/pg-live; mkdir -p "$live"
  psql "$PG/postgres" -qc "CREATE DATABASE $src_db" >/dev/null
  t0=$(now)
  (cd "$live" && SAFERSTREETS_DEMO_REPORTS=0 DATABASE_URL="$PG/$src_db" RUST_LOG=warn \
    "$BIN" demo-data --place-reports "$N" --stalking-reports 0 >/dev/null)
  R[p_make]="$(secs "$t0" "$(now)"), $(psql "$PG/$src_db" -qAtc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
  start "$live" "$PG/$src_db"
  ready_time >/dev/null
  t0=$(now)
  pg_dump -Fc -f "$work/pg.dump" "$PG/$src_db"
  R[p_backup]="$(secs "$t0" "$(now)"), $(size "$work/pg.dump")"
  stop_all
  restored=$work/pg-restored; mkdir -p "$restored"
  cp -a "$live/keys" "$restored/keys"
  psql "$PG/postgres" -qc "CREATE DATABASE $dst_db" >/dev/null
  t0=$(now)
  pg_restore -j 2 --no-owner -d "$PG/$dst_db" "$work/pg.dump"
  R[p_restore]=$(secs "$t0" "$(now)")
  start "$restored" "$PG/$dst_db"
  R[p_ready]=$(ready_time)
  R[p_hot]=$(first_hotspots)
  stop_all
else
  for k in p_make p_backup p_restore p_ready p_hot; do R[$k]="(no PostgreSQL)"; done
fi

echo "| step ($N place reports) | SQLite | PostgreSQL |"
echo "|---|---|---|"
echo "| data made with \`demo-data\` | ${R[s_make]} | ${R[p_make]} |"
echo "| backup while the service runs (\`saferstreets backup\` / \`pg_dump -Fc\`) | ${R[s_backup]} | ${R[p_backup]} |"
echo "| restore (\`cp\` / \`pg_restore -j 2\`) | ${R[s_restore]} | ${R[p_restore]} |"
echo "| start on the restored data to \`/readyz\` 200 | ${R[s_ready]} | ${R[p_ready]} |"
echo "| first hotspot query (builds the index) | ${R[s_hot]} | ${R[p_hot]} |"
