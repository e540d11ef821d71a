#!/usr/bin/env bash
# The Workers benchmark: builds the bakery (Clodo), the bakery block alone
# (benches/bakery-block-worker, for bundle size only) and the hand-written
# workers-rs baseline (benches/plain-worker) with the same pipeline and
# profile, then runs scripts/workers/bench.mjs on local workerd: bundle
# sizes, cold start, p50/p99 latency per route, same run. Prints only.
#
#   bash scripts/workers/bench.sh        (BENCH_N, BENCH_ROUNDS, BENCH_COLD tune it)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS=${CLODO_WORKERS_TOOLS:-$HOME/.cache/clodo/workers}
[[ -x $TOOLS/bin/node ]] || { echo "run 'bash .ci/install-workers.sh' first" >&2; exit 1; }
CLODO=$(bash "$ROOT/scripts/workers/build.sh" -p example-bakery-orders --out "$ROOT/target/workers/bench-clodo")
PLAIN=$(bash "$ROOT/scripts/workers/build.sh" -p bench-plain-worker --skip-migrations --out "$ROOT/target/workers/bench-plain")
BLOCK=$(bash "$ROOT/scripts/workers/build.sh" -p bench-bakery-block-worker --skip-migrations --out "$ROOT/target/workers/bench-block")
exec "$TOOLS/bin/node" "$ROOT/scripts/workers/bench.mjs" "$CLODO" "$PLAIN" "$CLODO/migrations" "$BLOCK"
