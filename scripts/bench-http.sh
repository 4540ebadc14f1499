#!/usr/bin/env bash
# Loopback load test: the advice page vs a minimal axum "hello world", and vs the same page's bytes
# and headers served by bare axum (examples/static_page.rs: the ceiling for a cached page), same run.
# Only ever targets 127.0.0.1; each wrk run is bounded by -d; every server is stopped on exit.
# Prints a markdown table, then `RESULT key=value` lines (for scripts/bench-all.sh): medians
# and the site server's resident memory at idle and its peak (VmHWM) after the load.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

# BIN and HELLO run other builds (e.g. an older commit's, for a before/after comparison).
BIN="${BIN:-}" HELLO="${HELLO:-}"
[ -n "$BIN" ] && [ -n "$HELLO" ] || cargo build --release --bin saferstreets --example hello >&2
[ -n "${STATIC:-}" ] || cargo build --release --example static_page >&2
BIN="${BIN:-target/release/saferstreets}" HELLO="${HELLO:-target/release/examples/hello}"
STATIC="${STATIC:-target/release/examples/static_page}"
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

start hello "$HELLO" 127.0.0.1:0
# Abuse controls off for load (the config ignores keys it does not know yet).
start site env RUST_LOG=warn SAFERSTREETS_DATA_DIR="$work" SAFERSTREETS_KEYS_DIR="$work/keys" SAFERSTREETS_RATE_LIMITS=false \
  SAFERSTREETS_MIN_FILL_SECONDS=0 SAFERSTREETS_PROOF_OF_WORK=off "$BIN" serve \
  --listen 127.0.0.1:0 --database-url "sqlite://$work/bench.db"
# A session cookie and a consent choice, as a returning visitor would send. Only ids the
# server issued are honoured, so ask it for one; content pages start no session (issue 15),
# so ask a page with a form of its own.
session=$(curl -s -o /dev/null -D - "$site/feedback" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*ss_session=[^;]*\).*/\1/p' | head -1)
[ -n "$session" ] || { echo "no session cookie from /feedback" >&2; exit 1; }
cookie="$session; ss_cookie_consent=no"
# Every browser sends this (Chromium's value); the server answers in brotli. Hello world
# ignores it. ENCODING=identity measures uncompressed pages instead.
ENCODING="${ENCODING:-gzip, deflate, br, zstd}"

# The ceiling for a cached page: bare axum sending the first visit's exact bytes and headers.
curl -s -D "$work/page.headers" -o "$work/page.body" -H "accept-encoding: $ENCODING" "$site/advice/stalking"
start ceiling "$STATIC" 127.0.0.1:0 "$work/page.body" "$work/page.headers"

# `run URL none` sends no cookie at all, as a browser's first visit does.
run() { local header=(-H "cookie: ${2:-$cookie}"); [ "${2:-}" = none ] && header=()
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "accept-encoding: $ENCODING" "${header[@]}" "$1" \
          | tee "$work/wrk.txt" >&2
        awk '/Requests\/sec/ {print $2}' "$work/wrk.txt"; }
# A real first visit: no cookie at all (not a made-up session id), so the page carries the
# cookie banner; since issue 15 that page too comes from the page cache.
first_visit=none
ROUNDS="${ROUNDS:-3}"
site_pid=${pids[1]}
cs=()
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
sleep 1
idle_kb=$(status_kb "$site_pid" VmRSS)
# Interleaved rounds, because throughput here drifts by tens of percent from run to run.
hs=(); as=(); fs=()
for r in $(seq "$ROUNDS"); do
  echo "== round $r: hello world $hello/" >&2
  hs+=("$(run "$hello/")")
  echo "== round $r: advice page $site/advice/stalking" >&2
  as+=("$(run "$site/advice/stalking")")
  echo "== round $r: advice page, first visit" >&2
  fs+=("$(run "$site/advice/stalking" "$first_visit")")
  echo "== round $r: the same bytes from bare axum $ceiling/" >&2
  cs+=("$(run "$ceiling/" none)")
done
echo
echo "| round | axum hello world (req/s) | /advice/stalking, returning visitor (req/s) | ratio | /advice/stalking, first visit (req/s) | ratio | its bytes from bare axum (req/s) | ratio |"
echo "|---|---|---|---|---|---|---|---|"
python3 - "$ROUNDS" "${hs[@]}" "${as[@]}" "${fs[@]}" "${cs[@]}" <<'PY'
import statistics, sys
n = int(sys.argv[1]); v = [float(x) for x in sys.argv[2:]]
h, a, f, c = v[:n], v[n:2*n], v[2*n:3*n], v[3*n:]
for i in range(n):
    print(f"| {i+1} | {h[i]:.0f} | {a[i]:.0f} | {100*a[i]/h[i]:.0f}% | {f[i]:.0f} | {100*f[i]/h[i]:.0f}% "
          f"| {c[i]:.0f} | {100*c[i]/h[i]:.0f}% |")
r = lambda xs: statistics.median(x / y for x, y in zip(xs, h))
m = statistics.median
print(f"| median | {m(h):.0f} | {m(a):.0f} | {100*r(a):.0f}% | {m(f):.0f} | {100*r(f):.0f}% "
      f"| {m(c):.0f} | {100*r(c):.0f}% |")
print(f"RESULT http.ceiling_ratio={100*r(c):.0f}")
print(f"RESULT http.hello_rps={statistics.median(h):.0f}")
print(f"RESULT http.returning_rps={statistics.median(a):.0f}")
print(f"RESULT http.returning_ratio={100*r(a):.0f}")
print(f"RESULT http.first_visit_rps={statistics.median(f):.0f}")
print(f"RESULT http.first_visit_ratio={100*r(f):.0f}")
PY
echo "RESULT http.rounds=$ROUNDS"
echo "RESULT http.duration=$DURATION"
echo "RESULT http.connections=$CONNECTIONS"
echo "RESULT http.encoding=$ENCODING"
echo "RESULT mem.http_idle_rss_kb=$idle_kb"
echo "RESULT mem.http_load_peak_kb=$(status_kb "$site_pid" VmHWM)"
