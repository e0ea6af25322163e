#!/usr/bin/env bash
# make bench: renders generated XSL-FO documents with Livrables and, when it is installed,
# with Apache FOP on the same files: a ~250-page book in one page-sequence per chapter, the
# same kind of book in one page-sequence at ~300 and ~3,000 pages (with and without "page
# n / N" footers). Prints pages per second, peak memory, the ratios against FOP, the growth
# from 300 to 3,000 pages, and the machine they were measured on.
#
#   bench/run.sh build/livrables [CHAPTERS]
set -eu
LIVRABLES=$(realpath "$1")
CHAPTERS=${2:-42}
RUNS=${BENCH_RUNS:-5}
FOP_RUNS=${BENCH_FOP_RUNS:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/build/bench}
mkdir -p "$WORK"

cc -O2 -Wall -Wextra -Werror -o "$WORK/gen_fo" "$ROOT/bench/gen_fo.c"
"$WORK/gen_fo" "$CHAPTERS" > "$WORK/big.fo"
# one page-sequence for the whole book, about 300 and 3,000 pages (6 pages a chapter)
"$WORK/gen_fo" --single 50 > "$WORK/one-300.fo"
"$WORK/gen_fo" --single 500 > "$WORK/one-3000.fo"
"$WORK/gen_fo" --single --no-last 500 > "$WORK/one-3000-nolast.fo"
# nor a table of contents: no forward citation, every page made and painted as soon as the
# page breaker is done with it (the page window)
"$WORK/gen_fo" --single --no-last --no-toc 50 > "$WORK/one-300-plain.fo"
"$WORK/gen_fo" --single --no-last --no-toc 500 > "$WORK/one-3000-plain.fo"

# measure CMD...: best wall time of $RUNS runs, and the peak RSS of that run (best of
# several: a shared 2-core machine is noisy, and FOP's first run also warms the JVM's
# files into the page cache)
measure() {
    local best_t="" best_m="" t m i
    for ((i = 0; i < RUNS; i++)); do
        /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >"$WORK/run.log" 2>&1 ||
            { cat "$WORK/run.log"; echo "bench: '$*' failed" >&2; exit 1; }
        read -r t m < "$WORK/time.txt"
        if [ -z "$best_t" ] || awk -v a="$t" -v b="$best_t" 'BEGIN{exit !(a < b)}'; then
            best_t=$t best_m=$m
        fi
    done
    echo "$best_t $best_m"
}

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

# report WHO PAGES SECONDS KIB
report() {
    LC_ALL=C awk -v w="$1" -v p="$2" -v t="$3" -v m="$4" 'BEGIN {
        printf "  %-10s %5d pages in %6.2f s = %6.1f pages/s, peak memory %7.1f MiB\n", w, p, t, p / t, m / 1024 }'
}

# fop_compare LABEL FO [FOP OPTION...]: FOP on FO, then Livrables' ratios against it
# (L_T L_M L_P from bench_file)
fop_compare() {
    local label=$1 fo=$2 ft fm fp
    shift 2
    read -r ft fm < <(RUNS=$FOP_RUNS measure fop -q "$@" -fo "$fo" -pdf "$WORK/fop.pdf")
    fp=$(pages "$WORK/fop.pdf")
    report "$label" "$fp" "$ft" "$fm"
    LC_ALL=C awk -v w="$label" -v lt="$L_T" -v lm="$L_M" -v lp="$L_P" -v ft="$ft" -v fm="$fm" -v fp="$fp" 'BEGIN {
        printf "  ratio      %.1fx %s pages/s, %.3f of its peak memory (1/%.0f)\n",
               (lp / lt) / (fp / ft), w, lm / fm, fm / lm }'
}

# bench_file NAME FO [runs]: Livrables, then FOP on the same file when installed; sets
# L_T L_M L_P (Livrables' time, memory, pages)
bench_file() {
    local name=$1 fo=$2 runs=${3:-$RUNS}
    echo "$name: $(basename "$fo") ($(du -k "$fo" | cut -f1) KiB)"
    read -r L_T L_M < <(RUNS=$runs measure "$LIVRABLES" render "$fo" -o "$WORK/livrables.pdf")
    L_P=$(pages "$WORK/livrables.pdf")
    report livrables "$L_P" "$L_T" "$L_M"
    if [ "${4:-fop}" = fop ] && command -v fop >/dev/null 2>&1; then
        # FOP as it is run most often, then with -a: a tagged PDF, the same work as ours
        # (every PDF Livrables writes is tagged)
        fop_compare fop "$fo"
        fop_compare "fop -a" "$fo" -a
    elif [ "${4:-fop}" = fop ]; then
        echo "  fop        not installed (scripts/install-deps.sh --with-fop) - no comparison"
    fi
    echo
}

echo "== Livrables benchmark, $(date -u +%Y-%m-%d)"
echo "machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "system:  $(. /etc/os-release && echo "$PRETTY_NAME"), $(uname -r)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5 and 15 min; other work on the same cores slows both engines)"
echo "runs:    best of $RUNS (FOP: $FOP_RUNS; 3,000 pages: 1)"
echo

bench_file "many page-sequences ($((CHAPTERS + 1)))" "$WORK/big.fo"
bench_file "one page-sequence, ~300 pages" "$WORK/one-300.fo"
t300=$L_T m300=$L_M p300=$L_P
bench_file "one page-sequence, ~3,000 pages" "$WORK/one-3000.fo" 1 nofop
t3000=$L_T m3000=$L_M p3000=$L_P
bench_file "the same without page n / N footers" "$WORK/one-3000-nolast.fo" 1 nofop
LC_ALL=C awk -v a="$t300" -v pa="$p300" -v ma="$m300" -v b="$t3000" -v pb="$p3000" -v mb="$m3000" \
    -v n="$L_T" 'BEGIN {
    printf "growth 300 -> 3,000 pages: time per page x%.2f (target <= 1.15), peak memory x%.2f (target <= 1.5)\n",
           (b / pb) / (a / pa), mb / ma
    printf "page n / N at 3,000 pages: x%.2f the time without it (target <= 1.15)\n", b / n }'
echo
bench_file "one page-sequence, no forward citation, ~300 pages" "$WORK/one-300-plain.fo" "$RUNS" nofop
t300=$L_T m300=$L_M p300=$L_P
bench_file "the same, ~3,000 pages" "$WORK/one-3000-plain.fo" 1 nofop
LC_ALL=C awk -v a="$t300" -v pa="$p300" -v ma="$m300" -v b="$L_T" -v pb="$L_P" -v mb="$L_M" 'BEGIN {
    printf "growth 300 -> 3,000 pages without forward citations: time per page x%.2f, peak memory x%.2f\n",
           (b / pb) / (a / pa), mb / ma }'
