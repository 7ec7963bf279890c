from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hubsi import vocabulary
from hubsi.filtering import (
    Always,
    FacetFilter,
    ListFilterSet,
    challenge_interest,
    covering_regions,
    sort_filter,
    theme_interest,
    via_field,
    via_m2m,
)
from innovations.filters import active_challenges, active_themes
from supporters.models import ExperimentationSpace, Supporter


def interest_filters(model):
    """Theme and challenge facets for content linked to both themes and challenges.

    A theme matches what is linked to it or to any of its challenges; a challenge matches what
    is linked to it or to its whole theme.
    """
    theme = FacetFilter(
        label=_("Theme"),
        choices=active_themes,
        q_for=theme_interest(model),
    )
    challenge = FacetFilter(
        label=_("Challenge"),
        choices=active_challenges,
        q_for=challenge_interest(model),
    )
    return theme, challenge


def stage_and_region_filters(model):
    """Stage and region facets for content linked to stages and regions (funding, learning
    offers): a region also matches what serves a wider area that contains it."""
    stage = FacetFilter(
        label=_("Stage"), choices=vocabulary.Stage.choices, q_for=via_m2m(model, "stages")
    )
    region = FacetFilter(
        label=_("Region"),
        choices=vocabulary.Region.choices,
        q_for=covering_regions(via_m2m(model, "regions")),
    )
    return stage, region


class SupporterFilterSet(ListFilterSet):
    # Facets counted and the default order listed from bitsets (hubsi/facet_index.py).
    bitset_order = ("name", "pk")

    theme, challenge = interest_filters(Supporter)
    stage = FacetFilter(
        label=_("Stages served"),
        choices=vocabulary.Stage.choices,
        q_for=via_m2m(Supporter, "stages"),
    )
    region = FacetFilter(
        label=_("Regions served"),
        choices=vocabulary.Region.choices,
        q_for=covering_regions(via_m2m(Supporter, "regions")),
    )
    role = FacetFilter(
        label=_("Helix role"), choices=vocabulary.HelixRole.choices, q_for=via_field("helix_role")
    )
    support = FacetFilter(
        label=_("Support offered"),
        choices=vocabulary.SupportType.choices,
        q_for=via_m2m(Supporter, "offers"),
    )
    sort = sort_filter(("name", _("Name")), ("recent", _("Most recent")))

    class Meta:
        model = Supporter
        fields = []


class SpaceFilterSet(ListFilterSet):
    bitset_order = ("name", "pk")  # as the supporters' list

    theme, challenge = interest_filters(ExperimentationSpace)
    region = FacetFilter(
        label=_("Region"),
        choices=vocabulary.Region.choices,
        q_for=covering_regions(via_field("region")),
    )
    role = FacetFilter(
        label=_("Role of the host"),
        choices=vocabulary.HelixRole.choices,
        q_for=via_field("host__helix_role"),
    )
    open = FacetFilter(
        label=_("Access"),
        choices=[("1", _("Open to citizens"))],
        q_for=Always(lambda: Q(open_to_citizens=True)),
    )
    sort = sort_filter(("name", _("Name")))

    class Meta:
        model = ExperimentationSpace
        fields = []
