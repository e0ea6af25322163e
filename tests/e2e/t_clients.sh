# End-to-end tests of clients: XSL-FO that DocBook XSL writes for real documents (its own
# example manual page, Node.js API pages through pandoc, a book with a two-column index)
# renders with Apache FOP's page count within 5 % and every word FOP prints. The FO and
# FOP's page count and words are fixtures in tests/clients/, made by its regen.sh.

CLIENTS=$ROOT/tests/clients

# client_renders_like_fop NAME [CHECK=REASON...]: renders the client's FO (warnings allowed)
# and compares with FOP (tests/e2e/lib/clients.py); a CHECK=REASON marks a check expected to
# fail, its reason printed
client_renders_like_fop() {
    local name=$1
    shift
    gunzip -c "$CLIENTS/$name.fo.gz" >"$name.fo"
    assert_exit 0 "$LIVRABLES" render "$name.fo" -o "$name.pdf"
    assert_not_contains out.txt "error:"
    assert_qpdf_clean "$name.pdf"
    python3 "$ROOT/tests/e2e/lib/clients.py" compare "$CLIENTS/$name" "$name.pdf" "$name.fo" "$@"
}

test_clients_docbook_example_manpage() {
    client_renders_like_fop manpage
}

test_clients_nodejs_url() {
    client_renders_like_fop url
}

test_clients_nodejs_http() {
    client_renders_like_fop http
}

test_clients_nodejs_fs() {
    client_renders_like_fop fs
}

test_clients_book_with_index() {
    client_renders_like_fop book
}

test_clients_comparison_reports_missing_words() {
    # the check itself: a sentence dropped from the FO is reported word by word
    gunzip -c "$CLIENTS/url.fo.gz" |
        sed 's/A URL string is a structured string containing multiple/A URL string/' >url.fo
    grep -q "A URL string$" url.fo || fail "the sentence to drop is not in url.fo"
    "$LIVRABLES" render url.fo -o url.pdf 2>/dev/null
    local rc=0
    python3 "$ROOT/tests/e2e/lib/clients.py" compare "$CLIENTS/url" url.pdf url.fo >cmp.txt || rc=$?
    assert_eq 1 "$rc" "exit code of the comparison"
    assert_contains cmp.txt "difference (words): "
    assert_contains cmp.txt "structured ("
}

# expect_failure REASON CMD...: CMD checks a feature Livrables lacks yet; its failure is
# printed with the reason, its success fails the test so that the mark goes
expect_failure() {
    local reason=$1
    shift
    if "$@"; then
        fail "unexpected pass: '$*' now succeeds; remove its expected-failure mark ($reason)"
    fi
    echo "expected failure: $reason"
}

# index_has_two_columns PDF: an index page holds entries in its right half
index_has_two_columns() {
    python3 - "$1" <<'PY'
import re, subprocess, sys
xml = subprocess.run(["pdftotext", "-bbox-layout", sys.argv[1], "-"], capture_output=True,
                     text=True, check=True).stdout
pages = re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', xml, re.S)
def body_lines(body):
    for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</line>', body, re.S):
        if 72 < float(m.group(2)) < 700:  # below the header, above the footer
            yield float(m.group(1)), " ".join(re.findall(r">([^<]*)</word>", m.group(3)))
# the index starts on the page titled "Index" (the contents only list it, with its page)
index = [i for i, (_, body) in enumerate(pages) if any(t == "Index" for _, t in body_lines(body))]
right = 0
for width, body in pages[index[0]:] if index else []:
    right += sum(1 for x, _ in body_lines(body) if x > float(width) / 2)
print("index lines in the right half of their page: %d" % right)
sys.exit(0 if right > 0 else 1)
PY
}

test_clients_book_index_in_two_columns() {
    gunzip -c "$CLIENTS/book.fo.gz" >book.fo
    grep -q 'column-count="2"' book.fo || fail "DocBook XSL's index page master has no column-count=\"2\""
    "$LIVRABLES" render book.fo -o book.pdf 2>/dev/null
    index_has_two_columns book.pdf || fail "the index is laid out on one column"
}
