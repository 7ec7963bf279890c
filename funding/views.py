from django.views.generic import DetailView

from funding.filters import FundingFilterSet
from funding.models import FundingOpportunity
from hubsi.signals import extra_detail_context
from hubsi.views import FilteredListView, back_to_results


class FundingListView(FilteredListView):
    model = FundingOpportunity
    filterset_class = FundingFilterSet
    default_sort = "deadline"
    sort_orders = {"deadline": (), "recent": ("-published_at", "-pk")}
    day_sort = "deadline"

    def order_by_day(self, queryset):
        return queryset.by_timing()


class FundingDetailView(DetailView):
    def get_queryset(self):
        return FundingOpportunity.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            back_querystring=back_to_results(self.request),
            # Linked data (opendata/receivers.py) through the `detail_context` hook.
            **extra_detail_context(self.object, self.request),
            **kwargs,
        )
