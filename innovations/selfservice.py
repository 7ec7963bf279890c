"""Innovators register and edit their own innovation on the self-service engine
(hubsi/selfservice/): the declaration of the kind, and what only innovations have: "Has
someone already done this?" beside step one (`similar_to_draft`)."""

import re
from functools import reduce
from operator import or_

from django.db.models import Count, Q, Value
from django.http import JsonResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from hubsi.kinds import Check, Kind, Step, register
from innovations.forms import (
    ApproachForm,
    PartnershipForm,
    PracticalForm,
    ProblemForm,
    SystemForm,
)
from innovations.models import Innovation

STEPS = (
    Step(
        "problem",
        gettext_lazy("The problem"),
        ProblemForm,
        gettext_lazy(
            "Love the problem: describe the problem you tackle before your solution, and the "
            "societal challenges it belongs to."
        ),
    ),
    Step(
        "system",
        gettext_lazy("The system around it"),
        SystemForm,
        gettext_lazy(
            "A problem rarely has one cause. Describe what keeps it going and who is involved."
        ),
    ),
    Step(
        "approach",
        gettext_lazy("Your approach"),
        ApproachForm,
        gettext_lazy("What you do, for whom, how far you are and what it has brought so far."),
    ),
    Step(
        "partnership",
        gettext_lazy("The partnership"),
        PartnershipForm,
        gettext_lazy(
            "Who leads it, who is already on board, what support you need and which partners "
            "you are looking for."
        ),
    ),
    Step(
        "practical",
        gettext_lazy("Practical details"),
        PracticalForm,
        gettext_lazy("Where you work, your website and logo, and how we reach you."),
    ),
)
# What the dashboard asks for when it is missing or thin: what the design's profile parts and
# the matching read (support needed, regions, partners wanted, the system around the problem).
CHECKS = (
    Check(
        "systemic_view",
        "system",
        gettext_lazy(
            "Describe the system around the problem: its root causes and who is involved."
        ),
        weak=gettext_lazy(
            "The system around the problem is described in a few words: add its root causes "
            "and who is involved."
        ),
        min_length=160,
    ),
    Check(
        "needs",
        "partnership",
        gettext_lazy("Say what support you need: supporters who offer it will find you."),
    ),
    Check(
        "wanted_roles",
        "partnership",
        gettext_lazy("Say which partners you are looking for."),
    ),
    Check(
        "regions",
        "practical",
        gettext_lazy("Add the regions where you work: funding and supporters are matched on them."),
    ),
    Check("impact", "approach", gettext_lazy("Describe what it has brought so far.")),
)
SIMILAR_LIMIT = 5


def as_id(value) -> int | None:
    """A primary key from untrusted input, or None (also for numbers too large for the
    database's integers)."""
    text = str(value) if value is not None else ""
    return int(text) if re.fullmatch(r"[0-9]{1,18}", text) else None


# Similar innovations -------------------------------------------------------------------------


def keywords(text: str, limit: int = 3) -> list[str]:
    """The longest distinct words of a text: a cheap guess at what it is about."""
    words = {word.lower() for word in re.findall(r"[^\W\d_]{6,}", text or "")}
    return sorted(words, key=lambda word: (-len(word), word))[:limit]


def similar_to_draft(*, challenges, problem: str = "", exclude: int | None = None) -> list:
    """Up to five published innovations that share a challenge or key words of the problem,
    those sharing most challenges first. Shown beside step one; never blocks anything."""
    challenge_ids = [pk for pk in map(as_id, challenges or []) if pk is not None]
    published = Innovation.objects.published()
    conditions = [Q(pk__in=published.search(word).values("pk")) for word in keywords(problem)]
    if challenge_ids:
        conditions.append(Q(challenges__in=challenge_ids))
        shared = Count("challenges", filter=Q(challenges__in=challenge_ids), distinct=True)
    else:
        shared = Value(0)
    if not conditions:
        return []
    queryset = (
        published.filter(pk__in=published.filter(reduce(or_, conditions)).values("pk"))
        .exclude(pk=exclude)
        .annotate(shared=shared)
        .for_listing()
        .order_by("-shared", "-published_at", "-pk")
    )
    return list(queryset[:SIMILAR_LIMIT])


def similar_for_form(form, values: dict, exclude: int | None = None) -> list:
    if form.is_bound:
        # Only what validated: hostile or mistyped input never reaches the query.
        cleaned = getattr(form, "cleaned_data", {})
        challenges = cleaned.get("challenges") or []
        problem = cleaned.get("problem") or ""
    else:
        challenges, problem = values.get("challenges"), values.get("problem", "")
    return similar_to_draft(challenges=challenges, problem=problem, exclude=exclude)


@require_GET
def similar_json(request):
    """Progressive enhancement for step one (static/js/similar.js): the same suggestions
    while the innovator types. Only published innovations, so it needs no sign-in."""
    items = similar_to_draft(
        challenges=request.GET.getlist("challenge")[:20],
        problem=request.GET.get("q", "")[:2000],
        exclude=int(exclude)
        if (exclude := request.GET.get("exclude", ""))[:18].isdigit()
        else None,
    )
    return JsonResponse(
        {
            "results": [
                {
                    "name": item.name,
                    "url": item.get_absolute_url(),
                    "tagline": item.tagline,
                    "language": item.language,
                }
                for item in items
            ]
        }
    )


def similar_context(request, innovation, editing, step, form) -> dict:
    """Step one shows similar published innovations beside the form (`INNOVATION.step_context`)."""
    if step.slug != "problem":
        return {}
    values = editing.values(INNOVATION.field_names(step)) if editing else {}
    exclude = innovation.pk if innovation else None
    return {
        "similar": similar_for_form(form, values, exclude=exclude),
        "show_similar": form.is_bound or innovation is not None,
    }


# Registered when the app is ready (InnovationsConfig.ready imports this module).
INNOVATION = register(
    Kind(
        model=Innovation,
        namespace="innovations",
        name="innovation",
        path="innovations",
        steps=STEPS,
        prefetch=("challenges", "regions", "partner_roles", "needs", "wanted_roles"),
        dashboard_order=("-updated_at", "-pk"),
        organisation_lookup="organisation_name",
        step_context=similar_context,
        checks=CHECKS,
    )
)
