#!/usr/bin/env bash
# Builds gongwen with profile-guided optimisation (PGO), for batch runs where
# CPU time is the cost: target/pgo/gongwen.
#
#   scripts/pgo.sh                 # → target/pgo/gongwen
#   WORK=/tmp/gw-pgo scripts/pgo.sh
#
# 1. An instrumented release build (-Cprofile-generate) converts the training
#    documents: the test cases and regressions under tests/ (documents of
#    many places, layouts and encodings written for the tests; the bundled
#    sample under input/ is left out, so a benchmark on its copies measures
#    a profile that never saw them), in each output format.
# 2. Its counts are merged by llvm-profdata (rustup's llvm-tools component,
#    added if missing: it must match rustc's LLVM).
# 3. The release build is made again with them (-Cprofile-use): the compiler
#    lays out and inlines by the measured branch and call counts.
# 4. The PGO binary's records are checked byte-identical with the plain
#    release binary's on input/ and the test cases, in every format; the
#    script fails if they differ.
#
# Both builds pass --target so that RUSTFLAGS reach the binary's crates, not
# build scripts and proc macros. RUSTFLAGS already set are kept.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-$ROOT/target/pgo}
cd "$ROOT"

HOST=$(rustc -vV | sed -n 's/^host: //p')
PROFDATA=$(rustc --print sysroot)/lib/rustlib/$HOST/bin/llvm-profdata
if [ ! -x "$PROFDATA" ]; then
    echo "adding rustup's llvm-tools (llvm-profdata)" >&2
    rustup component add llvm-tools
fi

rm -rf "$WORK/profiles" "$WORK/train" "$WORK/check"
mkdir -p "$WORK/profiles" "$WORK/train/in"
BASE_FLAGS=${RUSTFLAGS:-}
# Exit 1 is an input that failed (a regression file may be bad input on
# purpose; it is reported and the run goes on); anything else stops here.
ok_failures() {
    local rc=$?
    [ "$rc" = 1 ] || exit "$rc"
}

echo "pgo: instrumented build" >&2
RUSTFLAGS="$BASE_FLAGS -Cprofile-generate=$WORK/profiles" \
    cargo build --release --quiet --bin gongwen --target "$HOST" --target-dir "$WORK/build-gen"

# The training documents, flat in one folder (names are unique across the two).
cp tests/cases/*.txt "$WORK/train/in/"
find tests/regressions -name '*.txt' -type f -exec cp {} "$WORK/train/in/" \;
echo "pgo: training on $(find "$WORK/train/in" -name '*.txt' | wc -l) documents" >&2
for format in jsonl json csv; do
    "$WORK/build-gen/$HOST/release/gongwen" extract "$WORK/train/in" \
        -o "$WORK/train/out-$format" --format "$format" -j 1 --quiet || ok_failures
done
"$PROFDATA" merge -o "$WORK/merged.profdata" "$WORK/profiles"

echo "pgo: optimised build" >&2
RUSTFLAGS="$BASE_FLAGS -Cprofile-use=$WORK/merged.profdata" \
    cargo build --release --quiet --bin gongwen --target "$HOST" --target-dir "$WORK/build-use"
cp "$WORK/build-use/$HOST/release/gongwen" "$WORK/gongwen"

echo "pgo: checking its records against the plain release build" >&2
cargo build --release --quiet --bin gongwen
status=0
for format in jsonl json csv; do
    for bin in plain pgo; do
        exe=$ROOT/target/release/gongwen
        [ "$bin" = pgo ] && exe=$WORK/gongwen
        "$exe" extract input tests/cases -o "$WORK/check/$bin-$format" --format "$format" -j 1 --quiet ||
            ok_failures
    done
    if ! diff -r -q "$WORK/check/plain-$format" "$WORK/check/pgo-$format" >/dev/null; then
        echo "pgo: $format records differ from the plain build's" >&2
        status=1
    fi
done
[ "$status" = 0 ] || exit 1
echo "pgo: $WORK/gongwen (records identical to target/release/gongwen on input/ and tests/cases)"
