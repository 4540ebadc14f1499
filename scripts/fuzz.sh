#!/usr/bin/env bash
# Fuzz the parsers of untrusted input (issue 6) for a bounded time each, on stable Rust.
#
#   make fuzz                                   every target, FUZZ_SECONDS=60 each
#   FUZZ_SECONDS=120 bash scripts/fuzz.sh form_answers open311_request
#
# Each target starts from its committed seeds (fuzz/seeds/<target>/) with an empty scratch
# corpus (fuzz/corpus/<target>/), runs one libFuzzer process, and stops by itself. Prints one
# line per target; exits non-zero if any target crashed (the input is in fuzz/artifacts/).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_EACH=${FUZZ_SECONDS:-60}
ALL=(form_answers open311_request geojson_area gazetteer_csv)
if [ "$#" -gt 0 ]; then targets=("$@"); else targets=("${ALL[@]}"); fi

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# cargo-fuzz passes nightly-only flags; RUSTC_BOOTSTRAP lets stable rustc take them. No
# sanitizer: the crate forbids unsafe code, and a panic is what we look for.
export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do
  cargo fuzz build --sanitizer none "$t"
done

mkdir -p logs
failed=0
echo "| target | seconds | executions | exec/s | seeds | corpus at end | new inputs | crashes |"
echo "|---|---|---|---|---|---|---|---|"
for t in "${targets[@]}"; do
  seeds="seeds/$t"
  corpus="corpus/$t"
  artifacts="artifacts/$t"
  rm -rf "$corpus"
  mkdir -p "$corpus" "$artifacts"
  before=$(find "$artifacts" -type f | wc -l)
  log="logs/$t.log"
  status=0
  # New inputs go to the first directory; the seeds are only read. `timeout` is a backstop
  # in case libFuzzer does not stop at -max_total_time.
  timeout --signal=INT $((SECONDS_EACH + 120)) \
    cargo fuzz run --sanitizer none "$t" "$corpus" "$seeds" -- \
    -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 >"$log" 2>&1 || status=$?
  after=$(find "$artifacts" -type f | wc -l)
  crashes=$((after - before))
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  rate=$(grep -oE '^stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  seconds=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE '[0-9]+ second' | grep -oE '[0-9]+' || true)
  n_seeds=$(find "$seeds" -type f | wc -l)
  n_new=$(find "$corpus" -type f | wc -l)
  # libFuzzer's own count of the inputs it kept (seeds that add coverage, and new ones).
  corp=$(grep -oE 'corp: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || true)
  if [ -z "$runs" ]; then
    # A crash stops libFuzzer before its final stats: take the last status line.
    runs=$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)
  fi
  echo "| $t | ${seconds:-?} | ${runs:-?} | ${rate:-?} | $n_seeds | ${corp:-?} | $n_new | $crashes |"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    echo "$t failed (exit $status); the end of $PWD/$log:" >&2
    tail -n 40 "$log" >&2
  fi
done
exit "$failed"
