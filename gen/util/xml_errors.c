#include "util/xml_errors.h"

#include <libxml/globals.h>
#include <string.h>

void xml_handlers_save(xml_handlers *saved)
{
    saved->serror = xmlStructuredError;
    saved->sctx = xmlStructuredErrorContext;
    saved->gerror = xmlGenericError;
    saved->gctx = xmlGenericErrorContext;
}

void xml_handlers_restore(const xml_handlers *saved)
{
    xmlSetStructuredErrorFunc(saved->sctx, saved->serror);
    xmlSetGenericErrorFunc(saved->gctx, saved->gerror);
}

void xml_message_trim(char *msg)
{
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
}
