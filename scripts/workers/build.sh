#!/usr/bin/env bash
# Builds a Clodo block crate into a Cloudflare Worker bundle (what
# `cargo clodo build --worker` will run): the crate's library compiled for
# wasm32-unknown-unknown, wasm-bindgen's JS glue, wasm-opt, the entry module,
# a wrangler.toml with the D1 binding and migrations_dir, and that
# migrations_dir with every mounted block's migrations in order.
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
# Output (DIR):
#   worker/entry.mjs, worker/index.js, worker/index_bg.wasm, worker/snippets/
#   wrangler.toml, migrations/NNNN_<block>_<name>.sql, [.dev.vars]
#
# Tools come from .ci/install-workers.sh (run it once); nothing is downloaded
# here. The wasm build uses its own target folder (CLODO_WASM_TARGET_DIR,
# default target/wasm) so it never invalidates native builds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS=${CLODO_WORKERS_TOOLS:-$HOME/.cache/clodo/workers}
COMPAT_DATE=2026-07-30

PACKAGE=example-bakery-orders
OUT=""
DOMAIN=dev.localhost
OPT=1
MIGRATIONS=1
DEV_VARS=0
while [[ $# -gt 0 ]]; do
    case $1 in
    -p | --package) PACKAGE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --domain) DOMAIN=$2; shift 2 ;;
    --no-opt) OPT=0; shift ;;
    --skip-migrations) MIGRATIONS=0; shift ;;
    --dev-vars) DEV_VARS=1; shift ;;
    -h | --help) sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
OUT=${OUT:-$ROOT/target/workers/$PACKAGE}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# One build per output folder at a time (parallel test processes).
exec 8>"$OUT/.build.lock"
flock -w 1800 8 || { echo "build.sh: timed out waiting for $OUT/.build.lock" >&2; exit 1; }

log() { printf '[workers-build] %s\n' "$*" >&2; }
die() {
    printf '[workers-build] ERROR: %s\n' "$*" >&2
    exit 1
}

WBG=$TOOLS/bin/wasm-bindgen
WASM_OPT=$TOOLS/bin/wasm-opt
[[ -x $WBG ]] || die "wasm-bindgen not found in $TOOLS/bin: run 'bash .ci/install-workers.sh' first"
rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
    die "the Rust target wasm32-unknown-unknown is missing: run 'bash .ci/install-workers.sh' first"

# 1. The library as a cdylib for wasm32, size-tuned release (panic = abort:
#    see clodo_sdk::worker for what a panic does).
START=$SECONDS
TARGET_DIR=${CLODO_WASM_TARGET_DIR:-$ROOT/target/wasm}
log "cargo: $PACKAGE for wasm32-unknown-unknown (release) ..."
(
    cd "$ROOT"
    CARGO_TARGET_DIR=$TARGET_DIR \
        CARGO_PROFILE_RELEASE_OPT_LEVEL=${CLODO_WASM_OPT_LEVEL:-s} \
        CARGO_PROFILE_RELEASE_LTO=true \
        CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
        CARGO_PROFILE_RELEASE_DEBUG=false \
        cargo rustc -p "$PACKAGE" --lib --release --target wasm32-unknown-unknown \
        --crate-type cdylib --quiet
) || die "cargo could not build $PACKAGE for wasm32 (see above)"
WASM=$TARGET_DIR/wasm32-unknown-unknown/release/${PACKAGE//-/_}.wasm
[[ -f $WASM ]] || die "no $WASM after the build"

# 2. wasm-bindgen glue (+ reset/abort handling), then wasm-opt; skipped when
#    the input did not change since the last build into this folder.
STAMP="$(sha256sum "$WASM" | cut -d' ' -f1) opt=$OPT $(sha256sum "$ROOT/scripts/workers/entry.mjs" | cut -d' ' -f1)"
if [[ $(cat "$OUT/worker/.stamp" 2>/dev/null) == "$STAMP" ]]; then
    log "worker/ is up to date"
else
    rm -rf "$OUT/worker"
    mkdir -p "$OUT/worker"
    "$WBG" "$WASM" --out-dir "$OUT/worker" --out-name index --target module --no-typescript \
        --experimental-reset-state-function --force-enable-abort-handler ||
        die "wasm-bindgen failed"
    # workerd and wrangler import a .wasm module as a compiled module without
    # the source-phase keyword.
    sed -i 's/^import source \(.*\.wasm";\)$/import \1/' "$OUT/worker/index.js"
    if [[ $OPT == 1 ]]; then
        log "wasm-opt -Oz ..."
        "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
            --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-exception-handling \
            "$OUT/worker/index_bg.wasm" -o "$OUT/worker/index_bg.opt.wasm" || die "wasm-opt failed"
        mv "$OUT/worker/index_bg.opt.wasm" "$OUT/worker/index_bg.wasm"
    fi
    cp "$ROOT/scripts/workers/entry.mjs" "$OUT/worker/entry.mjs"
    printf '%s\n' "$STAMP" >"$OUT/worker/.stamp"
fi

# 3. wrangler.toml (kept if the user edited it: only written when missing
#    or still ours).
NAME=${PACKAGE#example-}
if [[ ! -f $OUT/wrangler.toml ]] || grep -q '^# Generated by scripts/workers/build.sh' "$OUT/wrangler.toml"; then
    cat >"$OUT/wrangler.toml" <<EOF
# Generated by scripts/workers/build.sh for $PACKAGE. Remove this first line
# to keep your edits across builds.
name = "$NAME"
main = "worker/entry.mjs"
compatibility_date = "$COMPAT_DATE"

[vars]
CLODO_DOMAIN = "$DOMAIN"
# Secrets: \`wrangler secret put CLODO_SIGNING_KEY\` (locally: .dev.vars).

[[d1_databases]]
binding = "DB"
database_name = "$NAME-${DOMAIN//./-}"
# From \`wrangler d1 create $NAME-${DOMAIN//./-}\`; local runs ignore it.
database_id = "00000000-0000-0000-0000-000000000000"
migrations_dir = "migrations"
EOF
fi

# 4. migrations_dir: the app's own list, from its native binary.
if [[ $MIGRATIONS == 1 ]]; then
    log "migrations: $PACKAGE d1-migrations ..."
    (cd "$ROOT" && cargo run --quiet -p "$PACKAGE" -- d1-migrations "$OUT/migrations") >/dev/null ||
        die "could not write the migrations (cargo run -p $PACKAGE -- d1-migrations)"
fi

if [[ $DEV_VARS == 1 && ! -f $OUT/.dev.vars ]]; then
    umask 077
    printf 'CLODO_SIGNING_KEY=%s\n' "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" >"$OUT/.dev.vars"
fi

RAW=$(stat -c %s "$OUT/worker/index_bg.wasm")
GZ=$(cat "$OUT/worker/index_bg.wasm" "$OUT/worker/index.js" "$OUT/worker/entry.mjs" | gzip -9 | wc -c)
log "built $OUT in $((SECONDS - START)) s (wasm $RAW bytes; wasm+js gzip $GZ bytes)"
echo "$OUT"
