#!/usr/bin/env bash
# Load and crash safety of the native bakery (release build), bounded in time.
#
# 1. Load: wrk (Debian's, pinned) runs .ci/reliability/mixed.lua for
#    LOAD_SECS with 64 connections: reads (menu, data lists and records) and
#    writes (POST /data/customers as staff, POST /orders as a customer), each
#    write with a unique key that the script records when the server answers
#    201. Then every acknowledged write is read back through the API
#    (.ci/reliability/readback.py). Targets: 0 errors (socket errors,
#    timeouts, any non-2xx answer), 0 lost writes; p50/p99 are printed
#    (aim: p99 < 50 ms).
# 2. Crash: the same load on a fresh data folder; the server is killed with
#    SIGKILL (its whole process group) CRASH_AT seconds in, restarted on the
#    same data folder, every write acknowledged before the kill is read back,
#    and after a clean stop `PRAGMA integrity_check` of the domain's
#    db.sqlite3 must say ok.
#
# Usage: bash .ci/reliability.sh [load|crash|all]          (default all)
#   LOAD_SECS (60), LOAD_CONNECTIONS (64), CRASH_SECS (12), CRASH_AT (6)
#   P99_LIMIT_MS: fail when p99 exceeds it (default: report only)
# Logs go to target/reliability/. Servers run in their own process groups
# and are stopped on exit, whatever happens.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WHICH=${1:-all}
case $WHICH in load | crash | all) ;; *)
    echo "usage: bash .ci/reliability.sh [load|crash|all]" >&2
    exit 2
    ;;
esac
LOAD_SECS=${LOAD_SECS:-60}
CONNS=${LOAD_CONNECTIONS:-64}
CRASH_SECS=${CRASH_SECS:-12}
CRASH_AT=${CRASH_AT:-6}
WRK_VERSION=4.1.0-3+b2
DOMAIN=dev.localhost

if ! command -v cargo >/dev/null 2>&1 && [[ -x $HOME/.cargo/bin/cargo ]]; then
    export PATH=$HOME/.cargo/bin:$PATH
fi
log() { printf '[reliability] %s\n' "$*"; }
die() {
    printf '[reliability] ERROR: %s\n' "$*" >&2
    exit 1
}
START=$SECONDS
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=$TARGET_DIR/reliability
rm -rf "$OUT"
mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/clodo-reliability.XXXXXX")

PGIDS=()
stop_all() {
    local g
    for g in "${PGIDS[@]}"; do kill -KILL -- "-$g" 2>/dev/null || true; done
    PGIDS=()
}
cleanup() {
    stop_all
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- tools ------------------------------------------------------------------
if [[ $(dpkg-query -W -f='${Version}' wrk 2>/dev/null) != "$WRK_VERSION" ]]; then
    t=$SECONDS
    log "installing wrk $WRK_VERSION (apt) ..."
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get install -y -q "wrk=$WRK_VERSION" >"$OUT/apt.log" 2>&1 ||
        { timeout 600 apt-get update -q >>"$OUT/apt.log" 2>&1 &&
            timeout 600 apt-get install -y -q "wrk=$WRK_VERSION" >>"$OUT/apt.log" 2>&1; } ||
        { tail -20 "$OUT/apt.log" >&2; die "apt-get install wrk=$WRK_VERSION failed"; }
    log "wrk installed ($((SECONDS - t)) s)"
fi
command -v python3 >/dev/null || die "python3 not found"

t=$SECONDS
log "building bakery-orders (release) and clodo-mint-token ..."
# One release build for both (clodo-mint-token shares its clodo-sdk).
cargo build --quiet --release -p example-bakery-orders --bin bakery-orders -p clodo-e2e --bin clodo-mint-token
SERVER=$TARGET_DIR/release/bakery-orders
MINT=$TARGET_DIR/release/clodo-mint-token
log "built in $((SECONDS - t)) s"

KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf 'CLODO_SIGNING_KEY=%s\n' "$KEY" >"$WORK/dev.vars"
STAFF_TOKEN=$(CLODO_SIGNING_KEY=$KEY "$MINT" "$DOMAIN" staff harness-staff 7200)
CUSTOMER_TOKEN=$(CLODO_SIGNING_KEY=$KEY "$MINT" "$DOMAIN" customer harness-customer 7200)
PICKUP_DATE=$(date -u -d tomorrow +%F)
export STAFF_TOKEN CUSTOMER_TOKEN PICKUP_DATE

# start_server DATA_DIR LOG: the release server on an ephemeral port, in its
# own process group; sets SERVER_PID and BASE.
start_server() {
    local data=$1 logf=$2 i
    : >"$logf"
    setsid env PORT=0 CLODO_DATA_DIR="$data" CLODO_DEV_VARS="$WORK/dev.vars" RUST_LOG=warn \
        "$SERVER" >>"$logf" 2>&1 </dev/null &
    SERVER_PID=$!
    PGIDS+=("$SERVER_PID")
    BASE=""
    for ((i = 0; i < 300; i++)); do
        BASE=$(grep -oEm1 'serving .* on http://[0-9.:]+' "$logf" | grep -oE 'http://[0-9.:]+' || true)
        [[ -n $BASE ]] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    tail -20 "$logf" >&2
    die "the bakery server did not start (log $logf)"
}
# stop_server: SIGTERM (drains), then waits for it; SIGKILL after 15 s.
stop_server() {
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    timeout 15 tail --pid="$SERVER_PID" -f /dev/null || kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
}
seed() {
    # Record 1, which the script reads.
    curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $STAFF_TOKEN" -H 'Content-Type: application/json' \
        -d '{"name":"Seed","email":"seed@example.com"}' "$BASE/data/customers" || die "seeding failed"
}
# run_wrk SECS ACK_DIR TAG LOG: the mixed load; prints wrk's result JSON line.
run_wrk() {
    local secs=$1 ack=$2 tag=$3 logf=$4
    mkdir -p "$ack"
    ACK_DIR=$ack RUN_TAG=$tag timeout --kill-after=5 $((secs + 30)) \
        wrk -t2 -c"$CONNS" -d"${secs}s" --timeout 10s --latency -s "$ROOT/.ci/reliability/mixed.lua" "$BASE" \
        >"$logf" 2>&1 || true
    grep -m1 '^wrk-result ' "$logf" | cut -d' ' -f2- || {
        tail -20 "$logf" >&2
        die "wrk printed no result (log $logf)"
    }
}
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }

FAILED=0
SUMMARY=()

# ---- 1. load ------------------------------------------------------------------
run_load() {
    local t=$SECONDS res rb errors p50 p99 rc=0
    start_server "$WORK/load-data" "$OUT/load-server.log"
    seed
    log "load: ${LOAD_SECS} s, $CONNS connections, mixed reads and writes on $BASE ..."
    res=$(run_wrk "$LOAD_SECS" "$WORK/load-acks" load "$OUT/load-wrk.log")
    log "wrk: $res"
    rb=$(python3 "$ROOT/.ci/reliability/readback.py" "$BASE" "$PICKUP_DATE" "$WORK/load-acks") || rc=$?
    log "$rb"
    stop_server
    errors=$(($(field "$res" connect_errors) + $(field "$res" read_errors) + $(field "$res" write_errors) + $(field "$res" timeouts) + $(field "$res" non_2xx_3xx)))
    p50=$(awk -v u="$(field "$res" p50_us)" 'BEGIN{printf "%.2f", u/1000}')
    p99=$(awk -v u="$(field "$res" p99_us)" 'BEGIN{printf "%.2f", u/1000}')
    local lost
    lost=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1].split(" ",1)[1])["lost_writes"])' "$rb" 2>/dev/null || echo "?")
    SUMMARY+=("load: $(field "$res" requests) requests in ${LOAD_SECS} s ($(($(field "$res" requests) / LOAD_SECS))/s), $(field "$res" writes_acked) writes acknowledged, errors $errors (5xx $(field "$res" s5xx), 4xx $(field "$res" s4xx), socket/timeouts $(($(field "$res" connect_errors) + $(field "$res" read_errors) + $(field "$res" write_errors) + $(field "$res" timeouts)))), p50 ${p50} ms, p99 ${p99} ms, lost writes $lost ($((SECONDS - t)) s)")
    if [[ $errors -ne 0 || $rc -ne 0 ]]; then
        FAILED=$((FAILED + 1))
        grep -E '^wrk: ' "$OUT/load-wrk.log" | head -3 | sed 's/^/    /' >&2 || true
    fi
    if [[ -n ${P99_LIMIT_MS:-} ]] && awk -v a="$p99" -v b="$P99_LIMIT_MS" 'BEGIN{exit !(a > b)}'; then
        log "p99 ${p99} ms is over P99_LIMIT_MS=$P99_LIMIT_MS"
        FAILED=$((FAILED + 1))
    fi
}

# ---- 2. crash -----------------------------------------------------------------
run_crash() {
    local t=$SECONDS data=$WORK/crash-data res rb rc=0 wrk_pid integrity
    start_server "$data" "$OUT/crash-server.log"
    seed
    log "crash: ${CRASH_SECS} s of load, kill -9 at ${CRASH_AT} s ..."
    run_wrk "$CRASH_SECS" "$WORK/crash-acks" crash "$OUT/crash-wrk.log" >"$WORK/crash-res" &
    wrk_pid=$!
    sleep "$CRASH_AT"
    kill -KILL -- "-$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    log "server killed (SIGKILL to its process group); waiting for wrk to finish ..."
    wait "$wrk_pid" || true
    res=$(cat "$WORK/crash-res")
    log "wrk: $res"
    start_server "$data" "$OUT/crash-restart.log"
    log "restarted on the same data folder at $BASE"
    rb=$(python3 "$ROOT/.ci/reliability/readback.py" "$BASE" "$PICKUP_DATE" "$WORK/crash-acks") || rc=$?
    log "$rb"
    stop_server
    integrity=$(python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(";".join(r[0] for r in db.execute("PRAGMA integrity_check")))
' "$data/$DOMAIN/db.sqlite3") || integrity="cannot open: $?"
    log "PRAGMA integrity_check: $integrity"
    local lost
    lost=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1].split(" ",1)[1])["lost_writes"])' "$rb" 2>/dev/null || echo "?")
    SUMMARY+=("crash: $(field "$res" writes_acked) writes acknowledged before kill -9 at ${CRASH_AT} s, lost writes $lost after restart, integrity_check: $integrity ($((SECONDS - t)) s)")
    if [[ $rc -ne 0 || $integrity != ok || $(field "$res" writes_acked) -eq 0 ]]; then
        FAILED=$((FAILED + 1))
    fi
}

[[ $WHICH == load || $WHICH == all ]] && run_load
[[ $WHICH == crash || $WHICH == all ]] && run_crash

echo
log "summary (wrk $WRK_VERSION, release build; logs in $OUT):"
printf '  %s\n' "${SUMMARY[@]}"
log "done in $((SECONDS - START)) s"
if [[ $FAILED -gt 0 ]]; then
    log "FAILED: $FAILED check(s)"
    exit 1
fi
log "0 errors, 0 lost writes, integrity ok"
