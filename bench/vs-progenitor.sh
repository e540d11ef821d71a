#!/usr/bin/env bash
# Client generation against progenitor, in the same run, on the same spec.
#
#   bash bench/vs-progenitor.sh [SPEC]          (default clodo-codegen/tests/specs/nexus.json)
#
# Prints, for cargo clodo client and cargo progenitor (installed from crates.io
# into bench/.tools on first use): generation time (median of ROUNDS runs of
# the release binaries), `cargo check` time of the generated crate cold (its
# dependencies included, fresh target dir) and warm (the crate alone, after
# touching its lib.rs), and the ratios clodo/progenitor. Then tries progenitor
# on every vendored spec and lists the ones it rejects (at generation or at
# `cargo check`). Slow (minutes): not part of `cargo test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
SPEC=${1:-$ROOT/clodo-codegen/tests/specs/nexus.json}
SPECS_DIR=$(dirname "$SPEC")
ROUNDS=${ROUNDS:-5}
PROGENITOR_VERSION=0.15.1
TOOLS=$ROOT/bench/.tools
WORK=${BENCH_WORK:-$ROOT/target/bench-vs-progenitor}
mkdir -p "$WORK"

echo "[bench] building cargo-clodo (release)"
cargo build --quiet --release -p clodo-codegen --bin cargo-clodo
CLODO=${CARGO_TARGET_DIR:-$ROOT/target}/release/cargo-clodo
if [[ ! -x $TOOLS/bin/cargo-progenitor ]]; then
    echo "[bench] installing cargo-progenitor $PROGENITOR_VERSION into $TOOLS (once)"
    cargo install --quiet --locked cargo-progenitor --version "$PROGENITOR_VERSION" --root "$TOOLS"
fi
PROGENITOR=$TOOLS/bin/cargo-progenitor

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

gen_clodo() { rm -rf "$2"; "$CLODO" clodo client --spec "$1" --out "$2" --name bench-clodo-client >/dev/null 2>&1; }
gen_progenitor() {
    rm -rf "$2"
    "$PROGENITOR" progenitor -i "$1" -o "$2" -n bench-progenitor-client -v 0.1.0 >/dev/null 2>&1 &&
        printf '\n[workspace]\n' >>"$2/Cargo.toml"
}

time_gen() { # TOOL SPEC OUT -> median seconds
    local tool=$1 spec=$2 out=$3 t
    for _ in $(seq "$ROUNDS"); do
        t=$(now)
        "gen_$tool" "$spec" "$out"
        awk -v a="$(now)" -v b="$t" 'BEGIN { print a - b }'
    done | median
}

time_check() { # DIR -> "cold warm" seconds
    local dir=$1 t cold warm
    rm -rf "$dir/target"
    t=$(now)
    (cd "$dir" && CARGO_TARGET_DIR=$dir/target cargo check --quiet 2>/dev/null)
    cold=$(awk -v a="$(now)" -v b="$t" 'BEGIN { print a - b }')
    touch "$dir/src/lib.rs"
    t=$(now)
    (cd "$dir" && CARGO_TARGET_DIR=$dir/target cargo check --quiet 2>/dev/null)
    warm=$(awk -v a="$(now)" -v b="$t" 'BEGIN { print a - b }')
    echo "$cold $warm"
}

echo "[bench] spec: $SPEC ($ROUNDS rounds of generation each)"
G_CLODO=$(time_gen clodo "$SPEC" "$WORK/clodo")
G_PROG=$(time_gen progenitor "$SPEC" "$WORK/progenitor")
echo "[bench] cargo check of each generated crate (cold: with dependencies; warm: the crate alone)"
read -r C_CLODO W_CLODO < <(time_check "$WORK/clodo")
read -r C_PROG W_PROG < <(time_check "$WORK/progenitor")

printf '\n%-26s %12s %12s %10s\n' "" "clodo" "progenitor" "ratio"
printf '%-26s %11.3fs %11.3fs %10s\n' "generation (median)" "$G_CLODO" "$G_PROG" "$(ratio "$G_CLODO" "$G_PROG")"
printf '%-26s %11.1fs %11.1fs %10s\n' "cargo check, cold" "$C_CLODO" "$C_PROG" "$(ratio "$C_CLODO" "$C_PROG")"
printf '%-26s %11.1fs %11.1fs %10s\n' "cargo check, warm" "$W_CLODO" "$W_PROG" "$(ratio "$W_CLODO" "$W_PROG")"
printf '%-26s %12s %12s\n' "generated lines (src/)" "$(cat "$WORK"/clodo/src/*.rs | wc -l)" "$(cat "$WORK"/progenitor/src/*.rs | wc -l)"
echo "(ratio = clodo / progenitor; below 1 means clodo is faster)"

echo
echo "[bench] every spec in $SPECS_DIR:"
for spec in "$SPECS_DIR"/*.json; do
    name=$(basename "$spec" .json)
    for tool in clodo progenitor; do
        out=$WORK/all/$tool-$name
        if ! "gen_$tool" "$spec" "$out"; then
            printf '  %-22s %-11s rejected at generation\n' "$name" "$tool"
        elif ! (cd "$out" && CARGO_TARGET_DIR=$WORK/all/target-$tool cargo check --quiet >/dev/null 2>&1); then
            printf '  %-22s %-11s generated, but the crate does not build\n' "$name" "$tool"
        else
            printf '  %-22s %-11s ok\n' "$name" "$tool"
        fi
    done
done
