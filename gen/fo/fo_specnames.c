/* The property names of XSL 1.1 (§ 7, appendix B), as data: a property of the
 * specification that Livrables does not support is ignored silently, any other name is
 * reported as unknown. */
#include "fo/fo_internal.h"

#include <pthread.h>

static const char *const names[] = {
    "absolute-position", "active-state", "alignment-adjust", "alignment-baseline",
    "allowed-height-scale", "allowed-width-scale", "auto-restore", "azimuth", "background",
    "background-attachment", "background-color", "background-image", "background-position",
    "background-position-horizontal", "background-position-vertical", "background-repeat",
    "baseline-shift", "blank-or-not-blank", "block-progression-dimension", "border",
    "border-after-color", "border-after-precedence", "border-after-style",
    "border-after-width", "border-before-color", "border-before-precedence",
    "border-before-style", "border-before-width", "border-bottom", "border-bottom-color",
    "border-bottom-style", "border-bottom-width", "border-collapse", "border-color",
    "border-end-color", "border-end-precedence", "border-end-style", "border-end-width",
    "border-left", "border-left-color", "border-left-style", "border-left-width",
    "border-right", "border-right-color", "border-right-style", "border-right-width",
    "border-separation", "border-spacing", "border-start-color", "border-start-precedence",
    "border-start-style", "border-start-width", "border-style", "border-top",
    "border-top-color", "border-top-style", "border-top-width", "border-width", "bottom",
    "break-after", "break-before", "caption-side", "case-name", "case-title",
    "change-bar-class", "change-bar-color", "change-bar-offset", "change-bar-placement",
    "change-bar-style", "change-bar-width", "character", "clear", "clip", "color",
    "color-profile-name", "column-count", "column-gap", "column-number", "column-width",
    "content-height", "content-type", "content-width", "country", "cue", "cue-after",
    "cue-before", "destination-placement-offset", "direction", "display-align",
    "dominant-baseline", "elevation", "empty-cells", "end-indent", "ends-row", "extent",
    "external-destination", "float", "flow-map-name", "flow-map-reference", "flow-name",
    "flow-name-reference", "font", "font-family", "font-selection-strategy", "font-size",
    "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
    "force-page-count", "format", "glyph-orientation-horizontal",
    "glyph-orientation-vertical", "grouping-separator", "grouping-size", "height",
    "hyphenate", "hyphenation-character", "hyphenation-keep", "hyphenation-ladder-count",
    "hyphenation-push-character-count", "hyphenation-remain-character-count", "id",
    "index-class", "index-key", "indicate-destination", "initial-page-number",
    "inline-progression-dimension", "internal-destination", "intrinsic-scale-value",
    "intrusion-displace", "keep-together", "keep-with-next", "keep-with-previous",
    "language", "last-line-end-indent", "leader-alignment", "leader-length",
    "leader-pattern", "leader-pattern-width", "left", "letter-spacing", "letter-value",
    "line-height", "line-height-shift-adjustment", "line-stacking-strategy",
    "linefeed-treatment", "margin", "margin-bottom", "margin-left", "margin-right",
    "margin-top", "marker-class-name", "master-name", "master-reference", "max-height",
    "max-width", "maximum-repeats", "media-usage",
    "merge-pages-across-index-key-references", "merge-ranges-across-index-key-references",
    "merge-sequential-page-numbers", "min-height", "min-width", "number-columns-repeated",
    "number-columns-spanned", "number-rows-spanned", "odd-or-even", "orphans", "overflow",
    "padding", "padding-after", "padding-before", "padding-bottom", "padding-end",
    "padding-left", "padding-right", "padding-start", "padding-top", "page-break-after",
    "page-break-before", "page-break-inside", "page-citation-strategy", "page-height",
    "page-number-treatment", "page-position", "page-width", "pause", "pause-after",
    "pause-before", "pitch", "pitch-range", "play-during", "position", "precedence",
    "provisional-distance-between-starts", "provisional-label-separation", "ref-id",
    "ref-index-key", "reference-orientation", "region-name", "region-name-reference",
    "relative-align", "relative-position", "rendering-intent", "retrieve-boundary",
    "retrieve-boundary-within-table", "retrieve-class-name", "retrieve-position",
    "retrieve-position-within-table", "richness", "right", "role", "rule-style",
    "rule-thickness", "scale-option", "scaling", "scaling-method", "score-spaces", "script",
    "show-destination", "size", "source-document", "space-after", "space-before",
    "space-end", "space-start", "span", "speak", "speak-header", "speak-numeral",
    "speak-punctuation", "speech-rate", "src", "start-indent", "starting-state",
    "starts-row", "stress", "suppress-at-line-break", "switch-to", "table-layout",
    "table-omit-footer-at-break", "table-omit-header-at-break",
    "target-presentation-context", "target-processing-context", "target-stylesheet",
    "text-align", "text-align-last", "text-altitude", "text-decoration", "text-depth",
    "text-indent", "text-shadow", "text-transform", "top", "treat-as-word-space",
    "unicode-bidi", "vertical-align", "visibility", "voice-family", "volume", "white-space",
    "white-space-collapse", "white-space-treatment", "widows", "width", "word-spacing",
    "wrap-option", "writing-mode", "xml:lang", "z-index",
};

static fo_hash table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void)
{
    size_t n = sizeof names / sizeof *names;
    fo_hash_init(&table, n);
    for (size_t i = 0; i < n; i++)
        fo_hash_put(&table, names[i], 1);
}

bool fo_is_xsl_property(const char *name, size_t len)
{
    pthread_once(&once, init);
    return fo_hash_get(&table, name, len) > 0;
}
