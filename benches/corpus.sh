#!/usr/bin/env bash
# Whole-binary benchmark on a generated corpus, measured against `rg -c`.
#
#   benches/corpus.sh                     # ~500 MB corpus under target/bench-corpus
#   CORPUS_MB=100 benches/corpus.sh       # smaller corpus
#   COPIES=200 RUNS=3 DOUBLE=0 benches/corpus.sh   # 200 copies of input/*.txt (~56 MB)
#   SEED=2 WORK=/tmp/gw-bench benches/corpus.sh
#
# Reports, for the corpus (1x) and for the corpus doubled (2x: two hard-linked
# copies of the same files, so the largest file is the same and any RSS growth
# comes from the run, not from a different file mix):
#   - gongwen -j 1: CPU seconds (user+sys) and input MB per CPU-second;
#   - gongwen -j 2: wall-clock seconds and the -j2/-j1 wall ratio;
#   - peak RSS of both runs (GNU time "Maximum resident set size");
#   - rg -c over the same files for the label, deadline and document-number
#     patterns (the raw-scan reference, one thread) and the ratio gongwen ÷ rg
#     CPU time;
#   - instructions per input byte of gongwen -j 1 and of rg, the figure that
#     stays put on a shared machine: counted by `perf stat` where the kernel
#     lets it count instructions, else by valgrind (callgrind) on the first
#     INSN_MB megabytes of the corpus (whole files, in name order; default 20);
# and checks that the -j 1 and -j 2 outputs are byte-identical (diff -r).
# COPIES=N takes N copies of input/*.txt (hard links) as the corpus instead
# of a generated one. PGO=1 also builds the profile-guided binary
# (scripts/pgo.sh, trained on tests/, not on input/) and runs every figure
# for it too, after the plain release build's, in the same run. Installs ripgrep, GNU time and valgrind (when perf
# cannot count) if missing. Prints no verdict on timings: the figures go in
# DESIGN.md ("Where the time goes").
set -euo pipefail

CORPUS_MB=${CORPUS_MB:-500}
SEED=${SEED:-1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-$ROOT/target/bench-corpus}
# Skip the 2x corpus (RSS growth check) with DOUBLE=0.
DOUBLE=${DOUBLE:-1}
# rg finishes 100 MB in a few hundredths of a second, below the resolution of
# GNU time: it runs RG_REPEAT times and the CPU time is divided. Ten runs of
# the 58 MB of copies took 0.19-0.30 s in all, so the clock's 0.01 s moved the
# ratio by up to 5 %; fifty keep that under 1 %.
RG_REPEAT=${RG_REPEAT:-50}
# gongwen -j1/-j2 runs are repeated RUNS times, interleaved; the least CPU,
# the least wall-clock and the largest RSS are reported (on a shared machine
# the minimum is the figure least disturbed by other work).
RUNS=${RUNS:-1}
# N copies of input/*.txt as the corpus (0: a generated corpus of CORPUS_MB).
COPIES=${COPIES:-0}
# With valgrind as the counter, instructions are counted on this many MB.
INSN_MB=${INSN_MB:-20}
# The issue's reference scan: role labels, deadlines and document numbers.
PATTERN='牵头单位|责任单位|参加单位|完成时限|〔\d{4}〕\d+号'

need() { command -v "$1" >/dev/null 2>&1; }
apt_install() {
    if need apt-get; then
        if [ "$(id -u)" = 0 ]; then apt-get install -y "$@" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$@" >/dev/null; }
        else sudo apt-get install -y "$@" >/dev/null; fi
    else
        return 1
    fi
}
if ! need rg; then
    echo "installing ripgrep" >&2
    apt_install ripgrep || cargo install ripgrep
fi
if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time" >&2
    apt_install time
fi
# The instruction counter: perf where it can count instructions (not in
# most containers), else valgrind.
mkdir -p "${WORK}"
if need perf && perf stat -x, -e instructions:u -o "$WORK/perf-probe" true 2>/dev/null \
    && grep -q '^[0-9]' "$WORK/perf-probe"; then
    COUNTER=perf
else
    COUNTER=callgrind
    if ! need valgrind; then
        echo "installing valgrind" >&2
        apt_install valgrind
    fi
fi

cd "$ROOT"
cargo build --release --quiet --bin gongwen --example gen_corpus
# Private copies: target/ is shared, and a rebuild during the runs must not
# change the binary between the -j 1 and the -j 2 run.
mkdir -p "$WORK/bin"
cp "$ROOT/target/release/gongwen" "$ROOT/target/release/examples/gen_corpus" "$WORK/bin/"
GW=$WORK/bin/gongwen
GEN=$WORK/bin/gen_corpus
if [ "${PGO:-0}" != 0 ]; then
    WORK=$WORK/pgo "$ROOT/scripts/pgo.sh"
    cp "$WORK/pgo/gongwen" "$WORK/bin/gongwen-pgo"
fi
CORES=$(nproc)

mkdir -p "$WORK"

# field LOG "Label": the value of one line of /usr/bin/time -v output.
field() { sed -n "s/^[[:space:]]*$2: //p" "$1" | head -n1; }
# secs "h:mm:ss" or "m:ss.xx" → seconds
secs() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$1"; }
cpu1() { awk -v u="$(field "$1" "User time (seconds)")" -v s="$(field "$1" "System time (seconds)")" 'BEGIN { print u + s }'; }
wall1() { secs "$(field "$1" "Elapsed (wall clock) time (h:mm:ss or m:ss)")"; }
rss1() { field "$1" "Maximum resident set size (kbytes)"; }
# cpu/wall/rss_mb PREFIX: over the files PREFIX*.time, the least CPU and wall, the largest RSS.
cpu() { for f in "$1"*.time; do cpu1 "$f"; done | sort -g | head -n1; }
wall() { for f in "$1"*.time; do wall1 "$f"; done | sort -g | head -n1; }
rss_mb() { for f in "$1"*.time; do rss1 "$f"; done | sort -g | tail -n1 | awk '{ printf "%.1f", $1 / 1024 }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }'; }

# gen DIR MB: a fresh corpus of MB megabytes.
gen() {
    rm -rf "$1"
    "$GEN" --out "$1" --total-mb "$2" --seed "$SEED"
}

# link FILE TARGET: a hard link, or a copy across file systems.
link() { ln "$1" "$2" 2>/dev/null || cp "$1" "$2"; }

# copies DIR N: N copies of input/*.txt.
copies() {
    rm -rf "$1"
    mkdir -p "$1"
    local i f
    for i in $(seq "$2"); do
        for f in "$ROOT"/input/*.txt; do
            link "$f" "$1/$(basename "$f" .txt)-$i.txt"
        done
    done
}

# subset DIR OUT MB: the files of DIR in name order, up to MB megabytes
# (at least one file), linked into OUT.
subset() {
    rm -rf "$2"
    mkdir -p "$2"
    local total=0 n=0 f
    while IFS= read -r -d '' f; do
        if [ "$n" -gt 0 ] && [ "$total" -ge $(($3 * 1000000)) ]; then break; fi
        n=$((n + 1))
        link "$f" "$2/$n.txt"
        total=$((total + $(stat -c %s "$f")))
    done < <(find "$1" -name '*.txt' -type f -print0 | sort -z)
}

# insns LOG CMD...: user-space instructions CMD executes (output discarded).
insns() {
    local log=$1
    shift
    if [ "$COUNTER" = perf ]; then
        perf stat -x, -e instructions:u -o "$log" "$@" >/dev/null
        awk -F, '/instructions/ { print $1; exit }' "$log"
    else
        valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$log" "$@" >/dev/null
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$log" | tail -n1
    fi
}

# bench NAME DIR: runs everything on DIR and prints one block of figures.
bench() {
    local name=$1 dir=$2 out=$WORK/out-$1
    local bytes mb
    bytes=$(find "$dir" -name '*.txt' -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
    # Warm the page cache so the first run is not the only one reading from disk.
    cat $(find "$dir" -name '*.txt' -type f) >/dev/null
    rg -j 1 -c "$PATTERN" "$dir" >"$WORK/$name-rg.count"
    /usr/bin/time -v -o "$WORK/$name-rg.time" sh -c \
        'n=$1; shift; for _ in $(seq "$n"); do rg -j 1 -c "$@" >/dev/null; done' \
        rg-repeat "$RG_REPEAT" "$PATTERN" "$dir"
    local load
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    rm -f "$WORK/$name"-j[12].*.time
    for run in $(seq "$RUNS"); do
        # Fresh output folders: every run parses and writes every file.
        rm -rf "$out-j1" "$out-j2"
        /usr/bin/time -v -o "$WORK/$name-j1.$run.time" "$GW" extract "$dir" -o "$out-j1" -j 1 --quiet
        /usr/bin/time -v -o "$WORK/$name-j2.$run.time" "$GW" extract "$dir" -o "$out-j2" -j 2 --quiet
    done
    local same=identical
    diff -r -q "$out-j1" "$out-j2" >/dev/null || same=DIFFERENT
    local rg_cpu j1_cpu j1_wall j2_wall
    rg_cpu=$(awk -v c="$(cpu1 "$WORK/$name-rg.time")" -v n="$RG_REPEAT" 'BEGIN { printf "%.3f", c / n }')
    j1_cpu=$(cpu "$WORK/$name-j1.")
    j1_wall=$(wall "$WORK/$name-j1.")
    j2_wall=$(wall "$WORK/$name-j2.")
    # Instructions per input byte, -j 1 (on a subset under valgrind).
    local idir=$dir ibytes=$bytes
    if [ "$COUNTER" = callgrind ]; then
        idir=$WORK/$name-insn-in
        subset "$dir" "$idir" "$INSN_MB"
        ibytes=$(find "$idir" -name '*.txt' -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
    fi
    rm -rf "$WORK/$name-insn-out"
    local gw_insn rg_insn
    gw_insn=$(insns "$WORK/$name-gw.insn" "$GW" extract "$idir" -o "$WORK/$name-insn-out" -j 1 --quiet)
    rg_insn=$(insns "$WORK/$name-rg.insn" rg -j 1 -c "$PATTERN" "$idir")
    local out_mb
    out_mb=$(du -sm "$out-j1" | cut -f1)
    printf '%s corpus, %s: %s MB in %s files (%s cores, load average %s before the runs; %s run(s) each), output %s MB\n' \
        "$name" "$(basename "$GW")" "$mb" "$(find "$dir" -name '*.txt' -type f | wc -l)" "$CORES" "$load" "$RUNS" "$out_mb"
    printf '  rg -c  -j1: %6.3f s CPU   %7.1f MB/CPU-s   peak RSS %s MB  (%s matching lines)\n' \
        "$rg_cpu" "$(div "$mb" "$rg_cpu")" "$(awk -v k="$(rss1 "$WORK/$name-rg.time")" 'BEGIN { printf "%.1f", k / 1024 }')" \
        "$(awk -F: '{ s += $NF } END { print s }' "$WORK/$name-rg.count")"
    printf '  gongwen -j1: %6.2f s CPU   %7.1f MB/CPU-s   wall %6.2f s   peak RSS %s MB\n' \
        "$j1_cpu" "$(div "$mb" "$j1_cpu")" "$j1_wall" "$(rss_mb "$WORK/$name-j1.")"
    printf '  gongwen -j2: %6.2f s CPU                      wall %6.2f s   peak RSS %s MB\n' \
        "$(cpu "$WORK/$name-j2.")" "$j2_wall" "$(rss_mb "$WORK/$name-j2.")"
    printf '  ratio gongwen/rg CPU (-j1): %sx   wall -j2/-j1: %s   -j1 vs -j2 output: %s\n' \
        "$(div "$j1_cpu" "$rg_cpu")" "$(div "$j2_wall" "$j1_wall")" "$same"
    printf '  instructions per input byte (-j1, %s on %s MB): gongwen %s, rg %s, ratio %sx\n' \
        "$COUNTER" "$(awk -v b="$ibytes" 'BEGIN { printf "%.1f", b / 1e6 }')" \
        "$(div "$gw_insn" "$ibytes")" "$(div "$rg_insn" "$ibytes")" "$(div "$gw_insn" "$rg_insn")"
    eval "RSS1_$name=\$(rss_mb \"\$WORK/\$name-j1.\")"
    eval "RSS2_$name=\$(rss_mb \"\$WORK/\$name-j2.\")"
    [ "$same" = identical ] || STATUS=1
}

STATUS=0

if [ "$COPIES" != 0 ]; then
    copies "$WORK/corpus-1x" "$COPIES"
else
    gen "$WORK/corpus-1x" "$CORPUS_MB"
fi
bench 1x "$WORK/corpus-1x"
if [ "${PGO:-0}" != 0 ]; then
    GW=$WORK/bin/gongwen-pgo
    bench pgo "$WORK/corpus-1x"
    GW=$WORK/bin/gongwen
fi
if [ "$DOUBLE" != 0 ]; then
    rm -rf "$WORK/corpus-2x"
    mkdir -p "$WORK/corpus-2x"
    cp -al "$WORK/corpus-1x" "$WORK/corpus-2x/a"
    cp -al "$WORK/corpus-1x" "$WORK/corpus-2x/b"
    bench 2x "$WORK/corpus-2x"
    printf 'peak RSS 1x -> 2x: -j1 %s -> %s MB (%+.1f%%), -j2 %s -> %s MB (%+.1f%%)\n' \
        "$RSS1_1x" "$RSS1_2x" "$(awk -v a="$RSS1_1x" -v b="$RSS1_2x" 'BEGIN { print (b / a - 1) * 100 }')" \
        "$RSS2_1x" "$RSS2_2x" "$(awk -v a="$RSS2_1x" -v b="$RSS2_2x" 'BEGIN { print (b / a - 1) * 100 }')"
fi
[ "$STATUS" = 0 ] || echo "FAILED: -j 1 and -j 2 outputs differ" >&2
echo "corpora and outputs are under $WORK (not committed; remove with rm -rf $WORK)"
exit "$STATUS"
