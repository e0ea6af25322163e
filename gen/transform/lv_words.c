/* The words of many texts in one string, for the glossary's acronym search (lv.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "transform/lv.h"

/* The length of the UTF-8 character at `s` (1 for a stray byte, so that nothing loops). */
static size_t char_length(const unsigned char *s)
{
    size_t n = *s < 0x80 ? 1 : *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 : *s >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

/* Whether the character of `len` bytes at `c` is one of `separators`. */
static bool is_separator(const unsigned char *c, size_t len, const char *separators,
                         const bool ascii[128])
{
    if (len == 1 && *c < 0x80)
        return ascii[*c];
    for (const unsigned char *s = (const unsigned char *)separators; *s;) {
        size_t n = char_length(s);
        if (n == len && memcmp(s, c, len) == 0)
            return true;
        s += n;
    }
    return false;
}

char *lv_words(const char *const *texts, size_t n, const char *separators)
{
    bool ascii[128] = {false};
    for (const unsigned char *s = (const unsigned char *)separators; *s; s++)
        if (*s < 0x80)
            ascii[*s] = true;
    size_t size = 3; /* the spaces at both ends, the NUL */
    for (size_t i = 0; i < n; i++)
        size += 1 + strlen(texts[i]);
    char *out = malloc(size), *o = out;
    if (!out)
        abort();
    *o++ = ' ';
    for (size_t i = 0; i < n; i++) {
        *o++ = ' ';
        for (const unsigned char *c = (const unsigned char *)texts[i]; *c;) {
            size_t len = char_length(c);
            if (is_separator(c, len, separators, ascii)) {
                *o++ = ' '; /* one space for the whole character, as translate() gives */
            } else {
                memcpy(o, c, len);
                o += len;
            }
            c += len;
        }
    }
    *o++ = ' ';
    *o = '\0';
    return out;
}
