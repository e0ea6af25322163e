/* The lv: extension functions as XPath functions, over the plain helpers of lv.h. */
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <stdbool.h>
#include <stdlib.h>

#include "transform/lv.h"
#include "transform/transform.h"

/* Pushes the malloc'd `r` as the function's string result and frees it. */
static void push_result(xmlXPathParserContextPtr ctxt, char *r)
{
    valuePush(ctxt, xmlXPathNewString(BAD_CAST r));
    free(r);
}

/* False, with XPath's arity error set, unless the function got `want` arguments. */
static bool arity_is(xmlXPathParserContextPtr ctxt, int nargs, int want)
{
    if (nargs == want)
        return true;
    xmlXPathSetArityError(ctxt);
    return false;
}

/* lv:f(string) as helper(const char *). */
static void call_string(xmlXPathParserContextPtr ctxt, int nargs, char *(*helper)(const char *))
{
    if (!arity_is(ctxt, nargs, 1))
        return;
    xmlChar *s = xmlXPathPopString(ctxt);
    if (!xmlXPathCheckError(ctxt))
        push_result(ctxt, helper((const char *)s));
    xmlFree(s);
}

/* lv:f(number) as helper(double). */
static void call_number(xmlXPathParserContextPtr ctxt, int nargs, char *(*helper)(double))
{
    if (!arity_is(ctxt, nargs, 1))
        return;
    double x = xmlXPathPopNumber(ctxt);
    if (!xmlXPathCheckError(ctxt))
        push_result(ctxt, helper(x));
}

#define STRING_FUNCTION(cname, helper)                                                             \
    static void cname(xmlXPathParserContextPtr ctxt, int nargs)                                    \
    {                                                                                              \
        call_string(ctxt, nargs, helper);                                                          \
    }
#define NUMBER_FUNCTION(cname, helper)                                                             \
    static void cname(xmlXPathParserContextPtr ctxt, int nargs)                                    \
    {                                                                                              \
        call_number(ctxt, nargs, helper);                                                          \
    }

STRING_FUNCTION(fn_typo, lv_typo)
STRING_FUNCTION(fn_superscripts, lv_superscripts)
STRING_FUNCTION(fn_date, lv_date)
STRING_FUNCTION(fn_month_year, lv_month_year)
NUMBER_FUNCTION(fn_amount, lv_amount)
NUMBER_FUNCTION(fn_number, lv_number)

static void fn_date_range(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (!arity_is(ctxt, nargs, 2))
        return;
    xmlChar *to = xmlXPathPopString(ctxt);
    xmlChar *from = xmlXPathPopString(ctxt);
    if (!xmlXPathCheckError(ctxt))
        push_result(ctxt, lv_date_range((const char *)from, (const char *)to));
    xmlFree(from);
    xmlFree(to);
}

/* Called from transform_register_extensions(). */
void transform_register_lv_functions(void);
void transform_register_lv_functions(void)
{
    static const struct {
        const char *name;
        xmlXPathFunction fn;
    } fns[] = {
        {"typo", fn_typo},     {"amount", fn_amount},         {"number", fn_number},
        {"date", fn_date},     {"month-year", fn_month_year}, {"date-range", fn_date_range},
        {"superscripts", fn_superscripts},
    };
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
        xsltRegisterExtModuleFunction(BAD_CAST fns[i].name, BAD_CAST TRANSFORM_LV_NS, fns[i].fn);
}
