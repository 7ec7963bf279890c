from django.db.models import Case, F, IntegerField, Q, Value, When
from django.views.generic import DetailView

from funding.filters import FundingFilterSet
from funding.models import FundingOpportunity, open_q, today
from hubsi.views import FilteredListView, back_to_results


def order_by_timing(queryset):
    """Open calls first by nearest deadline, then rolling ones, upcoming, and closed last."""
    on = today()
    rank = Case(
        When(open_q(on) & Q(deadline__isnull=False), then=Value(0)),
        When(open_q(on), then=Value(1)),
        When(opens_on__gt=on, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return queryset.annotate(timing_rank=rank).order_by(
        "timing_rank", F("deadline").asc(nulls_last=True), "opens_on", "name", "pk"
    )


class FundingListView(FilteredListView):
    model = FundingOpportunity
    filterset_class = FundingFilterSet
    default_sort = "deadline"
    sort_orders = {"deadline": (), "recent": ("-published_at", "-pk")}

    def get_queryset(self):
        queryset = super().get_queryset()
        return order_by_timing(queryset) if self.sort == "deadline" else queryset


class FundingDetailView(DetailView):
    def get_queryset(self):
        return FundingOpportunity.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        return super().get_context_data(back_querystring=back_to_results(self.request), **kwargs)
