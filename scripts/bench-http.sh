#!/usr/bin/env bash
# Loopback load test: the advice page vs a minimal axum "hello world", same machine, same run.
# Only ever targets 127.0.0.1; each wrk run is bounded by -d; both servers are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

cargo build --release --bin saferstreets --example hello
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

start() { # start VAR CMD... : runs CMD in the background, sets VAR to its URL
  local var=$1; shift
  local out="$work/out.${#pids[@]}"
  "$@" > "$out" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$out" 2>/dev/null | head -1 || true)
    [ -n "$url" ] && { printf -v "$var" '%s' "$url"; return; }
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}

start hello target/release/examples/hello 127.0.0.1:0
start site env RUST_LOG=warn SAFERSTREETS_DATA_DIR="$work" target/release/saferstreets serve \
  --listen 127.0.0.1:0 --database-url "sqlite://$work/bench.db"
# A session cookie and a consent choice, as a returning visitor would send.
cookie="ss_session=$(printf 'a%.0s' $(seq 64)); ss_cookie_consent=no"

run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "cookie: $cookie" "$1" | tee "$work/wrk.txt" >&2
        awk '/Requests\/sec/ {print $2}' "$work/wrk.txt"; }
ROUNDS="${ROUNDS:-3}"
# Interleaved rounds, because throughput here drifts by tens of percent from run to run.
hs=(); as=()
for r in $(seq "$ROUNDS"); do
  echo "== round $r: hello world $hello/" >&2
  hs+=("$(run "$hello/")")
  echo "== round $r: advice page $site/advice/stalking" >&2
  as+=("$(run "$site/advice/stalking")")
done
echo
echo "| round | axum hello world (req/s) | /advice/stalking (req/s) | ratio |"
echo "|---|---|---|---|"
for i in "${!hs[@]}"; do
  python3 -c "h,a=float('${hs[$i]}'),float('${as[$i]}'); print(f'| {$i+1} | {h:.0f} | {a:.0f} | {100*a/h:.0f}% |')"
done
python3 - "${hs[@]}" "${as[@]}" <<'PY'
import statistics, sys
v = [float(x) for x in sys.argv[1:]]
n = len(v) // 2
h, a = statistics.median(v[:n]), statistics.median(v[n:])
print(f"| median | {h:.0f} | {a:.0f} | {100*a/h:.0f}% |")
PY
