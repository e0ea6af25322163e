/* lv:text-width(text, font-family, font-size [, font-weight]): the width of a label as the
 * text engine sets it, for the charts the stylesheets draw. The engine comes from the
 * running transform (transform_run puts it in the context's user data). */
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/xsltInternals.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "text/text.h"
#include "transform/transform.h"

/* A weight given as a number (100..900) or as a CSS keyword ("bold", "normal"). */
static int weight_of(xmlXPathObjectPtr o)
{
    if (o->type == XPATH_STRING) {
        const char *s = (const char *)o->stringval;
        if (strcmp(s, "bold") == 0)
            return 700;
        if (strcmp(s, "normal") == 0 || !*s)
            return 400;
    }
    double w = xmlXPathCastToNumber(o);
    return isnan(w) ? 400 : (int)w;
}

static void fn_text_width(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs < 3 || nargs > 4) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    int weight = 400;
    if (nargs == 4) {
        xmlXPathObjectPtr w = valuePop(ctxt);
        if (w)
            weight = weight_of(w);
        xmlXPathFreeObject(w);
    }
    double size = xmlXPathPopNumber(ctxt);
    xmlChar *families = xmlXPathPopString(ctxt);
    xmlChar *text = xmlXPathPopString(ctxt);
    xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
    tx_engine *tx = tctxt ? tctxt->_private : NULL;
    if (!xmlXPathCheckError(ctxt)) {
        double w = NAN; /* no engine or no size: NaN, which no comparison passes */
        if (tx && size > 0)
            w = tx_text_width(tx, (const char *)families, size, weight, false, (const char *)text);
        valuePush(ctxt, xmlXPathNewFloat(w));
    }
    xmlFree(families);
    xmlFree(text);
}

/* Called from transform_register_lv_functions(). */
void transform_register_lv_measure(void);
void transform_register_lv_measure(void)
{
    xsltRegisterExtModuleFunction(BAD_CAST "text-width", BAD_CAST TRANSFORM_LV_NS, fn_text_width);
}
