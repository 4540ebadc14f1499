#!/usr/bin/env bash
# Page weight and Lighthouse (issue 15): a first visit (no cookie, empty cache) to the home
# page, an advice page and the first question of each report, in Lighthouse's mobile preset
# (simulated slow 4G and a 4× slower CPU), headless Debian Chromium. Prints a markdown table,
# then `RESULT key=value` lines for scripts/bench-all.sh: the performance score, first and
# largest contentful paint, and the bytes on the wire (every response of the load, headers
# included, as Lighthouse's `total-byte-weight` counts them).
#
#   scripts/bench-pages.sh            RUNS=3 (median of three runs per page)
#
# Only ever targets 127.0.0.1; the server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH (apt-get install chromium)" >&2; exit 1; }
[ -x node_modules/.bin/lighthouse ] || { echo "run npm ci first (lighthouse is a devDependency)" >&2; exit 1; }

target="${CARGO_TARGET_DIR:-target}"
bin="${BIN:-$target/release/saferstreets}"
[ -n "${BIN:-}" ] || cargo build --release --bin saferstreets >&2
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

RUST_LOG=warn SAFERSTREETS_DATA_DIR="$work" SAFERSTREETS_KEYS_DIR="$work/keys" \
  SAFERSTREETS_RATE_LIMITS=false "$bin" serve --listen 127.0.0.1:0 \
  --database-url "sqlite://$work/pages.db" > "$work/out" 2>/dev/null &
pid=$!
site=
for _ in $(seq 100); do
  site=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out" 2>/dev/null | head -1 || true)
  [ -n "$site" ] && break
  sleep 0.1
done
[ -n "$site" ] || { echo "server did not start" >&2; exit 1; }

pages=(home:/ advice:/advice/stalking stalking:/report-stalking/danger place:/unsafe-place/where)
for entry in "${pages[@]}"; do
  name=${entry%%:*} path=${entry#*:}
  # Steady state: a content page is rendered and compressed (brotli at quality 11, about
  # 30 ms) once per language and banner state after a start, then served from the cache.
  curl -s -o /dev/null -H 'accept-encoding: gzip, deflate, br, zstd' "$site$path"
  for r in $(seq "$RUNS"); do
    echo "== lighthouse $name ($path), run $r" >&2
    # Lighthouse now and then fails to record a trace (NO_NAVSTART); such a run is repeated,
    # at most twice, rather than ending the whole benchmark.
    for attempt in 1 2 3; do
      node_modules/.bin/lighthouse "$site$path" --quiet --only-categories=performance \
        --form-factor=mobile --throttling-method=simulate \
        --chrome-flags="--headless=new --no-sandbox" \
        --output=json --output-path="$work/$name.$r.json" >&2 && break
      [ "$attempt" = 3 ] && { echo "lighthouse failed three times on $path" >&2; exit 1; }
      echo "== lighthouse failed; again" >&2
    done
  done
done

python3 - "$work" "$RUNS" "${pages[@]}" <<'PY'
import json, statistics, sys
work, runs, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
print("| page | performance | FCP | LCP | first visit on the wire | requests |")
print("|---|---|---|---|---|---|")
results = []
for entry in pages:
    name, path = entry.split(":", 1)
    rs = []
    for r in range(1, runs + 1):
        d = json.load(open(f"{work}/{name}.{r}.json"))
        a = d["audits"]
        rs.append((
            round(100 * (d["categories"]["performance"]["score"] or 0)),
            a["first-contentful-paint"]["numericValue"],
            a["largest-contentful-paint"]["numericValue"],
            a["total-byte-weight"]["numericValue"],
            len(a["network-requests"]["details"]["items"]),
        ))
    score = statistics.median(x[0] for x in rs)
    fcp = statistics.median(x[1] for x in rs)
    lcp = statistics.median(x[2] for x in rs)
    weight = statistics.median(x[3] for x in rs)
    reqs = statistics.median(x[4] for x in rs)
    print(f"| `{path}` | {score:.0f} | {fcp / 1000:.2f} s | {lcp / 1000:.2f} s | "
          f"{weight / 1024:.1f} KiB | {reqs:.0f} |")
    results += [f"RESULT pages.{name}.score={score:.0f}", f"RESULT pages.{name}.fcp={fcp:.0f}ms",
                f"RESULT pages.{name}.lcp={lcp:.0f}ms", f"RESULT pages.{name}.bytes={weight:.0f}"]
print()
print("\n".join(results))
print(f"RESULT pages.runs={runs}")
PY
