/* Generates a large XSL-FO document for the benchmark: a table of contents with dot
 * leaders and forward page-number citations, then one page-sequence per chapter with
 * justified French-like text, lists and a long table whose header repeats on every page.
 * Deterministic: the same arguments give the same file.
 *
 *   gen_fo CHAPTERS > big.fo              one page-sequence per chapter (about 6 pages each)
 *   gen_fo --single CHAPTERS > one.fo     the whole book in one page-sequence, chapters
 *                                         starting on a new page (DocBook's way)
 *   gen_fo --single --no-last CHAPTERS    the same without "page n / N" footers (no
 *                                         page-number-citation-last), to price the citation
 *   gen_fo --single --no-last --no-toc CHAPTERS   nor a table of contents: no forward
 *                                         citation at all, every page final as it is laid out
 *
 * The text is set in Liberation Serif and Sans, metric-compatible with the Times and
 * Helvetica that FOP falls back to, so both engines set about the same number of pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int with_last = 1; /* "page n / N" footers */
static int with_toc = 1;  /* a table of contents, whose page numbers are forward citations */

static const char *const words[] = {
    "territoire", "stratégie", "atelier", "commune", "développement", "paysage", "mobilité",
    "habitat", "les", "des", "une", "pour", "avec", "dans", "entre", "agricole", "transition",
    "écologique", "centre-bourg", "revitalisation", "intercommunalité", "acteurs", "élus",
    "démarche", "diagnostic", "enjeux", "projet", "ressource", "eau", "forêt", "vallée",
    "coopération", "services", "publics", "logements", "vacants", "friches", "économie",
    "locale", "tourisme", "patrimoine", "et", "de", "la", "le", "du", "sur", "qui", "plus",
    "aménagement", "durable", "sobriété", "foncière", "biodiversité", "résilience", "climat",
};

static unsigned long long rng = 88172645463325252ull;

static unsigned next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

static void sentence(int nwords)
{
    for (int i = 0; i < nwords; i++) {
        const char *w = words[next_rand() % (sizeof words / sizeof words[0])];
        if (i > 0)
            printf(" %s", w);
        else if (w[0] >= 'a' && w[0] <= 'z')
            printf("%c%s", w[0] - 'a' + 'A', w + 1);
        else
            printf("%s", w);
        if (i == nwords / 2 && next_rand() % 3 == 0)
            printf(" ;");
    }
    printf(". ");
}

static void paragraph(void)
{
    printf("<fo:block space-after=\"6pt\" text-align=\"justify\" hyphenate=\"true\" language=\"fr\">");
    int n = 4 + next_rand() % 4;
    for (int i = 0; i < n; i++)
        sentence(8 + next_rand() % 14);
    printf("</fo:block>\n");
}

static void list(void)
{
    printf("<fo:list-block provisional-distance-between-starts=\"8mm\" space-after=\"6pt\">\n");
    for (int i = 0; i < 5; i++) {
        printf("<fo:list-item><fo:list-item-label end-indent=\"label-end()\"><fo:block>%d.</fo:block>"
               "</fo:list-item-label><fo:list-item-body start-indent=\"body-start()\"><fo:block>", i + 1);
        sentence(6 + next_rand() % 10);
        printf("</fo:block></fo:list-item-body></fo:list-item>\n");
    }
    printf("</fo:list-block>\n");
}

static void table(int rows)
{
    printf("<fo:table table-layout=\"fixed\" width=\"100%%\" space-after=\"8pt\">\n"
           "<fo:table-column column-width=\"12mm\"/><fo:table-column column-width=\"proportional-column-width(3)\"/>"
           "<fo:table-column column-width=\"proportional-column-width(2)\"/><fo:table-column column-width=\"25mm\"/>\n"
           "<fo:table-header background-color=\"#000091\" color=\"white\" font-weight=\"bold\">"
           "<fo:table-row><fo:table-cell padding=\"2pt\"><fo:block>N°</fo:block></fo:table-cell>"
           "<fo:table-cell padding=\"2pt\"><fo:block>Action</fo:block></fo:table-cell>"
           "<fo:table-cell padding=\"2pt\"><fo:block>Porteur</fo:block></fo:table-cell>"
           "<fo:table-cell padding=\"2pt\"><fo:block text-align=\"end\">Coût</fo:block></fo:table-cell>"
           "</fo:table-row></fo:table-header>\n<fo:table-body>\n");
    for (int r = 0; r < rows; r++) {
        printf("<fo:table-row border-bottom=\"0.5pt solid #cccccc\">"
               "<fo:table-cell padding=\"2pt\"><fo:block>%d</fo:block></fo:table-cell>"
               "<fo:table-cell padding=\"2pt\"><fo:block>", r + 1);
        sentence(5 + next_rand() % 8);
        printf("</fo:block></fo:table-cell><fo:table-cell padding=\"2pt\"><fo:block>");
        sentence(2 + next_rand() % 3);
        printf("</fo:block></fo:table-cell><fo:table-cell padding=\"2pt\"><fo:block text-align=\"end\">"
               "%u 000 €</fo:block></fo:table-cell></fo:table-row>\n", 10 + next_rand() % 900);
    }
    printf("</fo:table-body></fo:table>\n");
}

static void static_content(void)
{
    printf("<fo:static-content flow-name=\"xsl-region-before\"><fo:block font-size=\"8pt\" "
           "color=\"#555555\" border-bottom=\"0.5pt solid #999999\">Banc d'essai Livrables</fo:block>"
           "</fo:static-content>\n"
           "<fo:static-content flow-name=\"xsl-region-after\"><fo:block font-size=\"8pt\" "
           "text-align=\"end\">page <fo:page-number/>%s</fo:block></fo:static-content>\n",
           with_last ? " / <fo:page-number-citation-last ref-id=\"end\"/>" : "");
}

/* One chapter's flow content; `first_on_page` breaks before it (single-sequence mode). */
static void chapter(int c, int last, int break_before)
{
    printf("<fo:block id=\"ch%d\" font-size=\"16pt\" font-weight=\"bold\" space-after=\"10pt\" "
           "keep-with-next=\"always\" font-family=\"Liberation Sans\"%s>Chapitre %d</fo:block>\n", c,
           break_before ? " break-before=\"page\"" : "", c);
    for (int s = 0; s < 4; s++) {
        printf("<fo:block font-size=\"12pt\" font-weight=\"bold\" space-before=\"8pt\" "
               "space-after=\"4pt\" keep-with-next=\"always\">Section %d.%d</fo:block>\n", c, s + 1);
        for (int p = 0; p < 5; p++)
            paragraph();
        list();
    }
    table(60);
    if (last)
        printf("<fo:block id=\"end\"/>\n");
}

int main(int argc, char **argv)
{
    int single = 0;
    for (; argc > 1 && strncmp(argv[1], "--", 2) == 0; argc--, argv++) {
        if (strcmp(argv[1], "--single") == 0)
            single = 1;
        else if (strcmp(argv[1], "--no-last") == 0)
            with_last = 0;
        else if (strcmp(argv[1], "--no-toc") == 0)
            with_toc = 0;
    }
    int chapters = argc > 1 ? atoi(argv[1]) : 25;
    if (chapters < 1)
        chapters = 1;
    printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" font-family=\"Liberation Serif\" "
           "font-size=\"10pt\" line-height=\"1.3\">\n<fo:layout-master-set>\n"
           "<fo:simple-page-master master-name=\"A4\" page-width=\"210mm\" page-height=\"297mm\" "
           "margin=\"12mm 20mm 10mm 20mm\"><fo:region-body margin=\"12mm 0 12mm 0\"/>"
           "<fo:region-before extent=\"10mm\"/><fo:region-after extent=\"10mm\"/></fo:simple-page-master>\n"
           "</fo:layout-master-set>\n<fo:bookmark-tree>\n");
    for (int c = 1; c <= chapters; c++)
        printf("<fo:bookmark internal-destination=\"ch%d\"><fo:bookmark-title>Chapitre %d</fo:bookmark-title>"
               "</fo:bookmark>\n", c, c);
    printf("</fo:bookmark-tree>\n<fo:page-sequence master-reference=\"A4\">\n");
    static_content();
    printf("<fo:flow flow-name=\"xsl-region-body\">");
    if (with_toc)
        printf("<fo:block font-size=\"18pt\" font-weight=\"bold\" "
               "space-after=\"12pt\">Sommaire</fo:block>\n");
    for (int c = 1; with_toc && c <= chapters; c++)
        printf("<fo:block text-align-last=\"justify\"><fo:basic-link internal-destination=\"ch%d\">"
               "Chapitre %d<fo:leader leader-pattern=\"dots\"/><fo:page-number-citation ref-id=\"ch%d\"/>"
               "</fo:basic-link></fo:block>\n", c, c, c);
    if (single) {
        for (int c = 1; c <= chapters; c++)
            chapter(c, c == chapters, 1);
        printf("</fo:flow></fo:page-sequence>\n");
    } else {
        printf("</fo:flow></fo:page-sequence>\n");
        for (int c = 1; c <= chapters; c++) {
            printf("<fo:page-sequence master-reference=\"A4\">\n");
            static_content();
            printf("<fo:flow flow-name=\"xsl-region-body\">\n");
            chapter(c, c == chapters, 0);
            printf("</fo:flow></fo:page-sequence>\n");
        }
    }
    printf("</fo:root>\n");
    return 0;
}
