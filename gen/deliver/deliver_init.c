/* livrables init: a commented starter atelier that validates and builds. */
#include <errno.h>
#include <glib.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deliver/deliver_internal.h"
#include "util/i18n.h"

static const char starter_atelier[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!--\n"
    "  A starter atelier, written by \"livrables init\". Replace the text in each element;\n"
    "  \"livrables validate atelier.xml\" checks it against the schema, \"make\" builds the PDFs.\n"
    "  Dates are written YYYY-MM-DD and amounts in euros as plain numbers (80000).\n"
    "  Type plain spaces and apostrophes: French typography is applied when building.\n"
    "-->\n"
    "<atelier xmlns=\"urn:livrables:atelier:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"\n"
    "         id=\"mon-atelier\" format=\"local\" annee=\"2026\" version=\"1.0\">\n"
    "  <titre>Atelier des territoires de mon territoire</titre>\n"
    "  <theme>Le thème de l'atelier</theme>\n"
    "\n"
    "  <!-- Who steers the atelier: the State services and their people. -->\n"
    "  <pilotage>\n"
    "    <service type=\"DDT\" nom=\"DDT de mon département\" departement=\"00\"/>\n"
    "    <personne role=\"chef de projet\" service=\"DDT de mon département\">Prénom Nom</personne>\n"
    "  </pilotage>\n"
    "\n"
    "  <!-- The budget: the ministry's share (nature=\"etat\") and local costs (nature=\"local\"). -->\n"
    "  <financement>\n"
    "    <ligne financeur=\"DGALN (ministère)\" montant=\"80000\" nature=\"etat\"/>\n"
    "    <ligne financeur=\"Communauté de communes\" montant=\"10000\" nature=\"local\"/>\n"
    "  </financement>\n"
    "\n"
    "  <!-- The design team: one mandataire, any number of cotraitants. -->\n"
    "  <equipe>\n"
    "    <mandataire nom=\"Agence mandataire\" specialites=\"urbanisme, paysage\"/>\n"
    "  </equipe>\n"
    "\n"
    "  <!-- The calendar: lancement, cadrage, seance-1..3, intersession-1..2, production,\n"
    "       restitution, seminaire-final. -->\n"
    "  <calendrier>\n"
    "    <etape type=\"lancement\" debut=\"2026-01-15\"/>\n"
    "    <etape type=\"seance-1\" debut=\"2026-03-10\"/>\n"
    "    <etape type=\"seance-2\" debut=\"2026-05-12\"/>\n"
    "    <etape type=\"seance-3\" debut=\"2026-09-15\"/>\n"
    "    <etape type=\"restitution\" debut=\"2026-11-20\"/>\n"
    "  </calendrier>\n"
    "\n"
    "  <contexte>\n"
    "    <p>Pourquoi cet atelier, sur ce territoire, maintenant.</p>\n"
    "  </contexte>\n"
    "  <objectifs>\n"
    "    <p>Ce que l'atelier doit permettre.</p>\n"
    "  </objectifs>\n"
    "  <methode>\n"
    "    <p>Comment l'équipe et les acteurs travaillent ensemble.</p>\n"
    "  </methode>\n"
    "\n"
    "  <!-- Each deliverable is dated by the step that produces it (the carnet de suivi by its\n"
    "       last session held); to give one its own date and version:\n"
    "  <livrable type=\"feuille-de-route\" date=\"2026-11-20\" version=\"1.0\"/> -->\n"
    "\n"
    "  <!-- One site per territory, each in its own file under sites/. -->\n"
    "  <xi:include href=\"sites/mon-site.xml\"/>\n"
    "\n"
    "  <!-- Acronyms used with <sigle>: expanded in each document's glossary. -->\n"
    "  <glossaire>\n"
    "    <entree sigle=\"DDT\">Direction départementale des territoires</entree>\n"
    "  </glossaire>\n"
    "</atelier>\n";

static const char starter_site[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- A site of the atelier, included by ../atelier.xml. Its id names the output folder. -->\n"
    "<site xmlns=\"urn:livrables:atelier:1\" id=\"mon-site\" nature=\"epci\">\n"
    "  <nom>Communauté de communes de mon site</nom>\n"
    "  <departement code=\"00\">Mon département</departement>\n"
    "  <region>Ma région</region>\n"
    "  <population annee=\"2021\">30000</population>\n"
    "  <superficie unite=\"km2\">500</superficie>\n"
    "  <perimetre>Les communes du périmètre</perimetre>\n"
    "\n"
    "  <diagnostic>\n"
    "    <dynamiques>\n"
    "      <p>Les dynamiques du territoire : population, économie, paysages.</p>\n"
    "    </dynamiques>\n"
    "    <enjeux>\n"
    "      <enjeu id=\"enjeu-1\" theme=\"mobilités\">\n"
    "        <titre>Un premier enjeu</titre>\n"
    "        <p>Ce qui est en jeu.</p>\n"
    "      </enjeu>\n"
    "    </enjeux>\n"
    "    <atouts>\n"
    "      <item>Un atout du territoire.</item>\n"
    "    </atouts>\n"
    "    <faiblesses>\n"
    "      <item>Une faiblesse du territoire.</item>\n"
    "    </faiblesses>\n"
    "  </diagnostic>\n"
    "\n"
    "  <!-- The strategy: axes, objectives, actions (horizon court|moyen|long, priorite 1 to 3,\n"
    "       statut a-lancer|en-cours|realisee|abandonnee, cout in euros HT). Realised and\n"
    "       abandoned actions are listed apart from the plan. Financing lines go in\n"
    "       <financements><ligne financeur=\"...\" montant=\"...\" etat=\"acquis|sollicite|a-rechercher\"/>;\n"
    "       the part of the cost no line covers counts as still to find. -->\n"
    "  <strategie>\n"
    "    <vision>\n"
    "      <p>Le territoire dans vingt ans.</p>\n"
    "    </vision>\n"
    "    <axe id=\"axe-1\" numero=\"1\">\n"
    "      <titre>Un premier axe</titre>\n"
    "      <objectif id=\"obj-1-1\" numero=\"1.1\">\n"
    "        <titre>Un premier objectif</titre>\n"
    "        <action numero=\"1.1.1\" horizon=\"court\" debut=\"2027\" duree=\"12\" priorite=\"1\" statut=\"a-lancer\">\n"
    "          <titre>Une première action</titre>\n"
    "          <description>\n"
    "            <p>Ce que fait l'action.</p>\n"
    "          </description>\n"
    "          <porteur>Communauté de communes</porteur>\n"
    "          <cout>50000</cout>\n"
    "        </action>\n"
    "      </objectif>\n"
    "    </axe>\n"
    "  </strategie>\n"
    "\n"
    "  <!-- The working sessions (type diagnostic|strategie|feuille-de-route, tenue=\"non\" while\n"
    "       planned), with participants (role elu|technicien|etat|equipe|partenaire|habitant|expert). -->\n"
    "  <seances>\n"
    "    <seance numero=\"1\" type=\"diagnostic\" date=\"2026-03-10\" lieu=\"Salle du conseil\" tenue=\"non\">\n"
    "      <participants>\n"
    "        <participant role=\"elu\" structure=\"Communauté de communes\">Prénom Nom</participant>\n"
    "        <participant role=\"etat\" structure=\"DDT de mon département\">Prénom Nom</participant>\n"
    "      </participants>\n"
    "      <deroule>\n"
    "        <point heure=\"09:30\">Accueil et visite de terrain</point>\n"
    "        <point heure=\"14:00\">Atelier de diagnostic</point>\n"
    "      </deroule>\n"
    "    </seance>\n"
    "  </seances>\n"
    "</site>\n";

static const char starter_makefile[] =
    "# Builds this atelier's deliverables with livrables.\n"
    "#   make            the PDFs, in build/ (one folder per site, the livret at the top)\n"
    "#   make -j2        the same, two PDFs at a time\n"
    "#   make validate   checks the sources against the schema\n"
    "#   make clean      removes build/\n"
    "# Each PDF has its own command, which writes PDF.d next to it: the files it is made from\n"
    "# (sources, stylesheets, images). make rebuilds only the PDFs one of whose files changed.\n"
    "\n"
    "LIVRABLES ?= livrables\n"
    "STYLE     ?= etat\n"
    "OUT       ?= build\n"
    "# One line per PDF written (livrables says 'wrote ...'); 'make V=1' shows the commands.\n"
    "Q := $(if $(filter 1,$(V)),,@)\n"
    "# What concerns the whole make run (a charter font not installed) is said once, not once\n"
    "# per PDF: the livrables commands of one make run share this folder, emptied when make starts.\n"
    "ifndef LIVRABLES_ONCE_DIR\n"
    "export LIVRABLES_ONCE_DIR := $(abspath $(OUT))/.once\n"
    "$(shell rm -rf \"$(LIVRABLES_ONCE_DIR)\")\n"
    "endif\n"
    "\n"
    "# The PDFs: those 'livrables build -n' names (it writes nothing), and at least the livret,\n"
    "# whose command shows the errors when the sources have some.\n"
    "PDF := $(sort $(OUT)/livret-de-capitalisation.pdf \\\n"
    "               $(shell $(LIVRABLES) build -n atelier.xml -o $(OUT) 2>/dev/null))\n"
    "\n"
    "all: $(PDF)\n"
    "\n"
    "# One command per PDF: the deliverable is the file's name, the site its folder's (none\n"
    "# for the livret, which covers the whole atelier). A PDF without its .d is made again.\n"
    "DOC  = $(basename $(@F))\n"
    "SITE = $(if $(filter $(OUT),$(@D)),,--site $(notdir $(@D)))\n"
    "$(PDF): atelier.xml\n"
    "\t$(Q)$(LIVRABLES) build atelier.xml -o $(OUT) --style $(STYLE) --only $(DOC) $(SITE) -M $@.d\n"
    "$(filter-out $(basename $(wildcard $(PDF:=.d))),$(PDF)): FORCE\n"
    "\n"
    "validate:\n"
    "\t$(LIVRABLES) validate atelier.xml\n"
    "\n"
    "clean:\n"
    "\trm -rf $(OUT)\n"
    "\n"
    ".PHONY: all validate clean FORCE\n"
    ".DELETE_ON_ERROR:\n"
    "\n"
    "-include $(PDF:=.d)\n";

static const struct {
    const char *name, *text;
} starter_files[] = {
    {"atelier.xml", starter_atelier},
    {"sites/mon-site.xml", starter_site},
    {"Makefile", starter_makefile},
};

enum { STARTER_COUNT = sizeof starter_files / sizeof *starter_files };

/* How a file in `dir` names the schema, for editors (the xml-model processing instruction):
 * an installed schema (PREFIX/share/livrables) by its absolute path, which every checkout
 * of a shared repository finds on a machine where Livrables is installed; the schema of a
 * source tree by a path relative to `dir`. malloc'd. */
static char *schema_href(const char *dir)
{
    char *rng = source_data_path("schema/atelier.rng");
    char *abs_rng = realpath(rng, NULL);
    char *abs_dir = realpath(dir, NULL);
    free(rng);
    if (!abs_rng || !abs_dir || strstr(abs_rng, "/share/livrables/schema/")) {
        free(abs_dir);
        return abs_rng ? abs_rng : strdup("atelier.rng");
    }
    /* the common leading folders, then one ".." per folder of dir left */
    size_t common = 0;
    for (size_t i = 0; abs_dir[i] && abs_dir[i] == abs_rng[i]; i++)
        if (abs_dir[i] == '/')
            common = i;
    size_t n = strlen(abs_dir);
    if (strncmp(abs_dir, abs_rng, n) == 0 && abs_rng[n] == '/') /* the schema is below dir */
        common = n;
    GString *href = g_string_new("");
    for (const char *p = abs_dir + common; *p; p++)
        if (*p == '/')
            g_string_append(href, "../");
    g_string_append(href, abs_rng + common + 1);
    free(abs_dir);
    free(abs_rng);
    return g_string_free(href, FALSE);
}

/* The starter text with the xml-model line after its XML declaration. malloc'd. */
static char *with_xml_model(const char *text, const char *dir)
{
    const char *rest = strchr(text, '\n') + 1;
    char *href = schema_href(dir);
    char *out = g_strdup_printf("%.*s<?xml-model href=\"%s\" "
                                "schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n%s",
                                (int)(rest - text), text, href, rest);
    free(href);
    return out;
}

/* Creates `path` with `text`; never replaces an existing file. */
static bool write_new(const char *path, const char *text, diag *d)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0) {
        diag_error(d, path, 0, _("cannot create: %s"), strerror(errno));
        return false;
    }
    size_t n = strlen(text);
    bool ok = write(fd, text, n) == (ssize_t)n;
    ok = close(fd) == 0 && ok;
    if (!ok)
        diag_error(d, path, 0, _("cannot write: %s"), strerror(errno));
    return ok;
}

int deliver_init(const char *dir, diag *d)
{
    char paths[STARTER_COUNT][4096];
    bool clash = false;
    for (int i = 0; i < STARTER_COUNT; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/%s", dir, starter_files[i].name);
        if (access(paths[i], F_OK) == 0) {
            diag_error(d, paths[i], 0, _("already exists; not overwritten (nothing was written)"));
            clash = true;
        }
    }
    if (clash)
        return 1;
    char sites[4096];
    snprintf(sites, sizeof sites, "%s/sites", dir);
    if (!deliver_mkdirs(sites, d))
        return 1;
    for (int i = 0; i < STARTER_COUNT; i++) {
        bool xml = g_str_has_suffix(starter_files[i].name, ".xml");
        char *folder = g_path_get_dirname(paths[i]);
        char *text = xml ? with_xml_model(starter_files[i].text, folder)
                         : g_strdup(starter_files[i].text);
        bool ok = write_new(paths[i], text, d);
        g_free(text);
        g_free(folder);
        if (!ok)
            return 1;
    }
    return 0;
}
