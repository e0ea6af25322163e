#!/usr/bin/env bash
# make bench: renders a generated ~250-page XSL-FO document with Livrables and, when it is
# installed, with Apache FOP on the same file; prints pages per second, peak memory and
# their ratios, and the machine they were measured on.
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

echo "== Livrables benchmark"
echo "machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "system:  $(. /etc/os-release && echo "$PRETTY_NAME"), $(uname -r)"
echo "input:   $WORK/big.fo ($(du -k "$WORK/big.fo" | cut -f1) KiB, $CHAPTERS chapters, $((CHAPTERS + 1)) page-sequences)"
echo

read -r lt lm < <(measure "$LIVRABLES" render "$WORK/big.fo" -o "$WORK/livrables.pdf")
lpages=$(pdfinfo "$WORK/livrables.pdf" | awk '/^Pages:/ {print $2}')
LC_ALL=C awk -v t="$lt" -v m="$lm" -v p="$lpages" 'BEGIN {
    printf "livrables: %d pages in %.2f s = %.1f pages/s, peak memory %.1f MiB\n", p, t, p / t, m / 1024 }'

if command -v fop >/dev/null 2>&1; then
    read -r ft fm < <(RUNS=$FOP_RUNS measure fop -q -fo "$WORK/big.fo" -pdf "$WORK/fop.pdf")
    fpages=$(pdfinfo "$WORK/fop.pdf" | awk '/^Pages:/ {print $2}')
    LC_ALL=C awk -v t="$ft" -v m="$fm" -v p="$fpages" 'BEGIN {
        printf "fop:       %d pages in %.2f s = %.1f pages/s, peak memory %.1f MiB\n", p, t, p / t, m / 1024 }'
    LC_ALL=C awk -v lt="$lt" -v lm="$lm" -v lp="$lpages" -v ft="$ft" -v fm="$fm" -v fp="$fpages" 'BEGIN {
        printf "\nratio:     %.1fx FOP pages/s (target >= 10x), %.3f of FOP peak memory (target <= 0.1)\n",
               (lp / lt) / (fp / ft), lm / fm }'
else
    echo "fop:       not installed (apt-get install fop) - no comparison"
fi

# Memory must follow the largest page-sequence, not the document: twice the chapters
# should not need much more memory.
"$WORK/gen_fo" $((CHAPTERS * 2)) > "$WORK/big2.fo"
read -r _ lm2 < <(RUNS=1 measure "$LIVRABLES" render "$WORK/big2.fo" -o "$WORK/livrables2.pdf")
LC_ALL=C awk -v a="$lm" -v b="$lm2" -v c="$CHAPTERS" 'BEGIN {
    printf "scaling:   peak memory %.1f MiB for %d chapters, %.1f MiB for %d chapters (x%.2f)\n",
           a / 1024, c, b / 1024, 2 * c, b / a }'
