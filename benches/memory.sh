#!/usr/bin/env bash
# Peak memory of one large file, against the bound of issue 12: peak
# resident ≤ 2 × the file + 100 MB for `extract -j 1`.
#
#   benches/memory.sh                    # both inputs at the issue's sizes
#   MB=100 MARKERS=2000000 benches/memory.sh
#   WORK=/tmp/gw-mem benches/memory.sh
#
# Two inputs, made under $WORK (not committed):
#   - copies.txt: copies of input/*.txt in one file, at least MB megabytes
#     (many documents: their records are written as they are built);
#   - markers.txt: a title and MARKERS lines `一、加强组织领导` … `十、…`
#     (one document of MARKERS clauses, held whole while it is built).
# For each: its size, gongwen's peak RSS (GNU time), the bound and whether
# the peak is within it. Installs GNU time if missing. Exits 0 either way:
# the figures go in DESIGN.md ("Issue 12, third step").
set -euo pipefail

MB=${MB:-300}
MARKERS=${MARKERS:-25000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-$ROOT/target/bench-memory}

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
    else sudo apt-get install -y time >/dev/null; fi
fi

cd "$ROOT"
cargo build --release --quiet --bin gongwen
mkdir -p "$WORK"
GW=$WORK/gongwen
cp "$ROOT/target/release/gongwen" "$GW"

copies=$WORK/copies.txt
if [ ! -s "$copies" ] || [ "$(stat -c %s "$copies")" -lt $((MB * 1000000)) ]; then
    : >"$copies"
    while [ "$(stat -c %s "$copies")" -lt $((MB * 1000000)) ]; do
        cat "$ROOT"/input/*.txt >>"$copies"
    done
fi

markers=$WORK/markers.txt
if [ ! -s "$markers" ] || [ "$(wc -l <"$markers")" -ne $((MARKERS + 1)) ]; then
    {
        echo "关于印发某某工作方案的通知"
        awk -v n="$MARKERS" 'BEGIN {
            split("一 二 三 四 五 六 七 八 九 十", d, " ")
            for (i = 0; i < n; i++) print d[i % 10 + 1] "、加强组织领导"
        }'
    } >"$markers"
fi

for f in "$copies" "$markers"; do
    rm -rf "$WORK/out"
    /usr/bin/time -v -o "$WORK/time.log" "$GW" extract "$f" -o "$WORK/out" -j 1 --quiet
    bytes=$(stat -c %s "$f")
    rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$WORK/time.log")
    awk -v name="$(basename "$f")" -v b="$bytes" -v k="$rss" 'BEGIN {
        mb = b / 1e6; peak = k * 1024 / 1e6; bound = 2 * mb + 100
        printf "%-12s %8.1f MB   peak RSS %8.1f MB   bound %8.1f MB   %s\n",
            name, mb, peak, bound, (peak <= bound ? "within" : "OVER")
    }'
done
rm -rf "$WORK/out"
echo "inputs are under $WORK (not committed; remove with rm -rf $WORK)"
