#!/usr/bin/env bash
# API conformance (issue 6): schemathesis, every check, against /api/openapi.json of a server
# started here on 127.0.0.1 with a throwaway SQLite database and the demo data. Exits non-zero
# on any failure. Loopback only; bounded by MAX_EXAMPLES per operation and LIMIT seconds; the
# server and its data are removed on exit.
#
#   make api-conformance        MAX_EXAMPLES=200 LIMIT=900 SEED=1 by default
#
# A debug build on purpose: arithmetic overflow panics there, so it shows as a 500.
set -euo pipefail
cd "$(dirname "$0")/.."
SCHEMATHESIS_VERSION=4.32.5
MAX_EXAMPLES="${MAX_EXAMPLES:-200}"
LIMIT="${LIMIT:-900}"
SEED="${SEED:-1}"
WORKERS="${WORKERS:-1}"
target="${CARGO_TARGET_DIR:-target}"
mkdir -p "$target"
# Absolute: schemathesis runs from a temporary folder (below).
target="$(cd "$target" && pwd)"
venv="$target/api-venv"

if [ ! -x "$venv/bin/schemathesis" ] ||
  [ "$("$venv/bin/schemathesis" --version 2>/dev/null | awk '{print $NF}')" != "$SCHEMATHESIS_VERSION" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi
cargo build --quiet --bin saferstreets
bin="$target/debug/saferstreets"

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# Abuse controls off, as for every load or conformance run (the config ignores unknown keys).
export SAFERSTREETS_RATE_LIMITS=false SAFERSTREETS_MIN_FILL_SECONDS=0 SAFERSTREETS_PROOF_OF_WORK=off
RUST_LOG=warn SAFERSTREETS_DATA_DIR="$work/data" SAFERSTREETS_KEYS_DIR="$work/keys" "$bin" serve --listen 127.0.0.1:0 \
  --database-url "sqlite://$work/api.db" > "$work/out" 2> "$work/err" &
pid=$!
url=""
for _ in $(seq 300); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out" 2>/dev/null | head -1 || true)
  [ -n "$url" ] && curl -fsS "$url/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
case "$url" in
  http://127.0.0.1:[0-9]*) ;;
  *) echo "the server did not start:" >&2; cat "$work/err" >&2; exit 1 ;;
esac
echo "== schemathesis $SCHEMATHESIS_VERSION against $url/api/openapi.json" >&2

# From the temporary folder, so schemathesis's example database stays out of the repository.
status=0
(cd "$work" && timeout --signal=TERM --kill-after=30 "$LIMIT" \
  "$venv/bin/schemathesis" run "$url/api/openapi.json" \
  --checks all --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers "$WORKERS" \
  --continue-on-failure --generation-database none --request-timeout 30 --no-color) || status=$?
if ! kill -0 "$pid" 2>/dev/null; then
  echo "the server died during the run:" >&2; tail -20 "$work/err" >&2; exit 1
fi
if grep -q panicked "$work/err"; then
  echo "the server panicked:" >&2; grep -A3 panicked "$work/err" >&2; status=1
fi
exit "$status"
