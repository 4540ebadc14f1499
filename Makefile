# One command for contributors: `make check` (format, lint, all tests).
.PHONY: run test check fmt lint assets e2e bench crash-test api-conformance bench-all fuzz

run:
	cargo run -- serve

test:
	bash scripts/test.sh

check: fmt lint test

fmt:
	cargo fmt --all -- --check

lint:
	cargo clippy --all-targets -- -D warnings

assets:
	npm ci --no-audit --no-fund && npm run build

e2e:
	cargo build --features failpoints && node --test --test-concurrency=1 e2e/

crash-test:
	bash scripts/crash-test.sh

api-conformance:
	bash scripts/api-conformance.sh

# The whole benchmark suite; rewrites the summary table in BENCHMARKS.md (QUICK=1: a short check).
bench-all:
	bash scripts/bench-all.sh

fuzz:
	bash scripts/fuzz.sh
