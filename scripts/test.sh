#!/usr/bin/env bash
# Every test: Rust unit and integration tests (SQLite always, PostgreSQL when reachable),
# then the browser tests in headless Chromium. Installs what is missing first, so it works
# on a fresh machine with nothing set up by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
# e2e/tls.test.mjs runs the service behind a real nginx (deploy/nginx/saferstreets.conf).
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "== installing Debian nginx for the TLS proxy test"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq nginx >/dev/null; fi
fi
# tests/integration/alerts.rs sends alert emails to a real SMTP server (scripts/smtp_sink.py).
if ! python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  echo "== installing Python aiosmtpd for the alert email tests"
  python3 -m pip install -q aiosmtpd
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

# PostgreSQL: use TEST_DATABASE_URL if given, else the local server if one answers.
if [ -z "${TEST_DATABASE_URL:-}" ] && command -v pg_isready >/dev/null 2>&1 \
   && pg_isready -q -h 127.0.0.1 -p 5432; then
  export TEST_DATABASE_URL="postgres://${PGUSER:-$(id -un)}@127.0.0.1:5432/test"
fi
echo "== storage tests on: sqlite${TEST_DATABASE_URL:+ and postgres}"

# `failpoints` compiles in the fail points of the fault-injection tests (tests/faults); they do
# nothing unless a test sets them, and release builds never have them.
cargo test --all-targets --features failpoints
cargo build --features failpoints
node --test --test-concurrency=1 e2e/
