/* White-space handling within one text node (XSL 1.1 § 7.16): linefeed-treatment,
 * white-space-treatment around preserved linefeeds and white-space-collapse. Collapsing
 * across nodes and trimming line ends is the line builder's job. */
#include "fo/fo_internal.h"

#include <string.h>

bool fo_is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return false;
    return true;
}

/* Linefeeds first: they decide which spaces "surround a linefeed". */
static size_t apply_linefeeds(const fo_props *p, const char *s, size_t len, char *out)
{
    size_t n = 0;
    bool collapse = p->white_space_collapse == FO_KW_true;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\r' || (c == '\t' && collapse))
            c = ' ';
        if (c == '\n') {
            switch (p->linefeed_treatment) {
            case FO_KW_ignore:
                continue;
            case FO_KW_preserve:
                break;
            case FO_KW_treat_as_zero_width_space:
                memcpy(out + n, "\xe2\x80\x8b", 3);
                n += 3;
                continue;
            default:
                c = ' ';
                break;
            }
        }
        out[n++] = c;
    }
    return n;
}

static bool drop_space(fo_kw treatment, bool before_lf, bool after_lf)
{
    switch (treatment) {
    case FO_KW_ignore:
        return true;
    case FO_KW_ignore_if_before_linefeed:
        return before_lf;
    case FO_KW_ignore_if_after_linefeed:
        return after_lf;
    case FO_KW_ignore_if_surrounding_linefeed:
        return before_lf || after_lf;
    default:
        return false;
    }
}

size_t fo_whitespace_apply(const fo_props *p, const char *s, size_t len, char *out)
{
    size_t n = apply_linefeeds(p, s, len, out);
    bool collapse = p->white_space_collapse == FO_KW_true;
    size_t w = 0;
    for (size_t r = 0; r < n; r++) {
        char c = out[r];
        if (c == ' ' || c == '\t') {
            size_t k = r;
            while (k < n && (out[k] == ' ' || out[k] == '\t'))
                k++;
            bool before_lf = k < n && out[k] == '\n';
            bool after_lf = w > 0 && out[w - 1] == '\n';
            if (drop_space(p->white_space_treatment, before_lf, after_lf))
                continue;
            if (collapse && w > 0 && out[w - 1] == ' ')
                continue;
        }
        out[w++] = c;
    }
    return w;
}
