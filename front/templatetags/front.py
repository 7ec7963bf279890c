"""Template pieces of the pages that combine apps."""

from django import template

from front.matching import innovations_for_supporter
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
