/* Messages in the user's language, through gettext: English message ids in the code, one
 * catalogue per language under po/ (domain "livrables"). Wrap every message Livrables
 * writes itself in _(); N_() marks a string to translate where it is used later. */
#ifndef LIVRABLES_I18N_H
#define LIVRABLES_I18N_H

#include <libintl.h>

#define _(msgid) gettext(msgid)
#define N_(msgid) (msgid)

/* Chooses the messages' language from LANG / LC_MESSAGES / LC_ALL (and LANGUAGE) and finds
 * the catalogue: beside the executable in the build tree (build/locale), else installed
 * (PREFIX/share/locale). Only LC_MESSAGES and LC_CTYPE follow the environment: numbers
 * written into PDF, SVG or depfiles keep a decimal point. Call once, at start-up. */
void i18n_init(void);

/* The directory the catalogues were looked up in (after i18n_init). */
const char *i18n_locale_dir(void);

#endif
