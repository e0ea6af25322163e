# Golden layout tests (tests/layout/): every CASE.fo rendered to the text dump of its boxes
# must give CASE.expected. After a deliberate layout change: `make golden-update`.

test_golden_layout() {
    "$ROOT/tests/layout/run.sh" "$LIVRABLES"
}

# The runner itself fails on a change: a case whose expected dump is altered is reported.
test_golden_runner_reports_a_difference() {
    mkdir cases
    cp "$ROOT/tests/layout/run.sh" "$ROOT/tests/layout/blocks.fo" "$ROOT/tests/layout/blocks.expected" cases/
    cases/run.sh "$LIVRABLES" > ok.txt
    assert_contains ok.txt "golden: 1 passed, 0 failed"
    sed -i 's/"Titre du bloc"/"Titre du blog"/' cases/blocks.expected
    assert_exit 1 cases/run.sh "$LIVRABLES"
    assert_contains out.txt "FAIL blocks"
    assert_contains out.txt '+  text'
    GOLDEN_UPDATE=1 cases/run.sh "$LIVRABLES" > up.txt
    assert_contains up.txt "updated blocks"
    cmp cases/blocks.expected "$ROOT/tests/layout/blocks.expected"
}
