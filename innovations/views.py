from django.db.models import Count, Q
from django.views.generic import DetailView

from hubsi.models import Status
from hubsi.signals import extra_detail_context
from hubsi.views import FilteredListView, back_to_results
from innovations.filters import ChallengeFilterSet, InnovationFilterSet
from innovations.models import Challenge, Innovation


class InnovationListView(FilteredListView):
    model = Innovation
    filterset_class = InnovationFilterSet
    default_sort = "recent"
    sort_orders = {"recent": ("-published_at", "-pk"), "name": ("name", "pk")}


class InnovationDetailView(DetailView):
    """The innovation, problem first, then who and what can help it: the matches come from
    front/matching.py through the `detail_context` hook (hubsi/signals.py)."""

    slug_url_kwarg = "slug"

    def get_queryset(self):
        # `for_detail()` prefetches everything matching reads from the innovation itself.
        return Innovation.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            back_querystring=back_to_results(self.request),
            **extra_detail_context(self.object, self.request),
            **kwargs,
        )


class ChallengeListView(FilteredListView):
    model = Challenge
    filterset_class = ChallengeFilterSet
    default_sort = "name"

    @property
    def sort_orders(self):
        return {"name": Challenge.objects.order_by_name().query.order_by}

    def base_queryset(self):
        return (
            Challenge.objects.active()
            .select_related("theme")
            .annotate(
                innovation_count=Count(
                    "innovations", filter=Q(innovations__status=Status.PUBLISHED), distinct=True
                )
            )
        )
