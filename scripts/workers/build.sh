#!/usr/bin/env bash
# Builds a Clodo block crate into a Cloudflare Worker bundle: a thin wrapper
# over `cargo clodo build --worker` (clodo-codegen/src/worker_build.rs, where
# the steps live: the crate's library compiled for wasm32-unknown-unknown,
# wasm-bindgen's JS glue, wasm-opt, the entry module, a wrangler.toml with
# the D1 binding and migrations_dir, and that migrations_dir with every
# mounted block's migrations in order). It runs this repository's
# cargo-clodo, so no install is needed, and lets one build at a time write
# an output folder (parallel test processes share them).
#
#   scripts/workers/build.sh [-p PACKAGE] [--out DIR] [--domain NAME]
#                            [--no-opt] [--skip-migrations] [--dev-vars]
#
#   -p, --package      the block crate (default: example-bakery-orders); its
#                      lib.rs must call `clodo_sdk::worker_app!(...)`
#   --out DIR          output folder (default: target/workers/<package>)
#   --domain NAME      CLODO_DOMAIN in wrangler.toml [vars] (default dev.localhost)
#   --no-opt           skip wasm-opt (faster; a bigger bundle)
#   --skip-migrations  do not write migrations/ (it runs the crate's native
#                      binary with `d1-migrations DIR`, which builds it)
#   --dev-vars         write DIR/.dev.vars with a random CLODO_SIGNING_KEY
#                      unless one exists (local runs only; never deploy it)
#
# Output (DIR, also printed on the last line of stdout):
#   worker/entry.mjs, worker/index.js, worker/index_bg.wasm, worker/snippets/
#   wrangler.toml, migrations/NNNN_<block>_<name>.sql, [.dev.vars]
#
# Tools come from .ci/install-workers.sh (run it once); nothing is downloaded
# here. The wasm build uses its own target folder (CLODO_WASM_TARGET_DIR,
# default target/wasm) so it never invalidates native builds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PACKAGE=example-bakery-orders
OUT=""
PASS=()
while [[ $# -gt 0 ]]; do
    case $1 in
    -p | --package) PACKAGE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --domain) PASS+=("$1" "$2"); shift 2 ;;
    --no-opt | --skip-migrations | --dev-vars) PASS+=("$1"); shift ;;
    -h | --help) sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
OUT=${OUT:-$ROOT/target/workers/$PACKAGE}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# One build per output folder at a time (parallel test processes).
exec 8>"$OUT/.build.lock"
flock -w 1800 8 || { echo "build.sh: timed out waiting for $OUT/.build.lock" >&2; exit 1; }

cd "$ROOT"
cargo run --quiet -p clodo-codegen --bin cargo-clodo -- \
    clodo build --worker -p "$PACKAGE" --out "$OUT" "${PASS[@]}"
