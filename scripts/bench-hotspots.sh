#!/usr/bin/env bash
# Place reports and hotspots (issue 4): ingest rate of `saferstreets demo-data`, hotspot query
# latency (Store and HTTP) on SQLite and PostgreSQL, and the same aggregation of the same
# points by PostGIS (ST_HexagonGrid, ST_SnapToGrid, GiST index) and by Python h3 + pandas.
#
#   scripts/bench-hotspots.sh [N]          # N reports, default 1000000
#
# Loopback only; bounded (LIMIT seconds, default 3 hours, then it stops itself); the
# databases, servers and files it creates are removed on exit. Needs the Debian package
# postgresql-15-postgis-3 and `pip install h3 pandas` (PYTHON names the interpreter that has
# them). Prints a markdown table, then `RESULT key=value` lines (for scripts/bench-all.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
LIMIT="${LIMIT:-10800}"
ITERATIONS="${ITERATIONS:-200}"      # our queries (Store and HTTP)
SLOW_RUNS="${SLOW_RUNS:-11}"         # PostGIS and Python runs
PG_BASE="${PG_BASE:-postgres://postgres@127.0.0.1:5432}"
BBOX="${BBOX:--1.626,53.755,-1.474,53.845}" # ≈ 10 × 10 km around the middle of Northshire
RES=9

if [ -z "${BENCH_HOTSPOTS_BOUNDED:-}" ]; then
  BENCH_HOTSPOTS_BOUNDED=1 exec timeout --signal=TERM --kill-after=30 "$LIMIT" "$0" "$@"
fi
case "$N" in '' | *[!0-9]*) echo "N must be a number" >&2; exit 2 ;; esac
case "$PG_BASE" in
  postgres://*@127.0.0.1:* | postgres://*@localhost:* | postgres://*@\[::1\]:*) ;;
  *) echo "refusing a database that is not on loopback: $PG_BASE" >&2; exit 2 ;;
esac

target="${CARGO_TARGET_DIR:-target}"
cargo build --release --bin saferstreets --example hotspot_bench >&2
bin="$target/release/saferstreets"
bench="$target/release/examples/hotspot_bench"
work=$(mktemp -d)
pid=""
pgdb="${BENCH_DB_PREFIX:-bench}_hot_${N}_$$"
# The interpreter with h3 and pandas: PYTHON, else the one `make bench-all` sets up, else
# python3. Checked now, not after half an hour of loading.
if [ -z "${PYTHON:-}" ]; then
  if [ -x target/bench-venv/bin/python ]; then PYTHON=target/bench-venv/bin/python; else PYTHON=python3; fi
fi
"$PYTHON" -c 'import h3, pandas' 2>/dev/null || {
  echo "$PYTHON has no h3 or pandas: pip install h3 pandas, or run make bench-all once" >&2
  exit 2
}
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  psql -q "$PG_BASE/postgres" -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

export RUST_LOG=warn SAFERSTREETS_DATA_DIR="$work/data" SAFERSTREETS_KEYS_DIR="$work/keys" SAFERSTREETS_DEMO_REPORTS=0
sqlite="sqlite://$work/bench.db"
pg="$PG_BASE/$pgdb"
psql -q "$PG_BASE/postgres" -c "CREATE DATABASE $pgdb" >/dev/null
declare -A row

ingest() { # label url [demo-data options]
  echo "== ingest $N into $1" >&2
  local label=$1 url=$2 s
  shift 2
  # The command times its own inserts ("added N place reports to F in 5.4s"), so writing
  # the points file (below) is not counted.
  "$bin" --database-url "$url" demo-data --place-reports "$N" --seed 1 "$@" | tee "$work/ingest" >&2
  s=$(sed -n 's/^added .* in \([0-9.]*\)\(µs\|ms\|s\)$/\1 \2/p' "$work/ingest" \
    | awk '{ print $2 == "s" ? $1 : $2 == "ms" ? $1 / 1000 : $1 / 1000000 }')
  [ -n "$s" ] || { echo "demo-data printed no time" >&2; exit 1; }
  row[$label-ingest]=$(awk -v n="$N" -v s="$s" 'BEGIN { printf "%.0f reports/s (%.1f s)", n / s, s }')
  row[$label-ingest-rate]=$(awk -v n="$N" -v s="$s" 'BEGIN { printf "%.0f", n / s }')
  row[$label-ingest-s]=$(awk -v s="$s" 'BEGIN { printf "%.1f", s }')
  echo "   ${row[$label-ingest]}" >&2
}

query() { # label url
  echo "== query $1" >&2
  # Abuse controls off for load (the config ignores keys it does not know yet).
  SAFERSTREETS_RATE_LIMITS=false SAFERSTREETS_MIN_FILL_SECONDS=0 SAFERSTREETS_PROOF_OF_WORK=off \
    "$bin" --database-url "$2" serve --listen 127.0.0.1:0 > "$work/out" 2> "$work/err" &
  pid=$!
  for _ in $(seq 300); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out")
  # Its own Store first (building its own index), then the server's API.
  "$bench" --database-url "$2" --iterations "$ITERATIONS" --bbox "$BBOX" --res "$RES" --http "$url" \
    > "$work/store"
  row[$1-rss]=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  grep '^http' "$work/store" > "$work/http"
  cat "$work/store" >&2 # partial results survive a stop
  row[$1-first]=$(awk '/^first-query/ { printf "%.0f ms", $2 }' "$work/store")
  row[$1-store]=$(awk '/^store/ { printf "%s / %s ms (%s cells)", $2, $3, $4 }' "$work/store")
  row[$1-storep50]=$(awk '/^store/ { print $2 }' "$work/store")
  row[$1-http]=$(awk '/^http/ { printf "%s / %s ms (%s hexagons ≥ k)", $2, $3, $4 }' "$work/http")
  row[$1-httpp50]=$(awk '/^http/ { print $2 }' "$work/http")
  row[$1-firstms]=$(awk '/^first-query/ { print $2 }' "$work/store")
}

# The stored reports keep no point (issue 12: a real report's point is sealed; these made-up
# ones have none, counting uses the cells), so the same points come from the generator.
ingest sqlite "$sqlite" --points-csv "$work/points.csv"
ingest pg "$pg"
query sqlite "$sqlite"
query pg "$pg"

# The same points (written by the SQLite ingest above), for PostGIS and Python: a table of
# points with the columns the hotspot query filters on, indexed as PostGIS users would.
today=$(( $(date +%s) / 86400 ))
from=$(( today - 365 ))
IFS=, read -r x0 y0 x1 y1 <<< "$BBOX"
echo "== PostGIS" >&2
psql -q -X -v ON_ERROR_STOP=1 "$pg" >&2 <<SQL
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE bench_points (lat double precision, lng double precision, day bigint,
  force_code text NOT NULL DEFAULT 'northshire');
\copy bench_points (lat, lng, day) FROM '$work/points.csv' WITH CSV
ALTER TABLE bench_points ADD COLUMN geom geometry(Point, 3857);
UPDATE bench_points SET geom = ST_Transform(ST_SetSRID(ST_MakePoint(lng, lat), 4326), 3857);
CREATE INDEX bench_points_geom ON bench_points USING gist (geom);
VACUUM ANALYZE bench_points;
SQL

# H3 res 9 hexagons have edges of ≈ 175 m here; Web Mercator stretches by 1 / cos(53.8°) ≈ 1.69.
size=295
box="ST_Transform(ST_MakeEnvelope($x0, $y0, $x1, $y1, 4326), 3857)"
filters="p.day BETWEEN $from AND $today AND p.force_code = 'northshire'"
hexagon="SELECT h.i, h.j, count(*) FROM ST_HexagonGrid($size, $box) h
  JOIN bench_points p ON p.geom && h.geom AND ST_Intersects(p.geom, h.geom)
  WHERE $filters GROUP BY h.i, h.j"
snap="SELECT ST_SnapToGrid(p.geom, $size) AS g, count(*) FROM bench_points p
  WHERE p.geom && $box AND $filters GROUP BY g"
postgis() { # label sql
  local sql="$2"
  {
    echo '\timing on'
    echo '\o /dev/null'
    for _ in $(seq "$SLOW_RUNS"); do echo "$sql;"; done
  } | psql -q -X "$pg" | awk '/^Time:/ { print $2 }' | sort -n > "$work/times"
  cells=$(psql -q -X -At "$pg" -c "SELECT count(*) FROM ($sql) x")
  row[$1]=$(awk -v c="$cells" '{ t[NR] = $1 } END {
    printf "%.1f / %.1f ms (%s cells)", t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)], c }' "$work/times")
  row[$1-p50]=$(awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }' "$work/times")
  echo "   $1: ${row[$1]}" >&2
}
postgis postgis-hex "$hexagon"
postgis postgis-snap "$snap"

echo "== Python h3 + pandas" >&2
"$PYTHON" scripts/hotspots_compare.py "$work/points.csv" "$BBOX" "$from" "$today" "$RES" "$SLOW_RUNS" > "$work/python"
cat "$work/python" >&2
row[py]=$(awk '/^python-h3-pandas / { printf "%s / %s ms (%s cells)", $2, $3, $4 }' "$work/python")
row[py-p50]=$(awk '/^python-h3-pandas / { print $2 }' "$work/python")
row[pygroup]=$(awk '/^python-pandas-groupby-only / { printf "%s / %s ms (%s cells)", $2, $3, $4 }' "$work/python")
row[pygroup-p50]=$(awk '/^python-pandas-groupby-only / { print $2 }' "$work/python")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f×", a / b; else print "–" }'; }
echo
echo "N = $N reports; query: res $RES, bbox $BBOX, last 365 days, force northshire; p50 / p95"
echo
echo "| what | SQLite | PostgreSQL |"
echo "|---|---|---|"
echo "| ingest (\`demo-data --place-reports $N\`) | ${row[sqlite-ingest]} | ${row[pg-ingest]} |"
echo "| first query (builds the index) | ${row[sqlite-first]} | ${row[pg-first]} |"
echo "| hotspot query, Store | ${row[sqlite-store]} | ${row[pg-store]} |"
echo "| hotspot query, HTTP \`GET /api/v1/hotspots\` | ${row[sqlite-http]} | ${row[pg-http]} |"
echo "| PostGIS \`ST_HexagonGrid\` join (GiST) | – | ${row[postgis-hex]} |"
echo "| PostGIS \`ST_SnapToGrid\` group (GiST) | – | ${row[postgis-snap]} |"
echo "| Python h3 \`latlng_to_cell\` + pandas groupby | ${row[py]} | |"
echo "| Python pandas groupby only (cells precomputed) | ${row[pygroup]} | |"
echo "| PostGIS hexagons ÷ our Store query (p50) | $(ratio "${row[postgis-hex-p50]}" "${row[sqlite-storep50]}") | $(ratio "${row[postgis-hex-p50]}" "${row[pg-storep50]}") |"
echo "| PostGIS snap-to-grid ÷ our Store query (p50) | $(ratio "${row[postgis-snap-p50]}" "${row[sqlite-storep50]}") | $(ratio "${row[postgis-snap-p50]}" "${row[pg-storep50]}") |"
echo "| Python h3 + pandas ÷ our Store query (p50) | $(ratio "${row[py-p50]}" "${row[sqlite-storep50]}") | $(ratio "${row[py-p50]}" "${row[pg-storep50]}") |"

for db in sqlite pg; do
  echo "RESULT hot.$N.$db.ingest_rps=${row[$db-ingest-rate]}"
  echo "RESULT hot.$N.$db.ingest_s=${row[$db-ingest-s]}"
  echo "RESULT hot.$N.$db.first_ms=${row[$db-firstms]}"
  echo "RESULT hot.$N.$db.store_p50_ms=${row[$db-storep50]}"
  echo "RESULT hot.$N.$db.http_p50_ms=${row[$db-httpp50]}"
  echo "RESULT mem.hot_${N}_${db}_server_peak_kb=${row[$db-rss]}"
done
echo "RESULT hot.$N.postgis_hex_p50_ms=${row[postgis-hex-p50]}"
echo "RESULT hot.$N.postgis_snap_p50_ms=${row[postgis-snap-p50]}"
echo "RESULT hot.$N.python_h3_p50_ms=${row[py-p50]}"
echo "RESULT hot.$N.python_groupby_p50_ms=${row[pygroup-p50]}"
