from django.views.generic import DetailView

from hubsi.signals import extra_detail_context
from hubsi.views import FilteredListView, back_to_results
from learning.filters import LearningFilterSet, includes_past
from learning.models import LearningOffer


class LearningListView(FilteredListView):
    """Learning offers, running and upcoming first by start date, then self-paced ones. Past
    offers leave the list (and every count) unless `past=1` asks for them."""

    model = LearningOffer
    filterset_class = LearningFilterSet
    default_sort = "date"
    sort_orders = {"date": (), "recent": ("-published_at", "-pk")}

    def base_queryset(self):
        offers = super().base_queryset()
        return offers if includes_past(self.request.GET) else offers.current()

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.by_date() if self.sort == "date" else queryset


class LearningDetailView(DetailView):
    """A published offer; a past one keeps its page (links to it keep working)."""

    template_name = "learning/learningoffer_detail.html"

    def get_queryset(self):
        return LearningOffer.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            back_querystring=back_to_results(self.request),
            **extra_detail_context(self.object, self.request),
            **kwargs,
        )
