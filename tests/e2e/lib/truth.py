"""What the deliverables must say about money, status and dates, computed from the source.

The rules are those of the vocabulary (doc/vocabulary.md): an action of the plan is one not
realisee nor abandonnee; its amounts split by the state of its lines (a line without etat is
sollicité), à rechercher taking also the part of the cost no line covers; shares of a total
are each rounded to a tenth of a percent, half away from zero; a deliverable's date is its
<livrable date>, else the date of the calendar step that produces it."""

from decimal import Decimal

import atelier as at
from atelier import A

CLOSED = ("realisee", "abandonnee")
KINDS = ("note-de-cadrage", "carnet-de-suivi", "rapport-final", "feuille-de-route",
         "livret-de-capitalisation")


def is_open(action):
    return action.get("statut") not in CLOSED


FUNDING_KINDS = ("subvention", "autofinancement", "emprunt", "portage")
# under a funder in the table by funder, its money that is no cofinancing: "dont part du
# porteur : 220 000 €"
FUNDING_DETAILS = {"autofinancement": "part du porteur", "emprunt": "emprunt",
                   "portage": "portage foncier (avance à racheter)"}


def funding_kind(action, line):
    """What a financing line's money is: its type, else own funds when the funder is the
    action's porteur or the start of its name, else a funder's aid."""
    if line.get("type"):
        return line.get("type")
    funder = " ".join(line.get("financeur").split())
    porteur = at.text(action.find(A + "porteur"))
    if funder == porteur or porteur.startswith(funder + " "):
        return "autofinancement"
    return "subvention"


def open_actions(site):
    return [a for a in at.actions(site) if is_open(a)]


def closed_actions(site):
    return [a for a in at.actions(site) if not is_open(a)]


def tax(root, action):
    c = action.find(A + "cout")
    return (c is not None and c.get("taxe")) or root.get("taxe") or "HT"


class Money:
    """Amounts of one action or of a sum of actions, by state."""

    def __init__(self, cost=0, acq=0, sol=0, rech=0, gap=0):
        self.cost, self.acq, self.sol, self.rech, self.gap = (Decimal(x) for x in (cost, acq, sol, rech, gap))

    def __add__(self, o):
        return Money(self.cost + o.cost, self.acq + o.acq, self.sol + o.sol, self.rech + o.rech, self.gap + o.gap)

    def states(self):
        return [self.acq, self.sol, self.rech]


def money(action):
    """The Money of an open action with a cost, else None."""
    if action.find(A + "cout") is None:
        return None
    cost = Decimal(action.findtext(A + "cout").strip())
    lines = action.findall("%sfinancements/%sligne" % (A, A))

    def total(states):
        return sum((Decimal(l.get("montant")) for l in lines if l.get("etat") in states), Decimal(0))

    acq, sol, found = total(("acquis",)), total(("sollicite", None)), total(("a-rechercher",))
    gap = max(cost - acq - sol - found, Decimal(0))
    return Money(cost, acq, sol, found + gap, gap)


def plan_money(actions):
    m = Money()
    for a in actions:
        if is_open(a) and money(a) is not None:
            m = m + money(a)
    return m


def shares(values):
    """Tenths of a percent for each value, each rounded on its own, half away from zero (the
    French usage; never nudged so that they add up to 1000); None when the values add up to
    nothing."""
    cents = [int((Decimal(v) * 100).to_integral_value()) for v in values]
    total = sum(cents)
    if total <= 0:
        return None
    return [(2 * c * 1000 + total) // (2 * total) for c in cents]


# the note under a table whose rounded shares don't add up to 100,0 %
ROUNDING_NOTE = "Les parts étant arrondies, leur somme peut différer de 100 %."


def percent(tenths):
    """lv:share's text, always with one decimal: "17,3 %", "50,0 %"."""
    whole, frac = divmod(tenths, 10)
    return "%d,%d %%" % (whole, frac)


# ---------------------------------------------------------------------------- dates

def _steps(root, kind):
    return root.findall("%scalendrier/%setape[@type='%s']" % (A, A, kind))


def _latest(dates):
    dates = [d for d in dates if d]
    return max(dates) if dates else ""


def _step_date(root, kind):
    return _latest([d for s in _steps(root, kind) for d in (s.get("debut"), s.get("fin"))])


def _given(root, site, kind, attr):
    for owner in (site, root):
        if owner is None:
            continue
        for l in owner.findall(A + "livrable"):
            if l.get("type") == kind and l.get(attr):
                return l.get(attr)
    return ""


def deliverable_date(root, site, kind):
    """The ISO date a deliverable must carry (doc/vocabulary.md, "livrable")."""
    given = _given(root, site, kind, "date")
    if given:
        return given
    steps = root.findall("%scalendrier/%setape" % (A, A))
    cadrage = (_step_date(root, "cadrage") or _step_date(root, "lancement")
               or (steps[0].get("debut") if steps else ""))
    production = (_step_date(root, "production") or _step_date(root, "restitution")
                  or _latest([d for s in steps for d in (s.get("debut"), s.get("fin"))]))
    if kind == "note-de-cadrage":
        return cadrage
    if kind == "carnet-de-suivi":
        held = [x for x in site.findall("%sseances/%sseance" % (A, A)) if x.get("tenue") == "oui"]
        return _latest([d for x in held for d in (x.get("date"), x.get("fin"))]) or cadrage
    if kind == "dossier":   # the seminar's date (the first atelier's, as the dossier's cover)
        sem = root.find(A + "seminaire-final")
        return sem.get("date") if sem is not None else production
    if kind == "livret-de-capitalisation":
        sem = root.find(A + "seminaire-final")
        return _step_date(root, "seminaire-final") or (sem.get("date") if sem is not None else "") or production
    return production


def deliverable_version(root, site, kind):
    default = "1.0" if kind == "dossier" else (root.get("version") or "1.0")
    return _given(root, site, kind, "version") or default
