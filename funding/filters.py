from django.db.models import F
from django.utils.translation import gettext_lazy as _

from funding.models import OPEN_RANKS, FundingOpportunity, open_q, timing_rank
from hubsi import vocabulary
from hubsi.filtering import (
    ByDay,
    FacetFilter,
    ListFilterSet,
    sort_filter,
    via_field,
    via_m2m,
)
from supporters.filters import interest_filters, stage_and_region_filters


class FundingFilterSet(ListFilterSet):
    # Facets counted and the default order listed from bitsets (hubsi/facet_index.py): the
    # index in `by_timing`'s order within each timing group, the groups for today from the
    # calls' dates (the `open` filter).
    bitset_order = (F("deadline").asc(nulls_last=True), "opens_on", "name", "pk")
    bitset_day_order = "open"

    theme, challenge = interest_filters(FundingOpportunity)
    stage, region = stage_and_region_filters(FundingOpportunity)
    role = FacetFilter(
        label=_("Who can apply"),
        choices=vocabulary.HelixRole.choices,
        q_for=via_m2m(FundingOpportunity, "eligible_roles"),
    )
    instrument = FacetFilter(
        label=_("Instrument"),
        choices=vocabulary.Instrument.choices,
        q_for=via_field("instrument"),
    )
    open = FacetFilter(
        label=_("Timing"),
        choices=[("1", _("Open now or rolling"))],
        q_for=ByDay(("opens_on", "deadline"), timing_rank, open_q, selects=OPEN_RANKS),
    )
    sort = sort_filter(("deadline", _("Deadline")), ("recent", _("Most recent")))

    class Meta:
        model = FundingOpportunity
        fields = []
