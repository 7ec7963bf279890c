import django_filters
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hubsi import vocabulary
from hubsi.filtering import (
    Always,
    ByDay,
    FacetFilter,
    ListFilterSet,
    sort_filter,
    via_field,
    via_m2m,
)
from learning.models import CURRENT_RANKS, LearningOffer, Practice, date_rank, free_q, not_past_q
from supporters.filters import interest_filters, stage_and_region_filters

# `past=1` widens the list (past offers are left out otherwise): the view reads it to choose
# the base queryset, so it is no facet and filters nothing itself.
INCLUDE_PAST = "1"


class LearningFilterSet(ListFilterSet):
    # Facets counted and the default order listed from bitsets (hubsi/facet_index.py): the
    # index of every published offer in `by_date`'s order within each group, the groups
    # for today (past or not) from the offers' dates.
    bitset_order = (F("start_date").asc(nulls_last=True), "name", "pk")
    bitset_params = ListFilterSet.bitset_params | {"past"}
    bitset_day_order = "timing"
    bitset_extra = {
        "timing": FacetFilter(
            choices=[],
            q_for=ByDay(("start_date", "end_date"), date_rank, not_past_q, selects=CURRENT_RANKS),
            facet=False,
        )
    }

    theme, challenge = interest_filters(LearningOffer)
    competence = FacetFilter(
        label=_("Competence"),
        choices=vocabulary.Competence.choices,
        q_for=via_m2m(LearningOffer, "competences"),
    )
    format = FacetFilter(
        label=_("Format"),
        choices=vocabulary.LearningFormat.choices,
        q_for=via_field("format"),
    )
    stage, region = stage_and_region_filters(LearningOffer)
    role = FacetFilter(
        label=_("Who it is for"),
        choices=vocabulary.HelixRole.choices,
        q_for=via_m2m(LearningOffer, "audiences"),
    )
    online = FacetFilter(
        label=_("Online"),
        choices=[("1", _("Online"))],
        q_for=Always(lambda: Q(online=True)),
    )
    free = FacetFilter(label=_("Price"), choices=[("1", _("Free"))], q_for=Always(free_q))
    past = django_filters.ChoiceFilter(
        label=_("Also past offers"),
        choices=[(INCLUDE_PAST, _("Also past offers"))],
        method="keep_order",
    )
    sort = sort_filter(("date", _("Date")), ("recent", _("Most recent")))

    class Meta:
        model = LearningOffer
        fields = []

    def bitset_scope(self, index, day) -> int:
        """Past offers leave the list unless `past=1` asks for them (the view's queryset)."""
        if includes_past(self.data):
            return index.everything
        return day.of("timing", CURRENT_RANKS)


def includes_past(data) -> bool:
    """Whether the list's parameters ask for past offers too (the last `past` value counts,
    as for every single-valued parameter)."""
    return data.get("past") == INCLUDE_PAST


class PracticeFilterSet(ListFilterSet):
    theme, challenge = interest_filters(Practice)
    stage = FacetFilter(
        label=_("Stage"), choices=vocabulary.Stage.choices, q_for=via_m2m(Practice, "stages")
    )
    role = FacetFilter(
        label=_("Helix roles it brings together"),
        choices=vocabulary.HelixRole.choices,
        q_for=via_m2m(Practice, "roles"),
    )
    instrument = FacetFilter(
        label=_("Funding instrument"),
        choices=vocabulary.Instrument.choices,
        q_for=via_m2m(Practice, "instruments"),
    )
    sort = sort_filter(("name", _("Name")))

    class Meta:
        model = Practice
        fields = []
