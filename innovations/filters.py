from django.utils.translation import gettext_lazy as _

from hubsi import vocabulary
from hubsi.filtering import (
    FacetFilter,
    ListFilterSet,
    choices_from,
    covering_regions,
    sort_filter,
    via_field,
    via_m2m,
)
from innovations.models import Challenge, Innovation, Theme

active_themes = choices_from(lambda: Theme.objects.active().order_by_name())
active_challenges = choices_from(lambda: Challenge.objects.active().order_by_name())


class InnovationFilterSet(ListFilterSet):
    # The largest list (100,000 innovations in the benchmark): facets counted and the default
    # order listed from bitsets (hubsi/facet_index.py).
    bitset_order = ("-published_at", "-pk")

    theme = FacetFilter(
        label=_("Theme"),
        choices=active_themes,
        q_for=via_m2m(Innovation, "challenges", "theme__slug"),
    )
    challenge = FacetFilter(
        label=_("Challenge"),
        choices=active_challenges,
        q_for=via_m2m(Innovation, "challenges", "slug"),
    )
    stage = FacetFilter(
        label=_("Stage"), choices=vocabulary.Stage.choices, q_for=via_field("stage")
    )
    region = FacetFilter(
        label=_("Region"),
        choices=vocabulary.Region.choices,
        q_for=covering_regions(via_m2m(Innovation, "regions")),
    )
    role = FacetFilter(
        label=_("Helix roles in the partnership"),
        choices=vocabulary.HelixRole.choices,
        q_for=via_m2m(Innovation, "partner_roles"),
    )
    wanted = FacetFilter(
        label=_("Looking for partners"),
        choices=vocabulary.HelixRole.choices,
        q_for=via_m2m(Innovation, "wanted_roles"),
    )
    support = FacetFilter(
        label=_("Support needed"),
        choices=vocabulary.SupportType.choices,
        q_for=via_m2m(Innovation, "needs"),
    )
    sort = sort_filter(("recent", _("Most recent")), ("name", _("Name")))

    class Meta:
        model = Innovation
        fields = []


class ChallengeFilterSet(ListFilterSet):
    theme = FacetFilter(label=_("Theme"), choices=active_themes, q_for=via_field("theme__slug"))
    sort = sort_filter(("name", _("Name")))

    class Meta:
        model = Challenge
        fields = []
