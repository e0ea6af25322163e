# build -j: one atelier's deliverables rendered by worker processes. The output must be the
# one-process build's, byte for byte, messages included.

JOBS_FLASH=$ROOT/examples/atelier-flash/atelier.xml
JOBS_SITE=vernay-sur-loue

# Every line of a build's standard error is one whole message.
jobs_assert_whole_lines() {
    local bad
    bad=$(grep -vE '^[^ ].*: (error|warning|note): ' "$1" || true)
    [ -z "$bad" ] || { cat "$1"; fail "lines that are not whole messages: $bad"; }
    ! grep -qE ': (error|warning|note): .*: (error|warning|note): ' "$1" ||
        { cat "$1"; fail "two messages on one line"; }
}

test_build_jobs_same_pdfs_and_messages_as_one_process() {
    "$LIVRABLES" build "$JOBS_FLASH" -o one -j 1 >one.out 2>one.err || { cat one.err; fail "build -j 1"; }
    "$LIVRABLES" build "$JOBS_FLASH" -o two -j 2 >two.out 2>two.err || { cat two.err; fail "build -j 2"; }
    assert_eq 5 "$(find two -name '*.pdf' | wc -l)" "PDFs of -j 2"
    for f in $(cd one && find . -name '*.pdf'); do
        cmp "one/$f" "two/$f" || fail "$f differs between -j 1 and -j 2"
    done
    # the same lines in the same order: 'wrote' lines in build order, warnings once
    assert_eq "$(sed 's| one/| X/|' one.out)" "$(sed 's| two/| X/|' two.out)" "'wrote' lines"
    assert_eq "$(cat one.err)" "$(cat two.err)" "messages"
    [ "$(grep -c 'is not installed' two.err)" -le 1 ] || { cat two.err; fail "font warning repeated"; }
    jobs_assert_whole_lines two.err
    # no worker's leftovers next to the outputs
    assert_eq "" "$(find two -name '*.tmp-*')" "temporary files"
}

# One deliverable of several cannot be written (a folder stands where its PDF goes): the
# build says which with the exact message, fails, and the other deliverables are written.
test_build_jobs_failing_deliverable() {
    mkdir -p "out/$JOBS_SITE/rapport-final.pdf"
    rc=0
    "$LIVRABLES" build "$JOBS_FLASH" -o out -j 2 >stdout.txt 2>stderr.txt || rc=$?
    assert_eq 1 "$rc" "exit status"
    assert_contains stderr.txt "out/$JOBS_SITE/rapport-final.pdf: error: cannot write: Is a directory"
    assert_eq 1 "$(grep -c ': error: ' stderr.txt)" "errors"
    jobs_assert_whole_lines stderr.txt
    for doc in note-de-cadrage carnet-de-suivi feuille-de-route; do
        [ -f "out/$JOBS_SITE/$doc.pdf" ] || fail "$doc.pdf missing"
        assert_contains stdout.txt "wrote out/$JOBS_SITE/$doc.pdf"
    done
    [ -f out/livret-de-capitalisation.pdf ] || fail "livret missing"
    assert_eq 4 "$(grep -c '^wrote ' stdout.txt)" "'wrote' lines"
    assert_not_contains stdout.txt "rapport-final"
    # nothing partial: no temporary file, and the folder in the way is untouched
    assert_eq "" "$(find out -name '*.tmp-*')" "temporary files"
    [ -d "out/$JOBS_SITE/rapport-final.pdf" ] || fail "the folder in the way was replaced"
}

# A strict build makes the missing charter font an error, which every worker meets: it is
# reported once, on a whole line, the build fails with no deliverable set in the fallback
# font, and ends as the one-process build does.
test_build_jobs_strict_error_once() {
    fc-list | grep -qi marianne && { echo "expected failure: Marianne is installed, nothing to report"; return 0; }
    rc1=0 rc3=0
    "$LIVRABLES" build "$JOBS_FLASH" -o one -j 1 --strict >one.out 2>one.err || rc1=$?
    "$LIVRABLES" build "$JOBS_FLASH" -o three -j 3 --strict >three.out 2>three.err || rc3=$?
    assert_eq 1 "$rc1" "exit status of a strict build with a missing charter font"
    assert_eq "$rc1" "$rc3" "exit status of -j 3 against -j 1"
    assert_eq "" "$(find one three -name '*.pdf')" "PDFs made with the fallback font"
    assert_eq 1 "$(grep -c "error: font family 'Marianne' is not installed" three.err)" "font errors"
    assert_eq "$(cat one.err)" "$(cat three.err)" "messages"
    jobs_assert_whole_lines three.err
}

# On a terminal the progress line names the deliverables in build order, as -j 1 does: the
# same bytes on the terminal.
test_build_jobs_progress_on_terminal() {
    command -v script >/dev/null || fail "script(1) is needed"
    script -qec "'$LIVRABLES' build '$JOBS_FLASH' -o two -j 2" /dev/null >two.txt ||
        { cat -A two.txt; fail "build -j 2 on a terminal failed"; }
    script -qec "'$LIVRABLES' build '$JOBS_FLASH' -o one -j 1" /dev/null >one.txt ||
        { cat -A one.txt; fail "build -j 1 on a terminal failed"; }
    for k in 1 2 3 4 5; do
        grep -q "\[$k/5\]" two.txt || { cat -A two.txt; fail "no [$k/5] progress"; }
    done
    assert_eq 5 "$(grep -c $'\r\033\[Kwrote ' two.txt)" "'wrote' lines on a terminal"
    assert_eq "$(sed 's/one/X/g' one.txt | cat -A)" "$(sed 's/two/X/g' two.txt | cat -A)" "terminal output"
}

test_build_jobs_option_checked() {
    assert_exit 2 "$LIVRABLES" build "$JOBS_FLASH" -o out -j 0
    assert_contains out.txt "invalid --jobs '0' (1 to 256)"
    "$LIVRABLES" build --help >help.txt
    assert_contains help.txt "one per processor"
}

# A worker killed while it renders (here by SIGKILL, as a crash would) fails that deliverable
# alone, with a message naming it; the others are written, and so is every 'wrote' line but
# its own. The next run removes the temporary the killed worker left.
test_build_jobs_killed_worker_fails_its_deliverable() {
    "$LIVRABLES" build "$JOBS_FLASH" -o out -j 2 >stdout.txt 2>stderr.txt &
    local parent=$! tmp="" i=0
    while [ -z "$tmp" ] && [ $i -lt 3000 ]; do
        tmp=$(find out -name '*.pdf.tmp-*' 2>/dev/null | head -n 1)
        [ -n "$tmp" ] || sleep 0.01
        i=$((i + 1))
    done
    [ -n "$tmp" ] || { wait $parent; fail "no PDF was being written"; }
    local pid=${tmp##*.tmp-}
    pid=${pid%%-*}
    [ "$pid" != "$parent" ] || { wait $parent; fail "the parent renders itself"; }
    kill -KILL "$pid"
    rc=0
    wait $parent || rc=$?
    local pdf=${tmp%.tmp-*} doc
    doc=${pdf#out/}
    assert_eq 1 "$rc" "exit status"
    assert_contains stderr.txt "error: the build of ${doc%.pdf} was killed by signal 9"
    jobs_assert_whole_lines stderr.txt
    [ ! -e "$pdf" ] || fail "$pdf written by the killed worker"
    assert_eq 4 "$(find out -name '*.pdf' -type f | wc -l)" "PDFs written"
    assert_eq 4 "$(grep -c '^wrote ' stdout.txt)" "'wrote' lines"
    assert_not_contains stdout.txt "$pdf"
    "$LIVRABLES" build "$JOBS_FLASH" -o out -j 2 >/dev/null 2>&1 || fail "the next build"
    assert_eq "" "$(find out -name '*.tmp-*')" "temporary files after the next build"
}
