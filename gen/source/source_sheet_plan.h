/* The columns of an action plan spreadsheet, shared by the reader (source_sheet_plan.c) and
 * `livrables export-plan` so that what one writes the other reads. */
#ifndef LIVRABLES_SOURCE_SHEET_PLAN_H
#define LIVRABLES_SOURCE_SHEET_PLAN_H

#include <stdbool.h>

/* The columns of sheet "actions", in the order export writes them. */
typedef enum {
    PLAN_AXE, PLAN_AXE_TITRE, PLAN_OBJECTIF, PLAN_OBJECTIF_TITRE, PLAN_NUMERO, PLAN_ID,
    PLAN_TITRE, PLAN_DESCRIPTION, PLAN_PORTEUR, PLAN_PARTENAIRES, PLAN_HORIZON, PLAN_DEBUT,
    PLAN_DUREE, PLAN_PRIORITE, PLAN_STATUT, PLAN_COUT, PLAN_TAXE, PLAN_UNITE, PLAN_ETUDES,
    PLAN_OUTILS, PLAN_INDICATEURS, PLAN_NCOLUMNS
} plan_column;

/* The columns of sheet "financements". */
typedef enum { FIN_ACTION, FIN_FINANCEUR, FIN_MONTANT, FIN_ETAT, FIN_DISPOSITIF, FIN_TYPE, FIN_NCOLUMNS } fin_column;

typedef struct {
    const char *name;  /* the header, folded: "axe-titre" */
    bool required;
} plan_column_spec;

extern const plan_column_spec plan_action_columns[PLAN_NCOLUMNS];
extern const plan_column_spec plan_fin_columns[FIN_NCOLUMNS];

/* The permitted values, NULL-terminated. */
extern const char *const plan_horizons[];
extern const char *const plan_priorites[];
extern const char *const plan_statuts[];
extern const char *const plan_etats[];
extern const char *const plan_fin_types[];
extern const char *const plan_taxes[];

#endif
