from django.views.generic import DetailView

from hubsi.signals import extra_detail_context
from hubsi.views import FilteredListView, back_to_results
from supporters.filters import SpaceFilterSet, SupporterFilterSet
from supporters.models import ExperimentationSpace, Supporter


class SupporterListView(FilteredListView):
    model = Supporter
    filterset_class = SupporterFilterSet
    default_sort = "name"
    sort_orders = {"name": ("name", "pk"), "recent": ("-published_at", "-pk")}


class SupporterDetailView(DetailView):
    def get_queryset(self):
        return Supporter.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        spaces = ExperimentationSpace.objects.published().filter(host=self.object)
        return super().get_context_data(
            spaces=spaces.order_by("name"),
            back_querystring=back_to_results(self.request),
            # The innovations it can help, for its managers (front/receivers.py).
            **extra_detail_context(self.object, self.request),
            **kwargs,
        )


class SpaceListView(FilteredListView):
    template_name = "supporters/space_list.html"
    model = ExperimentationSpace
    filterset_class = SpaceFilterSet
    default_sort = "name"
    sort_orders = {"name": ("name", "pk")}


class SpaceDetailView(DetailView):
    template_name = "supporters/space_detail.html"

    def get_queryset(self):
        return ExperimentationSpace.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            back_querystring=back_to_results(self.request),
            **extra_detail_context(self.object, self.request),
            **kwargs,
        )
