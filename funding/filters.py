from django.utils.translation import gettext_lazy as _

from funding.models import FundingOpportunity, open_q
from hubsi import vocabulary
from hubsi.filtering import (
    Always,
    FacetFilter,
    ListFilterSet,
    sort_filter,
    via_field,
    via_m2m,
)
from supporters.filters import interest_filters, stage_and_region_filters


class FundingFilterSet(ListFilterSet):
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
        label=_("Timing"), choices=[("1", _("Open now or rolling"))], q_for=Always(open_q)
    )
    sort = sort_filter(("deadline", _("Deadline")), ("recent", _("Most recent")))

    class Meta:
        model = FundingOpportunity
        fields = []
