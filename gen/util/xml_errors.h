/* Helpers for routing libxml2's errors elsewhere: its error handlers are process globals,
 * so whoever installs its own saves the previous ones and puts them back afterwards. */
#ifndef LIVRABLES_XML_ERRORS_H
#define LIVRABLES_XML_ERRORS_H

#include <libxml/xmlerror.h>

/* libxml2's structured and generic error handlers with their contexts. */
typedef struct {
    xmlStructuredErrorFunc serror;
    void *sctx;
    xmlGenericErrorFunc gerror;
    void *gctx;
} xml_handlers;

/* Records the handlers installed now into `saved`. Never fails. */
void xml_handlers_save(xml_handlers *saved);

/* Installs the handlers recorded by xml_handlers_save(). */
void xml_handlers_restore(const xml_handlers *saved);

/* Removes in place the newline and spaces libxml2 ends its messages with. */
void xml_message_trim(char *msg);

#endif
