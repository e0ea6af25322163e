/* The lv: extension functions as XPath functions, over the plain helpers of lv.h. */
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <stdbool.h>
#include <stdlib.h>

#include "transform/lv.h"
#include "transform/transform.h"
#include "util/xalloc.h"

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

void transform_register_lv_measure(void); /* lv_measure.c */

/* The space-separated numbers of `list` into `values` (at most `max`), read as XPath reads
 * them, whatever the C locale; false when there are more than `max`. */
static bool read_numbers(const xmlChar *list, double *values, size_t max, size_t *n)
{
    *n = 0;
    for (const char *p = (const char *)list; *p;) {
        while (*p == ' ')
            p++;
        const char *end = p;
        while (*end && *end != ' ')
            end++;
        if (end == p)
            break;
        if (*n == max)
            return false;
        xmlChar *word = xmlStrndup(BAD_CAST p, (int)(end - p));
        values[(*n)++] = xmlXPathStringEvalNumber(word);
        xmlFree(word);
        p = end;
    }
    return true;
}

enum { MAX_SHARES = 256 }; /* more numbers than any table has rows */

/* Pops the space-separated numbers argument of lv:share and lv:shares-total into `values`:
 * -1 on an XPath error (the caller returns), 0 when it is not such a list, 1 when it is. */
static int pop_numbers(xmlXPathParserContextPtr ctxt, double values[MAX_SHARES], size_t *n)
{
    xmlChar *list = xmlXPathPopString(ctxt);
    if (xmlXPathCheckError(ctxt)) {
        xmlFree(list);
        return -1;
    }
    bool ok = read_numbers(list, values, MAX_SHARES, n);
    xmlFree(list);
    return ok ? 1 : 0;
}

/* lv:shares-total(values): what the rounded shares lv:share gives of `values` add up to, in
 * tenths of a percent (1000 when they make 100,0 %, 999 or 1001 when rounding moved them);
 * NaN when they have no shares (all zero, a negative value). */
static void fn_shares_total(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (!arity_is(ctxt, nargs, 1))
        return;
    double values[MAX_SHARES];
    size_t n;
    int ok = pop_numbers(ctxt, values, &n);
    if (ok < 0)
        return;
    long sum = ok > 0 ? lv_shares_sum(values, n, 1000) : -1;
    valuePush(ctxt, xmlXPathNewFloat(sum >= 0 ? (double)sum : xmlXPathNAN));
}

/* lv:share(values, i): the share of the i-th of the space-separated numbers `values` in
 * their sum, rounded to a tenth of a percent ("5,8 %"). */
static void fn_share(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (!arity_is(ctxt, nargs, 2))
        return;
    double index = xmlXPathPopNumber(ctxt);
    double values[MAX_SHARES];
    size_t n;
    int ok = pop_numbers(ctxt, values, &n);
    if (ok < 0)
        return;
    bool whole = index >= 1 && index <= (double)n && index == (double)(size_t)index;
    push_result(ctxt, ok > 0 && whole ? lv_share(values, n, (size_t)index) : xstrdup(""));
}

/* lv:words(nodes, separators): the string values of `nodes` in document order, as whole
 * words for a search (lv_words). */
static void fn_words(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (!arity_is(ctxt, nargs, 2))
        return;
    xmlChar *separators = xmlXPathPopString(ctxt);
    xmlNodeSetPtr nodes = xmlXPathCheckError(ctxt) ? NULL : xmlXPathPopNodeSet(ctxt);
    if (xmlXPathCheckError(ctxt)) {
        xmlFree(separators);
        xmlXPathFreeNodeSet(nodes);
        return;
    }
    int n = nodes ? nodes->nodeNr : 0;
    xmlXPathNodeSetSort(nodes);
    char **texts = calloc((size_t)n + 1, sizeof *texts);
    if (!texts)
        abort();
    for (int i = 0; i < n; i++)
        texts[i] = (char *)xmlXPathCastNodeToString(nodes->nodeTab[i]);
    push_result(ctxt, lv_words((const char *const *)texts, (size_t)n, (const char *)separators));
    for (int i = 0; i < n; i++)
        xmlFree(texts[i]);
    free(texts);
    xmlXPathFreeNodeSet(nodes);
    xmlFree(separators);
}

/* Called from transform_register_extensions(). */
void transform_register_lv_functions(void);
void transform_register_lv_functions(void)
{
    static const struct {
        const char *name;
        xmlXPathFunction fn;
    } fns[] = {
        {"shares-total", fn_shares_total},
        {"typo", fn_typo},     {"amount", fn_amount},         {"number", fn_number},
        {"date", fn_date},     {"month-year", fn_month_year}, {"date-range", fn_date_range},
        {"share", fn_share},
        {"superscripts", fn_superscripts}, {"words", fn_words},
    };
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
        xsltRegisterExtModuleFunction(BAD_CAST fns[i].name, BAD_CAST TRANSFORM_LV_NS, fns[i].fn);
    transform_register_lv_measure();
}
