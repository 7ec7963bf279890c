from django.views.generic import DetailView

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
            manager_matches=self.manager_matches(),
            **kwargs,
        )

    def manager_matches(self):
        """The innovations this supporter can help, for its managers only (None for anyone
        else). Anonymous pages are cached (hubsi/caching.py), so this never lands in a page
        another visitor gets: signed-in people always get a fresh page."""
        user = self.request.user
        if not user.is_authenticated or not self.object.managers.filter(pk=user.pk).exists():
            return None
        from hubsi.matching import innovations_for_supporter

        return innovations_for_supporter(self.object)


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
        return super().get_context_data(back_querystring=back_to_results(self.request), **kwargs)
