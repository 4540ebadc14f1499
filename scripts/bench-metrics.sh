#!/usr/bin/env bash
# What the metrics middleware costs: the same release binary with and without
# `--metrics-listen`, two routes (`/healthz`, the cheapest, where the middleware's share is
# largest, and an advice page), ROUNDS interleaved wrk rounds each, same machine, same run.
# Loopback only; each wrk run is bounded by -d; both servers are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-5s}"
ROUNDS="${ROUNDS:-3}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release --quiet --bin saferstreets
BIN=$PWD/target/release/saferstreets
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

start() { # start VAR DIR ARGS... : the service in DIR, VAR set to its URL
  local var=$1 dir=$2; shift 2
  mkdir -p "$dir"
  (cd "$dir" && SAFERSTREETS_DEMO_REPORTS=0 RUST_LOG=warn exec "$BIN" serve --listen 127.0.0.1:0 "$@" >out 2>/dev/null) &
  pids+=($!)
  for _ in $(seq 300); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/out" 2>/dev/null | head -1 || true)
    [ -n "$url" ] && { printf -v "$var" '%s' "$url"; return; }
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}
start plain "$work/plain"
start metered "$work/metered" --metrics-listen 127.0.0.1:0
rps() { wrk -t2 -c64 -d"$DURATION" "$1" | awk '/Requests\/sec/ {print $2}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "| route | without metrics (req/s) | with metrics (req/s) | with / without |"
echo "|---|---|---|---|"
for route in /healthz /advice/stalking; do
  a=(); b=()
  for _ in $(seq "$ROUNDS"); do
    a+=("$(rps "$plain$route")")
    b+=("$(rps "$metered$route")")
  done
  ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
  echo "| \`$route\` | $ma | $mb | $(python3 -c "print(f'{$mb / $ma:.0%}')") |"
done
