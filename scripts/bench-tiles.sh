#!/usr/bin/env bash
# Tile serving over loopback: range requests the size of a tile from the map's PMTiles archive
# (imported with `saferstreets import tiles`, so read from the file as in production) against a
# static-file baseline (a Leaflet image of about the same size, from the embedded assets), on
# one server in one run, interleaved rounds. Only ever targets 127.0.0.1; the server is stopped
# on exit. Prints a markdown table and `RESULT key=value` lines.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
ROUNDS="${ROUNDS:-3}"
TILE_BYTES="${TILE_BYTES:-1466}"   # the size of the baseline image, so bytes per answer match
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }

# BIN=target/debug/saferstreets checks the script itself without a release build.
if [ -z "${BIN:-}" ]; then cargo build --release --bin saferstreets >&2; BIN=target/release/saferstreets; fi
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

env_common=(RUST_LOG=warn SAFERSTREETS_DATA_DIR="$work" SAFERSTREETS_KEYS_DIR="$work/keys"
  SAFERSTREETS_RATE_LIMITS=false SAFERSTREETS_DEMO_REPORTS=0)
start() {
  env "${env_common[@]}" "$BIN" serve --listen 127.0.0.1:0 \
    --database-url "sqlite://$work/bench.db" > "$work/out" 2>/dev/null &
  pid=$!
  for _ in $(seq 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out" 2>/dev/null | head -1 || true)
    [ -n "$url" ] && return
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}

# First start: the synthetic demo basemap from memory; save it and import it as a file.
start
curl -sf "$url/tiles/basemap.pmtiles" -o "$work/demo.pmtiles"
kill "$pid"; wait "$pid" 2>/dev/null || true
env "${env_common[@]}" "$BIN" import tiles "$work/demo.pmtiles" >&2
start
len=$(stat -c %s "$work/demo.pmtiles")

cat > "$work/ranges.lua" <<EOF
-- Fixed seed: the same ranges every run. Each request reads $TILE_BYTES bytes at a random offset.
math.randomseed(1)
request = function()
  local from = math.random(0, $len - $TILE_BYTES)
  return wrk.format("GET", "/tiles/basemap.pmtiles", { ["Range"] = "bytes=" .. from .. "-" .. (from + $TILE_BYTES - 1) })
end
EOF
run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@" | tee "$work/wrk.txt" >&2
        awk '/Requests\/sec/ {print $2}' "$work/wrk.txt"; }
# Check the script gets 206 before measuring.
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Range: bytes=0-$((TILE_BYTES - 1))" "$url/tiles/basemap.pmtiles")
[ "$code" = 206 ] || { echo "expected 206, got $code" >&2; exit 1; }

ts=(); ss=()
for r in $(seq "$ROUNDS"); do
  echo "== round $r: tiles (range requests)" >&2
  ts+=("$(run -s "$work/ranges.lua" "$url/tiles/basemap.pmtiles")")
  echo "== round $r: static file baseline" >&2
  ss+=("$(run "$url/assets/leaflet/images/marker-icon.png")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t=$(median "${ts[@]}"); s=$(median "${ss[@]}")
echo
echo "| served over loopback ($ROUNDS rounds × $DURATION, $CONNECTIONS connections) | req/s (median) | rounds |"
echo "|---|---|---|"
echo "| tiles: $TILE_BYTES-byte ranges of a $len-byte archive file (206) | $t | ${ts[*]} |"
echo "| static baseline: \`/assets/leaflet/images/marker-icon.png\` (1,466 bytes, 200) | $s | ${ss[*]} |"
echo "RESULT tiles_per_s=$t"
echo "RESULT static_per_s=$s"
