#!/usr/bin/env bash
# Builds and runs the fuzz targets (libFuzzer, coverage-guided, on stable
# Rust; see fuzz/Cargo.toml) for a bounded time each.
#
#   bash fuzz/run.sh TARGET [SECONDS]     one target (default 60 s)
#   bash fuzz/run.sh all [SECONDS]        every target, $FUZZ_JOBS at a time
#                                         (default: the number of cores)
#   bash fuzz/run.sh list                 the targets
#
# Targets: route, domain_config, data_query, openapi_load, token_verify.
# Each starts from its corpus in fuzz/corpus/TARGET (kept in the repo, seeded
# with real inputs); what it finds new goes to target/fuzz-corpus/TARGET, not
# into the repo: to keep an interesting input, minimise it (libFuzzer's
# -merge=1) and commit it. A crash is written to target/fuzz-artifacts/TARGET/
# and fails the run; reproduce it with
#   target/x86_64-unknown-linux-gnu/fuzz/TARGET target/fuzz-artifacts/TARGET/crash-...
# Extra libFuzzer flags: FUZZ_ARGS="-max_len=8192 ...".
# Exits non-zero on a crash or a build failure; prints execs per target.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGETS=(route domain_config data_query openapi_load token_verify)
WHAT=${1:-}
SECS=${2:-60}
if ! command -v cargo >/dev/null 2>&1 && [[ -x $HOME/.cargo/bin/cargo ]]; then
    export PATH=$HOME/.cargo/bin:$PATH
fi
case $WHAT in
list)
    printf '%s\n' "${TARGETS[@]}"
    exit 0
    ;;
all) RUN=("${TARGETS[@]}") ;;
"" | -h | --help)
    sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
*)
    [[ " ${TARGETS[*]} " == *" $WHAT "* ]] || {
        echo "fuzz/run.sh: unknown target $WHAT (one of: ${TARGETS[*]})" >&2
        exit 2
    }
    RUN=("$WHAT")
    ;;
esac
[[ $SECS =~ ^[0-9]+$ && $SECS -ge 1 ]] || {
    echo "fuzz/run.sh: SECONDS must be a positive number" >&2
    exit 2
}

TRIPLE=$(rustc -vV | sed -n 's/^host: //p')
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
BIN_DIR=$TARGET_DIR/$TRIPLE/fuzz
# SanitizerCoverage as libFuzzer wants it (what cargo-fuzz passes, less the
# nightly-only -Zsanitizer): inline 8-bit counters, the PC table, compare
# tracing (so it solves magic values), and --cfg fuzzing. With --target,
# RUSTFLAGS reach only the fuzzed code, not build scripts or proc macros.
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing"
export CARGO_TARGET_DIR=$TARGET_DIR

t=$SECONDS
echo "[fuzz] building ${RUN[*]} (profile fuzz, $TRIPLE) ..."
bins=()
for b in "${RUN[@]}"; do bins+=(--bin "$b"); done
(cd "$ROOT/fuzz" && cargo build --quiet --locked --profile fuzz --target "$TRIPLE" "${bins[@]}")
echo "[fuzz] built in $((SECONDS - t)) s"

# run_one TARGET: fuzzes it for SECS; writes target/fuzz-logs/TARGET.log.
run_one() {
    local name=$1 corpus=$TARGET_DIR/fuzz-corpus/$1 art=$TARGET_DIR/fuzz-artifacts/$1
    local logf=$TARGET_DIR/fuzz-logs/$1.log rc=0
    mkdir -p "$corpus" "$art" "$(dirname "$logf")"
    touch "$logf.start"
    # -max_total_time bounds the fuzzing; timeout bounds everything else
    # (start-up, a hang in the target: -timeout counts one input).
    # shellcheck disable=SC2086
    timeout --kill-after=10 $((SECS + 60)) "$BIN_DIR/$name" "$corpus" "$ROOT/fuzz/corpus/$name" \
        -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$art/" ${FUZZ_ARGS:-} >"$logf" 2>&1 || rc=$?
    echo "$rc" >"$logf.rc"
}

# data_query keeps its SQLite database under TMPDIR; libFuzzer exits without
# running destructors, so give the runs a folder of their own and remove it.
export TMPDIR=$TARGET_DIR/fuzz-tmp
rm -rf "$TMPDIR"
mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT

FAILED=0
JOBS=${FUZZ_JOBS:-$(nproc)}
t=$SECONDS
echo "[fuzz] running ${RUN[*]} for $SECS s each, $JOBS at a time ..."
pids=()
for name in "${RUN[@]}"; do
    run_one "$name" &
    pids+=($!)
    while [[ $(jobs -rp | wc -l) -ge $JOBS ]]; do wait -n || true; done
done
wait || true
for name in "${RUN[@]}"; do
    logf=$TARGET_DIR/fuzz-logs/$name.log
    rc=$(cat "$logf.rc" 2>/dev/null || echo "?")
    execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$logf" | grep -oE '[0-9]+$' || echo "?")
    cov=$(grep -oE 'DONE[[:space:]]+cov: [0-9]+ ft: [0-9]+' "$logf" | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
    crashes=$(find "$TARGET_DIR/fuzz-artifacts/$name" -type f -newer "$logf.start" | wc -l)
    if [[ $rc == 0 ]]; then
        printf '[fuzz] %-14s ok: %s execs in %d s, %s, 0 crashes\n' "$name" "$execs" "$SECS" "${cov:-cov ?}"
    else
        FAILED=$((FAILED + 1))
        printf '[fuzz] %-14s FAILED (exit %s): %s execs, %s crash file(s) in %s\n' "$name" "$rc" "$execs" "$crashes" "$TARGET_DIR/fuzz-artifacts/$name"
        grep -E 'panicked|ERROR: libFuzzer|SUMMARY|^Base64' "$logf" | head -8 | sed 's/^/    /'
    fi
    grep -E '^data_query: ' "$logf" | sort -u | head -5 | sed 's/^/    5xx seen: /' || true
done
echo "[fuzz] done in $((SECONDS - t)) s (logs in $TARGET_DIR/fuzz-logs)"
[[ $FAILED -eq 0 ]]
