"""Template pieces of the pages that combine apps."""

from django import template

from front.learning_matches import innovations_fitting_offers, learning_for
from front.matching import innovations_for_supporter
from innovations.models import Innovation
from learning.models import LearningOffer
from supporters.models import Supporter

register = template.Library()


@register.inclusion_tag("front/includes/dashboard_supporter_matches.html", takes_context=True)
def dashboard_supporter_matches(context):
    """The innovations the user's first published supporter profile can help, and links to
    the same suggestions of the others on their own pages (shown to managers only there).

    One profile's ranking here keeps the dashboard's query count constant however many
    profiles someone manages."""
    user = context["request"].user
    supporters = list(Supporter.objects.published().owned_by(user).order_by("name", "pk"))
    first = supporters[0] if supporters else None
    return {
        "supporter": first,
        "matches": innovations_for_supporter(first) if first else [],
        "others": supporters[1:],
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.inclusion_tag("front/includes/dashboard_learning.html", takes_context=True)
def dashboard_learning(context):
    """For innovators: the learning offers that fit their first published innovation (the
    others show theirs on their public pages). For providers: how many published innovations
    their running and upcoming offers fit. A constant number of queries either way."""
    user = context["request"].user
    innovations = Innovation.objects.published().owned_by(user).order_by("name", "pk")
    innovation = innovations.first()
    offers = list(
        LearningOffer.objects.published()
        .current()
        .owned_by(user)
        .prefetch_related("competences", "challenges", "themes", "stages")
    )
    return {
        "innovation": innovation,
        "matches": learning_for(innovation) if innovation else [],
        "offers_count": len(offers),
        "reach": innovations_fitting_offers(offers),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }
