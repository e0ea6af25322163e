#include "util/i18n.h"

#include <limits.h>
#include <stdbool.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/exe_dir.h"

#ifndef LIVRABLES_LOCALEDIR
#define LIVRABLES_LOCALEDIR "/usr/local/share/locale"
#endif

#define I18N_DOMAIN "livrables"

static char locale_dir[PATH_MAX];

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* build/livrables finds build/locale, written by make; PREFIX/bin/livrables finds
 * PREFIX/share/locale, wherever PREFIX was moved to. */
static bool beside_executable(char *out, size_t size)
{
    char exe[PATH_MAX];
    if (!exe_dir(exe, sizeof exe))
        return false;
    static const char *const tries[] = {"%s/locale", "%s/../share/locale"};
    for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
        char dir[PATH_MAX], mo[PATH_MAX + 64];
        snprintf(dir, sizeof dir, tries[i], exe);
        snprintf(mo, sizeof mo, "%s/fr/LC_MESSAGES/" I18N_DOMAIN ".mo", dir);
        if (is_dir(dir) && access(mo, R_OK) == 0) {
            snprintf(out, size, "%s", dir);
            return true;
        }
    }
    return false;
}

void i18n_init(void)
{
    setlocale(LC_CTYPE, "");
    setlocale(LC_MESSAGES, "");
    if (!beside_executable(locale_dir, sizeof locale_dir))
        snprintf(locale_dir, sizeof locale_dir, "%s", LIVRABLES_LOCALEDIR);
    bindtextdomain(I18N_DOMAIN, locale_dir);
    bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
    textdomain(I18N_DOMAIN);
}

const char *i18n_locale_dir(void) { return locale_dir; }
