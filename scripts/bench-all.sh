#!/usr/bin/env bash
# The whole benchmark suite in one command (issue 6): page render (criterion), request
# throughput with the hello-world ceiling in the same run (wrk), page weight and Lighthouse
# mobile scores (issue 15), durable submissions/s on
# SQLite and PostgreSQL, hotspot query latency at each of HOTSPOT_SIZES reports with PostGIS
# and Python h3 on the same data, the server's memory (resident at idle, peak under load) and
# its start-up time. Rewrites the summary table in BENCHMARKS.md between the bench-all markers.
#
#   make bench-all                   full: 1M and 10M reports, 23 min to ≈ 1 h once built
#   QUICK=1 make bench-all           20,000 reports, seconds-long runs: checks the script (≈ 1 min)
#   HOTSPOT_SIZES="1000000" make bench-all           other sizes
#
# Loopback only (servers on 127.0.0.1:0, PostgreSQL refused unless PG_BASE is on loopback);
# bounded (LIMIT seconds, then it stops itself); on exit or Ctrl-C it stops every process it
# started, drops the PostgreSQL databases of this run and removes its temporary files. The
# full log goes to target/bench-all/last.log.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 3>&1 4>&2 # the terminal, for cleanup (the rest also goes to the log)
PG_BASE="${PG_BASE:-postgres://postgres@127.0.0.1:5432}"
if [ -n "${QUICK:-}" ]; then
  : "${HOTSPOT_SIZES:=20000}" "${DURATION:=2s}" "${ROUNDS:=1}" "${DRAFTS:=300}" "${STARTS:=3}"
  : "${ITERATIONS:=20}" "${SLOW_RUNS:=3}" "${CRITERION:=--warm-up-time 1 --measurement-time 2}"
  : "${LIMIT:=1800}" "${PAGE_RUNS:=1}"
else
  : "${HOTSPOT_SIZES:=1000000 10000000}" "${DURATION:=10s}" "${ROUNDS:=3}" "${DRAFTS:=3000}"
  : "${STARTS:=10}" "${ITERATIONS:=200}" "${SLOW_RUNS:=11}" "${CRITERION:=}" "${LIMIT:=14400}"
fi
export PG_BASE DURATION ROUNDS DRAFTS ITERATIONS SLOW_RUNS
for n in $HOTSPOT_SIZES; do
  case "$n" in '' | *[!0-9]*) echo "HOTSPOT_SIZES must be numbers: $HOTSPOT_SIZES" >&2; exit 2 ;; esac
done
case "$PG_BASE" in
  postgres://*@127.0.0.1:* | postgres://*@localhost:* | postgres://*@\[::1\]:*) ;;
  *) echo "refusing a database that is not on loopback: $PG_BASE" >&2; exit 2 ;;
esac

target="${CARGO_TARGET_DIR:-target}"
mkdir -p "$target/bench-all"
log="$target/bench-all/last.log"
work=$(mktemp -d)
results="$work/results"
: > "$results"
# Every database the sub-scripts create starts with this, so cleanup drops exactly those.
export BENCH_DB_PREFIX="bench_all_$$"
# Our own deadline: the sub-scripts run in this process group, so Ctrl-C reaches them too.
export BENCH_HOTSPOTS_BOUNDED=1

descendants() { # every process below PID, deepest first (by parent id, never by name)
  local c
  for c in $(pgrep -P "$1" 2>/dev/null || true); do descendants "$c"; echo "$c"; done
}
cleanup() {
  trap - EXIT INT TERM
  # Give tee its end of file first, so the log is whole.
  exec 1>&3 2>&4
  local procs
  procs=$(descendants $$ | grep -vx "${tee_pid:-none}" || true)
  local p alive
  for p in $procs; do kill -TERM "$p" 2>/dev/null || true; done
  for _ in $(seq 50); do # up to 10 s for their own clean-ups
    alive=""
    for p in $procs; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
    [ -z "$alive" ] && break
    sleep 0.2
  done
  for p in $alive; do kill -KILL "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if command -v psql >/dev/null; then
    for db in $(psql -qAt "$PG_BASE/postgres" -c \
      "SELECT datname FROM pg_database WHERE datname LIKE '${BENCH_DB_PREFIX//_/\\_}\\_%'" \
      2>/dev/null); do
      psql -q "$PG_BASE/postgres" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

exec > >(tee "$log") 2>&1
tee_pid=$!
(sleep "$LIMIT"; echo "bench-all: LIMIT of $LIMIT s reached, stopping" >&2; kill -TERM $$) &
started=$(date +%s)
step() { echo; echo "=== $* ($(( $(date +%s) - started )) s)"; }
# A step that fails is reported and the suite goes on (its figures show as "–"); the exit
# status says whether every step worked.
failed=()
run() { # name output command…: run, keep its RESULT lines, remember a failure
  local name=$1 out=$2 status=0
  shift 2
  # In the background, so that `wait` returns as soon as Ctrl-C or the deadline arrives
  # and the trap stops everything (a trap would otherwise wait for a foreground step).
  { "$@" | tee "$out"; } &
  wait $! || status=$?
  grep '^RESULT ' "$out" >> "$results" || true
  if [ "$status" != 0 ]; then failed+=("$name"); echo "!!! $name failed ($status)"; fi
}

step "prerequisites: wrk, PostGIS, Python h3 + pandas"
command -v wrk >/dev/null && dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1 ||
  { apt-get update -qq && apt-get install -y -qq wrk postgresql-15-postgis-3 >/dev/null; }
venv="$target/bench-venv"
[ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import h3, pandas' 2>/dev/null ||
  { python3 -m venv "$venv" && "$venv/bin/pip" install -q h3==4.5.0 pandas==3.1.1; }
PYTHON="$(cd "$venv" && pwd)/bin/python"
export PYTHON
cargo build --release --quiet --bin saferstreets --example hello --example submit_load \
  --example hotspot_bench
bin="$target/release/saferstreets"
versions="$("$PYTHON" -c 'import h3, pandas, sys; print(f"Python {sys.version.split()[0]}, h3 {h3.__version__}, pandas {pandas.__version__}")')"

step "page render (cargo bench --bench render)"
# shellcheck disable=SC2086
run render "$work/render" cargo bench --quiet --bench render -- --noplot $CRITERION
# "NAME  time: [low unit median unit high unit]", the name sometimes on a line of its own.
awk '/^render \/advice/ { k = "render.page" } /^GET \/advice/ { k = "render.router" }
  /time:/ && k { split(substr($0, index($0, "[") + 1), t, " "); print "RESULT " k "=" t[3] t[4]; k = "" }' \
  "$work/render" \
  | tee -a "$results"

step "requests over loopback (scripts/bench-http.sh)"
run http "$work/http" bash scripts/bench-http.sh

step "page weight and Lighthouse, mobile (scripts/bench-pages.sh)"
run pages "$work/pages" env BIN="$bin" RUNS="${PAGE_RUNS:-3}" bash scripts/bench-pages.sh

step "durable submissions (scripts/bench-submit.sh)"
run submit "$work/submit" bash scripts/bench-submit.sh

for n in $HOTSPOT_SIZES; do
  step "hotspots at $n reports (scripts/bench-hotspots.sh $n)"
  run "hotspots $n" "$work/hot-$n" bash scripts/bench-hotspots.sh "$n"
done

step "start-up time and idle memory (scripts/bench_startup.py)"
mkdir "$work/startup"
run startup "$work/startup.out" python3 scripts/bench_startup.py "$bin" "$STARTS" "$work/startup"

step "summary"
pg_version=$(psql -qAt "$PG_BASE/postgres" -c 'SHOW server_version' 2>/dev/null || echo "not reachable")
command_line="${QUICK:+QUICK=1 }HOTSPOT_SIZES=\"$HOTSPOT_SIZES\" make bench-all"
{
  echo "META date=$(date -u +%Y-%m-%d)"
  echo "META command=$command_line"
  echo "META commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (modified)')"
  echo "META quick=${QUICK:-}"
  echo "META nproc=$(nproc)"
  echo "META cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "META ram=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "META kernel=$(uname -r)"
  echo "META rustc=$(rustc --version)"
  echo "META postgres=$pg_version"
  echo "META python=$versions"
  echo "META load=$(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "META duration=$(( $(date +%s) - started ))"
  echo "META settings=wrk ${DURATION} × ${ROUNDS} rounds, ${DRAFTS} submissions, ${ITERATIONS} hotspot queries, ${SLOW_RUNS} PostGIS/Python runs, ${STARTS} starts"
} >> "$results"
python3 scripts/bench_summary.py "$results" BENCHMARKS.md
echo
echo "BENCHMARKS.md updated; the whole run took $(( $(date +%s) - started )) s; log: $log"
if [ "${#failed[@]}" -gt 0 ]; then echo "steps that failed: ${failed[*]}"; exit 1; fi
