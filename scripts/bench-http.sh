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

start() { # start CMD... ; prints the URL from the first stdout line
  "$@" > "$work/out.$$" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out.$$" 2>/dev/null | head -1 || true)
    [ -n "$url" ] && { echo "$url"; return; }
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}

hello=$(start target/release/examples/hello 127.0.0.1:0)
site=$(RUST_LOG=warn SAFERSTREETS_DATA_DIR="$work" start target/release/saferstreets serve \
  --listen 127.0.0.1:0 --database-url "sqlite://$work/bench.db")
# A session cookie and a consent choice, as a returning visitor would send.
cookie="ss_session=$(printf 'a%.0s' $(seq 64)); ss_cookie_consent=no"

run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "cookie: $cookie" "$1" | tee "$work/wrk.txt" >&2
        awk '/Requests\/sec/ {print $2}' "$work/wrk.txt"; }
echo "== hello world: $hello/" >&2
h=$(run "$hello/")
echo "== advice page: $site/advice/stalking" >&2
a=$(run "$site/advice/stalking")
echo
echo "| target | requests/s |"
echo "|---|---|"
echo "| axum hello world | $h |"
echo "| /advice/stalking | $a |"
python3 -c "print(f'advice page at {100*float(\"$a\")/float(\"$h\"):.0f}% of hello world')"
